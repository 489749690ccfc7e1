using System.Net;
using System.Text.Json.Nodes;
using Pcmd.IntegrationTests.Infrastructure;
using static Pcmd.IntegrationTests.Features.Reporting.ReportingTestData;

namespace Pcmd.IntegrationTests.Features.Reporting;

/// <summary>Draft → submitted → returned / accepted through the API, with every refusal the issue lists: a locked report
/// (409), another unit's report (403 or not found), missing sections (the list), bad figures, a return without a comment,
/// and two people on one draft.</summary>
public abstract class ReportWorkflowTests(PcmdApp app)
{
    readonly ReportingTestData data = new(app);

    [Fact]
    public async Task Opening_a_year_assigns_reports_to_the_units_that_exist_on_each_deadline()
    {
        var coordinator = await app.SignIn("dieuphoi");
        var (_, periods) = await data.Plan(coordinator, 2025);
        var half = periods.First(p => p.Kind == "semiannual");
        Assert.Equal(("2024-12-15", "2025-06-14", "2025-06-17"), (half.DataFrom, half.DataTo, half.DueOn));
        // On 17/6/2025 Phường Phú Lãm still exists; Phú Lương and Hà Đông are formed on 1/7/2025.
        Assert.Equal(["UBND-PHULAM"], await data.Reporters(half.Id));
        var year = PeriodId(periods, "annual", 2025);
        Assert.Equal(["UBND-P-HADONG", "UBND-PHULUONG"], (await data.Reporters(year)).Order().ToList());
        Assert.True(await data.ReportId(year, "SYT", consolidated: true) > 0);
        // Opening again adds nothing.
        var again = await OpenYear(coordinator, half.PlanId, 2025);
        Assert.Equal(periods.Count, again.Count);
        // A ward officer may not open periods of the city's plan.
        var ward = await app.SignIn("phuluong");
        await (await ward.PostRaw($"/api/v1/plans/{half.PlanId}/report-periods/open", """{"year":2026}""")).Json(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_ward_submits_is_returned_with_a_comment_resubmits_and_is_accepted_and_then_locked()
    {
        var coordinator = await app.SignIn("dieuphoi");
        var ward = await app.SignIn("phuluong");
        var (_, periods) = await data.Plan(coordinator, 2025);
        var id = await data.ReportId(PeriodId(periods, "annual", 2025), "UBND-PHULUONG");
        var form = await Form(ward, id);
        Assert.True(form.CanEdit);
        Assert.Equal(["1.a"], form.Tasks.Select(t => t.Number));
        Assert.Equal("Chưa nộp", form.StatusText);

        // Nothing filled in: the list of what is missing, nothing changed.
        var missing = await SubmitRefused(ward, id, form.Version, HttpStatusCode.BadRequest);
        var errors = missing.Lines();
        Assert.Contains(errors, e => e.StartsWith("tasks[0].progress: Nhiệm vụ 1.a"));
        Assert.Contains(errors, e => e.StartsWith("tasks[0].narrative: "));
        Assert.Contains(errors, e => e.StartsWith("difficulties: "));
        Assert.Contains(errors, e => e.StartsWith("proposals: "));
        Assert.Contains(errors, e => e.StartsWith("values[1].value: Chỉ tiêu 2"));
        Assert.Equal("draft", (await Form(ward, id)).Status);

        var version = await Save(ward, id, Complete(form, 4, 3, 4));
        var submitted = await Submit(ward, id, version);
        Assert.Equal("submitted", submitted.Status);
        // 17/12/2025 has long passed: the submission is late, by the days since the deadline.
        var expectedLate = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).DayNumber - new DateOnly(2025, 12, 17).DayNumber;
        Assert.Equal(expectedLate, submitted.DaysLate);
        Assert.Equal("submitted", Assert.Single(submitted.History).Kind);

        // Locked while waiting: the ward cannot change or resubmit it.
        var v1 = submitted.Version;
        var locked = await (await Put(ward, id, Complete(submitted, 5, 3, 4))).Json<Problem>(HttpStatusCode.Conflict);
        Assert.Contains("chờ duyệt", locked.Detail);
        await SubmitRefused(ward, id, v1, HttpStatusCode.Conflict);
        // The ward does not review its own report.
        await ReviewRefused(ward, id, "accept", v1, null, HttpStatusCode.Forbidden);

        // A return needs a comment.
        var noComment = await ReviewRefused(coordinator, id, "return", v1, "   ", HttpStatusCode.BadRequest);
        Assert.Contains(noComment.Lines(), e => e.StartsWith("comment: Nhập ý kiến"));
        var returned = await Review(coordinator, id, "return", v1, "Bổ sung số liệu chỉ tiêu 2.");
        Assert.Equal("returned", returned.Status);
        Assert.Equal("Bổ sung số liệu chỉ tiêu 2.", returned.ReturnComment);

        var again = await Form(ward, id);
        Assert.True(again.CanEdit);
        Assert.Equal("Bị trả lại", again.StatusText);
        var v2 = await Save(ward, id, Complete(again, 4, 4, 5, "Đã bổ sung: 4 buổi tuyên truyền."));
        var resubmitted = await Submit(ward, id, v2);
        var accepted = await Review(coordinator, id, "accept", resubmitted.Version, null);
        Assert.Equal("accepted", accepted.Status);
        Assert.Equal(["submitted", "returned", "submitted", "accepted"], accepted.History.Select(h => h.Kind));
        Assert.Equal("Đã bổ sung: 4 buổi tuyên truyền.", accepted.Task("1.a").Narrative);
        // The first submission's lateness is what counts.
        Assert.Equal(expectedLate, accepted.DaysLate);

        var v3 = accepted.Version;
        await (await Put(ward, id, Complete(accepted, 9, 1, 1))).Json(HttpStatusCode.Conflict);
        await ReviewRefused(coordinator, id, "accept", v3, null, HttpStatusCode.Conflict);
        await ReviewRefused(coordinator, id, "return", v3, "Muộn quá", HttpStatusCode.Conflict);
        Assert.Equal(4m, (await Form(ward, id)).Indicator("2").Value);
    }

    [Fact]
    public async Task Nobody_writes_another_units_report_and_another_ward_does_not_even_find_it()
    {
        var coordinator = await app.SignIn("dieuphoi");
        var (_, periods) = await data.Plan(coordinator, 2025);
        var id = await data.ReportId(PeriodId(periods, "annual", 2025), "UBND-PHULUONG");
        var ward = await app.SignIn("phuluong");
        var form = await Form(ward, id);
        var draft = Complete(form, 1, 1, 1);

        // Hà Đông's officer: outside their ward, the report does not exist for them.
        var other = await app.SignIn("hadong");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/reports/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PutRaw($"/api/v1/reports/{id}", draft.ToJsonString())).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/reports/{id}/docx")).StatusCode);
        Assert.DoesNotContain(await other.GetJson<List<WithId>>("/api/v1/reports/mine"), r => r.Id == id);
        // The police reporter reads the whole city but not another agency's report.
        var police = await app.SignIn("congan");
        Assert.Equal(HttpStatusCode.NotFound, (await police.GetAsync($"/api/v1/reports/{id}")).StatusCode);
        // The coordinator and the leader read it but may not write or submit it for the ward.
        var lead = await app.SignIn("lanhdao");
        Assert.False((await Form(lead, id)).CanEdit);
        foreach (var c in new[] { coordinator, lead })
        {
            var refused = await (await Put(c, id, draft)).Json<Problem>(HttpStatusCode.Forbidden);
            Assert.Contains("đơn vị mình", refused.Detail);
            await SubmitRefused(c, id, form.Version, HttpStatusCode.Forbidden);
        }
        Assert.Null((await Form(ward, id)).SavedAt);
        Assert.Contains(await ward.GetJson<List<WithId>>("/api/v1/reports/mine"), r => r.Id == id);
    }

    [Fact]
    public async Task Bad_figures_are_refused_in_Vietnamese_and_nothing_of_the_save_is_kept()
    {
        var coordinator = await app.SignIn("dieuphoi");
        var (planId, periods) = await data.Plan(coordinator, 2025);
        var id = await data.ReportId(PeriodId(periods, "annual", 2025), "UBND-PHULUONG");
        var ward = await app.SignIn("phuluong");
        var form = await Form(ward, id);

        var draft = Complete(form, -1, 5, 4, "Không được lưu");
        var errors = (await (await Put(ward, id, draft)).Json<Problem>(HttpStatusCode.BadRequest)).Lines();
        Assert.Contains(errors, e => e.Contains("Chỉ tiêu 1: số liệu không được âm."));
        Assert.Contains(errors, e => e.Contains("Chỉ tiêu 2: tử số (5) không được lớn hơn mẫu số (4)."));
        var after = await Form(ward, id);
        Assert.Null(after.Task("1.a").Narrative);
        Assert.Equal(form.Version, after.Version);

        // A decimal count, a denominator on a count, a task of another unit, an indicator of another plan.
        var taskOfHaDong = await data.Db(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            db.PlanTasks.Where(t => t.PlanId == planId && t.Number == "1.b").Select(t => t.Id)));
        var foreign = await data.Db(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(
            db.Indicators.Where(i => i.PlanId != planId && i.TargetKind != null).Select(i => i.Id)));
        var bad = new JsonObject
        {
            ["version"] = form.Version,
            ["tasks"] = new JsonArray(new JsonObject { ["taskId"] = taskOfHaDong, ["progress"] = "done", ["narrative"] = "x" }),
            ["values"] = new JsonArray(
                new JsonObject { ["indicatorId"] = form.Indicator("1").IndicatorId, ["value"] = 2.5, ["denominator"] = 3 },
                new JsonObject { ["indicatorId"] = foreign, ["value"] = 1 }),
        };
        var e2 = (await (await Put(ward, id, bad)).Json<Problem>(HttpStatusCode.BadRequest)).Lines();
        Assert.Contains(e2, e => e.StartsWith("tasks[0].taskId: Nhiệm vụ này không được giao"));
        Assert.Contains(e2, e => e.StartsWith("values[0].value: Chỉ tiêu 1: nhập số nguyên."));
        Assert.Contains(e2, e => e.StartsWith("values[0].denominator: Chỉ tiêu 1 là số lượng"));
        Assert.Contains(e2, e => e.StartsWith("values[1].indicatorId: "));
        // A value of the wrong type is a 400, not a 500.
        var wrongType = await ward.PutRaw($"/api/v1/reports/{id}",
            $$"""{"version":{{form.Version}},"values":[{"indicatorId":1,"value":"mười"}]}""");
        Assert.Equal(HttpStatusCode.BadRequest, wrongType.StatusCode);
        var badProgress = await ward.PutRaw($"/api/v1/reports/{id}",
            $$"""{"version":{{form.Version}},"tasks":[{"taskId":{{form.Task("1.a").TaskId}},"progress":"daily"}]}""");
        Assert.Equal(HttpStatusCode.BadRequest, badProgress.StatusCode);
        Assert.Equal(form.Version, (await Form(ward, id)).Version);
    }

    [Fact]
    public async Task Two_people_on_one_draft_never_overwrite_each_other()
    {
        var coordinator = await app.SignIn("dieuphoi");
        var (_, periods) = await data.Plan(coordinator, 2025);
        var id = await data.ReportId(PeriodId(periods, "annual", 2025), "UBND-PHULUONG");
        var first = await app.SignIn("phuluong");
        var second = await app.SignIn("phuluong");
        var seenByBoth = await Form(first, id);
        var mine = Complete(seenByBoth, 2, 1, 2, "Bản của người thứ nhất");
        var theirs = Complete(seenByBoth, 3, 1, 3, "Bản của người thứ hai");

        var results = await Task.WhenAll(first.PutRaw($"/api/v1/reports/{id}", mine.ToJsonString()), second.PutRaw($"/api/v1/reports/{id}", theirs.ToJsonString()));
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], results.Select(r => r.StatusCode).Order());
        var winner = results[0].StatusCode == HttpStatusCode.OK ? "Bản của người thứ nhất" : "Bản của người thứ hai";
        var now = await Form(first, id);
        Assert.Equal(winner, now.Task("1.a").Narrative);
        Assert.Equal(seenByBoth.Version + 1, now.Version);
        // The loser is told in Vietnamese and reloads.
        var loser = results.First(r => r.StatusCode == HttpStatusCode.Conflict);
        Assert.Contains("người khác", (await loser.Json<Problem>(HttpStatusCode.Conflict)).Detail);
    }

    [Fact]
    public async Task A_value_that_differs_from_the_records_needs_a_note_before_submission()
    {
        var coordinator = await app.SignIn("dieuphoi");
        var (_, periods) = await data.Plan(coordinator, 2025);
        var id = await data.ReportId(PeriodId(periods, "annual", 2025), "UBND-PHULUONG");
        var ward = await app.SignIn("phuluong");
        var form = await Form(ward, id);
        var computed = form.Indicator("1").Computed!.Value;
        Assert.True(form.Indicator("1").Prefilled);
        var draft = Complete(form, computed + 2, 1, 2);
        draft["values"]![0]!["note"] = null;
        var v = await Save(ward, id, draft);
        var problem = await SubmitRefused(ward, id, v, HttpStatusCode.BadRequest);
        Assert.Contains(problem.Lines(), e => e.StartsWith("values[0].note: Chỉ tiêu 1: số liệu khác số liệu tính từ hệ thống"));
        // Taking the computed figure needs no note.
        draft["version"] = v;
        draft["values"]![0]!["value"] = computed;
        var v2 = await Save(ward, id, draft);
        Assert.Equal("submitted", (await Submit(ward, id, v2)).Status);
    }

    [Fact]
    public async Task A_plan_with_written_reports_cannot_be_replaced_from_its_file_nor_lose_a_reported_task()
    {
        var coordinator = await app.SignIn("dieuphoi");
        var (planId, periods) = await data.Plan(coordinator, 2025);
        var id = await data.ReportId(PeriodId(periods, "annual", 2025), "UBND-PHULUONG");
        var ward = await app.SignIn("phuluong");
        await Save(ward, id, Complete(await Form(ward, id), 1, 1, 1));
        var plan = await coordinator.GetJson<Versioned>($"/api/v1/plans/{planId}");
        var file = await coordinator.GetStringAsync($"/api/v1/plans/{planId}/export");
        var refused = await (await coordinator.PutRaw($"/api/v1/plans/{planId}/file?version={plan.Version}", file)).Json<Problem>(HttpStatusCode.Conflict);
        Assert.Contains("mất nội dung báo cáo", refused.Detail);
        var task = (await Form(ward, id)).Task("1.a").TaskId;
        var del = await coordinator.DeleteAsync($"/api/v1/plans/{planId}/tasks/{task}?version={plan.Version}");
        Assert.Equal(HttpStatusCode.Conflict, del.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await coordinator.DeleteAsync($"/api/v1/plans/{planId}?version={plan.Version}")).StatusCode);
        Assert.Equal("Đã tổ chức 3 buổi tuyên truyền.", (await Form(ward, id)).Task("1.a").Narrative);
    }

    [Fact]
    public async Task The_coordinator_moves_a_deadline_and_lateness_follows_it()
    {
        var coordinator = await app.SignIn("dieuphoi");
        var (_, periods) = await data.Plan(coordinator, 2025);
        var period = periods.First(p => p.Kind == "annual");
        var (id, version) = (period.Id, period.Version);
        var bad = await (await coordinator.PutRaw($"/api/v1/report-periods/{id}",
            $$"""{"version":{{version}},"dataFrom":"2024-12-15","dataTo":"2025-12-14","dueOn":"2025-12-01","consolidationDueOn":"2025-11-01"}""")).Json<Problem>(HttpStatusCode.BadRequest);
        Assert.Contains("dueOn: Hạn nộp không được trước ngày chốt số liệu.", bad.Lines());
        Assert.Contains("consolidationDueOn: Hạn gửi báo cáo tổng hợp không được trước hạn các đơn vị nộp.", bad.Lines());
        var ward = await app.SignIn("phuluong");
        var body = $$"""{"version":{{version}},"dataFrom":"2024-12-15","dataTo":"2025-12-14","dueOn":"2099-12-31"}""";
        await (await ward.PutRaw($"/api/v1/report-periods/{id}", body)).Json(HttpStatusCode.Forbidden);
        var moved = await (await coordinator.PutRaw($"/api/v1/report-periods/{id}", body)).Json<PeriodView>(HttpStatusCode.OK);
        Assert.Equal("2099-12-31", moved.DueOn);
        // The same version again: someone (here, the first change) has moved on.
        await (await coordinator.PutRaw($"/api/v1/report-periods/{id}", body)).Json(HttpStatusCode.Conflict);
        var report = await data.ReportId(id, "UBND-PHULUONG");
        var form = await Form(ward, report);
        Assert.Equal("2099-12-31", form.DueOn);
        var submitted = await Submit(ward, report, await Save(ward, report, Complete(form, form.Indicator("1").Computed!.Value, 1, 1)));
        Assert.Equal(0, submitted.DaysLate);
        Assert.Equal(1, (await coordinator.GetJson<MatrixView>($"/api/v1/report-periods/{id}/matrix")).Periods[0].OnTime);
    }

    [Fact]
    public async Task An_ad_hoc_request_asks_its_own_questions_by_its_own_deadline()
    {
        var coordinator = await app.SignIn("dieuphoi");
        var (planId, _) = await data.Plan(coordinator, 2025);
        var bad = await (await coordinator.PostRaw($"/api/v1/plans/{planId}/report-periods/adhoc",
            """{"title":"","dataFrom":"2026-03-01","dataTo":"2026-02-01","dueOn":"2026-01-01"}""")).Json<Problem>(HttpStatusCode.BadRequest);
        Assert.Contains(bad.Lines(), e => e.StartsWith("title: "));
        Assert.Contains(bad.Lines(), e => e == "dataTo: Ngày chốt số liệu phải sau ngày bắt đầu.");
        var period = await (await coordinator.PostRaw($"/api/v1/plans/{planId}/report-periods/adhoc", """
            {"title":"Báo cáo đột xuất về tụ điểm khu vực bến xe","dataFrom":"2026-01-01","dataTo":"2026-10-31","dueOn":"2026-11-10",
             "questions":["Số tụ điểm phát hiện quanh bến xe?","Biện pháp đã áp dụng?"]}
            """)).Json<PeriodView>(HttpStatusCode.Created);
        Assert.Equal("adhoc", period.Kind);
        var id = await data.ReportId(period.Id, "UBND-PHULUONG");
        var ward = await app.SignIn("phuluong");
        var form = await Form(ward, id);
        Assert.Equal(2, form.Questions.Count);
        var draft = Complete(form, form.Indicator("1").Computed!.Value, 1, 1);
        draft["answers"] = new JsonArray("Hai tụ điểm.");
        var v = await Save(ward, id, draft);
        var missing = await SubmitRefused(ward, id, v, HttpStatusCode.BadRequest);
        Assert.Equal(["answers[1]: Trả lời câu hỏi 2."], missing.Lines());
        draft["version"] = v;
        draft["answers"] = new JsonArray("Hai tụ điểm.", "Phối hợp Công an phường tuần tra.");
        var done = await Submit(ward, id, await Save(ward, id, draft));
        Assert.Equal("Phối hợp Công an phường tuần tra.", done.Questions[1].Answer);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ReportWorkflowTestsOnSqlite(SqliteApp app) : ReportWorkflowTests(app);

[Collection(PostgresCollection.Name)]
public sealed class ReportWorkflowTestsOnPostgres(PostgresApp app) : ReportWorkflowTests(app);
