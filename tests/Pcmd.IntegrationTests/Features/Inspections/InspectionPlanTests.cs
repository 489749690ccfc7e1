using System.Net;
using System.Text.Json.Nodes;
using Pcmd.IntegrationTests.Infrastructure;

namespace Pcmd.IntegrationTests.Features.Inspections;

/// <summary>Inspection plans: establishments of the team's area with planned dates, guarded by the plan's version.</summary>
public abstract class InspectionPlanTests(PcmdApp app)
{
    readonly InspectionTestData data = new(app);

    [Fact]
    public async Task A_plan_takes_establishments_of_the_teams_area_and_tracks_their_inspection()
    {
        var client = await app.SignIn("phuluong");
        var (team, members) = await data.Team(client);
        var first = await data.Establishment(InspectionTestData.PhuLuong);
        var second = await data.Establishment(InspectionTestData.PhuLuong);
        var foreign = await data.Establishment(InspectionTestData.HaDong);
        var body = new JsonObject
        {
            ["teamId"] = team, ["title"] = "Kế hoạch kiểm tra quý I/2026", ["from"] = "2026-01-01", ["to"] = "2026-03-31",
            ["items"] = new JsonArray(new JsonObject { ["establishmentId"] = first, ["plannedOn"] = "2026-01-20" }),
        };
        var id = (await (await client.PostRaw("/api/v1/inspection-plans", body.ToJsonString())).Json<WithId>(HttpStatusCode.Created)).Id;

        var add = new JsonObject { ["establishmentIds"] = new JsonArray(second, foreign), ["plannedOn"] = "2026-04-02", ["version"] = 0 };
        var problem = await (await client.PostRaw($"/api/v1/inspection-plans/{id}/items", add.ToJsonString())).Json(HttpStatusCode.BadRequest);
        Assert.Contains(problem.Errors(), e => e.StartsWith("establishmentIds[0]: Ngày dự kiến 02/04/2026 nằm ngoài thời gian của kế hoạch"));
        Assert.Contains(problem.Errors(), e => e.StartsWith("establishmentIds[1]: ") && e.Contains("nằm ngoài phạm vi"));
        Assert.Single((await client.GetJson<InspectionPlanView>($"/api/v1/inspection-plans/{id}")).Items);

        add["establishmentIds"] = new JsonArray(second, first);
        add["plannedOn"] = "2026-02-10";
        Assert.Equal(1, (await (await client.PostRaw($"/api/v1/inspection-plans/{id}/items", add.ToJsonString())).Json<VersionOnly>(HttpStatusCode.OK)).Version);
        var items = (await client.GetJson<InspectionPlanView>($"/api/v1/inspection-plans/{id}")).Items;
        Assert.Equal([first, second], items.Select(i => i.EstablishmentId));
        Assert.Null(items[0].InspectedOn);

        var inspection = InspectionTestData.Inspection(first, team, members, "2026-01-21");
        inspection["inspectionPlanItemId"] = items[0].Id;
        await (await client.PostRaw("/api/v1/inspections", inspection.ToJsonString())).Json(HttpStatusCode.Created);
        inspection["establishmentId"] = second;
        Assert.Contains((await (await client.PostRaw("/api/v1/inspections", inspection.ToJsonString())).Json(HttpStatusCode.BadRequest)).Errors(),
            e => e.StartsWith("inspectionPlanItemId: "));
        Assert.Equal("2026-01-21", (await client.GetJson<InspectionPlanView>($"/api/v1/inspection-plans/{id}")).Items[0].InspectedOn);

        var itemId = items[1].Id;
        Assert.Equal(HttpStatusCode.Conflict, (await client.DeleteAsync($"/api/v1/inspection-plans/{id}/items/{itemId}?version=0")).StatusCode);
        await (await client.DeleteAsync($"/api/v1/inspection-plans/{id}/items/{itemId}?version=1")).Json(HttpStatusCode.OK);
        Assert.Single((await client.GetJson<InspectionPlanView>($"/api/v1/inspection-plans/{id}")).Items);
    }

    [Fact]
    public async Task A_bad_period_is_refused_and_other_wards_do_not_see_the_plan()
    {
        var client = await app.SignIn("phuluong");
        var (team, _) = await data.Team(client);
        var body = new JsonObject { ["teamId"] = team, ["title"] = " ", ["from"] = "2026-06-30", ["to"] = "2026-01-01" };
        var problem = await (await client.PostRaw("/api/v1/inspection-plans", body.ToJsonString())).Json(HttpStatusCode.BadRequest);
        Assert.Contains(problem.Errors(), e => e == "title: Thiếu tên kế hoạch kiểm tra.");
        Assert.Contains(problem.Errors(), e => e == "to: Ngày kết thúc (01/01/2026) trước ngày bắt đầu (30/06/2026).");

        body["title"] = "Kế hoạch kiểm tra 6 tháng đầu năm 2026";
        body["from"] = "2026-01-01";
        body["to"] = "2026-06-30";
        var id = (await (await client.PostRaw("/api/v1/inspection-plans", body.ToJsonString())).Json<WithId>(HttpStatusCode.Created)).Id;
        var header = new JsonObject { ["teamId"] = team, ["title"] = "Đã sửa", ["from"] = "2026-01-01", ["to"] = "2026-12-31", ["version"] = 0 };
        await (await client.PutRaw($"/api/v1/inspection-plans/{id}", header.ToJsonString())).Json(HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.Conflict, (await client.PutRaw($"/api/v1/inspection-plans/{id}", header.ToJsonString())).StatusCode);

        var hadong = await app.SignIn("hadong");
        Assert.Equal(HttpStatusCode.NotFound, (await hadong.GetAsync($"/api/v1/inspection-plans/{id}")).StatusCode);
        Assert.DoesNotContain(await hadong.GetJson<List<WithId>>("/api/v1/inspection-plans"), p => p.Id == id);
        header["version"] = 1;
        Assert.Equal(HttpStatusCode.NotFound, (await hadong.PutRaw($"/api/v1/inspection-plans/{id}", header.ToJsonString())).StatusCode);
        Assert.Equal("Đã sửa", (await client.GetJson<InspectionPlanView>($"/api/v1/inspection-plans/{id}")).Title);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class InspectionPlanTestsOnSqlite(SqliteApp app) : InspectionPlanTests(app);

[Collection(PostgresCollection.Name)]
public sealed class InspectionPlanTestsOnPostgres(PostgresApp app) : InspectionPlanTests(app);
