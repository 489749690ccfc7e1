using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Pcmd.IntegrationTests.Features.Establishments;
using Pcmd.IntegrationTests.Features.Indicators;
using Pcmd.IntegrationTests.Features.Inspections;
using Pcmd.IntegrationTests.Features.Plans;
using Pcmd.IntegrationTests.Infrastructure;
using Pcmd.Web.Features.Indicators;
using Pcmd.Web.Features.Monitoring;
using Pcmd.Web.Shared;

namespace Pcmd.IntegrationTests.Features.Monitoring;

/// <summary>Issue 14's freshness at city scale: after a write, a figure held per unit is brought up to date by recomputing the units
/// the write changed (FigureChanges). Each step writes through HTTP, reads the drill-down (patched), then empties the cache and
/// reads it again (computed afresh): the two answers are the same, on both databases.</summary>
public abstract class FigurePatchTests(PcmdApp app)
{
    readonly IndicatorTestData data = new(app);
    readonly InspectionTestData inspections = new(app);

    [Fact]
    public async Task A_write_is_patched_into_the_held_figures_exactly_as_a_fresh_computation_gives_them()
    {
        var (admin, _, indicator, version) = await data.NewPlan("patch");
        (await admin.PutRaw($"/api/v1/indicators/{indicator}/binding?version={version}", """{ "computation": "inspectedShare" }""")).EnsureSuccessStatusCode();
        var year = VietnamTime.Today(TimeProvider.System).Year;
        var url = $"/api/v1/monitoring/indicators/{indicator}/units?year={year}";
        var (phuLuong, haDong) = (await data.UnitId(InspectionTestData.PhuLuong), await data.UnitId(InspectionTestData.HaDong));
        var cache = app.Services.GetRequiredService<FigureCache>();

        async Task<IndicatorDashboardView> Patched()
        {
            var before = cache.Patched;
            var view = await admin.GetJson<IndicatorDashboardView>(url);
            Assert.True(cache.Patched > before, "the figures were computed afresh, not brought up to date");
            cache.Clear();
            var fresh = await admin.GetJson<IndicatorDashboardView>(url);
            Assert.Equal(JsonSerializer.Serialize(fresh), JsonSerializer.Serialize(view));
            return view;
        }
        (decimal Num, decimal Den) Of(IndicatorDashboardView v, int unit) =>
            v.Units.SingleOrDefault(u => u.Unit.Id == unit)?.Result.Actual is { } a ? (a.Value, a.Denominator ?? 0) : (0, 0);

        // The team first: a team is not counted in a unit, so writing one makes every figure reading inspections compute afresh.
        var (team, members) = await inspections.Team(admin);
        await admin.GetJson<IndicatorDashboardView>(url);
        var start = await admin.GetJson<IndicatorDashboardView>(url);

        // A new establishment under management in Phú Lương: one more to inspect there, nowhere else.
        var type = await admin.TypeId("KARAOKE");
        var input = EstablishmentApi.Input(data.Unique("Karaoke vá số liệu"), type, phuLuong);
        input["managedFrom"] = $"{year}-01-01";
        var (establishment, establishmentVersion) = await admin.Create(input);
        var added = await Patched();
        Assert.Equal((Of(start, phuLuong).Num, Of(start, phuLuong).Den + 1), Of(added, phuLuong));
        Assert.Equal(Of(start, haDong), Of(added, haDong));

        // Inspected today: counted as inspected in its ward.
        var inspection = InspectionTestData.Inspection(establishment, team, members, VietnamTime.Today(TimeProvider.System).ToString("yyyy-MM-dd"));
        await (await admin.PostRaw("/api/v1/inspections", inspection.ToJsonString())).Json(HttpStatusCode.Created);
        var inspected = await Patched();
        Assert.Equal((Of(added, phuLuong).Num + 1, Of(added, phuLuong).Den), Of(inspected, phuLuong));

        // Moved to Hà Đông: it and its inspection (recorded in Phú Lương) now count there.
        input["orgUnitId"] = haDong;
        input["version"] = establishmentVersion;
        await (await admin.PutRaw($"/api/v1/establishments/{establishment}", input.ToJsonString())).Json<Versioned>(HttpStatusCode.OK);
        var moved = await Patched();
        Assert.Equal(Of(start, phuLuong), Of(moved, phuLuong));
        Assert.Equal((Of(start, haDong).Num + 1, Of(start, haDong).Den + 1), Of(moved, haDong));
        Assert.Equal(moved.Total.Actual!.Value, moved.Units.Sum(u => u.Result.Actual?.Value ?? 0));
    }

    /// <summary>The SQL of every patchable computation restricted to a few units runs on both databases and gives exactly those
    /// units' figures: what a figure is patched with after a write.</summary>
    [Fact]
    public async Task Every_patchable_computation_recomputes_a_few_units_as_it_computes_them_all()
    {
        var (oldWard, newWard) = await data.MergedWard();
        int[] units = [oldWard, newWard, await data.UnitId(InspectionTestData.PhuLuong)];
        var city = await data.UnitId("01");
        var today = VietnamTime.Today(TimeProvider.System);
        var keys = Enum.GetValues<Computation>().Where(IndicatorComputations.Patchable).SelectMany(c =>
            OutlookKeys.For(c, new(2025, 1, 1), new(2025, 12, 31), 2025, today).All
                .Concat(OutlookKeys.For(c, new(today.Year, 1, 1), new(today.Year, 12, 31), today.Year, today).All)).Distinct().ToList();
        using var scope = app.Services.CreateScope();
        var computations = new IndicatorComputations(scope.ServiceProvider.GetRequiredService<Pcmd.Web.Data.PcmdDbContext>());
        var all = await computations.ComputeByUnit(keys, city);
        var some = await computations.ByUnit(keys, city, units, CancellationToken.None);
        Assert.Contains(all.Values, v => units.Any(v.ContainsKey));   // the wards have records: the comparison is not empty
        foreach (var k in keys)
            Assert.Equal(all[k].Where(x => units.Contains(x.Key)).OrderBy(x => x.Key), some[k].OrderBy(x => x.Key));
    }

    /// <summary>The warmer leaves every figure of the plans in force in the node's cache: the leader's first look at the city's plan
    /// and at its drill-downs computes nothing, and what it shows is what a cold node computes.</summary>
    [Fact]
    public async Task After_the_warmer_the_leaders_dashboards_are_served_from_the_cache()
    {
        var cache = app.Services.GetRequiredService<FigureCache>();
        var leader = await app.SignIn("lanhdao");
        var planId = await leader.PlanId("hn-2026-2030");
        var year = VietnamTime.Today(TimeProvider.System).Year;
        var url = $"/api/v1/monitoring/plans/{planId}/dashboard?year={year}";
        cache.Clear();
        var cold = JsonSerializer.Serialize(await leader.GetJson<PlanDashboardView>(url));
        cache.Clear();
        Assert.True(await app.Services.GetRequiredService<FigureWarmer>().RunOnce(CancellationToken.None) > 0);
        var misses = cache.Misses;
        Assert.Equal(cold, JsonSerializer.Serialize(await leader.GetJson<PlanDashboardView>(url)));
        var bound = (await leader.GetJson<PlanDashboardView>(url)).Indicators.First(i => i.Result.TargetText != "" && i.Outlook.Trend.Count > 0);
        await leader.GetJson<IndicatorDashboardView>($"/api/v1/monitoring/indicators/{bound.Result.IndicatorId}/units?year={year}");
        Assert.Equal(misses, cache.Misses);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class FigurePatchTestsOnSqlite(SqliteApp app) : FigurePatchTests(app);

[Collection(PostgresCollection.Name)]
public sealed class FigurePatchTestsOnPostgres(PostgresApp app) : FigurePatchTests(app);
