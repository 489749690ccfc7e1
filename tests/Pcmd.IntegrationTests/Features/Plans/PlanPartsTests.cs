using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Pcmd.IntegrationTests.Infrastructure;
using static Pcmd.IntegrationTests.Features.Plans.PlanTestData;

namespace Pcmd.IntegrationTests.Features.Plans;

/// <summary>One task or one indicator edited on its own (API and pages), guarded by the plan's version.</summary>
public abstract class PlanPartsTests(PcmdApp app)
{
    readonly PlanTestData data = new(app);

    sealed record Created(HttpClient Client, int PlanId, int Version, PlanView Plan);

    async Task<Created> NewPlan(string name, string unit = "01")
    {
        var admin = await app.SignIn("admin");
        var key = data.Key($"parts-{name}");
        var created = await Import(admin, SamplePlan.Create(key, unit));
        return new(admin, created.Id, created.Version, await Plan(admin, created.Id));
    }

    static int TaskId(PlanView plan, string number) => plan.Task(number).Id;

    static int IndicatorId(PlanView plan, string number) => plan.Indicator(number).Id;

    static string Task(string number, string text, string lead = "SYT") => $$"""
        { "number": "{{number}}", "text": "{{text}}", "lead": [ { "agency": "{{lead}}" } ],
          "cooperating": [ { "agency": "MTTQ-TP", "requested": true } ], "timing": { "kind": "recurring", "frequency": "quarterly", "text": "Hằng quý" } }
        """;

    /// <summary>Issue 16, item 9: a part added in the browser lands at its place in the numbering, not at the end.</summary>
    [Fact]
    public async Task A_new_task_or_indicator_is_inserted_at_its_place_in_the_numbering()
    {
        var (c, id, version, _) = await NewPlan("insert-at-place");
        var task = await (await c.PostRaw($"/api/v1/plans/{id}/tasks?version={version}", Task("1", "Nhiệm vụ chung")))
            .Json<PartSaved>(HttpStatusCode.Created);
        var indicator = """{ "number": "1.1", "text": "Chỉ tiêu con", "unitOfMeasure": "vụ", "target": { "kind": "count", "value": 5 } }""";
        await (await c.PostRaw($"/api/v1/plans/{id}/indicators?version={task.PlanVersion}", indicator)).Json<PartSaved>(HttpStatusCode.Created);
        var plan = await Plan(c, id);
        Assert.Equal(["1", "1.a", "1.b"], plan.Tasks.Select(t => t.Number));
        Assert.Equal(["1", "1.1", "2"], plan.Indicators.Select(i => i.Number));
        var file = await c.GetStringAsync($"/api/v1/plans/{id}/export");
        Assert.True(file.IndexOf("\"number\": \"1.1\"", StringComparison.Ordinal) < file.IndexOf("\"number\": \"2\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_task_is_changed_on_its_own_and_the_plan_version_moves_on()
    {
        var (c, id, version, plan) = await NewPlan("update-task");
        var taskId = TaskId(plan, "1.a");
        var saved = await (await c.PutRaw($"/api/v1/plans/{id}/tasks/{taskId}?version={version}", Task("1.a", "Tuyên truyền trên loa phường", "CA-TP")))
            .Json<PartSaved>(HttpStatusCode.OK);
        Assert.Equal(version + 1, saved.PlanVersion);

        var after = await Plan(c, id);
        Assert.Equal(version + 1, after.Version);
        var task = after.Tasks.Single(t => t.Id == taskId);
        Assert.Equal("Tuyên truyền trên loa phường", task.Text);
        var assignments = task.Assignments.Select(a => (a.AgencyCode, a.Role, a.Requested));
        Assert.Equal([("CA-TP", "lead", false), ("MTTQ-TP", "cooperating", true)], assignments);
        Assert.Equal("quarterly", task.Frequency);
        Assert.Equal(["1.a", "1.b"], after.Tasks.Select(t => t.Number));

        var part = await c.GetJson<PartView<TaskPart>>($"/api/v1/plans/{id}/tasks/{taskId}");
        Assert.Equal("Hằng quý", part.Part.Timing.Text);
    }

    [Theory]
    [InlineData("duplicate", "number", "Số hiệu nhiệm vụ '1.b' bị trùng.")]
    [InlineData("unknown-agency", "lead[0].agency", "Không có cơ quan mã 'KHONG-CO'")]
    [InlineData("no-text", "text", "Thiếu nội dung nhiệm vụ.")]
    [InlineData("bad-frequency", "timing.frequency", "không hợp lệ cho tần suất")]
    [InlineData("bad-date", "timing.dueDate", "cần dạng YYYY-MM-DD")]
    [InlineData("unknown-property", "colour", "Thuộc tính không có")]
    public async Task A_bad_task_is_refused_with_its_path_and_nothing_changes(string fault, string path, string message)
    {
        var (c, id, version, plan) = await NewPlan($"bad-task-{fault}");
        var body = fault switch
        {
            "duplicate" => Task("1.b", "Tuyên truyền"),
            "unknown-agency" => Task("1.a", "Tuyên truyền", "KHONG-CO"),
            "no-text" => Task("1.a", " "),
            "bad-frequency" => Task("1.a", "Tuyên truyền").Replace("quarterly", "daily"),
            "bad-date" => """{ "number": "1.a", "text": "Tuyên truyền", "timing": { "kind": "due", "dueDate": "31/12/2026" } }""",
            _ => """{ "number": "1.a", "text": "Tuyên truyền", "colour": "đỏ" }""",
        };
        var problem = await (await c.PutRaw($"/api/v1/plans/{id}/tasks/{TaskId(plan, "1.a")}?version={version}", body)).Json(HttpStatusCode.BadRequest);
        Assert.Contains(problem.Errors(), e => e.StartsWith(path + ": ") && e.Contains(message));
        var after = await Plan(c, id);
        Assert.Equal(version, after.Version);
        Assert.Equal("Tuyên truyền", after.Tasks[0].Text);
    }

    [Fact]
    public async Task A_stale_version_is_a_conflict_and_changes_nothing()
    {
        var (c, id, version, plan) = await NewPlan("stale");
        var taskId = TaskId(plan, "1.a");
        await (await c.PutRaw($"/api/v1/plans/{id}/tasks/{taskId}?version={version}", Task("1.a", "Bản thứ nhất"))).Json(HttpStatusCode.OK);
        var conflict = await (await c.PutRaw($"/api/v1/plans/{id}/tasks/{taskId}?version={version}", Task("1.a", "Bản thứ hai"))).Json<Problem>(HttpStatusCode.Conflict);
        Assert.Equal("Xung đột dữ liệu", conflict.Title);
        await (await c.PostRaw($"/api/v1/plans/{id}/tasks?version={version}", Task("9", "Thêm muộn"))).Json(HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.Conflict, (await c.DeleteAsync($"/api/v1/plans/{id}/indicators/{IndicatorId(plan, "1")}?version={version}")).StatusCode);

        var after = await Plan(c, id);
        Assert.Equal(version + 1, after.Version);
        Assert.Equal(["Bản thứ nhất", "Kiểm tra cơ sở"], after.Tasks.Select(t => t.Text));
        Assert.Equal(2, after.Indicators.Count);
    }

    [Fact]
    public async Task A_ward_officer_cannot_touch_the_parts_of_another_wards_plan()
    {
        var (admin, id, version, plan) = await NewPlan("other-ward", unit: "09556");
        var taskId = TaskId(plan, "1.a");
        var indicatorId = IndicatorId(plan, "1");
        var officer = await app.SignIn("phuluong");
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync($"/api/v1/plans/{id}/tasks/{taskId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.PutRaw($"/api/v1/plans/{id}/tasks/{taskId}?version={version}", Task("1.a", "Chiếm quyền"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.PostRaw($"/api/v1/plans/{id}/tasks?version={version}", Task("9", "Chiếm quyền"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.DeleteAsync($"/api/v1/plans/{id}/tasks/{taskId}?version={version}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.DeleteAsync($"/api/v1/plans/{id}/indicators/{indicatorId}?version={version}")).StatusCode);
        var page = await officer.GetAsync($"/plans/{id}/tasks/{taskId}/edit");
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.DoesNotContain("Tuyên truyền", await page.Content.ReadAsStringAsync());
        Assert.Equal(version, (await Plan(admin, id)).Version);
    }

    [Fact]
    public async Task A_task_of_another_plan_is_not_found_through_this_plan()
    {
        var (c, id, version, _) = await NewPlan("host");
        var (_, _, _, other) = await NewPlan("guest");
        var res = await c.PutRaw($"/api/v1/plans/{id}/tasks/{TaskId(other, "1.a")}?version={version}", Task("1.a", "Nhầm kế hoạch"));
        Assert.Equal(HttpStatusCode.NotFound, res.StatusCode);
    }

    [Fact]
    public async Task An_indicator_is_checked_like_the_plan_file_and_saved_with_its_schedule()
    {
        var (c, id, version, plan) = await NewPlan("indicator");
        var indicatorId = IndicatorId(plan, "1");
        var url = $"/api/v1/plans/{id}/indicators/{indicatorId}?version={version}";
        string Body(string byYear, int value = 95) => $$"""
            { "number": "1", "text": "Cơ sở được kiểm tra ít nhất một lần", "unitOfMeasure": "%",
              "target": { "kind": "percentage", "value": {{value}}, "byYear": [ {{byYear}} ] }, "window": "period",
              "lead": [ { "agency": "CA-TP" } ] }
            """;
        var outside = await (await c.PutRaw(url, Body("""{ "year": 2031, "value": 90 }"""))).Json(HttpStatusCode.BadRequest);
        Assert.Contains(outside.Errors(), e => e.StartsWith("target.byYear[0].year: ") && e.Contains("nằm ngoài thời kỳ"));
        var repeated = await (await c.PutRaw(url, Body("""{ "year": 2026, "value": 60 }, { "year": 2026, "value": 70 }""", value: 120))).Json(HttpStatusCode.BadRequest);
        Assert.Contains(repeated.Errors(), e => e.StartsWith("target.byYear[1].year: ") && e.Contains("bị lặp lại"));
        Assert.Contains(repeated.Errors(), e => e.StartsWith("target.value: ") && e.Contains("vượt quá 100 %"));
        var duplicate = await (await c.PutRaw(url, Body("").Replace("\"number\": \"1\"", "\"number\": \"2\""))).Json(HttpStatusCode.BadRequest);
        Assert.Contains(duplicate.Errors(), e => e == "number: Số thứ tự chỉ tiêu '2' bị trùng.");
        Assert.Equal(version, (await Plan(c, id)).Version);

        await (await c.PutRaw(url, Body("""{ "year": 2026, "value": 60 }, { "year": 2027, "value": 95 }"""))).Json(HttpStatusCode.OK);
        var ind = (await Plan(c, id)).Indicators.Single(i => i.Id == indicatorId);
        Assert.Equal("period", ind.Window);
        Assert.Equal([(2026, 60m), (2027, 95m)], ind.Targets.Select(t => (t.Year!.Value, t.Value!.Value)));
    }

    [Fact]
    public async Task A_task_and_an_indicator_are_added_then_deleted()
    {
        var (c, id, version, _) = await NewPlan("add-delete");
        var added = await (await c.PostRaw($"/api/v1/plans/{id}/tasks?version={version}", Task("2", "Nhiệm vụ thêm"))).Json<PartSaved>(HttpStatusCode.Created);
        var taskId = added.Id!.Value;
        var v1 = added.PlanVersion;
        Assert.Equal(version + 1, v1);
        var plan = await Plan(c, id);
        Assert.Equal(["1.a", "1.b", "2"], plan.Tasks.Select(t => t.Number));

        var indicator = """{ "number": "3", "text": "Không phát sinh tụ điểm mới", "target": { "kind": "zero" }, "lead": [ { "agency": "CA-TP" } ] }""";
        var addedIndicator = await (await c.PostRaw($"/api/v1/plans/{id}/indicators?version={v1}", indicator)).Json<PartSaved>(HttpStatusCode.Created);
        var v2 = addedIndicator.PlanVersion;

        var deleted = await (await c.DeleteAsync($"/api/v1/plans/{id}/tasks/{taskId}?version={v2}")).Json<PartSaved>(HttpStatusCode.OK);
        var v3 = deleted.PlanVersion;
        await (await c.DeleteAsync($"/api/v1/plans/{id}/indicators/{addedIndicator.Id!.Value}?version={v3}")).Json(HttpStatusCode.OK);
        var after = await Plan(c, id);
        Assert.Equal(version + 4, after.Version);
        Assert.Equal(["1.a", "1.b"], after.Tasks.Select(t => t.Number));
        Assert.Equal(["1", "2"], after.Indicators.Select(t => t.Number));
        Assert.Equal(HttpStatusCode.NotFound, (await c.GetAsync($"/api/v1/plans/{id}/tasks/{taskId}")).StatusCode);
    }

    [Fact]
    public async Task The_task_page_shows_the_task_and_saves_the_form()
    {
        var (c, id, version, plan) = await NewPlan("task-page");
        var taskId = TaskId(plan, "1.a");
        var page = await c.GetAsync($"/plans/{id}/tasks/{taskId}/edit");
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Tuyên truyền", html);
        Assert.Contains("Sửa nhiệm vụ 1.a", html);
        Assert.Contains("Thêm nhiệm vụ", await c.GetStringAsync($"/plans/{id}/tasks/new"));
        Assert.Contains("Thêm chỉ tiêu", await c.GetStringAsync($"/plans/{id}/indicators/new"));

        KeyValuePair<string, string> F(string k, string v) => new(k, v);
        List<KeyValuePair<string, string>> Form(string number) =>
        [
            F("_handler", "task-edit"), F("__RequestVerificationToken", Token(html)), F("Version", version.ToString()),
            F("Number", number), F("Section", "I. Tuyên truyền"), F("Text", "Tuyên truyền qua mạng xã hội"), F("TimingKind", "due"),
            F("Frequency", ""), F("DueDate", "2027-06-30"), F("TimingText", ""), F("Lead", "SCT"), F("Lead", "SYT"), F("Cooperating", "VKSND-TP"),
            F("Requested", "VKSND-TP"),
        ];
        var refused = await c.PostAsync($"/plans/{id}/tasks/{taskId}/edit", new FormUrlEncodedContent(Form("1.b")));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var refusedHtml = await refused.Content.ReadAsStringAsync();
        Assert.Contains("Số hiệu nhiệm vụ &#x27;1.b&#x27; bị trùng.", refusedHtml);
        Assert.Contains("Tuyên truyền qua mạng xã hội", refusedHtml);

        var saved = await c.PostAsync($"/plans/{id}/tasks/{taskId}/edit", new FormUrlEncodedContent(Form("1.a")));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal($"/plans/{id}?saved=1#nhiem-vu", saved.Headers.Location!.PathAndQuery + saved.Headers.Location.Fragment);
        var task = (await Plan(c, id)).Tasks[0];
        Assert.Equal("Tuyên truyền qua mạng xã hội", task.Text);
        Assert.Equal("2027-06-30", task.DueDate);
        // SYT was already the lead and keeps its place; SCT is added after it.
        Assert.Equal(["SYT", "SCT", "VKSND-TP"], task.Assignments.Select(a => a.AgencyCode));
    }

    [Fact]
    public async Task The_indicator_page_reads_the_yearly_schedule_and_explains_a_bad_line()
    {
        var (c, id, version, plan) = await NewPlan("indicator-page");
        var indicatorId = IndicatorId(plan, "1");
        var html = await c.GetStringAsync($"/plans/{id}/indicators/{indicatorId}/edit");
        Assert.Contains("Cơ sở được kiểm tra", html);
        Assert.Contains("2026: 80", html);

        List<KeyValuePair<string, string>> Form(string schedule) =>
        [
            new("_handler", "indicator-edit"), new("__RequestVerificationToken", Token(html)), new("Version", version.ToString()),
            new("Number", "1"), new("Text", "Cơ sở được kiểm tra"), new("Kind", "percentage"), new("Value", "90,5"), new("Window", "year"),
            new("ByYear", schedule), new("Lead", "SYT"),
        ];
        var bad = await (await c.PostAsync($"/plans/{id}/indicators/{indicatorId}/edit", new FormUrlEncodedContent(Form("2026: 60\r\nnăm sau 70")))).Content.ReadAsStringAsync();
        Assert.Contains("Dòng 2", bad);
        var saved = await c.PostAsync($"/plans/{id}/indicators/{indicatorId}/edit", new FormUrlEncodedContent(Form("2026: 60\r\n2027: 75")));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var ind = (await Plan(c, id)).Indicators[0];
        Assert.Equal(90.5m, ind.Value);
        Assert.Equal([(2026, 60m), (2027, 75m)], ind.Targets.Select(t => (t.Year!.Value, t.Value!.Value)));
    }

    static string Token(string html) =>
        Regex.Match(html, "name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"").Groups[1].Value is { Length: > 0 } t
            ? t : throw new InvalidOperationException("No antiforgery token on the page");
}

[Collection(SqliteCollection.Name)]
public sealed class PlanPartsTestsOnSqlite(SqliteApp app) : PlanPartsTests(app);

[Collection(PostgresCollection.Name)]
public sealed class PlanPartsTestsOnPostgres(PostgresApp app) : PlanPartsTests(app);
