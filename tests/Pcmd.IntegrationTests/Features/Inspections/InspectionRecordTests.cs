using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Pcmd.IntegrationTests.Infrastructure;

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
        var created = await (await client.PostRaw("/api/v1/inspections", body.ToJsonString())).Json<InspectionCreated>(HttpStatusCode.Created);
        var id = created.Id;
        Assert.Equal(await data.UnitId(InspectionTestData.PhuLuong), created.OrgUnitId);

        var saved = await client.GetJson<InspectionView>($"/api/v1/inspections/{id}");
        Assert.Equal(establishment, saved.EstablishmentId);
        Assert.Equal(team, saved.TeamId);
        Assert.Equal("2026-01-20", saved.Date);
        Assert.Equal(members.Take(3).Order(), saved.Members.Select(m => m.TeamMemberId).Order());
        Assert.Contains(saved.Members, m => m.FullName == "Nguyễn Văn An");
        var sanction = saved.Sanctions.Single();
        Assert.Equal("fine", sanction.Kind);
        Assert.Equal(1_500_000m, sanction.Amount);
        Assert.Equal("282/2025/NĐ-CP", sanction.DecreeCode);
        Assert.Equal("Điểm a khoản 1 Điều 25", sanction.LegalBasis);
        Assert.Equal("Thiếu sổ khách", saved.Violations.Single().Note);
        Assert.Equal(3, saved.WorkersInformed);

        var admin = await app.SignIn("admin");
        var entry = (await admin.GetJson<Page<AuditEntryView>>($"/api/v1/audit?entityType=Inspection&entityId={id}&kind=created")).Items.Single();
        Assert.Equal("kiemtra", entry.UserName);
        Assert.Contains("\"EstablishmentId\"", entry.Changes);
        Assert.True((await admin.GetJson<Counted>("/api/v1/audit?entityType=Sanction")).Total > 0);

        var history = await client.GetJson<Page<InspectionRow>>($"/api/v1/inspections?establishmentId={establishment}");
        Assert.Equal(id, history.Items.Single().Id);
        Assert.Equal(1_500_000m, history.Items[0].FineTotal);
    }

    [Fact]
    public async Task A_stale_version_is_a_conflict_and_changes_nothing()
    {
        var (client, _, _, members, body) = await Fined();
        var id = (await (await client.PostRaw("/api/v1/inspections", body.ToJsonString())).Json<WithId>(HttpStatusCode.Created)).Id;
        body["findings"] = "Bổ sung: chủ cơ sở đã cam kết khắc phục.";
        body["memberIds"] = new JsonArray(members[0], members[1], members[3], members[4]);
        body["version"] = 0;
        var updated = await (await client.PutRaw($"/api/v1/inspections/{id}", body.ToJsonString())).Json<VersionOnly>(HttpStatusCode.OK);
        Assert.Equal(1, updated.Version);
        var saved = await client.GetJson<InspectionView>($"/api/v1/inspections/{id}");
        Assert.Equal(4, saved.Members.Count);

        var before = await data.Counts();
        body["findings"] = "Bản sửa của người khác";
        body["memberIds"] = new JsonArray(members[0], members[1], members[2]);
        var stale = await (await client.PutRaw($"/api/v1/inspections/{id}", body.ToJsonString())).Json<Problem>(HttpStatusCode.Conflict);
        Assert.Equal("Xung đột dữ liệu", stale.Title);
        Assert.Equal(before, await data.Counts());
        var after = await client.GetJson<InspectionView>($"/api/v1/inspections/{id}");
        Assert.Equal("Bổ sung: chủ cơ sở đã cam kết khắc phục.", after.Findings);
        Assert.Equal(1, after.Version);
    }

    [Fact]
    public async Task An_update_that_breaks_a_rule_leaves_the_record_as_it_was()
    {
        var (client, _, _, members, body) = await Fined();
        var id = (await (await client.PostRaw("/api/v1/inspections", body.ToJsonString())).Json<WithId>(HttpStatusCode.Created)).Id;
        var before = await data.Counts();
        body["version"] = 0;
        body["memberIds"] = new JsonArray(members[0]);
        body["sanctions"] = new JsonArray(new JsonObject { ["kind"] = "fine", ["decreeId"] = (int)body["sanctions"]![0]!["decreeId"]! });
        var problem = await (await client.PutRaw($"/api/v1/inspections/{id}", body.ToJsonString())).Json(HttpStatusCode.BadRequest);
        Assert.Contains(problem.Errors(), e => e.StartsWith("memberIds: "));
        Assert.Contains(problem.Errors(), e => e.StartsWith("sanctions[0].amount: "));
        Assert.Equal(before, await data.Counts());
        var saved = await client.GetJson<InspectionView>($"/api/v1/inspections/{id}");
        Assert.Equal(3, saved.Members.Count);
        Assert.Equal(1_500_000m, saved.Sanctions[0].Amount);
        Assert.Equal(0, saved.Version);
    }

    [Fact]
    public async Task Another_ward_can_neither_see_nor_record_an_inspection_of_Phu_Luong()
    {
        var (client, establishment, _, _, body) = await Fined();
        var id = (await (await client.PostRaw("/api/v1/inspections", body.ToJsonString())).Json<WithId>(HttpStatusCode.Created)).Id;
        var hadong = await app.SignIn("hadong");
        Assert.Equal(HttpStatusCode.NotFound, (await hadong.GetAsync($"/api/v1/inspections/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await hadong.GetAsync($"/inspections/{id}")).StatusCode);
        var list = await hadong.GetJson<Page<InspectionRow>>($"/api/v1/inspections?establishmentId={establishment}");
        Assert.Equal(0, list.Total);
        var all = await hadong.GetJson<Page<InspectionRow>>("/api/v1/inspections?pageSize=200&from=2026-01-20&to=2026-01-20");
        Assert.DoesNotContain(all.Items, i => i.Id == id);

        var (hdTeam, hdMembers) = await data.Team(await app.SignIn("admin"), InspectionTestData.HaDong);
        var before = await data.Counts();
        var foreign = InspectionTestData.Inspection(establishment, hdTeam, hdMembers);
        Assert.Equal(HttpStatusCode.NotFound, (await hadong.PostRaw("/api/v1/inspections", foreign.ToJsonString())).StatusCode);
        body["version"] = 0;
        body["findings"] = "Sửa trái phép";
        Assert.Equal(HttpStatusCode.NotFound, (await hadong.PutRaw($"/api/v1/inspections/{id}", body.ToJsonString())).StatusCode);
        Assert.Equal(before, await data.Counts());
        Assert.Equal(0, (await client.GetJson<InspectionView>($"/api/v1/inspections/{id}")).Version);

        // A leader reads the city's inspections but records none.
        var leader = await app.SignIn("lanhdao");
        await leader.GetJson($"/api/v1/inspections/{id}");
        Assert.Equal(HttpStatusCode.Forbidden, (await leader.PostRaw("/api/v1/inspections", body.ToJsonString())).StatusCode);
    }

    [Fact]
    public async Task The_unit_is_the_establishments_on_the_day_of_recording()
    {
        var (client, establishment, _, _, body) = await Fined();
        var id = (await (await client.PostRaw("/api/v1/inspections", body.ToJsonString())).Json<WithId>(HttpStatusCode.Created)).Id;
        var ward = await data.UnitId(InspectionTestData.PhuLuong);
        await data.Db(async db =>
        {
            var group = await db.OrgUnits.Where(u => u.ParentId == ward).Select(u => u.Id).FirstAsync();
            var e = await db.Establishments.SingleAsync(x => x.Id == establishment);
            e.OrgUnitId = group;
            return await db.SaveChangesAsync();
        });
        Assert.Equal(ward, (await client.GetJson<InspectionView>($"/api/v1/inspections/{id}")).OrgUnitId);
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

        Task<Page<InspectionRow>> List(string query) => client.GetJson<Page<InspectionRow>>($"/api/v1/inspections?teamId={team}{query}");
        var byTeam = await List("");
        Assert.Equal(3, byTeam.Total);
        Assert.Equal(["2026-02-04", "2026-02-03", "2026-01-20"], byTeam.Items.Select(i => i.Date));
        Assert.Equal(1, (await List("&hasSanction=true")).Total);
        Assert.Equal(2, (await List("&hasSanction=false")).Total);
        Assert.Equal(2, (await List("&from=2026-02-01&to=2026-02-28")).Total);
        var unit = await data.UnitId(InspectionTestData.PhuLuong);
        Assert.Equal(3, (await List($"&orgUnitId={unit}")).Total);
        var page2 = await List("&pageSize=2&page=2");
        Assert.Equal("2026-01-20", page2.Items.Single().Date);

        // Cursor pages: a second inspection on 3/2 ties on the date; the walk still meets each once, newest first.
        await (await client.PostRaw("/api/v1/inspections", plain.ToJsonString().Replace("2026-02-04", "2026-02-03"))).Json(HttpStatusCode.Created);
        var whole = (await List("&pageSize=200")).Items.Select(i => i.Id).ToList();
        var forward = await client.Forward($"/api/v1/inspections?teamId={team}&pageSize=1");
        Assert.Equal(whole, forward.Ids());
        Assert.Equal(4, whole.Distinct().Count());
        Assert.All(forward, p => Assert.Equal(4, (int)p["total"]!));
        var backward = await client.Backward($"/api/v1/inspections?teamId={team}&pageSize=1", forward[0]["last"]!.GetValue<string>());
        Assert.Equal(whole, Enumerable.Reverse(backward).Ids());
        var haDong = await data.UnitId(InspectionTestData.HaDong);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/inspections?orgUnitId={haDong}")).StatusCode);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class InspectionRecordTestsOnSqlite(SqliteApp app) : InspectionRecordTests(app);

[Collection(PostgresCollection.Name)]
public sealed class InspectionRecordTestsOnPostgres(PostgresApp app) : InspectionRecordTests(app);
