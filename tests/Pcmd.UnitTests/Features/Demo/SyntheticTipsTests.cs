using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pcmd.Web.Features.Enforcement;
using Pcmd.Web.Features.Inspections;
using Pcmd.Web.Features.Synthetic;
using Pcmd.Web.Features.Tips;

namespace Pcmd.UnitTests.Features.Demo;

/// <summary>The tips and enforcement part of the generator (issue 11, item 7), at a small version of the city scale on Hà
/// Nội's real units: the same seed gives the same records; tips follow the workflow and its deadlines; some are late,
/// some open and overdue, some duplicates; cases go through their stages in order; sanctions cite a decree in force.</summary>
public sealed class SyntheticTipsTests
{
    static readonly SyntheticScale Small = SyntheticScale.City with { Tips = 3_000, CriminalCases = 150, AdministrativeSanctions = 300 };

    static async Task<SyntheticFixture.Database> Make(int seed)
    {
        var database = await SyntheticFixture.Make(null);
        using var scope = database.Scope();
        database.Result = await scope.ServiceProvider.GetRequiredService<SyntheticData>()
            .Generate(new SyntheticOptions(Small, seed, TipsAndCasesOnly: true));
        return database;
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_tips_and_cases_and_every_tip_follows_its_workflow()
    {
        using var first = await Make(5);
        using var second = await Make(5);
        using var a = first.Scope();
        using var b = second.Scope();
        var tips = await first.Db(a).Tips.AsNoTracking().Include(t => t.Steps).OrderBy(t => t.Id).ToListAsync();
        var again = await second.Db(b).Tips.AsNoTracking().Include(t => t.Steps).OrderBy(t => t.Id).ToListAsync();
        Assert.Equal(3_000, tips.Count);
        Assert.Equal(tips.Select(t => (t.Code, t.State, t.OrgUnitId, t.ReceivedAt, t.Steps.Count)), again.Select(t => (t.Code, t.State, t.OrgUnitId, t.ReceivedAt, t.Steps.Count)));
        Assert.Equal(await first.Db(a).CriminalCases.Select(c => new { c.Reference, c.DetectedOn, c.TriedOn }).OrderBy(c => c.Reference).ToListAsync(),
            await second.Db(b).CriminalCases.Select(c => new { c.Reference, c.DetectedOn, c.TriedOn }).OrderBy(c => c.Reference).ToListAsync());
        Assert.Equal(0, first.Result.Establishments);
        Assert.Equal(3_000, first.Result.Enforcement.Tips);

        var units = await first.Db(a).OrgUnits.AsNoTracking().ToDictionaryAsync(u => u.Id);
        var merger = new DateOnly(2025, 7, 1);
        foreach (var t in tips)
        {
            var steps = t.Steps.OrderBy(s => s.Id).ToList();
            Assert.Equal(TipState.Received, steps[0].State);
            for (var i = 1; i < steps.Count; i++)
            {
                Assert.Null(TipWorkflow.Problem(steps[i - 1].State, t.Relevance, steps[i].State));
                Assert.Equal(DateOnly.FromDateTime(steps[i].At) <= steps[i].DueOn, steps[i].OnTime);
            }
            Assert.Equal(steps[^1].State, t.State);
            Assert.Equal(t.State == TipState.Closed, t.NextDueOn is null);
            // Where it happened: an old commune before the merger of 1/7/2025, a current one after.
            var received = DateOnly.FromDateTime(t.ReceivedAt.AddHours(7));
            var unit = units[t.OrgUnitId];
            Assert.True(unit.ValidTo is null || received <= unit.ValidTo, $"{t.Code} in {unit.Name} after it ended");
            if (received >= merger) Assert.Null(unit.ValidTo);
            if (t.Channel == TipChannel.PublicPortal) Assert.Equal(0, t.ReceivedAt.Minute + t.ReceivedAt.Second);
            if (t.DuplicateOfId is { } original) Assert.Contains(tips, o => o.Id == original && o.Id < t.Id && o.OrgUnitId == t.OrgUnitId);
        }
        var late = tips.Count(t => t.Steps.Any(s => !s.OnTime));
        Assert.InRange(late, tips.Count * 5 / 100, tips.Count * 25 / 100);
        Assert.Contains(tips, t => t.State != TipState.Closed && t.NextDueOn < Small.Until);
        Assert.Contains(tips, t => t.Relevance == TipRelevance.Duplicate);
        Assert.True(await first.Db(a).Set<TipExtension>().AnyAsync());
    }

    [Fact]
    public async Task Cases_go_through_their_stages_in_order_and_sanctions_cite_a_decree_in_force()
    {
        using var data = await Make(9);
        using var scope = data.Scope();
        var db = data.Db(scope);
        var cases = await db.CriminalCases.AsNoTracking().ToListAsync();
        Assert.Equal(150, cases.Count);
        foreach (var c in cases)
        {
            Assert.True(c.InstitutedOn is null || c.InstitutedOn >= c.DetectedOn);
            Assert.True(c.IndictedOn is null || (c.InstitutedOn is not null && c.IndictedOn >= c.InstitutedOn));
            Assert.True(c.TriedOn is null || (c.IndictedOn is not null && c.TriedOn >= c.IndictedOn));
            Assert.Equal(c.TriedOn is null ? 0 : c.AccusedCount, c.DefendantsCount);
            Assert.False(c.MobileTrial && c.TriedOn is null);
        }
        Assert.Contains(cases, c => c.IndictedOn is not null && c.TriedOn is null);   // the share tried of those indicted is below 100 %
        Assert.Contains(cases, c => c.TriedOn is not null);
        var decrees = await db.Decrees.AsNoTracking().ToDictionaryAsync(d => d.Id);
        var sanctions = await db.AdministrativeSanctions.AsNoTracking().ToListAsync();
        Assert.Equal(300, sanctions.Count);
        Assert.All(sanctions, s => Assert.True(decrees[s.DecreeId].InForceOn(s.Date), $"{s.DecisionNumber} on {s.Date}"));
        Assert.All(sanctions.Where(s => s.Kind == SanctionKind.Fine), s => Assert.True(s.Amount > 0));
        Assert.All(sanctions, s => Assert.NotEqual(SanctionTarget.Premises, s.Target));   // no establishment was generated
    }
}
