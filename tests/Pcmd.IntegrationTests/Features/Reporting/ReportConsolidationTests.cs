using System.Net;
using Pcmd.IntegrationTests.Infrastructure;
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
        Assert.Equal((7m, 1), (Row(form, "indicators", "1")["unitsSum"]!.GetValue<decimal>(), Row(form, "indicators", "1")["unitsCounted"]!.GetValue<int>()));

        await Review(coordinator, haDong, "accept", submitted["version"]!.GetValue<int>(), null);
        form = await Form(coordinator, consolidated);
        var count = Row(form, "indicators", "1");
        Assert.Equal((12m, 2), (count["unitsSum"]!.GetValue<decimal>(), count["unitsCounted"]!.GetValue<int>()));
        // The draft is pre-filled with the units' sum; the whole-area figure is computed beside it.
        Assert.Equal(12m, count["value"]!.GetValue<decimal>());
        Assert.True(count["prefilled"]!.GetValue<bool>());
        Assert.NotNull(count["computed"]);
        var share = Row(form, "indicators", "2");
        Assert.Equal((4m, 6m), (share["unitsSum"]!.GetValue<decimal>(), share["unitsSumDenominator"]!.GetValue<decimal>()));
        Assert.Equal("66,67 % (4/6)", share["actualText"]!.GetValue<string>());
        Assert.Equal("83,3 %", share["percentText"]!.GetValue<string>()); // 66,67 % of the 80 % target

        var task = Row(form, "tasks", "1.a");
        var gathered = task["gathered"]!.AsArray().Select(g => (g!["unit"]!.GetValue<string>(), g["text"]!.GetValue<string>())).ToList();
        Assert.Equal([("Ủy ban nhân dân phường Hà Đông", "Hà Đông kiểm tra 5 cơ sở."), ("Ủy ban nhân dân phường Phú Lương", "Đã tổ chức 3 buổi tuyên truyền.")], gathered);
        Assert.Equal(["Ủy ban nhân dân phường Hà Đông"], Row(form, "tasks", "1.b")["gathered"]!.AsArray().Select(g => g!["unit"]!.GetValue<string>()));
        Assert.Equal("- Ủy ban nhân dân phường Hà Đông: Cán bộ kiêm nhiệm.\n- Ủy ban nhân dân phường Phú Lương: Cán bộ kiêm nhiệm.",
            form["difficulties"]!.GetValue<string>());

        // The coordinator sends it upward; it is then locked, and its authors can take it back.
        var draft = Complete(form, 12, 4, 6);
        draft["tasks"] = new System.Text.Json.Nodes.JsonArray(form["tasks"]!.AsArray().Select(t => (System.Text.Json.Nodes.JsonNode)new System.Text.Json.Nodes.JsonObject
            { ["taskId"] = t!["taskId"]!.GetValue<int>(), ["progress"] = "inProgress" }).ToArray());
        var v = await Save(coordinator, consolidated, draft);
        var sent = await Submit(coordinator, consolidated, v);
        Assert.Equal("submitted", sent["status"]!.GetValue<string>());
        await Review(coordinator, consolidated, "accept", sent["version"]!.GetValue<int>(), null, HttpStatusCode.Conflict);
        var reopened = await Review(coordinator, consolidated, "return", sent["version"]!.GetValue<int>(), "Sửa số liệu chỉ tiêu 2.");
        Assert.True(reopened["canEdit"]!.GetValue<bool>());
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
        decimal Computed(System.Text.Json.Nodes.JsonNode f) => Row(f, "indicators", "1")["computed"]!.GetValue<decimal>();
        var before = (Computed(await Form(ward, phuLuong)), Computed(await Form(other, haDong)), Computed(await Form(coordinator, consolidated)));

        // A hotspot found in March 2025 in Phường Phú Lãm, merged into Phú Lương on 1/7/2025; one in September in Phú Lương.
        await data.NewHotspot("09568", "2025-03-10");
        await data.NewHotspot("09568", "2025-09-20");
        // Outside the data window (15/12/2024–14/12/2025): not counted.
        await data.NewHotspot("09568", "2025-12-15");
        var after = (Computed(await Form(ward, phuLuong)), Computed(await Form(other, haDong)), Computed(await Form(coordinator, consolidated)));
        Assert.Equal((before.Item1 + 2, before.Item2, before.Item3 + 2), after);
        var row = Row(await Form(ward, phuLuong), "indicators", "1");
        Assert.Equal(after.Item1, row["value"]!.GetValue<decimal>());
        Assert.StartsWith("/hotspots?unit=", row["link"]!.GetValue<string>());

        // Submitted with the records' figure, accepted; a later record changes the live figure, not the report's.
        var form = await Form(ward, phuLuong);
        await Accepted(ward, coordinator, phuLuong, after.Item1, 1, 1);
        await data.NewHotspot("09568", "2025-11-01");
        var locked = Row(await Form(ward, phuLuong), "indicators", "1");
        Assert.Equal((after.Item1, after.Item1, after.Item1 + 1),
            (locked["value"]!.GetValue<decimal>(), locked["computed"]!.GetValue<decimal>(), locked["live"]!.GetValue<decimal>()));
        Assert.Equal(after.Item1, Row(await Form(coordinator, consolidated), "indicators", "1")["unitsSum"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task The_matrix_shows_each_units_status_and_lateness_and_the_periods_rates()
    {
        var coordinator = await app.SignIn("dieuphoi");
        var (planId, periods) = await data.Plan(coordinator, 2025);
        var period = PeriodId(periods, "annual", 2025);
        var ward = await app.SignIn("phuluong");
        await Accepted(ward, coordinator, await data.ReportId(period, "UBND-PHULUONG"), 1, 1, 1);

        var matrix = await coordinator.GetJson($"/api/v1/report-periods/{period}/matrix");
        var rates = matrix["periods"]![0]!;
        Assert.Equal((2, 1, 0, 1), (rates["expected"]!.GetValue<int>(), rates["submitted"]!.GetValue<int>(), rates["onTime"]!.GetValue<int>(),
            rates["accepted"]!.GetValue<int>()));
        Assert.Equal((50m, 0m), (rates["completeness"]!.GetValue<decimal>(), rates["timeliness"]!.GetValue<decimal>()));
        var units = matrix["units"]!.AsArray();
        Assert.Equal(["Ủy ban nhân dân phường Hà Đông", "Ủy ban nhân dân phường Phú Lương"], units.Select(u => u!["name"]!.GetValue<string>()));
        var late = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).DayNumber - new DateOnly(2025, 12, 17).DayNumber;
        var hd = units[0]!["cells"]![0]!;
        Assert.Equal(("draft", "Chưa nộp", true, late), (hd["status"]!.GetValue<string>(), hd["statusText"]!.GetValue<string>(),
            hd["overdue"]!.GetValue<bool>(), hd["daysLate"]!.GetValue<int>()));
        var pl = units[1]!["cells"]![0]!;
        Assert.Equal(("accepted", false, late), (pl["status"]!.GetValue<string>(), pl["overdue"]!.GetValue<bool>(), pl["daysLate"]!.GetValue<int>()));

        // The whole plan: one column per period.
        var all = await coordinator.GetJson($"/api/v1/plans/{planId}/report-matrix");
        Assert.Equal(periods.Count, all["periods"]!.AsArray().Count);
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

        var sent = await (await coordinator.PostRaw($"/api/v1/report-periods/{period}/reminders", "")).Json(HttpStatusCode.OK);
        Assert.True(sent["sent"]!.GetValue<int>() >= 1);
        var again = await (await coordinator.PostRaw($"/api/v1/report-periods/{period}/reminders", "")).Json(HttpStatusCode.OK);
        Assert.Equal(0, again["sent"]!.GetValue<int>());
        var notes = (await other.GetJson("/api/v1/notifications")).AsArray();
        var note = Assert.Single(notes, n => n!["link"]?.GetValue<string>() == $"/reports/{haDong}" && n["subject"]!.GetValue<string>().StartsWith("Nhắc nộp"));
        Assert.Contains("đã quá hạn", note!["text"]!.GetValue<string>());
        // Phú Lương has reported: no reminder for this period.
        var own = $"/reports/{await data.ReportId(period, "UBND-PHULUONG")}";
        Assert.DoesNotContain((await ward.GetJson("/api/v1/notifications")).AsArray(),
            n => n!["subject"]!.GetValue<string>().StartsWith("Nhắc nộp") && n["link"]?.GetValue<string>() == own);
        // The ward was told its report was accepted.
        Assert.Contains((await ward.GetJson("/api/v1/notifications")).AsArray(), n => n!["subject"]!.GetValue<string>().EndsWith("đã được chấp nhận"));
        Assert.Equal(HttpStatusCode.Forbidden, (await ward.PostRaw($"/api/v1/report-periods/{period}/reminders", "")).StatusCode);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ReportConsolidationTestsOnSqlite(SqliteApp app) : ReportConsolidationTests(app);

[Collection(PostgresCollection.Name)]
public sealed class ReportConsolidationTestsOnPostgres(PostgresApp app) : ReportConsolidationTests(app);
