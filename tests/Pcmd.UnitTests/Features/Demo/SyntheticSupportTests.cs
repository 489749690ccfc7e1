using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pcmd.Web.Features.Support;
using Pcmd.Web.Features.Synthetic;

namespace Pcmd.UnitTests.Features.Demo;

/// <summary>The support part of the generator (issue 12, item 9) at a small version of the city scale on Hà Nội's real units: the
/// same seed gives the same cases; identifying fields only with consent to being recorded, and encrypted in the database; each
/// worker's caseload is bounded; referrals rest on a referral consent; group members consented to being referred.</summary>
public sealed class SyntheticSupportTests
{
    static readonly SyntheticScale Small = SyntheticScale.City with { SupportCases = 500, SupportContacts = 10_000 };

    static async Task<SyntheticFixture.Database> Make(int seed)
    {
        var database = await SyntheticFixture.Make(null);
        using var scope = database.Scope();
        database.Result = await scope.ServiceProvider.GetRequiredService<SyntheticData>().Generate(new SyntheticOptions(Small, seed, SupportOnly: true));
        return database;
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_cases_identities_only_with_consent_and_encrypted_at_rest()
    {
        using var first = await Make(3);
        using var second = await Make(3);
        using var a = first.Scope();
        using var b = second.Scope();
        var db = first.Db(a);
        var cases = await db.SupportCases.AsNoTracking().Include(c => c.Consents).Include(c => c.Workers).OrderBy(c => c.Id).ToListAsync();
        var again = await second.Db(b).SupportCases.AsNoTracking().OrderBy(c => c.Id).ToListAsync();
        Assert.Equal(500, cases.Count);
        Assert.Equal(cases.Select(c => (c.Code, c.OrgUnitId, c.OpenedOn, c.ClosedOn, c.Name)), again.Select(c => (c.Code, c.OrgUnitId, c.OpenedOn, c.ClosedOn, c.Name)));
        Assert.Equal(500, first.Result.Support.Cases);
        Assert.Equal(cases.Count, cases.Select(c => c.Code).Distinct().Count());

        // Identity only with a consent to being recorded; a realistic mix of both.
        Assert.All(cases, c => Assert.Equal(c.Consents.Any(k => k.Kind == ConsentKind.Recorded), c.Name is not null && c.Phone is not null));
        Assert.InRange(cases.Count(c => c.Name is not null), 250, 400);
        // In the database the name is ciphertext, never the clear name.
        using (var cmd = first.Connection.CreateCommand())
        {
            cmd.CommandText = "SELECT \"Name\" FROM support_cases WHERE \"Name\" IS NOT NULL";
            using var reader = await cmd.ExecuteReaderAsync();
            var clear = cases.Where(c => c.Name is not null).Select(c => c.Name!).ToHashSet();
            var n = 0;
            while (await reader.ReadAsync())
            {
                var stored = reader.GetString(0);
                Assert.StartsWith("enc1:", stored);
                Assert.DoesNotContain(stored, clear);
                n++;
            }
            Assert.Equal(cases.Count(c => c.Name is not null), n);
        }

        Assert.All(cases.GroupBy(c => c.Workers.Single().UserId), g => Assert.InRange(g.Count(), 1, SupportFaker.CasesPerWorker));
        var referrals = await db.Referrals.AsNoTracking().ToListAsync();
        Assert.NotEmpty(referrals);
        var consents = cases.SelectMany(c => c.Consents).ToDictionary(k => k.Id);
        Assert.All(referrals, r =>
        {
            var k = consents[r.ConsentId!.Value];
            Assert.Equal((ConsentKind.Referral, r.CaseId), (k.Kind, k.CaseId));
            Assert.True(r.ReferredOn >= cases.First(c => c.Id == r.CaseId).OpenedOn);
        });
        var contacts = await db.OutreachContacts.CountAsync();
        Assert.InRange(contacts, 7_000, 13_000);
        var members = await db.GroupMembers.AsNoTracking().ToListAsync();
        Assert.NotEmpty(members);
        Assert.All(members, m => Assert.Contains(cases.First(c => c.Id == m.CaseId).Consents, k => k.Kind == ConsentKind.Referral && k.WithdrawnOn == null));
        Assert.True(await db.MeetingAttendees.AnyAsync());
    }
}
