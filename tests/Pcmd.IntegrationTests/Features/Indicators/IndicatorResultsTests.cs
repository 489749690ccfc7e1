using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pcmd.IntegrationTests.Infrastructure;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Establishments;
using Pcmd.Web.Features.Inspections;
using Pcmd.Web.Features.OrgUnits;

namespace Pcmd.IntegrationTests.Features.Indicators;

/// <summary>Computed indicators through HTTP: a plan indicator bound to "inspected at least once" over records made for the
/// test in a ward of their own (an old ward merged into a new one on 1/7/2025), scope, who may bind, and the plan's version.</summary>
public abstract class IndicatorResultsTests(PcmdApp app)
{
    string Tag => app.Provider.ToString().ToUpperInvariant();

    /// <summary>Old "Phường Thử Cũ" (until 30/6/2025) merged into new "Phường Thử Mới"; establishments A, B in the old ward
    /// managed since 2024, C in the new ward since 8/2025, D not under management. Inspected in 2025: A (3/2025, old ward),
    /// C (9/2025), D. So 2025 in the new ward: A, B, C managed, A and C inspected: 2/3.</summary>
    async Task<(int OldUnit, int NewUnit)> Ward()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PcmdDbContext>();
        var code = $"IND-{Tag}";
        if (await db.OrgUnits.FirstOrDefaultAsync(u => u.Code == code + "-NEW") is { } existing)
            return (await db.OrgUnits.Where(u => u.Code == code + "-OLD").Select(u => u.Id).SingleAsync(), existing.Id);
        var city = await db.OrgUnits.SingleAsync(u => u.Code == "01");
        var oldUnit = new OrgUnit { Code = code + "-OLD", Name = $"Phường Thử Cũ {Tag}", Level = OrgUnitLevel.Commune, ParentId = city.Id, ValidTo = new(2025, 6, 30) };
        var newUnit = new OrgUnit { Code = code + "-NEW", Name = $"Phường Thử Mới {Tag}", Level = OrgUnitLevel.Commune, ParentId = city.Id, ValidFrom = new(2025, 7, 1) };
        db.OrgUnits.AddRange(oldUnit, newUnit);
        await db.SaveChangesAsync();
        db.OrgUnitSuccessions.Add(new OrgUnitSuccession { OldUnitId = oldUnit.Id, NewUnitId = newUnit.Id, EffectiveOn = new(2025, 7, 1) });
        var type = await db.EstablishmentTypes.OrderBy(t => t.Id).FirstAsync();
        var team = new InspectionTeam { Name = $"Đội thử {Tag}", Kind = TeamKind.Interagency178, OrgUnitId = newUnit.Id };
        db.InspectionTeams.Add(team);
        Establishment E(string name, OrgUnit u, ManagementStatus s, DateOnly? from) => new()
        {
            Name = $"{name} {Tag}", Address = "Số 1", TypeId = type.Id, OrgUnitId = u.Id, Status = s, ManagedFrom = from,
        };
        var a = E("Cơ sở A", oldUnit, ManagementStatus.UnderManagement, new(2024, 1, 1));
        var b = E("Cơ sở B", oldUnit, ManagementStatus.UnderManagement, new(2024, 6, 1));
        var c = E("Cơ sở C", newUnit, ManagementStatus.UnderManagement, new(2025, 8, 1));
        var d = E("Cơ sở D", newUnit, ManagementStatus.NotUnderManagement, null);
        db.Establishments.AddRange(a, b, c, d);
        await db.SaveChangesAsync();
        Inspection I(Establishment e, OrgUnit u, DateOnly day) => new()
        {
            EstablishmentId = e.Id, OrgUnitId = u.Id, TeamId = team.Id, Date = day, Kind = InspectionKind.Planned, OwnersInformed = 1, WorkersInformed = 2,
        };
        db.Inspections.AddRange(I(a, oldUnit, new(2025, 3, 1)), I(c, newUnit, new(2025, 9, 15)), I(d, newUnit, new(2025, 10, 1)));
        await db.SaveChangesAsync();
        app.Services.GetRequiredService<OrgUnitTree>().Invalidate();
        return (oldUnit.Id, newUnit.Id);
    }

    /// <summary>A city plan for 2025–2026 (indicator 1: 90 %, 80 % in 2025), new for each test.</summary>
    async Task<(HttpClient Admin, int PlanId, int IndicatorId, int Version)> NewPlan(string name)
    {
        var admin = await app.SignIn("admin");
        var key = $"ind-{name}-{app.Provider}".ToLowerInvariant();
        var created = await (await admin.PostRaw("/api/v1/plans/import", SamplePlan.Create(key, "01", 2025, 2026).ToJsonString())).Json(HttpStatusCode.Created);
        var id = created["id"]!.GetValue<int>();
        var plan = await admin.GetJson($"/api/v1/plans/{id}");
        var indicator = plan["indicators"]!.AsArray().Single(i => i!["number"]!.GetValue<string>() == "1")!["id"]!.GetValue<int>();
        return (admin, id, indicator, plan["version"]!.GetValue<int>());
    }

    static JsonNode Row(JsonNode results, string number) =>
        results["indicators"]!.AsArray().Single(i => i!["number"]!.GetValue<string>() == number)!;

    [Fact]
    public async Task A_bound_indicator_shows_its_actual_beside_the_target_and_the_old_wards_records_count_for_the_new_one()
    {
        var (_, newUnit) = await Ward();
        var (admin, planId, indicatorId, version) = await NewPlan("bound");
        var saved = await (await admin.PutRaw($"/api/v1/indicators/{indicatorId}/binding?version={version}",
            $$"""{ "computation": "inspectedShare", "orgUnitId": {{newUnit}} }""")).Json(HttpStatusCode.OK);
        Assert.Equal("inspectedShare", saved["computation"]!.GetValue<string>());

        var results = await admin.GetJson($"/api/v1/plans/{planId}/results?year=2025");
        var row = Row(results, "1");
        Assert.Equal("80 %", row["targetText"]!.GetValue<string>());
        Assert.Equal(2m, row["actual"]!["value"]!.GetValue<decimal>());
        Assert.Equal(3m, row["actual"]!["denominator"]!.GetValue<decimal>());
        Assert.Equal(66.67m, row["measure"]!.GetValue<decimal>());
        Assert.Equal(83.3m, row["percentOfTarget"]!.GetValue<decimal>());
        Assert.Equal("missed", row["status"]!.GetValue<string>());   // 2025 is over
        Assert.Equal("Cơ sở đang quản lý được kiểm tra ít nhất một lần: 2/3", row["source"]!.GetValue<string>());
        Assert.Equal($"/establishments?unit={newUnit}&status=UnderManagement", row["link"]!.GetValue<string>());
        Assert.Equal("notMeasurable", Row(results, "2")["status"]!.GetValue<string>());   // not bound

        // The same figure for the ward asked explicitly, and in the city's drill-down.
        var ward = await admin.GetJson($"/api/v1/plans/{planId}/results?year=2025&unitId={newUnit}");
        Assert.Equal(2m, Row(ward, "1")["actual"]!["value"]!.GetValue<decimal>());
        var city = (await admin.GetJson($"/api/v1/plans/{planId}/results"))["planUnit"]!["id"]!.GetValue<int>();
        var drill = await admin.GetJson($"/api/v1/indicators/{indicatorId}/results?year=2025&unitId={city}");
        var mine = drill["units"]!.AsArray().Single(u => u!["unit"]!["id"]!.GetValue<int>() == newUnit)!;
        Assert.Equal("Cơ sở đang quản lý được kiểm tra ít nhất một lần: 2/3", mine["result"]!["source"]!.GetValue<string>());
        Assert.True(drill["total"]!["actual"]!["denominator"]!.GetValue<decimal>() >= 3);

        // 2026 on these records: A, B and C still managed, none inspected yet.
        var next = Row(await admin.GetJson($"/api/v1/plans/{planId}/results?year=2026"), "1");
        Assert.Equal((0m, 3m), (next["actual"]!["value"]!.GetValue<decimal>(), next["actual"]!["denominator"]!.GetValue<decimal>()));
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
        var own = await officer.GetJson($"/api/v1/plans/{planId}/results?year=2026&unitId={haDong}");
        Assert.Equal("Phường Hà Đông", own["unit"]!["name"]!.GetValue<string>());
        var inspected = Row(own, "3.2.2")["indicatorId"]!;
        var drill = await officer.GetJson($"/api/v1/indicators/{inspected.GetValue<int>()}/results?year=2026");
        Assert.Equal(["Phường Hà Đông"], drill["units"]!.AsArray().Select(u => u!["unit"]!["name"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.NotFound,
            (await officer.GetAsync($"/api/v1/indicators/{inspected.GetValue<int>()}/results?year=2026&unitId={phuLuong}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync($"/plans/{planId}/results?year=2026&unit={phuLuong}")).StatusCode);
    }

    [Fact]
    public async Task Only_the_plans_writers_bind_and_bad_input_is_refused_in_Vietnamese()
    {
        var (admin, planId, indicatorId, version) = await NewPlan("writers");
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
        Assert.Equal(["computation: Chỉ tiêu tính theo tỷ lệ (%): hãy chọn một cách tính tỷ lệ (\"Tỷ lệ …\")."], count.Errors());
        var year = await (await admin.GetAsync($"/api/v1/plans/{planId}/results?year=2031")).Json(HttpStatusCode.BadRequest);
        Assert.Contains(year.Errors(), e => e == "year: Năm 2031 nằm ngoài thời kỳ của kế hoạch (2025–2026).");
        Assert.Equal(version, (await admin.GetJson($"/api/v1/plans/{planId}"))["version"]!.GetValue<int>());   // nothing changed
        Assert.Equal("notMeasurable", Row(await admin.GetJson($"/api/v1/plans/{planId}/results?year=2025"), "1")["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_binding_moves_the_plans_version_on_so_a_stale_edit_elsewhere_conflicts()
    {
        var (admin, planId, indicatorId, version) = await NewPlan("version");
        var coordinator = await app.SignIn("dieuphoi");
        var bound = await (await coordinator.PutRaw($"/api/v1/indicators/{indicatorId}/binding?version={version}", """{ "computation": "CommitmentShare" }"""))
            .Json(HttpStatusCode.OK);
        Assert.Equal(version + 1, bound["planVersion"]!.GetValue<int>());
        Assert.Equal(version + 1, (await admin.GetJson($"/api/v1/plans/{planId}"))["version"]!.GetValue<int>());

        // Someone still holding the old version: their header edit and their own binding both conflict.
        var header = new JsonObject { ["title"] = "Sửa muộn", ["level"] = "city", ["periodFrom"] = 2025, ["periodTo"] = 2026, ["version"] = version };
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PutRaw($"/api/v1/plans/{planId}", header.ToJsonString())).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict,
            (await admin.PutRaw($"/api/v1/indicators/{indicatorId}/binding?version={version}", """{ "computation": "inspectedShare" }""")).StatusCode);

        var unbound = await (await coordinator.DeleteAsync($"/api/v1/indicators/{indicatorId}/binding?version={version + 1}")).Json(HttpStatusCode.OK);
        Assert.Equal(version + 2, unbound["planVersion"]!.GetValue<int>());
        var row = Row(await admin.GetJson($"/api/v1/plans/{planId}/results?year=2025"), "1");
        Assert.Null(row["computation"]);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PcmdDbContext>();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == "IndicatorBinding" && a.UserName == "dieuphoi"));
    }
}

static class IndicatorTestHelpers
{
    public static async Task<int> UnitIdOf(this PcmdApp app, string code, string on = "2026-01-01")
    {
        var admin = await app.SignIn("admin");
        var found = (await admin.GetJson($"/api/v1/org-units?search={code}&on={on}")).AsArray();
        return found.Single(u => u!["code"]!.GetValue<string>() == code)!["id"]!.GetValue<int>();
    }
}

[Collection(SqliteCollection.Name)]
public sealed class IndicatorResultsTestsOnSqlite(SqliteApp app) : IndicatorResultsTests(app);

[Collection(PostgresCollection.Name)]
public sealed class IndicatorResultsTestsOnPostgres(PostgresApp app) : IndicatorResultsTests(app);
