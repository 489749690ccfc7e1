using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Pcmd.IntegrationTests.Infrastructure;

namespace Pcmd.IntegrationTests.Features.Communication;

public sealed record EventView(int Id, string Date, int OrgUnitId, string Kind, string Title, int MaterialsDistributed, int PeopleReached,
    List<AudienceView> Audiences, int Version, bool CanEdit);

public sealed record AudienceView(string Group, int PeopleReached);

public sealed record RuleView(int EventsPerQuarter, int Version);

/// <summary>Communication events through HTTP: a ward writes its own and no other's, the coordinator reads all; bad input is
/// refused in Vietnamese, field by field, with nothing saved; a stale version is a conflict.</summary>
public abstract class CommunicationTests(PcmdApp app)
{
    readonly ActivityTestData data = new(app);
    const string PhuLuong = "09568", HaDong = "09556";

    static JsonObject Event(int unit, string title, string date = "2026-03-10", int residents = 40, int materials = 100, int version = 0) => new()
    {
        ["date"] = date, ["orgUnitId"] = unit, ["kind"] = "meeting", ["title"] = title, ["materialsDistributed"] = materials,
        ["audiences"] = new JsonArray(new JsonObject { ["group"] = "residents", ["peopleReached"] = residents },
            new JsonObject { ["group"] = "youth", ["peopleReached"] = 15 }),
        ["version"] = version,
    };

    static async Task<Versioned> Create(HttpClient c, JsonObject e) =>
        await (await c.PostRaw("/api/v1/communication-events", e.ToJsonString())).Json<Versioned>(HttpStatusCode.Created);

    [Fact]
    public async Task A_ward_records_its_own_events_and_reaches_no_other_wards()
    {
        var ward = await app.SignIn("phuluong");
        var phuLuong = await data.UnitId(PhuLuong);
        var title = data.Unique("Tuyên truyền tại tổ dân phố số 3");
        var saved = await Create(ward, Event(phuLuong, title));
        var read = await ward.GetJson<EventView>($"/api/v1/communication-events/{saved.Id}");
        Assert.Equal((title, 55, "meeting", true), (read.Title, read.PeopleReached, read.Kind, read.CanEdit));
        Assert.Equal(["youth", "residents"], read.Audiences.Select(a => a.Group));

        var other = await app.SignIn("hadong");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/communication-events/{saved.Id}")).StatusCode);
        var theirs = await other.GetJson<Page<EventView>>("/api/v1/communication-events?pageSize=200&from=2026-03-10&to=2026-03-10");
        Assert.DoesNotContain(theirs.Items, e => e.Id == saved.Id);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/communication-events?unit={phuLuong}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound,
            (await other.PutRaw($"/api/v1/communication-events/{saved.Id}", Event(phuLuong, "Chiếm quyền", version: saved.Version).ToJsonString())).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.DeleteAsync($"/api/v1/communication-events/{saved.Id}?version={saved.Version}")).StatusCode);
        var into = await (await other.PostRaw("/api/v1/communication-events", Event(phuLuong, data.Unique("Lấn phường")).ToJsonString()))
            .Json<Problem>(HttpStatusCode.BadRequest);
        Assert.Contains("Không có đơn vị hành chính này.", into.On("orgUnitId"));   // another ward is not even named
        var intoHaDong = await (await ward.PostRaw("/api/v1/communication-events", Event(await data.UnitId(HaDong), data.Unique("Sang Hà Đông")).ToJsonString()))
            .Json<Problem>(HttpStatusCode.BadRequest);
        Assert.NotEmpty(intoHaDong.On("orgUnitId"));

        var coordinator = await app.SignIn("dieuphoi");
        var all = await coordinator.GetJson<Page<EventView>>($"/api/v1/communication-events?unit={phuLuong}&from=2026-03-10&to=2026-03-10&pageSize=200");
        Assert.Contains(all.Items, e => e.Id == saved.Id);
        var leader = await app.SignIn("lanhdao");
        var seen = await leader.GetJson<EventView>($"/api/v1/communication-events/{saved.Id}");
        Assert.False(seen.CanEdit);
        Assert.Equal(HttpStatusCode.Forbidden, (await leader.PostRaw("/api/v1/communication-events", Event(phuLuong, "Lãnh đạo ghi")
            .ToJsonString())).StatusCode);
    }

    [Fact]
    public async Task The_events_of_the_old_Phu_Lam_are_the_new_wards()
    {
        var ward = await app.SignIn("phuluong");
        var phuLam = await data.UnitIdOn(PhuLuong, "2025-01-01");
        var saved = await Create(ward, Event(phuLam, data.Unique("Hội nghị trước sáp nhập"), date: "2025-03-03"));
        var mine = await ward.GetJson<Page<EventView>>($"/api/v1/communication-events?unit={await data.UnitId(PhuLuong)}&from=2025-03-03&to=2025-03-03");
        Assert.Contains(mine.Items, e => e.Id == saved.Id);
        var late = await (await ward.PostRaw("/api/v1/communication-events", Event(phuLam, data.Unique("Sau sáp nhập"), date: "2025-07-02").ToJsonString()))
            .Json<Problem>(HttpStatusCode.BadRequest);
        Assert.Contains("Xã, phường này không tồn tại vào ngày tổ chức (sắp xếp đơn vị hành chính ngày 01/07/2025).", late.On("orgUnitId"));
    }

    [Fact]
    public async Task Bad_input_is_refused_in_Vietnamese_by_field_and_nothing_is_saved()
    {
        var ward = await app.SignIn("phuluong");
        var coordinator = await app.SignIn("dieuphoi");
        var phuLuong = await data.UnitId(PhuLuong);
        var before = await RowCounts.Read(app);   // after signing in: a sign-in opens a session row

        var negative = Event(phuLuong, data.Unique("Âm"), residents: -5, materials: -1);
        var p = await (await ward.PostRaw("/api/v1/communication-events", negative.ToJsonString())).Json<Problem>(HttpStatusCode.BadRequest);
        Assert.Contains("Số người được tiếp cận không được âm.", p.On("audiences[0].peopleReached"));
        Assert.Contains("Số tài liệu phát ra không được âm.", p.On("materialsDistributed"));

        var future = await (await ward.PostRaw("/api/v1/communication-events", Event(phuLuong, "Tương lai", date: "2099-01-01").ToJsonString()))
            .Json<Problem>(HttpStatusCode.BadRequest);
        Assert.Contains("Ngày tổ chức không được sau ngày hôm nay.", future.On("date"));

        var twice = Event(phuLuong, "Trùng nhóm");
        twice["audiences"] = new JsonArray(new JsonObject { ["group"] = "youth", ["peopleReached"] = 1 }, new JsonObject { ["group"] = "youth", ["peopleReached"] = 2 });
        Assert.Contains("Mỗi nhóm đối tượng chỉ ghi một lần.", (await (await ward.PostRaw("/api/v1/communication-events", twice.ToJsonString()))
            .Json<Problem>(HttpStatusCode.BadRequest)).On("audiences"));

        var atCity = await (await coordinator.PostRaw("/api/v1/communication-events", Event(await data.UnitId("01"), "Cấp Thành phố").ToJsonString()))
            .Json<Problem>(HttpStatusCode.BadRequest);
        Assert.Contains("Hoạt động truyền thông được ghi cho một xã, phường.", atCity.On("orgUnitId"));

        var empty = await (await ward.PostRaw("/api/v1/communication-events", "{}")).Json<Problem>(HttpStatusCode.BadRequest);
        Assert.Contains("Nhập ngày tổ chức hoạt động.", empty.On("date"));
        Assert.Contains("Chọn hình thức truyền thông.", empty.On("kind"));
        Assert.Contains("Nhập nội dung (tên) hoạt động.", empty.On("title"));
        Assert.Equal(HttpStatusCode.BadRequest, (await ward.GetAsync("/api/v1/communication-events?kind=rumour")).StatusCode);

        Assert.Empty(RowCounts.Changed(before, await RowCounts.Read(app)));
    }

    [Fact]
    public async Task Concurrent_edits_conflict()
    {
        var ward = await app.SignIn("phuluong");
        var phuLuong = await data.UnitId(PhuLuong);
        var title = data.Unique("Phát thanh");
        var saved = await Create(ward, Event(phuLuong, title));
        var first = await (await ward.PutRaw($"/api/v1/communication-events/{saved.Id}", Event(phuLuong, title + " (sửa)", residents: 80, version: saved.Version)
            .ToJsonString())).Json<Versioned>(HttpStatusCode.OK);
        Assert.Equal(saved.Version + 1, first.Version);
        var coordinator = await app.SignIn("dieuphoi");
        var stale = await coordinator.PutRaw($"/api/v1/communication-events/{saved.Id}", Event(phuLuong, title + " (ghi đè)", version: saved.Version).ToJsonString());
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await ward.DeleteAsync($"/api/v1/communication-events/{saved.Id}?version={saved.Version}")).StatusCode);
        var read = await ward.GetJson<EventView>($"/api/v1/communication-events/{saved.Id}");
        Assert.Equal((title + " (sửa)", 95), (read.Title, read.PeopleReached));
        Assert.Equal(HttpStatusCode.NoContent, (await ward.DeleteAsync($"/api/v1/communication-events/{saved.Id}?version={first.Version}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ward.GetAsync($"/api/v1/communication-events/{saved.Id}")).StatusCode);
    }

    [Fact]
    public async Task The_rule_of_maintained_regularly_is_the_coordinators_and_version_checked()
    {
        var coordinator = await app.SignIn("dieuphoi");
        var rule = await coordinator.GetJson<RuleView>("/api/v1/communication-events/rule");
        var body = new JsonObject { ["eventsPerQuarter"] = rule.EventsPerQuarter, ["version"] = rule.Version }.ToJsonString();
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignIn("phuluong")).PutRaw("/api/v1/communication-events/rule", body)).StatusCode);
        var bad = await (await coordinator.PutRaw("/api/v1/communication-events/rule",
            new JsonObject { ["eventsPerQuarter"] = 0, ["version"] = rule.Version }.ToJsonString())).Json<Problem>(HttpStatusCode.BadRequest);
        Assert.Contains("Số hoạt động tối thiểu mỗi quý phải từ 1 đến 100.", bad.On("eventsPerQuarter"));
        var saved = await (await coordinator.PutRaw("/api/v1/communication-events/rule", body)).Json<RuleView>(HttpStatusCode.OK);
        Assert.Equal(rule.EventsPerQuarter, saved.EventsPerQuarter);
        Assert.NotEqual(rule.Version, saved.Version);
        Assert.Equal(HttpStatusCode.Conflict, (await coordinator.PutRaw("/api/v1/communication-events/rule", body)).StatusCode);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class CommunicationTestsOnSqlite(SqliteApp app) : CommunicationTests(app);

[Collection(PostgresCollection.Name)]
public sealed class CommunicationTestsOnPostgres(PostgresApp app) : CommunicationTests(app);
