using System.Net;
using System.Text.Json.Nodes;
using Pcmd.IntegrationTests.Infrastructure;

namespace Pcmd.IntegrationTests.Features.Inspections;

/// <summary>Each rule of an inspection record is refused with a Vietnamese message at its field's path, and nothing of
/// the record is saved.</summary>
public abstract class InspectionRuleTests(PcmdApp app)
{
    readonly InspectionTestData data = new(app);

    async Task<(HttpClient Client, int Establishment, int Team, List<int> Members)> Setup()
    {
        var client = await app.SignIn("phuluong");
        var (team, members) = await data.Team(client);
        return (client, await data.Establishment(InspectionTestData.PhuLuong), team, members);
    }

    /// <summary>Posts a bad record and returns its "path: message" errors, after checking that no row was written.</summary>
    async Task<List<string>> Refused(HttpClient client, JsonObject body)
    {
        var before = await data.Counts();
        var problem = await (await client.PostRaw("/api/v1/inspections", body.ToJsonString())).Json(HttpStatusCode.BadRequest);
        Assert.Equal(before, await data.Counts());
        return problem.Errors();
    }

    [Fact]
    public async Task Fewer_than_three_members_is_refused_at_memberIds()
    {
        var (client, establishment, team, members) = await Setup();
        var body = InspectionTestData.Inspection(establishment, team, members.Take(2));
        var errors = await Refused(client, body);
        Assert.Contains(errors, e => e.StartsWith("memberIds: Đoàn kiểm tra phải có ít nhất 3 thành viên"));
        // The same member ticked twice counts once.
        body["memberIds"] = new JsonArray(members[0], members[0], members[1]);
        Assert.Contains(await Refused(client, body), e => e.StartsWith("memberIds: Đoàn kiểm tra phải có ít nhất 3 thành viên"));
    }

    [Fact]
    public async Task Members_must_be_active_members_of_the_chosen_team()
    {
        var (client, establishment, team, members) = await Setup();
        var (_, others) = await data.Team(client);
        var body = InspectionTestData.Inspection(establishment, team, [others[0], members[1], members[2]]);
        Assert.Contains(await Refused(client, body), e => e.StartsWith("memberIds[0]: ") && e.Contains("không phải thành viên của đội"));

        var version = (await client.GetJson<TeamView>($"/api/v1/inspection-teams/{team}")).Version;
        await (await client.PostAsync($"/api/v1/inspection-teams/{team}/members/{members[2]}/deactivate?version={version}", null)).Json(HttpStatusCode.OK);
        body = InspectionTestData.Inspection(establishment, team, members.Take(3));
        Assert.Contains(await Refused(client, body), e => e.StartsWith("memberIds[2]: ") && e.Contains("đã thôi tham gia đội"));
    }

    [Fact]
    public async Task A_fine_needs_an_amount_above_zero()
    {
        var (client, establishment, team, members) = await Setup();
        var decree = await data.Decree(client, "282/2025/NĐ-CP");
        var violation = await data.ViolationType(client, "MUA-DAM");
        var body = InspectionTestData.Inspection(establishment, team, members);
        body["violations"] = new JsonArray(new JsonObject { ["violationTypeId"] = violation });
        body["sanctions"] = new JsonArray(InspectionTestData.Fine(decree, amount: null));
        Assert.Contains(await Refused(client, body), e => e.StartsWith("sanctions[0].amount: Phạt tiền phải ghi số tiền phạt lớn hơn 0"));
        body["sanctions"] = new JsonArray(InspectionTestData.Fine(decree, amount: 0));
        Assert.Contains(await Refused(client, body), e => e.StartsWith("sanctions[0].amount: "));
        body["sanctions"] = new JsonArray(InspectionTestData.Fine(decree, amount: 1500.5m));
        Assert.Contains(await Refused(client, body), e => e == "sanctions[0].amount: Số tiền phạt tính bằng đồng, không có phần lẻ.");
    }

    [Fact]
    public async Task A_sanction_must_cite_a_decree_in_force_on_the_inspection_date()
    {
        var (client, establishment, team, members) = await Setup();
        var violation = await data.ViolationType(client, "MUA-DAM");
        var body = InspectionTestData.Inspection(establishment, team, members, date: "2025-12-01");
        body["violations"] = new JsonArray(new JsonObject { ["violationTypeId"] = violation });
        body["sanctions"] = new JsonArray(InspectionTestData.Fine(await data.Decree(client, "282/2025/NĐ-CP")));
        Assert.Contains(await Refused(client, body),
            e => e == "sanctions[0].decreeId: Nghị định 282/2025/NĐ-CP chưa có hiệu lực ngày 01/12/2025 (có hiệu lực từ 15/12/2025).");

        body["date"] = "2026-01-10";
        body["sanctions"] = new JsonArray(InspectionTestData.Fine(await data.Decree(client, "144/2021/NĐ-CP")));
        Assert.Contains(await Refused(client, body), e => e.StartsWith("sanctions[0].decreeId: Nghị định 144/2021/NĐ-CP không còn hiệu lực ngày 10/01/2026"));

        body["sanctions"] = new JsonArray(new JsonObject { ["kind"] = "warning" });
        Assert.Contains(await Refused(client, body), e => e == "sanctions[0].decreeId: Hãy chọn nghị định làm căn cứ xử phạt.");

        // 15/12/2025 is the first day of 282/2025.
        body["date"] = "2025-12-15";
        body["sanctions"] = new JsonArray(InspectionTestData.Fine(await data.Decree(client, "282/2025/NĐ-CP")));
        await (await client.PostRaw("/api/v1/inspections", body.ToJsonString())).Json(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_date_in_the_future_is_refused()
    {
        var (client, establishment, team, members) = await Setup();
        var tomorrow = DateTime.UtcNow.AddHours(7).AddDays(1).ToString("yyyy-MM-dd");
        var errors = await Refused(client, InspectionTestData.Inspection(establishment, team, members, date: tomorrow));
        Assert.Contains(errors, e => e.StartsWith("date: Ngày kiểm tra (") && e.Contains("không được sau ngày hôm nay"));
        var body = InspectionTestData.Inspection(establishment, team, members);
        body.Remove("date");
        Assert.Contains(await Refused(client, body), e => e == "date: Thiếu ngày kiểm tra.");
    }

    [Fact]
    public async Task An_unannounced_inspection_needs_a_reason()
    {
        var (client, establishment, team, members) = await Setup();
        var body = InspectionTestData.Inspection(establishment, team, members);
        body["kind"] = "unannounced";
        Assert.Contains(await Refused(client, body), e => e.StartsWith("reason: Kiểm tra đột xuất phải nêu lý do"));
        body["reason"] = "tip";
        var created = await (await client.PostRaw("/api/v1/inspections", body.ToJsonString())).Json<WithId>(HttpStatusCode.Created);
        var saved = await client.GetJson<InspectionView>($"/api/v1/inspections/{created.Id}");
        Assert.Equal("unannounced", saved.Kind);
        Assert.Equal("tip", saved.Reason);
    }

    [Fact]
    public async Task Violations_come_from_the_catalogue_and_counts_are_not_negative()
    {
        var (client, establishment, team, members) = await Setup();
        var body = InspectionTestData.Inspection(establishment, team, members);
        body["violations"] = new JsonArray(new JsonObject { ["violationTypeId"] = 987654 });
        body["ownersInformed"] = -1;
        body["workersInformed"] = -2;
        var errors = await Refused(client, body);
        Assert.Contains(errors, e => e == "violations[0].violationTypeId: Không có loại vi phạm này trong danh mục.");
        Assert.Contains(errors, e => e.StartsWith("ownersInformed: "));
        Assert.Contains(errors, e => e.StartsWith("workersInformed: "));

        // Visitors are informed too: more people than the establishment's workers is fine.
        body = InspectionTestData.Inspection(establishment, team, members);
        body["workersInformed"] = 40;
        await (await client.PostRaw("/api/v1/inspections", body.ToJsonString())).Json(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_follow_up_refers_to_an_earlier_inspection_of_the_same_establishment()
    {
        var (client, establishment, team, members) = await Setup();
        var other = await data.Establishment(InspectionTestData.PhuLuong);
        var first = (await (await client.PostRaw("/api/v1/inspections",
            InspectionTestData.Inspection(establishment, team, members, "2026-02-01").ToJsonString())).Json<WithId>(HttpStatusCode.Created)).Id;

        var elsewhere = InspectionTestData.Inspection(other, team, members, "2026-03-01");
        elsewhere["followUpOfId"] = first;
        Assert.Contains(await Refused(client, elsewhere), e => e.StartsWith("followUpOfId: "));
        var before = InspectionTestData.Inspection(establishment, team, members, "2026-01-15");
        before["followUpOfId"] = first;
        Assert.Contains(await Refused(client, before), e => e.StartsWith("followUpOfId: "));

        var again = InspectionTestData.Inspection(establishment, team, members, "2026-03-01");
        again["followUpOfId"] = first;
        var id = (await (await client.PostRaw("/api/v1/inspections", again.ToJsonString())).Json<WithId>(HttpStatusCode.Created)).Id;
        Assert.Contains(id, (await client.GetJson<InspectionView>($"/api/v1/inspections/{first}")).FollowUpIds);
    }

    [Fact]
    public async Task Every_problem_is_reported_at_once()
    {
        var (client, establishment, team, members) = await Setup();
        var body = InspectionTestData.Inspection(establishment, team, members.Take(1), date: "2099-01-01");
        body["kind"] = "unannounced";
        body["sanctions"] = new JsonArray(new JsonObject { ["kind"] = "fine" });
        var errors = await Refused(client, body);
        foreach (var path in new[] { "memberIds", "date", "reason", "sanctions[0].amount", "sanctions[0].decreeId", "violations" })
            Assert.Contains(errors, e => e.StartsWith(path + ": "));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class InspectionRuleTestsOnSqlite(SqliteApp app) : InspectionRuleTests(app);

[Collection(PostgresCollection.Name)]
public sealed class InspectionRuleTestsOnPostgres(PostgresApp app) : InspectionRuleTests(app);
