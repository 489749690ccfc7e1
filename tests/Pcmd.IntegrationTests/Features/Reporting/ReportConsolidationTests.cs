using System.Net;
using Pcmd.IntegrationTests.Infrastructure;
using Pcmd.Web.Features.Notifications;
using static Pcmd.IntegrationTests.Features.Reporting.ReportingTestData;

namespace Pcmd.IntegrationTests.Features.Reporting;

/// <summary>The consolidated report adds up the units' accepted figures (hand-computed here), shows the whole-area
/// figure beside it, gathers narratives per task; figures stay as submitted when records change; the old Phú Lãm's
/// records count for Phú Lương; the matrix, the rates and the reminders.</summary>
public abstract class ReportConsolidationTests(PcmdApp app)
{
    readonly ReportingTestData data = new(app);

    [Fact]
    public async Task The_consolidated_report_adds_up_accepted_figures_and_gathers_narratives_per_task()
    {
        var coordinator = await app.SignIn("dieuphoi");
        var (_, periods) = await data.Plan(coordinator, 2025);
        var period = PeriodId(periods, "annual", 2025);
        var phuLuong = await data.ReportId(period, "UBND-PHULUONG");
        var haDong = await data.ReportId(period, "UBND-P-HADONG");
        var consolidated = await data.ReportId(period, "SYT", consolidated: true);
        var ward = await app.SignIn("phuluong");
        var other = await app.SignIn("hadong");

        await Accepted(ward, coordinator, phuLuong, 7, 3, 4);
        // Hà Đông submits but is not accepted yet: not counted.
        var hd = await Form(other, haDong);
        var submitted = await Submit(other, haDong, await Save(other, haDong, Complete(hd, 5, 1, 2, "Hà Đông kiểm tra 5 cơ sở.")));
        var form = await Form(coordinator, consolidated);
        Assert.Equal((7m, 1), (form.Indicator("1").UnitsSum!.Value, form.Indicator("1").UnitsCounted));

        await Review(coordinator, haDong, "accept", submitted.Version, null);
        form = await Form(coordinator, consolidated);
        var count = form.Indicator("1");
        Assert.Equal((12m, 2), (count.UnitsSum!.Value, count.UnitsCounted));
        // The draft is pre-filled with the units' sum; the whole-area figure is computed beside it.
        Assert.Equal(12m, count.Value);
        Assert.True(count.Prefilled);
        Assert.NotNull(count.Computed);
        var share = form.Indicator("2");
        Assert.Equal((4m, 6m), (share.UnitsSum!.Value, share.UnitsSumDenominator!.Value));
        Assert.Equal("66,67 % (4/6)", share.ActualText);
        Assert.Equal("83,3 %", share.PercentText); // 66,67 % of the 80 % target

        var gathered = form.Task("1.a").Gathered.Select(g => (g.Unit, g.Text)).ToList();
        Assert.Equal([("Ủy ban nhân dân phường Hà Đông", "Hà Đông kiểm tra 5 cơ sở."), ("Ủy ban nhân dân phường Phú Lương", "Đã tổ chức 3 buổi tuyên truyền.")], gathered);
        Assert.Equal(["Ủy ban nhân dân phường Hà Đông"], form.Task("1.b").Gathered.Select(g => g.Unit));
        // The coordinator's text starts as a draft from the units' (issue 15 item 5), to edit.
        Assert.Equal("- Hà Đông kiểm tra 5 cơ sở (Ủy ban nhân dân phường Hà Đông).\n- Đã tổ chức 3 buổi tuyên truyền (Ủy ban nhân dân phường Phú Lương).",
            form.Task("1.a").Narrative);
        Assert.Equal("- Cán bộ kiêm nhiệm (Ủy ban nhân dân phường Hà Đông, Ủy ban nhân dân phường Phú Lương).",
            form.Difficulties);

        // The coordinator sends it upward; it is then locked, and its authors can take it back.
        var draft = Complete(form, 12, 4, 6);
        draft["tasks"] = new System.Text.Json.Nodes.JsonArray(form.Tasks.Select(t => (System.Text.Json.Nodes.JsonNode)new System.Text.Json.Nodes.JsonObject
            { ["taskId"] = t.TaskId, ["progress"] = "inProgress" }).ToArray());
        var v = await Save(coordinator, consolidated, draft);
        var sent = await Submit(coordinator, consolidated, v);
        Assert.Equal("submitted", sent.Status);
        await ReviewRefused(coordinator, consolidated, "accept", sent.Version, null, HttpStatusCode.Conflict);
        var reopened = await Review(coordinator, consolidated, "return", sent.Version, "Sửa số liệu chỉ tiêu 2.");
        Assert.True(reopened.CanEdit);
        // Only the consolidating agency touches the consolidated report.
        Assert.Equal(HttpStatusCode.NotFound, (await ward.GetAsync($"/api/v1/reports/{consolidated}")).StatusCode);
    }

    [Fact]
    public async Task Records_of_the_old_Phu_Lam_count_for_Phu_Luong_and_submitted_figures_stay_as_submitted()
    {
        var coordinator = await app.SignIn("dieuphoi");
        var (_, periods) = await data.Plan(coordinator, 2025);
        var period = PeriodId(periods, "annual", 2025);
        var phuLuong = await data.ReportId(period, "UBND-PHULUONG");
        var haDong = await data.ReportId(period, "UBND-P-HADONG");
        var consolidated = await data.ReportId(period, "SYT", consolidated: true);
        var ward = await app.SignIn("phuluong");
        var other = await app.SignIn("hadong");
        decimal Computed(ReportView f) => f.Indicator("1").Computed!.Value;
        var before = (Computed(await Form(ward, phuLuong)), Computed(await Form(other, haDong)), Computed(await Form(coordinator, consolidated)));

        // A hotspot found in March 2025 in Phường Phú Lãm, merged into Phú Lương on 1/7/2025; one in September in Phú Lương.
        await data.NewHotspot("09568", "2025-03-10");
        await data.NewHotspot("09568", "2025-09-20");
        // Outside the data window (15/12/2024–14/12/2025): not counted.
        await data.NewHotspot("09568", "2025-12-15");
        var after = (Computed(await Form(ward, phuLuong)), Computed(await Form(other, haDong)), Computed(await Form(coordinator, consolidated)));
        Assert.Equal((before.Item1 + 2, before.Item2, before.Item3 + 2), after);
        var row = (await Form(ward, phuLuong)).Indicator("1");
        Assert.Equal(after.Item1, row.Value);
        Assert.StartsWith("/hotspots?unit=", row.Link);

        // Submitted with the records' figure, accepted; a later record changes the live figure, not the report's.
        var form = await Form(ward, phuLuong);
        await Accepted(ward, coordinator, phuLuong, after.Item1, 1, 1);
        await data.NewHotspot("09568", "2025-11-01");
        var locked = (await Form(ward, phuLuong)).Indicator("1");
        Assert.Equal((after.Item1, after.Item1, after.Item1 + 1), (locked.Value!.Value, locked.Computed!.Value, locked.Live!.Value));
        Assert.Equal(after.Item1, (await Form(coordinator, consolidated)).Indicator("1").UnitsSum);
    }

    [Fact]
    public async Task The_matrix_shows_each_units_status_and_lateness_and_the_periods_rates()
    {
        var coordinator = await app.SignIn("dieuphoi");
        var (planId, periods) = await data.Plan(coordinator, 2025);
        var period = PeriodId(periods, "annual", 2025);
        var ward = await app.SignIn("phuluong");
        await Accepted(ward, coordinator, await data.ReportId(period, "UBND-PHULUONG"), 1, 1, 1);

        var matrix = await coordinator.GetJson<MatrixView>($"/api/v1/report-periods/{period}/matrix");
        var rates = matrix.Periods[0];
        Assert.Equal((2, 1, 0, 1), (rates.Expected, rates.Submitted, rates.OnTime, rates.Accepted));
        Assert.Equal((50m, 0m), (rates.Completeness, rates.Timeliness));
        Assert.Equal(["Ủy ban nhân dân phường Hà Đông", "Ủy ban nhân dân phường Phú Lương"], matrix.Units.Select(u => u.Name));
        var late = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).DayNumber - new DateOnly(2025, 12, 17).DayNumber;
        var hd = matrix.Units[0].Cells[0]!;
        Assert.Equal(("draft", "Chưa nộp", true, late), (hd.Status, hd.StatusText, hd.Overdue, hd.DaysLate!.Value));
        var pl = matrix.Units[1].Cells[0]!;
        Assert.Equal(("accepted", false, late), (pl.Status, pl.Overdue, pl.DaysLate!.Value));

        // The whole plan: one column per period.
        var all = await coordinator.GetJson<MatrixView>($"/api/v1/plans/{planId}/report-matrix");
        Assert.Equal(periods.Count, all.Periods.Count);
        // A ward officer does not see the matrix of the city's plan.
        Assert.Equal(HttpStatusCode.Forbidden, (await ward.GetAsync($"/api/v1/report-periods/{period}/matrix")).StatusCode);
    }

    [Fact]
    public async Task Reminders_reach_the_units_that_have_not_reported_once_a_day()
    {
        var coordinator = await app.SignIn("dieuphoi");
        var (_, periods) = await data.Plan(coordinator, 2025);
        var period = PeriodId(periods, "annual", 2025);
        var ward = await app.SignIn("phuluong");
        var other = await app.SignIn("hadong");
        await Accepted(ward, coordinator, await data.ReportId(period, "UBND-PHULUONG"), 1, 1, 1);
        var haDong = await data.ReportId(period, "UBND-P-HADONG");

        var sent = await (await coordinator.PostRaw($"/api/v1/report-periods/{period}/reminders", "")).Json<RemindersSent>(HttpStatusCode.OK);
        Assert.True(sent.Sent >= 1);
        var again = await (await coordinator.PostRaw($"/api/v1/report-periods/{period}/reminders", "")).Json<RemindersSent>(HttpStatusCode.OK);
        Assert.Equal(0, again.Sent);
        var notes = await other.GetJson<List<NotificationView>>("/api/v1/notifications");
        var note = Assert.Single(notes, n => n.Link == $"/reports/{haDong}" && n.Subject.StartsWith("Nhắc nộp"));
        Assert.Contains("đã quá hạn", note.Text);
        // Phú Lương has reported: no reminder for this period.
        var own = $"/reports/{await data.ReportId(period, "UBND-PHULUONG")}";
        Assert.DoesNotContain(await ward.GetJson<List<NotificationView>>("/api/v1/notifications"),
            n => n.Subject.StartsWith("Nhắc nộp") && n.Link == own);
        // The ward was told its report was accepted.
        Assert.Contains(await ward.GetJson<List<NotificationView>>("/api/v1/notifications"), n => n.Subject.EndsWith("đã được chấp nhận"));
        Assert.Equal(HttpStatusCode.Forbidden, (await ward.PostRaw($"/api/v1/report-periods/{period}/reminders", "")).StatusCode);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ReportConsolidationTestsOnSqlite(SqliteApp app) : ReportConsolidationTests(app);

[Collection(PostgresCollection.Name)]
public sealed class ReportConsolidationTestsOnPostgres(PostgresApp app) : ReportConsolidationTests(app);
