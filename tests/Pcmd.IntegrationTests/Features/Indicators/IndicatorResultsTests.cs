using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Pcmd.IntegrationTests.Features.Plans;
using Pcmd.IntegrationTests.Infrastructure;

namespace Pcmd.IntegrationTests.Features.Indicators;

/// <summary>Computed indicators through HTTP: a plan indicator bound to "inspected at least once" over records made for the
/// test in a ward of their own (an old ward merged into a new one on 1/7/2025), scope, who may bind, and the plan's version.</summary>
public abstract class IndicatorResultsTests(PcmdApp app)
{
    readonly IndicatorTestData data = new(app);

    static Task<ResultsView> Results(HttpClient c, string url) => c.GetJson<ResultsView>(url);

    [Fact]
    public async Task A_bound_indicator_shows_its_actual_beside_the_target_and_the_old_wards_records_count_for_the_new_one()
    {
        var (_, newUnit) = await data.Ward();
        var (admin, planId, indicatorId, version) = await data.NewPlan("bound");
        var saved = await (await admin.PutRaw($"/api/v1/indicators/{indicatorId}/binding?version={version}",
            $$"""{ "computation": "inspectedShare", "orgUnitId": {{newUnit}} }""")).Json<BindingView>(HttpStatusCode.OK);
        Assert.Equal("inspectedShare", saved.Computation);

        var results = await Results(admin, $"/api/v1/plans/{planId}/results?year=2025");
        var row = results.Row("1");
        Assert.Equal("80 %", row.TargetText);
        Assert.Equal(2m, row.Actual!.Value);
        Assert.Equal(3m, row.Actual.Denominator);
        Assert.Equal(66.67m, row.Measure);
        Assert.Equal(83.3m, row.PercentOfTarget);
        Assert.Equal("missed", row.Status);   // 2025 is over
        Assert.Equal("Cơ sở đang quản lý được kiểm tra ít nhất một lần: 2/3", row.Source);
        Assert.Equal($"/establishments?unit={newUnit}&status=UnderManagement", row.Link);
        Assert.Equal("notMeasurable", results.Row("2").Status);   // not bound

        // The same figure for the ward asked explicitly, and in the city's drill-down.
        var ward = await Results(admin, $"/api/v1/plans/{planId}/results?year=2025&unitId={newUnit}");
        Assert.Equal(2m, ward.Row("1").Actual!.Value);
        var city = (await Results(admin, $"/api/v1/plans/{planId}/results")).PlanUnit.Id;
        var drill = await admin.GetJson<DrillDownView>($"/api/v1/indicators/{indicatorId}/results?year=2025&unitId={city}");
        var mine = drill.Units.Single(u => u.Unit.Id == newUnit);
        Assert.Equal("Cơ sở đang quản lý được kiểm tra ít nhất một lần: 2/3", mine.Result.Source);
        Assert.True(drill.Total.Actual!.Denominator!.Value >= 3);

        // 2026 on these records: A, B and C still managed, none inspected yet.
        var next = (await Results(admin, $"/api/v1/plans/{planId}/results?year=2026")).Row("1");
        Assert.Equal((0m, 3m), (next.Actual!.Value, next.Actual.Denominator!.Value));
    }

    [Fact]
    public async Task A_ward_officer_reaches_their_own_ward_but_not_another()
    {
        var admin = await app.SignIn("admin");
        var planId = await admin.PlanId("hn-2026-2030");
        var phuLuong = await app.UnitIdOf("09568");
        var haDong = await app.UnitIdOf("09556");
        var officer = await app.SignIn("hadong");
        var res = await officer.GetAsync($"/api/v1/plans/{planId}/results?year=2026&unitId={phuLuong}");
        Assert.Equal(HttpStatusCode.NotFound, res.StatusCode);
        var own = await Results(officer, $"/api/v1/plans/{planId}/results?year=2026&unitId={haDong}");
        Assert.Equal("Phường Hà Đông", own.Unit.Name);
        var inspected = own.Row("3.2.2").IndicatorId;
        var drill = await officer.GetJson<DrillDownView>($"/api/v1/indicators/{inspected}/results?year=2026");
        Assert.Equal(["Phường Hà Đông"], drill.Units.Select(u => u.Unit.Name));
        Assert.Equal(HttpStatusCode.NotFound,
            (await officer.GetAsync($"/api/v1/indicators/{inspected}/results?year=2026&unitId={phuLuong}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync($"/plans/{planId}/results?year=2026&unit={phuLuong}")).StatusCode);
    }

    [Fact]
    public async Task Only_the_plans_writers_bind_and_bad_input_is_refused_in_Vietnamese()
    {
        var (admin, planId, indicatorId, version) = await data.NewPlan("writers");
        var body = """{ "computation": "inspectionCount" }""";
        foreach (var user in new[] { "lanhdao", "kiemtra", "hadong" })
        {
            var c = await app.SignIn(user);
            Assert.Equal(HttpStatusCode.Forbidden, (await c.PutRaw($"/api/v1/indicators/{indicatorId}/binding", body)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await c.DeleteAsync($"/api/v1/indicators/{indicatorId}/binding")).StatusCode);
        }
        var bad = await (await admin.PutRaw($"/api/v1/indicators/{indicatorId}/binding", """{ "computation": "soLuongMeo" }""")).Json(HttpStatusCode.BadRequest);
        Assert.Contains(bad.Errors(), e => e.StartsWith("computation: Không có cách tính 'soLuongMeo'"));
        var unknown = await (await admin.PutRaw($"/api/v1/indicators/{indicatorId}/binding", """{ "computation": "commitmentShare", "orgUnitId": 987654 }"""))
            .Json(HttpStatusCode.BadRequest);
        Assert.Equal(["orgUnitId: Không tìm thấy đơn vị 987654."], unknown.Errors());
        var count = await (await admin.PutRaw($"/api/v1/indicators/{indicatorId}/binding", """{ "computation": "inspectionCount" }""")).Json(HttpStatusCode.BadRequest);
        // Issue 16, item 7: the refusal names the indicator and lists the computations that fit (the shares).
        var refusal = Assert.Single(count.Errors());
        Assert.StartsWith("computation: Cách tính inspectionCount (", refusal);
        Assert.Contains("không đo được chỉ tiêu 1. Chỉ tiêu tính theo tỷ lệ (%) cần một cách tính tỷ lệ. Các cách tính phù hợp: ", refusal);
        Assert.Contains("inspectedShare (", refusal);
        Assert.DoesNotContain("criminalCasesDetected", refusal);
        var year = await (await admin.GetAsync($"/api/v1/plans/{planId}/results?year=2031")).Json(HttpStatusCode.BadRequest);
        Assert.Contains(year.Errors(), e => e == "year: Năm 2031 nằm ngoài thời kỳ của kế hoạch (2025–2026).");
        Assert.Equal(version, (await admin.GetJson<PlanView>($"/api/v1/plans/{planId}")).Version);   // nothing changed
        Assert.Equal("notMeasurable", (await Results(admin, $"/api/v1/plans/{planId}/results?year=2025")).Row("1").Status);
    }

    [Fact]
    public async Task A_binding_moves_the_plans_version_on_so_a_stale_edit_elsewhere_conflicts()
    {
        var (admin, planId, indicatorId, version) = await data.NewPlan("version");
        var coordinator = await app.SignIn("dieuphoi");
        var bound = await (await coordinator.PutRaw($"/api/v1/indicators/{indicatorId}/binding?version={version}", """{ "computation": "CommitmentShare" }"""))
            .Json<BindingView>(HttpStatusCode.OK);
        Assert.Equal(version + 1, bound.PlanVersion);
        Assert.Equal(version + 1, (await admin.GetJson<PlanView>($"/api/v1/plans/{planId}")).Version);

        // Someone still holding the old version: their header edit and their own binding both conflict.
        var header = new JsonObject { ["title"] = "Sửa muộn", ["level"] = "city", ["periodFrom"] = 2025, ["periodTo"] = 2026, ["version"] = version };
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PutRaw($"/api/v1/plans/{planId}", header.ToJsonString())).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict,
            (await admin.PutRaw($"/api/v1/indicators/{indicatorId}/binding?version={version}", """{ "computation": "inspectedShare" }""")).StatusCode);

        var unbound = await (await coordinator.DeleteAsync($"/api/v1/indicators/{indicatorId}/binding?version={version + 1}")).Json<BindingView>(HttpStatusCode.OK);
        Assert.Equal(version + 2, unbound.PlanVersion);
        var row = (await Results(admin, $"/api/v1/plans/{planId}/results?year=2025")).Row("1");
        Assert.Null(row.Computation);
        Assert.True(await data.Db(db => db.AuditEntries.AnyAsync(a => a.EntityType == "IndicatorBinding" && a.UserName == "dieuphoi")));
    }
}

static class IndicatorTestHelpers
{
    public static async Task<int> UnitIdOf(this PcmdApp app, string code, string on = "2026-01-01")
    {
        var admin = await app.SignIn("admin");
        var found = await admin.GetJson<List<Coded>>($"/api/v1/org-units?search={code}&on={on}");
        return found.Single(u => u.Code == code).Id;
    }
}

[Collection(SqliteCollection.Name)]
public sealed class IndicatorResultsTestsOnSqlite(SqliteApp app) : IndicatorResultsTests(app);

[Collection(PostgresCollection.Name)]
public sealed class IndicatorResultsTestsOnPostgres(PostgresApp app) : IndicatorResultsTests(app);
