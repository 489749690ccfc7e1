using System.Net;
using System.Text.Json.Nodes;
using Pcmd.IntegrationTests.Infrastructure;

namespace Pcmd.IntegrationTests.Features.Plans;

/// <summary>Issue 16, item 5: an agency dissolved or merged in the 2025 reform names its successor; a plan whose issuer was
/// abolished shows who took over its follow-up, and its tasks assigned to a dissolved agency show the successor — through the
/// API and the pages; the successor's staff find those tasks among their own.</summary>
public abstract class AgencySuccessorTests(PcmdApp app)
{
    readonly PlanTestData data = new(app);

    [Fact]
    public async Task A_plan_whose_issuer_was_abolished_shows_who_took_it_over_and_its_tasks_show_the_successor()
    {
        var admin = await app.SignIn("admin");
        var phuLam = await admin.PlanId("phu-lam-2024");
        var plan = await admin.GetJson<JsonObject>($"/api/v1/plans/{phuLam}");
        var takeover = plan["takeover"]!;
        Assert.Equal("Ủy ban nhân dân phường Phú Lãm", (string?)takeover["issuer"]);
        Assert.Equal("2025-06-30", (string?)takeover["endedOn"]);
        Assert.Equal("UBND-PHULUONG", (string?)takeover["agencies"]![0]!["code"]);
        var police = plan["tasks"]!.AsArray().SelectMany(t => t!["assignments"]!.AsArray()).First(a => (string?)a!["agencyCode"] == "CA-PHULAM")!;
        Assert.Equal("2025-06-30", (string?)police["endedOn"]);
        Assert.Equal("CA-PHULUONG", (string?)police["successor"]!["code"]);

        // The district's plan: its People's Committee has no successor, so the wards its area passed to are named.
        var haDong = await admin.GetJson<JsonObject>($"/api/v1/plans/{await admin.PlanId("hd-2024")}");
        Assert.Empty(haDong["takeover"]!["agencies"]!.AsArray());
        Assert.Contains(haDong["takeover"]!["units"]!.AsArray(), u => (string?)u!["code"] == "09568");

        // A plan of a body still in place has none.
        Assert.Null((await admin.GetJson<JsonObject>($"/api/v1/plans/{await admin.PlanId("hn-2026-2030")}"))["takeover"]);

        var page = await admin.GetStringAsync($"/plans/{phuLam}");
        Assert.Contains("data-testid=\"plan-takeover\"", page);
        Assert.Contains("Cơ quan tiếp nhận: Ủy ban nhân dân phường Phú Lương.", page);
        Assert.Contains("nay: Công an phường Phú Lương", page);
    }

    [Fact]
    public async Task The_successors_staff_find_the_dissolved_agencys_tasks_among_their_own()
    {
        var ward = await app.SignIn("phuluong");   // of Ủy ban nhân dân phường Phú Lương
        var rows = await ward.GetJson<List<MyTaskRow>>("/api/v1/my-tasks");
        Assert.Contains(rows, r => r.AgencyName == "Ủy ban nhân dân phường Phú Lãm" && r.PlanTitle.Contains("Phú Lãm", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_agency_names_its_successor_through_the_API_only_once_it_has_ended()
    {
        var admin = await app.SignIn("admin");
        var sld = await admin.GetJson<JsonObject>($"/api/v1/agencies/{await data.AgencyId("SLDTBXH")}");
        Assert.Equal("Sở Y tế", (string?)sld["successorName"]);

        var syt = await data.AgencyId("SYT");
        var body = new JsonObject
        {
            ["code"] = $"TEST-SUCC-{app.Provider}".ToUpperInvariant(), ["name"] = "Phòng thử nghiệm", ["kind"] = "department",
            ["orgUnitId"] = await data.UnitId("01"), ["successorId"] = syt,
        };
        var refused = await (await admin.PostRaw("/api/v1/agencies", body.ToJsonString())).Json<Problem>(HttpStatusCode.BadRequest);
        Assert.Contains(refused.On("successorId"), m => m.StartsWith("Chỉ cơ quan đã hết hiệu lực", StringComparison.Ordinal));
        body["validTo"] = "2025-02-28";
        var created = await (await admin.PostRaw("/api/v1/agencies", body.ToJsonString())).Json(HttpStatusCode.Created);
        var saved = await admin.GetJson<JsonObject>($"/api/v1/agencies/{(int)created["id"]!}");
        Assert.Equal(syt, (int?)saved["successorId"]);
        Assert.Contains("Sở Y tế", await admin.GetStringAsync($"/agencies/{(int)created["id"]!}"));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class AgencySuccessorTestsOnSqlite(SqliteApp app) : AgencySuccessorTests(app);

[Collection(PostgresCollection.Name)]
public sealed class AgencySuccessorTestsOnPostgres(PostgresApp app) : AgencySuccessorTests(app);
