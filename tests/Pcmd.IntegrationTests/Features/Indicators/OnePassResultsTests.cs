using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Pcmd.IntegrationTests.Features.Plans;
using Pcmd.IntegrationTests.Infrastructure;
using Pcmd.Web.Features.Indicators;
using Pcmd.Web.Security;

namespace Pcmd.IntegrationTests.Features.Indicators;

/// <summary>A plan's results in one pass (issue 10): eight indicators of every kind of computation, one a change target,
/// one bound to another unit, on records made for the test (<see cref="IndicatorTestData.MergedWard"/>). The figures are
/// the hand-computed ones, the same as each indicator computed by a query of its own (the path before issue 10, kept as
/// <see cref="IndicatorFigures.OneQueryPerFigure"/>), and the number of SQL commands does not grow with the indicators.</summary>
public abstract class OnePassResultsTests(PcmdApp app)
{
    readonly IndicatorTestData data = new(app);

    /// <summary>Number, target, computation; all bound to the new ward except 6 (the old ward).</summary>
    static readonly (string Number, string Target, string Window, string Computation)[] Indicators =
    [
        ("1", """{ "kind": "percentage", "value": 80 }""", "period", "inspectedShare"),
        ("2", """{ "kind": "count", "value": 5 }""", "year", "inspectionCount"),
        ("3", """{ "kind": "change", "min": 10 }""", "year", "inspectionCount"),
        ("4", """{ "kind": "count", "value": 20 }""", "year", "peopleInformed"),
        ("5", """{ "kind": "percentage", "value": 100 }""", "year", "commitmentShare"),
        ("6", """{ "kind": "count", "value": 2 }""", "year", "establishmentsInspected"),
        ("7", """{ "kind": "zero" }""", "year", "newHotspots"),
        ("8", """{ "kind": "percentage", "value": 100 }""", "year", "highRiskInspectedShare"),
    ];

    async Task<(HttpClient Admin, int PlanId, Dictionary<string, int> Ids)> Plan(string name)
    {
        var admin = await app.SignIn("admin");
        var file = SamplePlan.Create($"one-{name}-{data.Provider}-{Guid.NewGuid():N}"[..40].ToLowerInvariant(), "01", 2025, 2026);
        file.Plan()["indicators"] = new JsonArray(Indicators.Select(i => (JsonNode)new JsonObject
        {
            ["number"] = i.Number, ["text"] = "Chỉ tiêu thử " + i.Number, ["target"] = JsonNode.Parse(i.Target), ["window"] = i.Window,
            ["lead"] = new JsonArray(new JsonObject { ["agency"] = "SYT" }),
        }).ToArray());
        var id = (await (await admin.PostRaw("/api/v1/plans/import", file.ToJsonString())).Json<Versioned>(HttpStatusCode.Created)).Id;
        var plan = await admin.GetJson<PlanView>($"/api/v1/plans/{id}");
        return (admin, id, Indicators.ToDictionary(i => i.Number, i => plan.Indicator(i.Number).Id));
    }

    async Task Bind(HttpClient admin, int indicatorId, string number, int oldWard, int newWard)
    {
        var unit = number == "6" ? oldWard : newWard;
        var computation = Indicators.Single(i => i.Number == number).Computation;
        await (await admin.PutRaw($"/api/v1/indicators/{indicatorId}/binding", $$"""{ "computation": "{{computation}}", "orgUnitId": {{unit}} }"""))
            .Json(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_plans_results_in_one_pass_are_the_hand_computed_figures_and_the_same_as_one_query_per_indicator()
    {
        var (oldWard, newWard) = await data.MergedWard();
        var (admin, planId, ids) = await Plan("same");
        foreach (var (number, id) in ids) await Bind(admin, id, number, oldWard, newWard);

        var results = await admin.GetJson<ResultsView>($"/api/v1/plans/{planId}/results?year=2025");
        (decimal, decimal?, decimal?) Of(string n) => results.Row(n).Actual is { } a ? (a.Value, a.Denominator, a.Previous) : throw new Xunit.Sdk.XunitException(n);
        Assert.Equal((2m, 3m, (decimal?)null), Of("1"));   // A, B, C managed; A (old ward, 3/2025) and C inspected
        Assert.Equal((3m, null, null), Of("2"));
        Assert.Equal((3m, null, 2m), Of("3"));             // 2 inspections in 2024, 3 in 2025
        Assert.Equal((11m, null, null), Of("4"));          // 3 + 3 + 5 informed
        Assert.Equal((2m, 3m, null), Of("5"));             // A and C signed
        Assert.Equal((1m, null, null), Of("6"));           // the old ward alone: A
        Assert.Equal((1m, null, null), Of("7"));           // H1; H2 was targeted before
        Assert.Equal((2m, 2m, null), Of("8"));             // A and C, high risk, both inspected
        Assert.Equal("missed", results.Row("7").Status);

        // In the new ward asked explicitly every indicator is measured there: 6 counts A, C and D.
        var ward = await admin.GetJson<ResultsView>($"/api/v1/plans/{planId}/results?year=2025&unitId={newWard}");
        Assert.Equal(3m, ward.Row("6").Actual!.Value);
        Assert.Equal((3m, 2m), (ward.Row("3").Actual!.Value, ward.Row("3").Actual!.Previous!.Value));

        // The drill-down of the change target from the city: the new ward's row.
        var city = results.PlanUnit.Id;
        var drill = await admin.GetJson<DrillDownView>($"/api/v1/indicators/{ids["3"]}/results?year=2025&unitId={city}");
        var row = drill.Units.Single(u => u.Unit.Id == newWard).Result.Actual!;
        Assert.Equal((3m, 2m), (row.Value, row.Previous!.Value));

        // The same answers, to the last label, as one query per figure (the path before issue 10): the plan's area with its
        // indicators in two units, one unit, the whole city; 2025 and 2026 (the period window then spans two years).
        foreach (var year in new[] { 2025, 2026 })
            foreach (int? unit in new int?[] { null, newWard, oldWard, city })
            {
                if (unit == oldWard && year == 2026) continue;
                Assert.Equal(await Service(false, s => s.ForPlan(UserScope.System, planId, year, unit)),
                    await Service(true, s => s.ForPlan(UserScope.System, planId, year, unit)));
            }
        foreach (var (number, id) in ids)
            foreach (int? unit in new int?[] { null, city })
                Assert.Equal(await Service(false, s => s.ForIndicator(UserScope.System, id, 2025, unit)),
                    await Service(true, s => s.ForIndicator(UserScope.System, id, 2025, unit)));
    }

    [Fact]
    public async Task The_number_of_SQL_commands_of_a_plans_results_does_not_grow_with_its_bound_indicators()
    {
        // The SQL of the figures, every time: a warm cache would run none (FigureCacheTests).
        var cache = app.Services.GetRequiredService<FigureCache>();
        cache.Enabled = false;
        try { await CommandsDoNotGrow(); }
        finally { cache.Enabled = true; }
    }

    async Task CommandsDoNotGrow()
    {
        var (oldWard, newWard) = await data.MergedWard();
        var (admin, planId, ids) = await Plan("count");
        var url = $"/api/v1/plans/{planId}/results?year=2025";
        var ward = $"{url}&unitId={newWard}";
        await Bind(admin, ids["1"], "1", oldWard, newWard);
        await app.CommandsOf(admin, url);   // warm: the tree and the session read once
        var one = (await app.CommandsOf(admin, url), await app.CommandsOf(admin, ward));

        foreach (var (number, id) in ids.Where(i => i.Key != "1")) await Bind(admin, id, number, oldWard, newWard);
        await app.CommandsOf(admin, url);
        var eight = (await app.CommandsOf(admin, url), await app.CommandsOf(admin, ward));
        Assert.Equal(one, eight);
        Assert.Equal(8, (await admin.GetJson<ResultsView>(url)).Indicators.Count(r => r.Actual is not null));

        // The drill-down of a change target (two windows) costs what a plain one does.
        var drill = $"/api/v1/indicators/{{0}}/results?year=2025&unitId={newWard}";
        await app.CommandsOf(admin, string.Format(drill, ids["2"]));
        Assert.Equal(await app.CommandsOf(admin, string.Format(drill, ids["2"])), await app.CommandsOf(admin, string.Format(drill, ids["3"])));
    }

    /// <summary>The service's answer as JSON, in one pass or with one query per figure.</summary>
    async Task<string> Service<T>(bool oneQueryPerFigure, Func<IndicatorResultsService, Task<T>> call)
    {
        using var scope = app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<IndicatorFigures>().OneQueryPerFigure = oneQueryPerFigure;
        // Both paths compute: the second must not be answered by the first's cached figures.
        var cache = app.Services.GetRequiredService<FigureCache>();
        cache.Enabled = false;
        try { return JsonSerializer.Serialize(await call(scope.ServiceProvider.GetRequiredService<IndicatorResultsService>())); }
        finally { cache.Enabled = true; }
    }
}

[Collection(SqliteCollection.Name)]
public sealed class OnePassResultsTestsOnSqlite(SqliteApp app) : OnePassResultsTests(app);

[Collection(PostgresCollection.Name)]
public sealed class OnePassResultsTestsOnPostgres(PostgresApp app) : OnePassResultsTests(app);
