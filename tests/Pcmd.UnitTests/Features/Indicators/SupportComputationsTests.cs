using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Indicators;
using Pcmd.Web.Features.ServiceDirectory;
using Pcmd.Web.Features.Support;
using Pcmd.Web.Features.Targets;
using Pcmd.Web.Features.Users;

namespace Pcmd.UnitTests.Features.Indicators;

/// <summary>The support computations against figures counted by hand, on the units of <see cref="RegistryFixture"/> (Phú Lãm merged
/// into Phú Lương on 1/7/2025). Cases (unit, group, opened/closed, need eligible?, referral → outcome):
///   C1 Phú Lãm   sex worker 2024-03-01, legal eligible;   referred 2024-03-20 and 2024-04-10, service given 2024-04-01 (the first)
///   C2 Phú Lãm   sex worker 2024-06-01, health eligible;  referred 2024-06-20, service given 2025-02-01
///   C3 Phú Lương sex worker 2025-08-01, jobs eligible;    no referral
///   C4 Phú Lương sex worker 2025-09-01, loans NOT eligible; referred 2025-09-20, service given 2025-10-01
///   C5 Hà Đông   sex worker 2025-07-20, psychological eligible; referred 2025-08-01, service given 2025-08-15
///   C6 Phú Lương at risk    2025-08-01, health eligible;  referred 2025-08-10, service given 2025-09-01
///   C7 Phú Lãm   sex worker 2024-01-10, closed 2024-12-31, legal eligible; referred 2024-02-01, service given 2024-05-01
/// Contacts (unit, date, people): Phú Lãm 2024-03-01 1 (C1) · Phú Lãm 2024-05-01 6 (anonymous) · Phú Lương 2025-09-01 1 (C3) ·
/// Hà Đông 2025-08-01 4 (anonymous).</summary>
public sealed class SupportComputationsTests(RegistryFixture data) : IClassFixture<RegistryFixture>
{
    static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    async Task<Actual> Compute(Computation c, string unit, int year)
    {
        using var scope = data.Services.CreateScope();
        await Seed(scope.ServiceProvider.GetRequiredService<PcmdDbContext>(), data.Units);
        var areas = scope.ServiceProvider.GetRequiredService<IndicatorAreas>();
        return await scope.ServiceProvider.GetRequiredService<IndicatorComputations>()
            .Compute(c, await areas.ForQuery(data.Units[unit]), new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
    }

    [Theory]
    // 2024 in Phú Lương's area (Phú Lãm before the merger): C1 given 2024, C2 given only in 2025, C7 given 2024 → 2/3.
    [InlineData("phuLuong", 2024, 2, 3)]
    // 2025: C1 (still open, nothing given in 2025), C2 (given), C3 (nothing); C4 not eligible; C7 closed in 2024 → 1/3.
    [InlineData("phuLuong", 2025, 1, 3)]
    // The old ward alone in 2024, as the merged ward sees it.
    [InlineData("phuLam", 2024, 2, 3)]
    // The city in 2025 adds C5 (Hà Đông, given); C6 is not a sex worker → 2/4.
    [InlineData("city", 2025, 2, 4)]
    public async Task Share_of_eligible_sex_workers_given_a_service(string unit, int year, int num, int den)
    {
        var a = await Compute(Computation.SupportReachedShare, unit, year);
        Assert.Equal((num, (decimal?)den), (a.Value, a.Denominator));
        Assert.True(IndicatorComputations.IsShare(Computation.SupportReachedShare));
    }

    [Theory]
    [InlineData("phuLuong", 2024, 7)]
    [InlineData("phuLuong", 2025, 1)]
    [InlineData("city", 2024, 7)]
    [InlineData("city", 2025, 5)]
    public async Task Outreach_contacts_count_the_people_reached(string unit, int year, int expected)
    {
        var a = await Compute(Computation.OutreachContacts, unit, year);
        Assert.Equal(expected, a.Value);
        Assert.Null(a.Denominator);
    }

    [Theory]
    // 2024: C1 (twice, counted once), C2, C7.
    [InlineData("phuLuong", 2024, 3)]
    // 2025: C4 and C6 in Phú Lương; the city adds C5.
    [InlineData("phuLuong", 2025, 2)]
    [InlineData("city", 2025, 3)]
    public async Task People_referred_are_counted_once(string unit, int year, int expected) =>
        Assert.Equal(expected, (await Compute(Computation.PeopleReferred, unit, year)).Value);

    static readonly SemaphoreSlim Once = new(1, 1);

    /// <summary>Adds the cases above once (also for <see cref="WindowSeriesTests"/>).</summary>
    internal static async Task Seed(PcmdDbContext db, Dictionary<string, int> units)
    {
        await Once.WaitAsync();
        try
        {
            if (await db.SupportCases.AnyAsync()) return;
            var u = units;
            var user = new PcmdUser { Id = "sup-1", UserName = "giamsat-test", FullName = "Giám sát", OrgUnitId = u["city"] };
            db.Users.Add(user);
            var service = new Pcmd.Web.Features.ServiceDirectory.SupportService { Name = "Dịch vụ thử", Kind = SupportServiceKind.SocialWork, OrgUnitId = u["city"], Address = "Số 1" };
            db.SupportServices.Add(service);
            await db.SaveChangesAsync();
            var kinds = await db.NeedKinds.ToDictionaryAsync(k => k.Code, k => k.Id);
            async Task Case(string unit, TargetGroup g, string opened, string need, bool eligible, string? closed, params (string On, string? Given)[] referrals)
            {
                var c = new SupportCase { Code = "HT-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant(), OrgUnitId = u[unit], TargetGroup = g,
                    OpenedOn = D(opened), ClosedOn = closed is null ? null : D(closed), ClosureReason = closed is null ? null : ClosureReason.Reintegrated, SupervisorId = user.Id };
                c.Needs.Add(new CaseNeed { NeedKindId = kinds[need], ScreenedOn = D(opened).AddDays(2), Eligible = eligible });
                db.SupportCases.Add(c);
                await db.SaveChangesAsync();
                foreach (var (on, given) in referrals)
                    db.Referrals.Add(new Referral { CaseId = c.Id, NeedKindId = kinds[need], ServiceId = service.Id, ReferredOn = D(on), ReferredBy = "t",
                        Outcome = given is null ? ReferralOutcome.Received : ReferralOutcome.ServiceGiven, OutcomeOn = given is null ? null : D(given) });
                await db.SaveChangesAsync();
            }
            await Case("phuLam", TargetGroup.SexWorker, "2024-03-01", "legal", true, null, ("2024-03-20", "2024-04-01"), ("2024-04-10", null));
            await Case("phuLam", TargetGroup.SexWorker, "2024-06-01", "health", true, null, ("2024-06-20", "2025-02-01"));
            await Case("phuLuong", TargetGroup.SexWorker, "2025-08-01", "jobs", true, null);
            await Case("phuLuong", TargetGroup.SexWorker, "2025-09-01", "loans", false, null, ("2025-09-20", "2025-10-01"));
            await Case("haDong", TargetGroup.SexWorker, "2025-07-20", "psychological", true, null, ("2025-08-01", "2025-08-15"));
            await Case("phuLuong", TargetGroup.AtRisk, "2025-08-01", "health", true, null, ("2025-08-10", "2025-09-01"));
            await Case("phuLam", TargetGroup.SexWorker, "2024-01-10", "legal", true, "2024-12-31", ("2024-02-01", "2024-05-01"));
            var first = await db.SupportCases.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
            db.OutreachContacts.AddRange(
                new OutreachContact { CaseId = first, OrgUnitId = u["phuLam"], Date = D("2024-03-01"), People = 1, RecordedBy = "t" },
                new OutreachContact { OrgUnitId = u["phuLam"], Date = D("2024-05-01"), People = 6, RecordedBy = "t" },
                new OutreachContact { OrgUnitId = u["phuLuong"], Date = D("2025-09-01"), People = 1, RecordedBy = "t" },
                new OutreachContact { OrgUnitId = u["haDong"], Date = D("2025-08-01"), People = 4, RecordedBy = "t" });
            await db.SaveChangesAsync();
        }
        finally { Once.Release(); }
    }
}
