using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pcmd.IntegrationTests.Infrastructure;
using Pcmd.Web.Data;

namespace Pcmd.IntegrationTests.Features.Inspections;

/// <summary>Recording, reading, changing and listing inspections: what is saved is what was recorded, concurrent edits
/// conflict, the audit trail has the record, and another ward sees nothing of it.</summary>
public abstract class InspectionRecordTests(PcmdApp app)
{
    readonly InspectionTestData data = new(app);

    async Task<(HttpClient Client, int Establishment, int Team, List<int> Members, JsonObject Body)> Fined()
    {
        var client = await app.SignIn("kiemtra");
        var phuluong = await app.SignIn("phuluong");
        var (team, members) = await data.Team(phuluong);
        var establishment = await data.Establishment(InspectionTestData.PhuLuong);
        var body = InspectionTestData.Inspection(establishment, team, members, "2026-01-20");
        body["violations"] = new JsonArray(new JsonObject { ["violationTypeId"] = await data.ViolationType(client, "KHONG-DANG-KY-LUU-TRU"), ["note"] = "Thiếu sổ khách" });
        body["sanctions"] = new JsonArray(InspectionTestData.Fine(await data.Decree(client, "282/2025/NĐ-CP"), 1_500_000m));
        return (client, establishment, team, members, body);
    }

    [Fact]
    public async Task An_inspector_records_a_fine_and_reads_it_back_as_recorded_with_the_audit_trail()
    {
        var (client, establishment, team, members, body) = await Fined();
        var created = await (await client.PostRaw("/api/v1/inspections", body.ToJsonString())).Json(HttpStatusCode.Created);
        var id = created["id"]!.GetValue<int>();
        Assert.Equal(await data.UnitId(InspectionTestData.PhuLuong), created["orgUnitId"]!.GetValue<int>());

        var saved = await client.GetJson($"/api/v1/inspections/{id}");
        Assert.Equal(establishment, saved["establishmentId"]!.GetValue<int>());
        Assert.Equal(team, saved["teamId"]!.GetValue<int>());
        Assert.Equal("2026-01-20", saved["date"]!.GetValue<string>());
        Assert.Equal(members.Take(3).Order(), saved["members"]!.AsArray().Select(m => m!["teamMemberId"]!.GetValue<int>()).Order());
        Assert.Contains(saved["members"]!.AsArray(), m => m!["fullName"]!.GetValue<string>() == "Nguyễn Văn An");
        var sanction = saved["sanctions"]!.AsArray().Single()!;
        Assert.Equal("fine", sanction["kind"]!.GetValue<string>());
        Assert.Equal(1_500_000m, sanction["amount"]!.GetValue<decimal>());
        Assert.Equal("282/2025/NĐ-CP", sanction["decreeCode"]!.GetValue<string>());
        Assert.Equal("Điểm a khoản 1 Điều 25", sanction["legalBasis"]!.GetValue<string>());
        Assert.Equal("Thiếu sổ khách", saved["violations"]!.AsArray().Single()!["note"]!.GetValue<string>());
        Assert.Equal(3, saved["workersInformed"]!.GetValue<int>());

        var admin = await app.SignIn("admin");
        var audit = await admin.GetJson($"/api/v1/audit?entityType=Inspection&entityId={id}");
        var entry = audit["items"]!.AsArray().Single()!;
        Assert.Equal("kiemtra", entry["userName"]!.GetValue<string>());
        Assert.Contains("\"EstablishmentId\"", entry["changes"]!.GetValue<string>());
        Assert.True((await admin.GetJson("/api/v1/audit?entityType=Sanction"))["total"]!.GetValue<int>() > 0);

        var history = await client.GetJson($"/api/v1/inspections?establishmentId={establishment}");
        Assert.Equal(id, history["items"]!.AsArray().Single()!["id"]!.GetValue<int>());
        Assert.Equal(1_500_000m, history["items"]![0]!["fineTotal"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task A_stale_version_is_a_conflict_and_changes_nothing()
    {
        var (client, _, _, members, body) = await Fined();
        var id = (await (await client.PostRaw("/api/v1/inspections", body.ToJsonString())).Json(HttpStatusCode.Created))["id"]!.GetValue<int>();
        body["findings"] = "Bổ sung: chủ cơ sở đã cam kết khắc phục.";
        body["memberIds"] = new JsonArray(members[0], members[1], members[3], members[4]);
        body["version"] = 0;
        var updated = await (await client.PutRaw($"/api/v1/inspections/{id}", body.ToJsonString())).Json(HttpStatusCode.OK);
        Assert.Equal(1, updated["version"]!.GetValue<int>());
        var saved = await client.GetJson($"/api/v1/inspections/{id}");
        Assert.Equal(4, saved["members"]!.AsArray().Count);

        var before = await data.Counts();
        body["findings"] = "Bản sửa của người khác";
        body["memberIds"] = new JsonArray(members[0], members[1], members[2]);
        var stale = await (await client.PutRaw($"/api/v1/inspections/{id}", body.ToJsonString())).Json(HttpStatusCode.Conflict);
        Assert.Equal("Xung đột dữ liệu", stale["title"]!.GetValue<string>());
        Assert.Equal(before, await data.Counts());
        var after = await client.GetJson($"/api/v1/inspections/{id}");
        Assert.Equal("Bổ sung: chủ cơ sở đã cam kết khắc phục.", after["findings"]!.GetValue<string>());
        Assert.Equal(1, after["version"]!.GetValue<int>());
    }

    [Fact]
    public async Task An_update_that_breaks_a_rule_leaves_the_record_as_it_was()
    {
        var (client, _, _, members, body) = await Fined();
        var id = (await (await client.PostRaw("/api/v1/inspections", body.ToJsonString())).Json(HttpStatusCode.Created))["id"]!.GetValue<int>();
        var before = await data.Counts();
        body["version"] = 0;
        body["memberIds"] = new JsonArray(members[0]);
        body["sanctions"] = new JsonArray(new JsonObject { ["kind"] = "fine", ["decreeId"] = (int)body["sanctions"]![0]!["decreeId"]! });
        var problem = await (await client.PutRaw($"/api/v1/inspections/{id}", body.ToJsonString())).Json(HttpStatusCode.BadRequest);
        Assert.Contains(problem.Errors(), e => e.StartsWith("memberIds: "));
        Assert.Contains(problem.Errors(), e => e.StartsWith("sanctions[0].amount: "));
        Assert.Equal(before, await data.Counts());
        var saved = await client.GetJson($"/api/v1/inspections/{id}");
        Assert.Equal(3, saved["members"]!.AsArray().Count);
        Assert.Equal(1_500_000m, saved["sanctions"]![0]!["amount"]!.GetValue<decimal>());
        Assert.Equal(0, saved["version"]!.GetValue<int>());
    }

    [Fact]
    public async Task Another_ward_can_neither_see_nor_record_an_inspection_of_Phu_Luong()
    {
        var (client, establishment, _, _, body) = await Fined();
        var id = (await (await client.PostRaw("/api/v1/inspections", body.ToJsonString())).Json(HttpStatusCode.Created))["id"]!.GetValue<int>();
        var hadong = await app.SignIn("hadong");
        Assert.Equal(HttpStatusCode.NotFound, (await hadong.GetAsync($"/api/v1/inspections/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await hadong.GetAsync($"/inspections/{id}")).StatusCode);
        var list = await hadong.GetJson($"/api/v1/inspections?establishmentId={establishment}");
        Assert.Equal(0, list["total"]!.GetValue<int>());
        var all = await hadong.GetJson("/api/v1/inspections?pageSize=200&from=2026-01-20&to=2026-01-20");
        Assert.DoesNotContain(all["items"]!.AsArray(), i => i!["id"]!.GetValue<int>() == id);

        var (hdTeam, hdMembers) = await data.Team(await app.SignIn("admin"), InspectionTestData.HaDong);
        var before = await data.Counts();
        var foreign = InspectionTestData.Inspection(establishment, hdTeam, hdMembers);
        Assert.Equal(HttpStatusCode.NotFound, (await hadong.PostRaw("/api/v1/inspections", foreign.ToJsonString())).StatusCode);
        body["version"] = 0;
        body["findings"] = "Sửa trái phép";
        Assert.Equal(HttpStatusCode.NotFound, (await hadong.PutRaw($"/api/v1/inspections/{id}", body.ToJsonString())).StatusCode);
        Assert.Equal(before, await data.Counts());
        Assert.Equal(0, (await client.GetJson($"/api/v1/inspections/{id}"))["version"]!.GetValue<int>());

        // A leader reads the city's inspections but records none.
        var leader = await app.SignIn("lanhdao");
        await leader.GetJson($"/api/v1/inspections/{id}");
        Assert.Equal(HttpStatusCode.Forbidden, (await leader.PostRaw("/api/v1/inspections", body.ToJsonString())).StatusCode);
    }

    [Fact]
    public async Task The_unit_is_the_establishments_on_the_day_of_recording()
    {
        var (client, establishment, _, _, body) = await Fined();
        var id = (await (await client.PostRaw("/api/v1/inspections", body.ToJsonString())).Json(HttpStatusCode.Created))["id"]!.GetValue<int>();
        var ward = await data.UnitId(InspectionTestData.PhuLuong);
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PcmdDbContext>();
            var group = await db.OrgUnits.Where(u => u.ParentId == ward).Select(u => u.Id).FirstAsync();
            var e = await db.Establishments.SingleAsync(x => x.Id == establishment);
            e.OrgUnitId = group;
            await db.SaveChangesAsync();
        }
        Assert.Equal(ward, (await client.GetJson($"/api/v1/inspections/{id}"))["orgUnitId"]!.GetValue<int>());
    }

    [Fact]
    public async Task The_list_filters_by_team_dates_and_sanction_and_pages()
    {
        var (client, establishment, team, members, body) = await Fined();
        await (await client.PostRaw("/api/v1/inspections", body.ToJsonString())).Json(HttpStatusCode.Created);
        var plain = InspectionTestData.Inspection(establishment, team, members, "2026-02-03");
        await (await client.PostRaw("/api/v1/inspections", plain.ToJsonString())).Json(HttpStatusCode.Created);
        plain["date"] = "2026-02-04";
        await (await client.PostRaw("/api/v1/inspections", plain.ToJsonString())).Json(HttpStatusCode.Created);

        var byTeam = await client.GetJson($"/api/v1/inspections?teamId={team}");
        Assert.Equal(3, byTeam["total"]!.GetValue<int>());
        Assert.Equal(["2026-02-04", "2026-02-03", "2026-01-20"], byTeam["items"]!.AsArray().Select(i => i!["date"]!.GetValue<string>()));
        Assert.Equal(1, (await client.GetJson($"/api/v1/inspections?teamId={team}&hasSanction=true"))["total"]!.GetValue<int>());
        Assert.Equal(2, (await client.GetJson($"/api/v1/inspections?teamId={team}&hasSanction=false"))["total"]!.GetValue<int>());
        Assert.Equal(2, (await client.GetJson($"/api/v1/inspections?teamId={team}&from=2026-02-01&to=2026-02-28"))["total"]!.GetValue<int>());
        var unit = await data.UnitId(InspectionTestData.PhuLuong);
        Assert.Equal(3, (await client.GetJson($"/api/v1/inspections?teamId={team}&orgUnitId={unit}"))["total"]!.GetValue<int>());
        var page2 = await client.GetJson($"/api/v1/inspections?teamId={team}&pageSize=2&page=2");
        Assert.Equal("2026-01-20", page2["items"]!.AsArray().Single()!["date"]!.GetValue<string>());
        var haDong = await data.UnitId(InspectionTestData.HaDong);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/inspections?orgUnitId={haDong}")).StatusCode);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class InspectionRecordTestsOnSqlite(SqliteApp app) : InspectionRecordTests(app);

[Collection(PostgresCollection.Name)]
public sealed class InspectionRecordTestsOnPostgres(PostgresApp app) : InspectionRecordTests(app);
