using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pcmd.IntegrationTests.Infrastructure;
using Pcmd.Web.Features.Audit;
using static Pcmd.IntegrationTests.Features.Support.SupportTestData;

namespace Pcmd.IntegrationTests.Features.Support;

public sealed record GroupSavedView(int Id, int Version);
public sealed record GroupMemberView(int Id, int CaseId, string CaseCode, string JoinedOn, string? LeftOn);
public sealed record GroupMeetingView(int Id, string Date, string Topic, List<string> AttendeeCodes, int OtherAttendees, int AnonymousAttendees);
public sealed record GroupView(int Id, string Name, int Version, string? ClosedOn, List<GroupMemberView> Members, int OtherMembers, List<GroupMeetingView> Meetings);
public sealed record GroupRow(int Id, string Name, int Members);

/// <summary>Peer and self-help groups (issue 12, item 5): seen by the case workers of the group's ward only; members by code, and only
/// the viewer's own cases by code (the others a count); joining needs the consent to being referred, whose withdrawal hides the
/// membership; versions; bad input; reads audited.</summary>
public abstract class GroupTests(PcmdApp app)
{
    readonly SupportTestData data = new(app);

    async Task<GroupSavedView> NewGroup(HttpClient worker, string name = "Nhóm thử") =>
        await (await worker.PostRaw("/api/v1/support/groups", new JsonObject
        {
            ["name"] = $"{name} {Guid.NewGuid():N}"[..30], ["kind"] = "peerGroup", ["orgUnitId"] = await data.UnitId("09568"), ["startedOn"] = "2026-01-05",
        }.ToJsonString())).Json<GroupSavedView>(HttpStatusCode.Created);

    /// <summary>A case of the worker whose person agreed to being referred.</summary>
    async Task<(CaseSavedView Case, int ConsentId)> ReferableCase(HttpClient worker)
    {
        var c = await data.Open(worker, openedOn: "2026-01-10");
        var saved = await (await worker.PostRaw($"/api/v1/support/cases/{c.Id}/consents", new JsonObject
        {
            ["kind"] = "referral", ["givenOn"] = "2026-01-10", ["method"] = "verbal", ["version"] = c.Version,
        }.ToJsonString())).Json<CaseSavedView>(HttpStatusCode.OK);
        var consent = (await Get(worker, c.Id)).Consents.Single(k => k.Kind == "referral").Id;
        return (saved, consent);
    }

    static Task<HttpResponseMessage> Join(HttpClient c, int group, string code, int version, string on = "2026-02-01") =>
        c.PostRaw($"/api/v1/support/groups/{group}/members", new JsonObject { ["caseCode"] = code, ["joinedOn"] = on, ["version"] = version }.ToJsonString());

    static Task<GroupView> Read(HttpClient c, int id) => c.GetJson<GroupView>($"/api/v1/support/groups/{id}");

    [Fact]
    public async Task A_group_is_seen_by_the_wards_case_workers_who_see_their_own_cases_by_code_and_others_as_a_count()
    {
        var worker = await data.SignIn(Worker);
        var (colleagueId, colleague) = await data.NewAccount("CaseWorker");
        var group = await NewGroup(worker);
        var (mine, _) = await ReferableCase(worker);
        var joined = await (await Join(worker, group.Id, mine.Code, group.Version)).Json<GroupSavedView>(HttpStatusCode.OK);
        Assert.Equal(group.Version + 1, joined.Version);

        var own = await Read(worker, group.Id);
        Assert.Equal(mine.Code, Assert.Single(own.Members).CaseCode);
        Assert.Equal(0, own.OtherMembers);
        // The colleague of the same ward sees the group, not the code of a case that is not theirs.
        var seen = await colleague.GetStringAsync($"/api/v1/support/groups/{group.Id}");
        Assert.DoesNotContain(mine.Code, seen);
        var theirs = await Read(colleague, group.Id);
        Assert.Empty(theirs.Members);
        Assert.Equal(1, theirs.OtherMembers);
        Assert.Contains(await colleague.GetJson<List<GroupRow>>("/api/v1/support/groups"), g => g.Id == group.Id && g.Members == 1);
        // Nobody else: the ward officer, an inspector, the police, the coordinator, the administrator, another ward's case worker.
        foreach (var user in new[] { "phuluong", "kiemtra", "congan", "dieuphoi", "lanhdao", "admin" })
            Assert.Equal(HttpStatusCode.NotFound, (await (await data.SignIn(user)).GetAsync($"/api/v1/support/groups/{group.Id}")).StatusCode);
        var (_, elsewhere) = await data.NewAccount("CaseWorker", "09556");
        Assert.Equal(HttpStatusCode.NotFound, (await elsewhere.GetAsync($"/api/v1/support/groups/{group.Id}")).StatusCode);
        Assert.DoesNotContain(await elsewhere.GetJson<List<GroupRow>>("/api/v1/support/groups"), g => g.Id == group.Id);
        // A colleague cannot add a case that is not theirs, even knowing its code.
        var refused = await (await Join(colleague, group.Id, mine.Code, joined.Version)).Json<Problem>(HttpStatusCode.BadRequest);
        Assert.NotEmpty(refused.On("caseCode"));
        _ = colleagueId;

        // Each read of the group is audited.
        using (var scope = data.Scope()) await scope.ServiceProvider.GetRequiredService<AuditTrail>().Flush();
        var key = group.Id.ToString();
        Assert.True(await data.Db(db => db.AuditEntries.CountAsync(a => a.EntityType == "SupportGroup" && a.EntityId == key && a.Action == AuditAction.Read)) >= 3);
    }

    [Fact]
    public async Task Joining_needs_the_consent_to_being_referred_and_its_withdrawal_hides_the_membership_and_attendance()
    {
        var worker = await data.SignIn(Worker);
        var group = await NewGroup(worker);
        var bare = await data.Open(worker, openedOn: "2026-01-10");
        var problem = await (await Join(worker, group.Id, bare.Code, group.Version)).Json<Problem>(HttpStatusCode.Conflict);
        Assert.Contains("chưa đồng ý", problem.Detail);
        Assert.Equal(0, await data.Db(db => db.GroupMembers.CountAsync(m => m.GroupId == group.Id)));

        var (c, consent) = await ReferableCase(worker);
        var v = (await (await Join(worker, group.Id, c.Code, group.Version)).Json<GroupSavedView>(HttpStatusCode.OK)).Version;
        v = (await (await worker.PostRaw($"/api/v1/support/groups/{group.Id}/meetings", new JsonObject
        {
            ["date"] = "2026-02-10", ["orgUnitId"] = await data.UnitId("09568"), ["topic"] = "Phòng tránh bệnh lây truyền",
            ["attendeeCodes"] = new JsonArray(c.Code.ToLowerInvariant()), ["anonymousAttendees"] = 3, ["version"] = v,
        }.ToJsonString())).Json<GroupSavedView>(HttpStatusCode.OK)).Version;
        var meeting = Assert.Single((await Read(worker, group.Id)).Meetings);
        Assert.Equal([c.Code], meeting.AttendeeCodes);
        Assert.Equal(3, meeting.AnonymousAttendees);

        var current = await Get(worker, c.Id);
        await (await worker.PostRaw($"/api/v1/support/cases/{c.Id}/consents/{consent}/withdraw", new JsonObject
        {
            ["on"] = Today, ["version"] = current.Version,
        }.ToJsonString())).Json<CaseSavedView>(HttpStatusCode.OK);
        var after = await Read(worker, group.Id);
        Assert.Empty(after.Members);
        Assert.Equal(0, after.OtherMembers);
        Assert.Empty(Assert.Single(after.Meetings).AttendeeCodes);
        Assert.Equal(0, after.Meetings[0].OtherAttendees);
        Assert.Contains(await worker.GetJson<List<GroupRow>>("/api/v1/support/groups"), g => g.Id == group.Id && g.Members == 0);
        // Nor can the case join again.
        Assert.Equal(HttpStatusCode.Conflict, (await Join(worker, group.Id, c.Code, after.Version)).StatusCode);
    }

    [Fact]
    public async Task Versions_conflict_a_closed_group_is_not_changed_and_bad_input_is_refused_by_field()
    {
        var worker = await data.SignIn(Worker);
        var group = await NewGroup(worker);
        var (c, _) = await ReferableCase(worker);
        var v = (await (await Join(worker, group.Id, c.Code, group.Version)).Json<GroupSavedView>(HttpStatusCode.OK)).Version;
        // The version read before the join is stale.
        Assert.Equal(HttpStatusCode.Conflict, (await Join(worker, group.Id, c.Code, group.Version)).StatusCode);

        var unit = await data.UnitId("09568");
        var bad = await (await worker.PostRaw($"/api/v1/support/groups/{group.Id}/meetings", new JsonObject
        {
            ["date"] = DaysAgo(-3), ["orgUnitId"] = unit, ["topic"] = "", ["attendeeCodes"] = new JsonArray("HT-XXXXXX"), ["anonymousAttendees"] = -1, ["version"] = v,
        }.ToJsonString())).Json<Problem>(HttpStatusCode.BadRequest);
        Assert.NotEmpty(bad.On("date"));
        Assert.NotEmpty(bad.On("topic"));
        Assert.NotEmpty(bad.On("anonymousAttendees"));
        var notMember = await (await worker.PostRaw($"/api/v1/support/groups/{group.Id}/meetings", new JsonObject
        {
            ["date"] = "2026-01-20", ["orgUnitId"] = unit, ["topic"] = "Trước khi tham gia", ["attendeeCodes"] = new JsonArray(c.Code), ["version"] = v,
        }.ToJsonString())).Json<Problem>(HttpStatusCode.BadRequest);
        Assert.NotEmpty(notMember.On("attendeeCodes[0]"));
        Assert.Equal(0, await data.Db(db => db.GroupMeetings.CountAsync(m => m.GroupId == group.Id)));

        var member = Assert.Single((await Read(worker, group.Id)).Members);
        var early = await (await worker.PostRaw($"/api/v1/support/groups/{group.Id}/members/{member.Id}/leave",
            new JsonObject { ["on"] = "2026-01-15", ["version"] = v }.ToJsonString())).Json<Problem>(HttpStatusCode.BadRequest);
        Assert.NotEmpty(early.On("on"));
        v = (await (await worker.PostRaw($"/api/v1/support/groups/{group.Id}/members/{member.Id}/leave",
            new JsonObject { ["on"] = "2026-03-01", ["version"] = v }.ToJsonString())).Json<GroupSavedView>(HttpStatusCode.OK)).Version;
        Assert.Equal("2026-03-01", Assert.Single((await Read(worker, group.Id)).Members).LeftOn);

        var closed = await (await worker.PutRaw($"/api/v1/support/groups/{group.Id}", new JsonObject
        {
            ["name"] = "Nhóm đã kết thúc", ["kind"] = "selfHelpGroup", ["orgUnitId"] = unit, ["startedOn"] = "2026-01-05", ["closedOn"] = "2026-03-02", ["version"] = v,
        }.ToJsonString())).Json<GroupSavedView>(HttpStatusCode.OK);
        var refused = await (await Join(worker, group.Id, c.Code, closed.Version)).Json<Problem>(HttpStatusCode.Conflict);
        Assert.Contains("kết thúc", refused.Detail);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class GroupTestsOnSqlite(SqliteApp app) : GroupTests(app);

[Collection(PostgresCollection.Name)]
public sealed class GroupTestsOnPostgres(PostgresApp app) : GroupTests(app);
