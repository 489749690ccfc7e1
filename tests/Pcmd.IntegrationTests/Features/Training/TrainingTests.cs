using System.Net;
using System.Text.Json.Nodes;
using Pcmd.IntegrationTests.Features.Communication;
using Pcmd.IntegrationTests.Features.Indicators;
using Pcmd.IntegrationTests.Infrastructure;

namespace Pcmd.IntegrationTests.Features.Training;

public sealed record CourseView(int Id, string Title, string Level, string StartDate, string EndDate, int OrgUnitId, int ParticipantCount,
    List<ParticipantView> Participants, int Version, bool CanEdit);

public sealed record ParticipantView(int OrgUnitId, int? AgencyId, string Role, int Count, int AlreadyTrained);

public sealed record RosterView(int Id, int OrgUnitId, int? AgencyId, string AsOf, int Headcount, int Version, bool CanEdit);

/// <summary>Training courses and the staff roster through HTTP: scope, bad input with nothing saved, conflicts, and the
/// 2026–2030 plan's results computed from them (3.1.2 and 3.2.3.a/b).</summary>
public abstract class TrainingTests(PcmdApp app)
{
    readonly ActivityTestData data = new(app);
    const string PhuLuong = "09568", HaDong = "09556";

    static JsonObject Participant(int unit, int count, int already = 0, int? agency = null) => new()
    {
        ["orgUnitId"] = unit, ["agencyId"] = agency, ["role"] = "Công chức văn hóa - xã hội", ["count"] = count, ["alreadyTrained"] = already,
    };

    static JsonObject Course(int unit, string title, string level = "commune", string start = "2026-05-04", string end = "2026-05-05",
        int version = 0, params JsonObject[] participants) => new()
    {
        ["title"] = title, ["level"] = level, ["startDate"] = start, ["endDate"] = end, ["orgUnitId"] = unit,
        ["organiser"] = "Chi cục Dân số, Trẻ em và Phòng, chống tệ nạn xã hội", ["hours"] = 7.5,
        ["participants"] = new JsonArray(participants.Select(p => (JsonNode)p).ToArray()), ["version"] = version,
    };

    static async Task<Versioned> Create(HttpClient c, JsonObject course) =>
        await (await c.PostRaw("/api/v1/training-courses", course.ToJsonString())).Json<Versioned>(HttpStatusCode.Created);

    [Fact]
    public async Task The_coordinator_records_a_city_course_and_a_ward_its_own()
    {
        var coordinator = await app.SignIn("dieuphoi");
        int city = await data.UnitId("01"), phuLuong = await data.UnitId(PhuLuong), haDong = await data.UnitId(HaDong);
        var police = await data.AgencyId("CA-TP");
        var saved = await Create(coordinator, Course(city, data.Unique("Tập huấn cấp Thành phố"), "city", participants:
            [Participant(city, 10, agency: police), Participant(phuLuong, 3), Participant(haDong, 2, 1)]));
        var read = await coordinator.GetJson<CourseView>($"/api/v1/training-courses/{saved.Id}");
        Assert.Equal((15, 3, "city", 7.5m > 0), (read.ParticipantCount, read.Participants.Count, read.Level, true));

        var ward = await app.SignIn("phuluong");
        var own = await Create(ward, Course(phuLuong, data.Unique("Tập huấn tại phường"), participants: [Participant(phuLuong, 6)]));
        var mine = await ward.GetJson<Page<CourseView>>($"/api/v1/training-courses?unit={phuLuong}&pageSize=200");
        Assert.Contains(mine.Items, c => c.Id == own.Id);
        Assert.Contains(mine.Items, c => c.Id == saved.Id && !c.CanEdit);   // a city course its people attended, read only

        var other = await app.SignIn("hadong");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/training-courses/{own.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PutRaw($"/api/v1/training-courses/{own.Id}",
            Course(phuLuong, "Chiếm quyền", version: own.Version).ToJsonString())).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ward.PutRaw($"/api/v1/training-courses/{saved.Id}",
            Course(city, "Phường sửa khóa của Thành phố", "city", version: saved.Version).ToJsonString())).StatusCode);
        var outside = await (await coordinator.PostRaw("/api/v1/training-courses",
            Course(phuLuong, data.Unique("Người phường khác"), participants: [Participant(haDong, 2)]).ToJsonString())).Json<Problem>(HttpStatusCode.BadRequest);
        Assert.Contains("Người tham dự phải thuộc địa bàn của đơn vị tổ chức.", outside.On("participants[0].orgUnitId"));
    }

    [Fact]
    public async Task Bad_input_is_refused_in_Vietnamese_by_field_and_nothing_is_saved()
    {
        var coordinator = await app.SignIn("dieuphoi");
        int city = await data.UnitId("01"), phuLuong = await data.UnitId(PhuLuong);
        var before = await RowCounts.Read(app);   // after signing in: a sign-in opens a session row
        var backwards = await (await coordinator.PostRaw("/api/v1/training-courses", Course(city, "Ngược ngày", start: "2026-05-10", end: "2026-05-09",
            participants: [Participant(phuLuong, -1), Participant(phuLuong, 2, 3)]).ToJsonString())).Json<Problem>(HttpStatusCode.BadRequest);
        Assert.Contains("Ngày kết thúc không được trước ngày bắt đầu.", backwards.On("endDate"));
        Assert.Contains("Số người tham dự không được âm.", backwards.On("participants[0].count"));
        Assert.Contains("Số người đã được tập huấn trước đó không được lớn hơn số người tham dự.", backwards.On("participants[1].alreadyTrained"));
        var empty = await (await coordinator.PostRaw("/api/v1/training-courses", "{}")).Json<Problem>(HttpStatusCode.BadRequest);
        Assert.Contains("Nhập tên khóa tập huấn.", empty.On("title"));
        Assert.Contains("Nhập số giờ tập huấn.", empty.On("hours"));

        var negative = await (await coordinator.PostRaw("/api/v1/staff-rosters", new JsonObject
            { ["orgUnitId"] = phuLuong, ["asOf"] = "2026-02-01", ["headcount"] = -3 }.ToJsonString())).Json<Problem>(HttpStatusCode.BadRequest);
        Assert.Contains("Số cán bộ không được âm.", negative.On("headcount"));
        Assert.Empty(RowCounts.Changed(before, await RowCounts.Read(app)));
    }

    [Fact]
    public async Task The_roster_is_per_unit_agency_and_date_and_concurrent_edits_conflict()
    {
        var ward = await app.SignIn("phuluong");
        var phuLuong = await data.UnitId(PhuLuong);
        var day = $"2026-02-{(app.Provider.ToString().Length % 2 == 0 ? 3 : 4):00}";
        var body = new JsonObject { ["orgUnitId"] = phuLuong, ["asOf"] = day, ["headcount"] = 12, ["note"] = data.Unique("Danh sách") };
        var saved = await (await ward.PostRaw("/api/v1/staff-rosters", body.ToJsonString())).Json<Versioned>(HttpStatusCode.Created);
        var twice = await (await ward.PostRaw("/api/v1/staff-rosters", body.ToJsonString())).Json<Problem>(HttpStatusCode.BadRequest);
        Assert.Contains("Đã có danh sách cán bộ của đơn vị và cơ quan này vào ngày này; hãy sửa danh sách đó.", twice.On("asOf"));
        var other = await app.SignIn("hadong");
        Assert.Equal(HttpStatusCode.BadRequest, (await other.PostRaw("/api/v1/staff-rosters", body.ToJsonString())).StatusCode);
        Assert.DoesNotContain((await other.GetJson<List<RosterView>>("/api/v1/staff-rosters")), r => r.Id == saved.Id);

        body["headcount"] = 13; body["version"] = saved.Version;
        var changed = await (await ward.PutRaw($"/api/v1/staff-rosters/{saved.Id}", body.ToJsonString())).Json<Versioned>(HttpStatusCode.OK);
        body["headcount"] = 14;
        Assert.Equal(HttpStatusCode.Conflict, (await (await app.SignIn("dieuphoi")).PutRaw($"/api/v1/staff-rosters/{saved.Id}", body.ToJsonString())).StatusCode);
        Assert.Contains(await ward.GetJson<List<RosterView>>($"/api/v1/staff-rosters?unit={phuLuong}"), r => r.Id == saved.Id && r.Headcount == 13);
        Assert.Equal(HttpStatusCode.NoContent, (await ward.DeleteAsync($"/api/v1/staff-rosters/{saved.Id}?version={changed.Version}")).StatusCode);

        var course = await Create(ward, Course(phuLuong, data.Unique("Khóa sửa đồng thời"), participants: [Participant(phuLuong, 4)]));
        var edited = Course(phuLuong, data.Unique("Khóa đã sửa"), version: course.Version, participants: [Participant(phuLuong, 5)]);
        await (await ward.PutRaw($"/api/v1/training-courses/{course.Id}", edited.ToJsonString())).Json<Versioned>(HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.Conflict, (await ward.PutRaw($"/api/v1/training-courses/{course.Id}", edited.ToJsonString())).StatusCode);
        Assert.Equal(5, (await ward.GetJson<CourseView>($"/api/v1/training-courses/{course.Id}")).ParticipantCount);
    }

    [Fact]
    public async Task The_2026_2030_plan_computes_3_1_1_3_1_2_3_2_1_and_3_2_3_from_the_records()
    {
        var coordinator = await app.SignIn("dieuphoi");
        var planId = await coordinator.PlanId("hn-2026-2030");
        var results = await coordinator.GetJson<ResultsView>($"/api/v1/plans/{planId}/results?year=2026");
        foreach (var number in new[] { "3.1.1", "3.1.2", "3.2.1", "3.2.3.a", "3.2.3.b" })
        {
            var row = results.Row(number);
            Assert.NotNull(row.Actual);
            Assert.True(row.Actual!.Denominator > 0, number);
            Assert.InRange(row.Measure!.Value, 30m, 100m);
            Assert.StartsWith(number switch { "3.1.2" => "/communication?", "3.1.1" or "3.2.1" => "/documents?", _ => "/training?" }, row.Link);
        }
        Assert.Equal("assignedPlanShare", results.Row("3.1.1").Computation);
        Assert.Equal("communicationMaintainedShare", results.Row("3.1.2").Computation);
        Assert.Equal("trainedShareCommune", results.Row("3.2.3.b").Computation);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class TrainingTestsOnSqlite(SqliteApp app) : TrainingTests(app);

[Collection(PostgresCollection.Name)]
public sealed class TrainingTestsOnPostgres(PostgresApp app) : TrainingTests(app);
