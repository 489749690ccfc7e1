using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Hotspots;
using Pcmd.Web.Features.Indicators;
using Pcmd.Web.Features.Inspections;
using Pcmd.Web.Features.Monitoring;

namespace Pcmd.UnitTests.Features.Indicators;

/// <summary>After a write, a figure held per unit is brought up to date by recomputing only the units the write changed
/// (<see cref="FigureChanges"/>): which units a write touches, when the log cannot be trusted, and, write after write on the
/// registry of <see cref="RegistryFixture"/> (its own copy: these tests write), every patched figure equal to the same figure
/// computed afresh, per unit, in every area, for every computation reading the records written.</summary>
public sealed class FigurePatchTests : IDisposable
{
    readonly RegistryFixture registry = new();

    public void Dispose() => registry.Dispose();

    static readonly Computation[] RegistryReads =
    [
        Computation.InspectedShare, Computation.HighRiskInspectedShare, Computation.EstablishmentsInspected, Computation.CommitmentShare,
        Computation.CommitmentCount, Computation.InspectionCount, Computation.PeopleInformed, Computation.HotspotsEliminated,
        Computation.HotspotsReEmerged, Computation.NewHotspots,
    ];

    static readonly Computation[] TipAndCaseReads =
    [
        Computation.TipsReceived, Computation.TipsHandledOnTimeShare, Computation.CriminalCasesDetected, Computation.CriminalCasesTried,
        Computation.DefendantsTried, Computation.TriedShareOfIndicted, Computation.PeopleSanctioned, Computation.SellersSanctioned, Computation.FinesTotal,
    ];

    static readonly string[] Areas = ["city", "phuLuong", "phuLam", "haDong"];

    /// <summary>A dashboard's windows of each computation (months, previous years) and a two-year window.</summary>
    static List<FigureKey> Keys(Computation[] read) =>
        [.. read.SelectMany(c => OutlookKeys.For(c, new(2025, 1, 1), new(2025, 12, 31), 2025, new(2025, 11, 20)).All
            .Append(new FigureKey(c, new(2024, 1, 1), new(2025, 12, 31)))).Distinct()];

    T In<T>(Func<PcmdDbContext, T> f)
    {
        using var scope = registry.Services.CreateScope();
        return f(scope.ServiceProvider.GetRequiredService<PcmdDbContext>());
    }

    static async Task Write(ServiceProvider services, Func<PcmdDbContext, Task> change)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PcmdDbContext>();
        await change(db);
        await db.SaveChangesAsync();
    }

    /// <summary>Every key per unit in every area, through the cache (one request each).</summary>
    static async Task<List<string>> Figures(ServiceProvider services, Dictionary<string, int> units, Computation[] read, FigureCache? cache)
    {
        var lines = new List<string>();
        foreach (var area in Areas)
        {
            using var scope = services.CreateScope();
            var computations = new IndicatorComputations(scope.ServiceProvider.GetRequiredService<PcmdDbContext>(), cache);
            var byUnit = await computations.ComputeByUnit(Keys(read), units[area]);
            var totals = await computations.Compute(Keys(read), units[area]);
            foreach (var (k, v) in byUnit.OrderBy(x => x.Key.ToString()))
                lines.Add($"{area} {k}: {string.Join(' ', v.OrderBy(u => u.Key).Select(u => $"{u.Key}={u.Value}"))} total {totals[k].Value}/{totals[k].Denominator}");
        }
        return lines;
    }

    /// <summary>Each write in turn, then every figure through the cache equal to it computed afresh, and brought up to date.</summary>
    static async Task AssertEachWritePatched(ServiceProvider services, FigureCache cache, Func<FigureCache?, Task<List<string>>> figures,
        IEnumerable<Func<PcmdDbContext, Task>> writes)
    {
        foreach (var write in writes)
        {
            var before = cache.Patched;
            await Write(services, write);
            Assert.Equal(await figures(null), await figures(cache));
            Assert.True(cache.Patched > before, "brought up to date unit by unit, not computed afresh");
        }
    }

    [Fact]
    public async Task Write_after_write_the_patched_figures_equal_the_fresh_ones()
    {
        var cache = new FigureCache(new ConfigurationBuilder().Build());
        Task<List<string>> Figures(FigureCache? c) => FigurePatchTests.Figures(registry.Services, registry.Units, RegistryReads, c);
        Assert.Equal(await Figures(null), await Figures(cache));
        var (e1, e2, e7) = (registry.Establishments["E1"], registry.Establishments["E2"], registry.Establishments["E7"]);
        var team = In(db => db.InspectionTeams.Select(t => t.Id).First());
        Func<PcmdDbContext, Task>[] writes =
        [
            // E7 (Vạn Phúc, merged into Hà Đông and Phú Lương) inspected in 2025, recorded in Hà Đông.
            db => { db.Inspections.Add(new Inspection { EstablishmentId = e7, OrgUnitId = registry.Units["haDong"], TeamId = team, Date = new(2025, 4, 2), Kind = InspectionKind.Planned, OwnersInformed = 2 }); return Task.CompletedTask; },
            // E1's 2025 inspection (recorded in Phú Lương, E1 in Phú Lãm) moved to another day.
            async db => (await db.Inspections.SingleAsync(i => i.EstablishmentId == e1 && i.Date == new DateOnly(2025, 9, 1))).Date = new(2025, 2, 1),
            // E2 moved from Phú Lãm to Hà Đông, high risk, its commitment signed.
            async db => { var e = await db.Establishments.SingleAsync(x => x.Id == e2); e.OrgUnitId = registry.Units["haDong"]; e.RiskClass = Pcmd.Web.Features.Establishments.RiskClass.High; e.CommitmentSigned = true; e.CommitmentDate = new(2025, 5, 5); },
            // E2's inspection deleted.
            async db => db.Inspections.Remove(await db.Inspections.SingleAsync(i => i.EstablishmentId == e2)),
            // H2 (Phú Lương) eliminated, H4 (Vạn Phúc) re-emerged.
            async db =>
            {
                var h2 = await db.Hotspots.SingleAsync(h => h.Name == "H2");
                db.HotspotEvents.Add(new HotspotEvent { HotspotId = h2.Id, Kind = HotspotEventKind.Eliminated, Date = new(2025, 10, 10) });
                var h4 = await db.Hotspots.SingleAsync(h => h.Name == "H4");
                db.HotspotEvents.Add(new HotspotEvent { HotspotId = h4.Id, Kind = HotspotEventKind.ReEmerged, Date = new(2025, 11, 1) });
            },
        ];
        await AssertEachWritePatched(registry.Services, cache, Figures, writes);
    }

    [Fact]
    public async Task Tips_cases_and_sanctions_are_patched_as_they_are_computed_afresh()
    {
        using var data = new TipFactsFixture();
        var cache = new FigureCache(new ConfigurationBuilder().Build());
        Task<List<string>> Figures(FigureCache? c) => FigurePatchTests.Figures(data.Services, data.Units, TipAndCaseReads, c);
        Assert.Equal(await Figures(null), await Figures(cache));
        Func<PcmdDbContext, Task>[] writes =
        [
            // T4 (Phú Lương, closed on time) gets a late step: a step belongs to its tip, counted in the tip's unit.
            async db => db.Set<Pcmd.Web.Features.Tips.TipStep>().Add(new Pcmd.Web.Features.Tips.TipStep
            {
                TipId = (await db.Tips.OrderBy(t => t.ReceivedAt).Skip(3).FirstAsync()).Id, State = Pcmd.Web.Features.Tips.TipState.Verifying,
                At = new DateTime(2025, 8, 20, 2, 0, 0, DateTimeKind.Utc), OnTime = false,
            }),
            // C2 (Vạn Phúc) tried; C4 (Hà Đông) moved to Phú Lương.
            async db =>
            {
                (await db.CriminalCases.SingleAsync(c => c.Reference == "C2")).TriedOn = new(2025, 3, 3);
                (await db.CriminalCases.SingleAsync(c => c.Reference == "C4")).OrgUnitId = data.Units["phuLuong"];
            },
            // S4 (Vạn Phúc, a seller fined) deleted.
            async db => db.AdministrativeSanctions.Remove(await db.AdministrativeSanctions.SingleAsync(s => s.Amount == 1_000_000)),
        ];
        await AssertEachWritePatched(data.Services, cache, Figures, writes);
    }

    [Fact]
    public async Task An_inspection_touches_its_own_unit_and_its_establishments()
    {
        var (phuLam, phuLuong) = (registry.Units["phuLam"], registry.Units["phuLuong"]);
        var team = In(db => db.InspectionTeams.Select(t => t.Id).First());
        await Write(registry.Services, db =>
        {
            db.Inspections.Add(new Inspection { EstablishmentId = registry.Establishments["E1"], OrgUnitId = phuLuong, TeamId = team, Date = new(2026, 1, 5), Kind = InspectionKind.Planned });
            return Task.CompletedTask;
        });
        var last = In(db => db.Generations.Single(g => g.Kind == "Inspections").Generation);
        Assert.Equal(new[] { phuLam, phuLuong }.Order(), In(db => db.Set<FigureChange>().Where(c => c.Kind == "Inspections" && c.Generation == last).Select(c => c.UnitId).ToList()).Order());
        using var scope = registry.Services.CreateScope();
        var units = await FigureChanges.UnitsBetween(scope.ServiceProvider.GetRequiredService<PcmdDbContext>(), RecordKind.Inspections, last - 1, last, default);
        Assert.Equal(new HashSet<int> { phuLam, phuLuong }, units);
    }

    /// <summary>An establishment loaded before another user moved it: the inspection saved for it touches the ward it is in now,
    /// read in the writing transaction, not the ward the stale copy says.</summary>
    [Fact]
    public async Task A_belonging_record_loaded_before_it_moved_lends_its_unit_of_now()
    {
        var (phuLam, haDong) = (registry.Units["phuLam"], registry.Units["haDong"]);
        var e2 = registry.Establishments["E2"];
        var team = In(db => db.InspectionTeams.Select(t => t.Id).First());
        using var scope = registry.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PcmdDbContext>();
        var stale = await db.Establishments.SingleAsync(e => e.Id == e2);
        Assert.Equal(phuLam, stale.OrgUnitId);
        await Write(registry.Services, async other => (await other.Establishments.SingleAsync(e => e.Id == e2)).OrgUnitId = haDong);
        db.Inspections.Add(new Inspection { EstablishmentId = e2, OrgUnitId = phuLam, TeamId = team, Date = new(2025, 2, 2), Kind = InspectionKind.Planned });
        await db.SaveChangesAsync();
        var last = In(x => x.Generations.Single(g => g.Kind == "Inspections").Generation);
        Assert.Equal(new[] { phuLam, haDong }.Order(), In(x => x.Set<FigureChange>().Where(c => c.Kind == "Inspections" && c.Generation == last).Select(c => c.UnitId).ToList()).Order());
    }

    [Fact]
    public async Task A_record_not_counted_in_a_unit_or_a_generation_without_its_units_makes_every_unit_changed()
    {
        using var scope = registry.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PcmdDbContext>();
        var start = await db.Generations.Where(g => g.Kind == "Inspections").Select(g => g.Generation).SingleAsync();
        // A team is not counted in any unit's figures: "anywhere".
        db.InspectionTeams.Add(new InspectionTeam { Name = "Đội mới", Kind = TeamKind.Interagency178, OrgUnitId = registry.Units["city"] });
        await db.SaveChangesAsync();
        Assert.Equal([FigureChanges.Anywhere], await db.Set<FigureChange>().Where(c => c.Kind == "Inspections" && c.Generation == start + 1).Select(c => c.UnitId).ToListAsync());
        Assert.Null(await FigureChanges.UnitsBetween(db, RecordKind.Inspections, start, start + 1, default));
        // A bulk write bumps the generation and logs no units: the gap reads as "anywhere".
        await FigureGenerations.Bump(db, [RecordKind.Inspections]);
        Assert.Null(await FigureChanges.UnitsBetween(db, RecordKind.Inspections, start + 1, start + 2, default));
        // Nothing since, and a reader behind (a standby): nothing to patch from.
        Assert.Equal([], await FigureChanges.UnitsBetween(db, RecordKind.Inspections, start + 2, start + 2, default));
        Assert.Null(await FigureChanges.UnitsBetween(db, RecordKind.Inspections, start + 3, start + 2, default));
    }
}
