using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pcmd.IntegrationTests.Features.Establishments;
using Pcmd.IntegrationTests.Features.Inspections;
using Pcmd.IntegrationTests.Features.Monitoring;
using Pcmd.IntegrationTests.Features.Tips;
using Pcmd.IntegrationTests.Infrastructure;
using Pcmd.Web.Features.Indicators;
using Pcmd.Web.Shared;

namespace Pcmd.IntegrationTests.Features.Indicators;

/// <summary>The figure cache (issues 10 and 14) keeps figures live: a warm read gives what an uncached one gives, a write of any
/// register a computation reads shows on the next read, and a write through one node shows on the next read through another
/// (the generations live in the database).</summary>
public abstract class FigureCacheTests(PcmdApp app)
{
    readonly InspectionTestData data = new(app);
    FigureCache Cache(WebApplicationFactory<Program>? node = null) => (node ?? app).Services.GetRequiredService<FigureCache>();

    static string Today => VietnamTime.Today(TimeProvider.System).ToString("yyyy-MM-dd");

    async Task<decimal> ThisYear(HttpClient c, string computation, int unit) =>
        (await c.GetJson<SeriesView>($"/api/v1/monitoring/series?computation={computation}&unitId={unit}&by=year&years=1")).Years.Single().Values.Single() ?? 0;

    [Fact]
    public async Task Cached_figures_are_the_uncached_ones_and_a_warm_read_computes_nothing()
    {
        var leader = await app.SignIn("lanhdao");
        var coordinator = await app.SignIn("dieuphoi");
        var plan = await leader.PlanId("hn-2026-2030");
        var phuLuong = await data.UnitId(InspectionTestData.PhuLuong);
        var bound = await data.Db(db => db.IndicatorBindings.Where(b => db.Indicators.Any(i => i.Id == b.IndicatorId && i.PlanId == plan))
            .OrderBy(b => b.IndicatorId).Select(b => b.IndicatorId).FirstAsync());
        string[] leaderUrls = [$"/api/v1/plans/{plan}/results", $"/api/v1/monitoring/plans/{plan}/dashboard", "/api/v1/monitoring/home",
            $"/api/v1/monitoring/plans/{plan}/dashboard?unitId={phuLuong}", $"/api/v1/monitoring/series?computation=inspectedShare&unitId={phuLuong}",
            $"/api/v1/monitoring/indicators/{bound}/units?sort=-gap"];
        async Task<List<string>> Read() =>
        [
            .. await Task.WhenAll(leaderUrls.Select(u => leader.GetStringAsync(u))),
            await coordinator.GetStringAsync("/api/v1/monitoring/home"),
        ];
        var cache = Cache();
        List<string> uncached;
        try
        {
            cache.Enabled = false;
            uncached = await Read();
        }
        finally { cache.Enabled = true; }
        cache.Clear();
        var cold = await Read();
        var misses = cache.Misses;
        var hits = cache.Hits;
        var warm = await Read();
        Assert.Equal(uncached, cold);
        Assert.Equal(uncached, warm);
        Assert.True(cache.Hits > hits, "the warm read used the cache");
        Assert.Equal(misses, cache.Misses);
    }

    [Fact]
    public async Task A_write_through_the_API_of_each_register_shows_on_the_next_read()
    {
        var ward = await app.SignIn("phuluong");
        var unit = await data.UnitId(InspectionTestData.PhuLuong);
        // Warm: each figure read twice, the second from the cache.
        string[] computations = ["commitmentCount", "inspectionCount", "tipsReceived", "reachedResidents", "inspectedShare"];
        var before = new Dictionary<string, decimal>();
        foreach (var c in computations) { await ThisYear(ward, c, unit); before[c] = await ThisYear(ward, c, unit); }

        var type = await ward.TypeId("KARAOKE");
        var input = EstablishmentApi.Input(data.Unique("Karaoke bộ đệm"), type, unit);
        input["managedFrom"] = "2021-02-01";
        var (establishment, _) = await ward.Create(input);
        Assert.Equal(before["commitmentCount"] + 1, await ThisYear(ward, "commitmentCount", unit));
        Assert.Equal(before["inspectionCount"], await ThisYear(ward, "inspectionCount", unit));

        var (team, members) = await data.Team(ward);
        await (await ward.PostRaw("/api/v1/inspections", InspectionTestData.Inspection(establishment, team, members, Today).ToJsonString()))
            .Json(HttpStatusCode.Created);
        Assert.Equal(before["inspectionCount"] + 1, await ThisYear(ward, "inspectionCount", unit));

        await TipTestData.Create(ward, TipTestData.Input(data.Unique("Tin báo bộ đệm"), unit));
        Assert.Equal(before["tipsReceived"] + 1, await ThisYear(ward, "tipsReceived", unit));

        var evt = new JsonObject
        {
            ["date"] = Today, ["orgUnitId"] = unit, ["kind"] = "meeting", ["title"] = data.Unique("Tuyên truyền bộ đệm"), ["materialsDistributed"] = 0,
            ["audiences"] = new JsonArray(new JsonObject { ["group"] = "residents", ["peopleReached"] = 37 }), ["version"] = 0,
        };
        await (await ward.PostRaw("/api/v1/communication-events", evt.ToJsonString())).Json(HttpStatusCode.Created);
        Assert.Equal(before["reachedResidents"] + 37, await ThisYear(ward, "reachedResidents", unit));
    }

    [Fact]
    public async Task A_write_through_one_node_shows_on_the_next_read_through_another()
    {
        await using var nodeB = app.WithWebHostBuilder(_ => { });
        var onB = nodeB.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        (await onB.PostAsync("/api/v1/auth/login", JsonContent("""{ "userName": "phuluong", "password": "Pcmd@2026demo" }"""))).EnsureSuccessStatusCode();
        var onA = await app.SignIn("phuluong");
        var unit = await data.UnitId(InspectionTestData.PhuLuong);
        await ThisYear(onB, "tipsReceived", unit);
        var before = await ThisYear(onB, "tipsReceived", unit);
        var hits = Cache(nodeB).Hits;
        Assert.Equal(before, await ThisYear(onB, "tipsReceived", unit));
        Assert.True(Cache(nodeB).Hits > hits, "node B answers from its cache");

        await TipTestData.Create(onA, TipTestData.Input(data.Unique("Tin báo hai nút"), unit));
        // No waiting: node B reads the generation from the database on its next request.
        Assert.Equal(before + 1, await ThisYear(onB, "tipsReceived", unit));
        Assert.Equal(before + 1, await ThisYear(onA, "tipsReceived", unit));
    }

    static StringContent JsonContent(string json) => new(json, System.Text.Encoding.UTF8, "application/json");
}

[Collection(SqliteCollection.Name)]
public sealed class FigureCacheTestsOnSqlite(SqliteApp app) : FigureCacheTests(app);

[Collection(PostgresCollection.Name)]
public sealed class FigureCacheTestsOnPostgres(PostgresApp app) : FigureCacheTests(app);
