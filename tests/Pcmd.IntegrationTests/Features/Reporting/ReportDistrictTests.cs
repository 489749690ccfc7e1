using System.Net;
using System.Text.Json.Nodes;
using Pcmd.IntegrationTests.Infrastructure;
using static Pcmd.IntegrationTests.Features.Reporting.ReportingTestData;

namespace Pcmd.IntegrationTests.Features.Reporting;

/// <summary>Before 1/7/2025 a district consolidated its communes: Quận Hà Đông's plan for 2024 has Phường Phú Lãm report by
/// 10/6 and the district send its own report upward by 15/6. The district's coordinator sees the matrix and consolidates;
/// the consolidated report's lateness counts against the later day.</summary>
public abstract class ReportDistrictTests(PcmdApp app)
{
    readonly ReportingTestData data = new(app);

    static JsonObject PlanFile(string key) => JsonNode.Parse($$"""
    {
      "formatVersion": 1,
      "plan": {
        "key": "{{key}}", "title": "Kế hoạch phòng, chống mại dâm quận Hà Đông năm 2024 (thử nghiệm {{key}})", "number": "12/KH-UBND",
        "issuedOn": "2024-01-20", "level": "district", "issuingUnit": "01.HADONG", "issuingAgency": "UBND-HADONG",
        "coordinatingAgency": "PLDTBXH-HADONG", "period": { "from": 2024, "to": 2024 }, "legalBasis": [], "objectives": [],
        "indicators": [ { "number": "1", "text": "Số cơ sở được kiểm tra", "unitOfMeasure": "cơ sở", "target": { "kind": "count", "value": 20 }, "lead": [ { "agency": "UBND-PHULAM" } ] } ],
        "tasks": [ { "number": "1", "text": "Kiểm tra cơ sở kinh doanh dịch vụ", "lead": [ { "agency": "UBND-PHULAM" } ], "timing": { "kind": "recurring", "frequency": "yearly" } } ],
        "appendices": [],
        "reportSchedule": [ { "kind": "semiannual", "dueDay": 10, "dueMonth": 6, "consolidationDueDay": 15, "consolidationDueMonth": 6, "recipient": "UBND-HADONG" } ]
      }
    }
    """)!.AsObject();

    async Task<HttpClient> User(HttpClient admin, string role, string unitCode, string unitOn, string agencyCode)
    {
        var name = "u" + Guid.NewGuid().ToString("N")[..10];
        var (unit, agency) = (await data.UnitIdOn(unitCode, unitOn), await data.AgencyId(agencyCode));
        var body = new JsonObject { ["userName"] = name, ["fullName"] = $"Cán bộ thử {name}", ["role"] = role, ["orgUnitId"] = unit, ["agencyId"] = agency,
            ["password"] = "Pcmd@2026-thu-nghiem" };
        await (await admin.PostRaw("/api/v1/users", body.ToJsonString())).Json(HttpStatusCode.Created);
        var c = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        (await c.PostRaw("/api/v1/auth/login", $$"""{"userName":"{{name}}","password":"Pcmd@2026-thu-nghiem"}""")).EnsureSuccessStatusCode();
        return c;
    }

    [Fact]
    public async Task A_district_consolidates_its_communes_and_sends_upward_by_its_own_later_day()
    {
        var admin = await app.SignIn("admin");
        var district = await User(admin, "Coordinator", "01.HADONG", "2024-06-01", "PLDTBXH-HADONG");
        var ward = await User(admin, "CommuneOfficer", "09568", "2024-06-01", "UBND-PHULAM");
        var key = "hd-" + Guid.NewGuid().ToString("N")[..10];
        var planId = (await (await district.PostRaw("/api/v1/plans/import", PlanFile(key).ToJsonString())).Json<Versioned>(HttpStatusCode.Created)).Id;
        var p = Assert.Single(await OpenYear(district, planId, 2024));
        Assert.Equal(("2024-06-10", "2024-06-15"), (p.DueOn, p.ConsolidationDueOn!));
        var period = p.Id;
        Assert.Equal(["UBND-PHULAM"], await data.Reporters(period));

        var id = await data.ReportId(period, "UBND-PHULAM");
        var form = await Form(ward, id);
        var draft = new JsonObject
        {
            ["version"] = form.Version, ["difficulties"] = "Không.", ["proposals"] = "Không.",
            ["tasks"] = new JsonArray(new JsonObject { ["taskId"] = form.Task("1").TaskId, ["progress"] = "done", ["narrative"] = "Kiểm tra 12 cơ sở." }),
            ["values"] = new JsonArray(new JsonObject { ["indicatorId"] = form.Indicator("1").IndicatorId, ["value"] = 12 }),
        };
        var submitted = await Submit(ward, id, await Save(ward, id, draft));
        await Review(district, id, "accept", submitted.Version, null);

        var matrix = await district.GetJson<MatrixView>($"/api/v1/report-periods/{period}/matrix");
        Assert.Equal("Ủy ban nhân dân phường Phú Lãm", matrix.Units[0].Name);
        Assert.Equal("accepted", matrix.Units[0].Cells[0]!.Status);
        var consolidatedId = matrix.Periods[0].ConsolidatedReportId!.Value;
        var consolidated = await Form(district, consolidatedId);
        Assert.Equal("2024-06-15", consolidated.DueOn);
        Assert.Equal(12m, consolidated.Indicator("1").UnitsSum);
        Assert.Equal("- Không (Ủy ban nhân dân phường Phú Lãm).", consolidated.Difficulties);
        // A ward officer (Hà Đông's old communes were in the district, so its plan is readable) is refused the matrix;
        // the city's coordinator sees it (the district is in the city).
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignIn("hadong")).GetAsync($"/api/v1/report-periods/{period}/matrix")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await app.SignIn("dieuphoi")).GetAsync($"/api/v1/report-periods/{period}/matrix")).StatusCode);
        var sent = await Submit(district, consolidatedId, await Save(district, consolidatedId, new JsonObject { ["version"] = consolidated.Version,
            ["difficulties"] = consolidated.Difficulties!, ["proposals"] = "Không.",
            ["tasks"] = new JsonArray(new JsonObject { ["taskId"] = consolidated.Task("1").TaskId, ["progress"] = "done" }) }));
        var late = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).DayNumber - new DateOnly(2024, 6, 15).DayNumber;
        Assert.Equal(late, sent.DaysLate);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ReportDistrictTestsOnSqlite(SqliteApp app) : ReportDistrictTests(app);

[Collection(PostgresCollection.Name)]
public sealed class ReportDistrictTestsOnPostgres(PostgresApp app) : ReportDistrictTests(app);
