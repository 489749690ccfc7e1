using System.Net;
using System.Text.Json.Nodes;
using Pcmd.IntegrationTests.Features.Tips;
using Pcmd.IntegrationTests.Infrastructure;
using Pcmd.Web.Features.Notifications;
using Pcmd.Web.Features.Tips;
using Pcmd.Web.Features.WorkCalendar;
using Pcmd.Web.Shared;
using static Pcmd.IntegrationTests.Features.Tips.TipTestData;

namespace Pcmd.IntegrationTests.Features.WorkCalendar;

/// <summary>The working-day calendar through HTTP (who keeps it, bad input, conflicts), the tips' deadlines following it, and
/// the hourly notices of overdue tip steps — on both databases.</summary>
public abstract class WorkCalendarTests(PcmdApp app)
{
    readonly TipTestData data = new(app);

    public sealed record Day(int Id, DateOnly Date, bool DayOff, string Name, int Version);
    sealed record Saved(int Id, int Version);

    static JsonObject Input(DateOnly date, string name, bool dayOff = true, int? version = null) => new()
    {
        ["date"] = date.ToString("yyyy-MM-dd"), ["dayOff"] = dayOff, ["name"] = name, ["version"] = version,
    };

    async Task<WorkDays> Calendar(HttpClient c, int year)
    {
        var days = new List<Day>();
        for (var y = year - 1; y <= year + 1; y++) days.AddRange(await c.GetJson<List<Day>>($"/api/v1/work-calendar?year={y}"));
        return new WorkDays(days.Select(d => (d.Date, d.DayOff)));
    }

    [Fact]
    public async Task The_shipped_holidays_are_listed_to_anyone_signed_in_and_only_an_administrator_changes_them()
    {
        var ward = await app.SignIn("phuluong");
        var days = await ward.GetJson<List<Day>>("/api/v1/work-calendar?year=2026");
        Assert.Contains(days, d => d.Date == new DateOnly(2026, 2, 17) && d.DayOff && d.Name.Contains("Tết"));
        Assert.Contains(days, d => d.Date == new DateOnly(2026, 9, 2) && d.Name == "Quốc khánh");
        Assert.All(days, d => Assert.Equal(2026, d.Date.Year));
        Assert.Equal(HttpStatusCode.Forbidden, (await ward.PostRaw("/api/v1/work-calendar", Input(new DateOnly(2031, 3, 3), "Thử").ToJsonString())).StatusCode);
        var coordinator = await app.SignIn("dieuphoi");
        Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.PostRaw("/api/v1/work-calendar", Input(new DateOnly(2031, 3, 3), "Thử").ToJsonString())).StatusCode);
        var bad = await (await ward.GetAsync("/api/v1/work-calendar?year=1800")).Json(HttpStatusCode.BadRequest);
        Assert.Contains(bad.Errors(), e => e.StartsWith("year: "));
    }

    [Fact]
    public async Task Bad_days_are_refused_by_field_in_Vietnamese_and_a_stale_version_is_a_conflict()
    {
        var admin = await app.SignIn("admin");
        async Task<List<string>> Refused(JsonObject body) => (await (await admin.PostRaw("/api/v1/work-calendar", body.ToJsonString())).Json(HttpStatusCode.BadRequest)).Errors();
        Assert.Contains(await Refused(Input(new DateOnly(2031, 3, 1), "Chủ nhật")), e => e.StartsWith("date: ") && e.Contains("thứ Bảy hoặc Chủ nhật"));
        Assert.Contains(await Refused(Input(new DateOnly(2031, 3, 3), "Thứ Hai làm bù", dayOff: false)), e => e.StartsWith("dayOff: "));
        Assert.Contains(await Refused(Input(new DateOnly(2031, 3, 3), "")), e => e.StartsWith("name: "));
        Assert.Contains(await Refused(Input(new DateOnly(2031, 3, 3), new string('x', 201))), e => e.StartsWith("name: "));
        Assert.Contains(await Refused(new JsonObject { ["name"] = "Không ngày" }), e => e.StartsWith("date: "));
        Assert.Contains(await Refused(Input(new DateOnly(2026, 9, 2), "Trùng")), e => e.StartsWith("date: ") && e.Contains("đã có"));

        var day = await (await admin.PostRaw("/api/v1/work-calendar", Input(new DateOnly(2031, 3, 3), data.Unique("Ngày nghỉ thử")).ToJsonString()))
            .Json<Saved>(HttpStatusCode.Created);
        try
        {
            var moved = await (await admin.PutRaw($"/api/v1/work-calendar/{day.Id}", Input(new DateOnly(2031, 3, 4), "Ngày nghỉ thử, dời", version: day.Version).ToJsonString()))
                .Json<Saved>(HttpStatusCode.OK);
            Assert.Equal(HttpStatusCode.Conflict, (await admin.PutRaw($"/api/v1/work-calendar/{day.Id}", Input(new DateOnly(2031, 3, 5), "Cũ", version: day.Version).ToJsonString())).StatusCode);
            Assert.Equal(HttpStatusCode.Conflict, (await admin.DeleteAsync($"/api/v1/work-calendar/{day.Id}?version={day.Version}")).StatusCode);
            var read = await admin.GetJson<Day>($"/api/v1/work-calendar/{day.Id}");
            Assert.Equal((new DateOnly(2031, 3, 4), "Ngày nghỉ thử, dời"), (read.Date, read.Name));
            Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/work-calendar/{day.Id}?version={moved.Version}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/v1/work-calendar/{day.Id}")).StatusCode);
        }
        finally { await admin.DeleteAsync($"/api/v1/work-calendar/{day.Id}?version={day.Version}"); }
    }

    [Fact]
    public async Task A_holiday_added_moves_the_deadline_of_an_open_tip_and_removing_it_moves_it_back()
    {
        var ward = await app.SignIn("phuluong");
        var admin = await app.SignIn("admin");
        var unit = await data.UnitId(PhuLuong);
        var tip = await Create(ward, TipTestData.Input(data.Unique("Tin chờ xác minh"), unit));
        var received = VietnamTime.Today(TimeProvider.System);
        var before = await Calendar(ward, received.Year);
        Assert.Equal(before.AddWorkingDays(received, 3), tip.NextDueOn);

        // A day off on the first working day after reception pushes the 3-working-day deadline one working day on.
        var holiday = before.AddWorkingDays(received, 1);
        var day = await (await admin.PostRaw("/api/v1/work-calendar", Input(holiday, data.Unique("Ngày nghỉ đột xuất")).ToJsonString())).Json<Saved>(HttpStatusCode.Created);
        try
        {
            var after = await Calendar(ward, received.Year);
            var due = (await ward.GetJson<TipRowsPage>($"/api/v1/tips?search={Uri.EscapeDataString(tip.Code)}")).Items.Single(t => t.Id == tip.Id).NextDueOn;
            Assert.Equal(after.AddWorkingDays(received, 3), due);
            Assert.True(due > tip.NextDueOn);
        }
        finally { Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/work-calendar/{day.Id}?version={day.Version}")).StatusCode); }
        var back = (await ward.GetJson<TipRowsPage>($"/api/v1/tips?search={Uri.EscapeDataString(tip.Code)}")).Items.Single(t => t.Id == tip.Id).NextDueOn;
        Assert.Equal(tip.NextDueOn, back);
    }

    [Fact]
    public async Task The_page_adds_a_day_typed_dd_mm_yyyy_refuses_a_bad_date_changes_it_in_place_and_deletes_after_confirmation()
    {
        var admin = await app.SignIn("admin");
        var name = data.Unique("Ngày nghỉ trên trang");
        var html = await admin.GetStringAsync("/work-calendar?year=2032");
        Assert.Contains("data-testid=\"add-day\"", html);
        Task<HttpResponseMessage> Post(string page, params (string, string)[] fields) =>
            admin.PostAsync(page, new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2))
                .Append(new("__RequestVerificationToken", Token(html)))));

        var bad = await Post("/work-calendar?year=2032", ("_handler", "add-day"), ("Form.Date", "31/02/2032"), ("Form.Kind", "off"), ("Form.Name", name));
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode); // a refused form is shown again with its message (PageText.SetStatus: GET only)
        Assert.Contains("không có thật", await bad.Content.ReadAsStringAsync());
        Assert.DoesNotContain(await admin.GetJson<List<Day>>("/api/v1/work-calendar?year=2032"), d => d.Name == name);
        var added = await Post("/work-calendar?year=2032", ("_handler", "add-day"), ("Form.Date", "3/3/2032"), ("Form.Kind", "off"), ("Form.Name", name));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal("/work-calendar?year=2032&saved=1", added.Headers.Location!.PathAndQuery);
        var day = (await admin.GetJson<List<Day>>("/api/v1/work-calendar?year=2032")).Single(d => d.Name == name);
        Assert.Equal((new DateOnly(2032, 3, 3), true), (day.Date, day.DayOff));
        html = await admin.GetStringAsync("/work-calendar?year=2032");
        Assert.Contains("03/03/2032", html);
        Assert.Contains("Thứ Tư", html);

        // Changed in place: the edit link fills the form with the day; a stale version is refused; the change keeps the row.
        var editing = await admin.GetStringAsync($"/work-calendar?year=2032&edit={day.Id}");
        Assert.Contains("value=\"03/03/2032\"", editing);
        Assert.Contains($"name=\"Form.Version\" value=\"{day.Version}\"", editing);
        var renamed = name + " (đổi)";
        var stale = await Post("/work-calendar?year=2032", ("_handler", "add-day"), ("Form.Id", day.Id.ToString()), ("Form.Version", (day.Version + 7).ToString()),
            ("Form.Date", "04/03/2032"), ("Form.Kind", "off"), ("Form.Name", renamed));
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("đã được người khác thay đổi", await stale.Content.ReadAsStringAsync());
        var changed = await Post("/work-calendar?year=2032", ("_handler", "add-day"), ("Form.Id", day.Id.ToString()), ("Form.Version", day.Version.ToString()),
            ("Form.Date", "04/03/2032"), ("Form.Kind", "off"), ("Form.Name", renamed));
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        day = (await admin.GetJson<List<Day>>("/api/v1/work-calendar?year=2032")).Single(d => d.Id == day.Id);
        Assert.Equal((new DateOnly(2032, 3, 4), renamed), (day.Date, day.Name));

        var asked = await Post("/work-calendar?year=2032", ("_handler", "delete-day"), ("DeleteId", day.Id.ToString()), ("DeleteVersion", day.Version.ToString()));
        Assert.Contains("data-testid=\"confirm-step\"", await asked.Content.ReadAsStringAsync());
        Assert.Contains(await admin.GetJson<List<Day>>("/api/v1/work-calendar?year=2032"), d => d.Id == day.Id);
        var deleted = await Post("/work-calendar?year=2032", ("_handler", "delete-day"), ("DeleteId", day.Id.ToString()), ("DeleteVersion", day.Version.ToString()), ("Confirmed", "1"));
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.DoesNotContain(await admin.GetJson<List<Day>>("/api/v1/work-calendar?year=2032"), d => d.Id == day.Id);

        var wardPage = await (await app.SignIn("phuluong")).GetStringAsync("/work-calendar?year=2026");
        Assert.Contains("Quốc khánh", wardPage);
        Assert.DoesNotContain("data-testid=\"add-day\"", wardPage);
    }

    static string Token(string html) =>
        System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"").Groups[1].Value is { Length: > 0 } t
            ? t : throw new InvalidOperationException("No antiforgery token on the page");

    public sealed record TipRow(int Id, string Code, DateOnly? NextDueOn);
    public sealed record TipRowsPage(int Total, List<TipRow> Items);

    [Fact]
    public async Task An_overdue_step_is_notified_once_to_the_acting_ward_and_the_coordinator_never_to_another_ward_and_without_its_substance()
    {
        var ward = await app.SignIn("phuluong");
        var unit = await data.UnitId(PhuLuong);
        var description = data.Unique("Tin quá hạn bí mật");
        var input = TipTestData.Input(description, unit, name: "Nguyễn Văn Báo", contact: "0912 345 678");
        input["receivedAt"] = DateTimeOffset.UtcNow.AddDays(-30).ToString("O");
        var tip = await Create(ward, input);
        Assert.True(tip.NextDueOn < VietnamTime.Today(TimeProvider.System));

        var notices = app.Service<TipOverdueNotices>();
        await notices.RunOnce(CancellationToken.None);
        await notices.RunOnce(CancellationToken.None);

        async Task<List<NotificationView>> About(string user) =>
            (await (await app.SignIn(user)).GetJson<List<NotificationView>>("/api/v1/notifications?take=200")).Where(n => n.Link == $"/tips/{tip.Id}").ToList();
        var wardNotice = Assert.Single(await About("phuluong"));
        Assert.Contains(tip.Code, wardNotice.Subject);
        Assert.Contains("quá hạn", wardNotice.Subject);
        Assert.DoesNotContain(description, wardNotice.Text);
        Assert.DoesNotContain("Nguyễn Văn Báo", wardNotice.Text);
        Assert.DoesNotContain("0912", wardNotice.Text);
        Assert.Single(await About("dieuphoi"));
        Assert.Empty(await About("hadong"));
        Assert.Empty(await About("kiemtra"));
        Assert.Empty(await About("lanhdao"));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class WorkCalendarTestsOnSqlite(SqliteApp app) : WorkCalendarTests(app);

[Collection(PostgresCollection.Name)]
public sealed class WorkCalendarTestsOnPostgres(PostgresApp app) : WorkCalendarTests(app);
