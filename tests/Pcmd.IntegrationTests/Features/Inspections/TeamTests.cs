using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Pcmd.IntegrationTests.Infrastructure;

namespace Pcmd.IntegrationTests.Features.Inspections;

/// <summary>Inspection teams (TT 05/2006/TT-BLĐTBXH): one leader, at most two deputies, members of existing agencies,
/// names encrypted at rest, changes guarded by the team's version, and other wards kept out.</summary>
public abstract class TeamTests(PcmdApp app)
{
    readonly InspectionTestData data = new(app);

    [Fact]
    public async Task The_demo_team_of_Phu_Luong_has_a_leader_two_deputies_and_two_members()
    {
        var kiemtra = await app.SignIn("kiemtra");
        var team = (await kiemtra.GetJson<List<TeamView>>("/api/v1/inspection-teams"))
            .Where(t => t.AgencyCode == "DOI178-PHULUONG").MinBy(t => t.Id)!;
        var members = (await kiemtra.GetJson<TeamView>($"/api/v1/inspection-teams/{team.Id}")).Members!;
        Assert.Equal(["leader", "deputy", "deputy", "member", "member"], members.Select(m => m.Role));
        Assert.Contains(members, m => m.FullName == "Đỗ Văn Hùng");
        Assert.True(members.All(m => m.AgencyName is not null));
    }

    [Fact]
    public async Task The_synthetic_demo_data_reuses_the_recorded_team_of_a_ward_instead_of_adding_a_second_one()
    {
        var admin = await app.SignIn("admin");
        var teams = (await admin.GetJson<List<TeamView>>("/api/v1/inspection-teams")).Where(t => t.AgencyCode == "DOI178-PHULUONG").ToList();
        Assert.Single(teams);
        var inspections = await admin.GetJson<Counted>($"/api/v1/inspections?teamId={teams[0].Id}&pageSize=5");
        Assert.True(inspections.Total > 12, "the synthetic visits in Phú Lương are recorded by the ward's own team");
    }

    [Fact]
    public async Task Member_names_are_encrypted_at_rest()
    {
        var client = await app.SignIn("phuluong");
        var (_, members) = await data.Team(client);
        var stored = await data.Db(db =>
            db.Database.SqlQueryRaw<string>("SELECT \"FullName\" AS \"Value\" FROM inspection_team_members WHERE \"Id\" = {0}", members[0]).SingleAsync());
        Assert.StartsWith("enc1:", stored);
        Assert.DoesNotContain("Nguyễn", stored);
    }

    [Fact]
    public async Task The_audit_trail_records_that_a_name_changed_but_never_the_name_and_keeps_real_keys()
    {
        var client = await app.SignIn("phuluong");
        var (teamId, members) = await data.Team(client);
        var admin = await app.SignIn("admin");
        var entry = (await admin.GetJson<Page<AuditEntryView>>($"/api/v1/audit?entityType=TeamMember&entityId={members[0]}")).Items.Single();
        // The changes are raw JSON: the values before and after, by property.
        var changes = JsonNode.Parse(entry.Changes)!.AsObject();
        Assert.Equal("[dữ liệu cá nhân]", changes["FullName"]![1]!.GetValue<string>());
        Assert.Equal(teamId, changes["TeamId"]![1]!.GetValue<int>());
        Assert.DoesNotContain("Nguyễn", entry.Changes);
    }

    [Fact]
    public async Task A_second_leader_or_a_third_deputy_is_refused_and_nothing_is_saved()
    {
        var client = await app.SignIn("phuluong");
        var teams = await data.Count<Pcmd.Web.Features.Inspections.InspectionTeam>();
        var body = new JsonObject
        {
            ["name"] = data.Unique("Đội hai đội trưởng"), ["kind"] = "interagency178", ["orgUnitId"] = await data.UnitId(InspectionTestData.PhuLuong),
            ["members"] = new JsonArray(InspectionTestData.Member("A", "leader", null), InspectionTestData.Member("B", "leader", null),
                InspectionTestData.Member("C", "deputy", null), InspectionTestData.Member("D", "deputy", null), InspectionTestData.Member("E", "deputy", null)),
        };
        var problem = await (await client.PostRaw("/api/v1/inspection-teams", body.ToJsonString())).Json(HttpStatusCode.BadRequest);
        Assert.Contains(problem.Errors(), e => e.StartsWith("members: Đội chỉ có một đội trưởng"));
        Assert.Contains(problem.Errors(), e => e.StartsWith("members: Đội có tối đa 2 đội phó"));
        Assert.Equal(teams, await data.Count<Pcmd.Web.Features.Inspections.InspectionTeam>());

        var (id, members) = await data.Team(client);
        var version = (await client.GetJson<TeamView>($"/api/v1/inspection-teams/{id}")).Version;
        var third = InspectionTestData.Member("Vũ Thị Giang", "deputy", null);
        third["version"] = version;
        var refused = await (await client.PostRaw($"/api/v1/inspection-teams/{id}/members", third.ToJsonString())).Json(HttpStatusCode.BadRequest);
        Assert.Contains(refused.Errors(), e => e.StartsWith("role: Đội có tối đa 2 đội phó"));
        var leader = InspectionTestData.Member("Hoàng Văn Em", "leader", null);
        leader["version"] = version;
        var promoted = await (await client.PutRaw($"/api/v1/inspection-teams/{id}/members/{members[4]}", leader.ToJsonString())).Json(HttpStatusCode.BadRequest);
        Assert.Contains(promoted.Errors(), e => e.StartsWith("role: Đội chỉ có một đội trưởng"));
        var team = await client.GetJson<TeamView>($"/api/v1/inspection-teams/{id}");
        Assert.Equal(5, team.Members!.Count);
        Assert.Equal(version, team.Version);

        // Once a deputy leaves, another may take the place.
        await (await client.PostAsync($"/api/v1/inspection-teams/{id}/members/{members[1]}/deactivate?version={version}", null)).Json(HttpStatusCode.OK);
        third["version"] = version + 1;
        var added = await (await client.PostRaw($"/api/v1/inspection-teams/{id}/members", third.ToJsonString())).Json<VersionOnly>(HttpStatusCode.Created);
        Assert.Equal(version + 2, added.Version);
    }

    [Fact]
    public async Task A_members_agency_must_exist()
    {
        var client = await app.SignIn("phuluong");
        var (id, _) = await data.Team(client);
        var member = InspectionTestData.Member("Đinh Văn Hải", "member", 987654);
        member["version"] = 0;
        var problem = await (await client.PostRaw($"/api/v1/inspection-teams/{id}/members", member.ToJsonString())).Json(HttpStatusCode.BadRequest);
        Assert.Contains(problem.Errors(), e => e == "agencyId: Không có cơ quan này trong danh mục.");
        member["fullName"] = "";
        member["agencyId"] = await data.AgencyId("VHXH-PHULUONG");
        Assert.Contains((await (await client.PostRaw($"/api/v1/inspection-teams/{id}/members", member.ToJsonString())).Json(HttpStatusCode.BadRequest)).Errors(),
            e => e == "fullName: Thiếu họ và tên thành viên.");
    }

    [Fact]
    public async Task Changing_a_team_someone_else_changed_is_a_conflict()
    {
        var client = await app.SignIn("phuluong");
        var (id, members) = await data.Team(client);
        var team = await client.GetJson<TeamView>($"/api/v1/inspection-teams/{id}");
        var header = new JsonObject
        {
            ["name"] = team.Name + " (sửa)", ["kind"] = "karaokeDance", ["orgUnitId"] = team.OrgUnitId, ["isActive"] = true, ["version"] = 0,
        };
        Assert.Equal(1, (await (await client.PutRaw($"/api/v1/inspection-teams/{id}", header.ToJsonString())).Json<VersionOnly>(HttpStatusCode.OK)).Version);
        Assert.Equal(HttpStatusCode.Conflict, (await client.PutRaw($"/api/v1/inspection-teams/{id}", header.ToJsonString())).StatusCode);
        var member = InspectionTestData.Member("Người mới", "member", null);
        member["version"] = 0;
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostRaw($"/api/v1/inspection-teams/{id}/members", member.ToJsonString())).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsync($"/api/v1/inspection-teams/{id}/members/{members[0]}/deactivate?version=0", null)).StatusCode);
        var after = await client.GetJson<TeamView>($"/api/v1/inspection-teams/{id}");
        Assert.Equal("karaokeDance", after.Kind);
        Assert.Equal(5, after.Members!.Count(m => m.IsActive));
    }

    [Fact]
    public async Task Another_ward_cannot_see_or_change_the_team()
    {
        var (id, members) = await data.Team(await app.SignIn("phuluong"));
        var hadong = await app.SignIn("hadong");
        Assert.Equal(HttpStatusCode.NotFound, (await hadong.GetAsync($"/api/v1/inspection-teams/{id}")).StatusCode);
        Assert.DoesNotContain(await hadong.GetJson<List<TeamView>>("/api/v1/inspection-teams"), t => t.Id == id);
        var member = InspectionTestData.Member("Người ngoài", "member", null);
        member["version"] = 0;
        Assert.Equal(HttpStatusCode.NotFound, (await hadong.PostRaw($"/api/v1/inspection-teams/{id}/members", member.ToJsonString())).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await hadong.PostAsync($"/api/v1/inspection-teams/{id}/members/{members[0]}/deactivate?version=0", null)).StatusCode);
        var body = new JsonObject { ["name"] = "Đội của phường khác", ["kind"] = "other", ["orgUnitId"] = await data.UnitId(InspectionTestData.PhuLuong) };
        var problem = await (await hadong.PostRaw("/api/v1/inspection-teams", body.ToJsonString())).Json(HttpStatusCode.BadRequest);
        Assert.Contains(problem.Errors(), e => e.StartsWith("orgUnitId: "));
        // The city's team is read by every ward of the city, and changed by none of them.
        var city = (await hadong.GetJson<List<TeamView>>("/api/v1/inspection-teams")).FirstOrDefault(t => t.AgencyCode == "DOI178-TP");
        if (city is not null)
        {
            var header = new JsonObject { ["name"] = "Đổi tên", ["kind"] = "interagency178", ["orgUnitId"] = city.OrgUnitId, ["version"] = city.Version };
            Assert.Equal(HttpStatusCode.Forbidden, (await hadong.PutRaw($"/api/v1/inspection-teams/{city.Id}", header.ToJsonString())).StatusCode);
        }
    }
}

[Collection(SqliteCollection.Name)]
public sealed class TeamTestsOnSqlite(SqliteApp app) : TeamTests(app);

[Collection(PostgresCollection.Name)]
public sealed class TeamTestsOnPostgres(PostgresApp app) : TeamTests(app);
