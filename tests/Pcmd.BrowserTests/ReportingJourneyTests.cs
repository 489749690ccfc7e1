using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Pcmd.BrowserTests;

/// <summary>Periodic reporting in the browser: the ward officer fills and submits the six-monthly report, the coordinator
/// returns it with a comment, the officer fixes and resubmits, the coordinator accepts it and downloads the consolidated
/// report; and a draft that saves itself as the officer types. Set PCMD_SHOTS to a folder to keep screenshots.</summary>
[Collection(ServerCollection.Name)]
public class ReportingJourneyTests(PcmdServer server)
{
    const string Ward = "Ủy ban nhân dân phường Phú Lương";
    const string SixMonthly = "Báo cáo 6 tháng đầu năm 2026";
    const string Annual = "Báo cáo năm 2026";

    [Fact]
    public async Task The_ward_submits_the_coordinator_returns_the_ward_resubmits_the_coordinator_accepts_and_downloads_the_consolidated_docx()
    {
        var ward = await server.SignIn("phuluong");
        await ward.GetByRole(AriaRole.Link, new() { Name = "Báo cáo", Exact = true }).First.ClickAsync();
        var row = ward.GetByTestId("my-report").Filter(new() { HasText = SixMonthly });
        await Expect(row.GetByTestId("overdue")).ToContainTextAsync("Quá hạn");
        await Shot(ward, "reports-mine");
        await row.GetByRole(AriaRole.Link, new() { Name = SixMonthly }).ClickAsync();
        await Expect(ward.GetByTestId("report-title")).ToHaveTextAsync(SixMonthly);
        await Expect(ward.GetByTestId("report-status")).ToHaveTextAsync("Chưa nộp");
        await Expect(ward.GetByTestId("days-late")).ToContainTextAsync("quá hạn");

        var tasks = ward.GetByTestId("task");
        var taskCount = await tasks.CountAsync();
        Assert.True(taskCount > 5, $"the ward answers for the tasks of UBND các xã, phường ({taskCount})");
        for (var i = 0; i < taskCount; i++)
        {
            await tasks.Nth(i).Locator("[data-field=progress]").SelectOptionAsync(i % 3 == 0 ? "done" : "inProgress");
            await tasks.Nth(i).Locator("[data-field=narrative]").FillAsync($"Phường đã triển khai nhiệm vụ (mục {i + 1}) theo kế hoạch.");
        }
        var indicators = ward.GetByTestId("indicator");
        var indicatorCount = await indicators.CountAsync();
        Assert.True(indicatorCount > 0);
        var typedShare = false;
        for (var i = 0; i < indicatorCount; i++)
        {
            var box = indicators.Nth(i);
            var share = await box.Locator("[data-field=denominator]").CountAsync() > 0;
            // Pre-filled from the registries (every indicator of 2026–2030 is computed now); the ward may still type its own
            // figure over one, which is what the first share gets here.
            if (await box.Locator("[data-field=value]").InputValueAsync() != "" && !(share && !typedShare)) continue;
            // Typed the Vietnamese way: the dot separates thousands.
            await box.Locator("[data-field=value]").FillAsync("1.200");
            if (!share) continue;
            await box.Locator("[data-field=denominator]").FillAsync("1.500");
            // A figure other than the registries' needs its reason (ReportRules.Missing).
            await box.Locator("[data-field=note]").FillAsync("Theo sổ theo dõi của phường, đã đối chiếu.");
            typedShare = true;
        }
        Assert.True(typedShare, "the form has a share indicator to type");
        await ward.Locator("[data-field=difficulties]").FillAsync("Cán bộ kiêm nhiệm, kinh phí còn hạn chế.");
        await ward.GetByRole(AriaRole.Button, new() { Name = "Nộp báo cáo" }).ClickAsync();
        await PcmdServer.Confirm(ward, "Nộp báo cáo");

        // "Đề xuất, kiến nghị" was left empty: the list of what is missing, and nothing typed is lost.
        await Expect(ward.GetByTestId("missing")).ToContainTextAsync("Nhập mục Đề xuất, kiến nghị");
        await Expect(ward.GetByTestId("report-status")).ToHaveTextAsync("Chưa nộp");
        await Expect(ward.Locator("[data-field=difficulties]")).ToHaveValueAsync("Cán bộ kiêm nhiệm, kinh phí còn hạn chế.");
        await Expect(tasks.Nth(1).Locator("[data-field=narrative]")).ToHaveValueAsync("Phường đã triển khai nhiệm vụ (mục 2) theo kế hoạch.");
        await Expect(ward.Locator("#f-proposals")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("is-invalid"));
        await Shot(ward, "report-missing");

        await ward.Locator("[data-field=proposals]").FillAsync("Đề nghị Thành phố tổ chức tập huấn cho cán bộ phường.");
        await ward.GetByRole(AriaRole.Button, new() { Name = "Nộp báo cáo" }).ClickAsync();
        await PcmdServer.Confirm(ward, "Nộp báo cáo");
        await Expect(ward.GetByTestId("report-status")).ToHaveTextAsync("Đã nộp, chờ duyệt");
        var view = ward.GetByTestId("report-view");
        await Expect(view.Locator("[data-testid=indicator] [data-testid=reported]", new() { HasText = "1.200/1.500 (80 %)" }).First).ToBeVisibleAsync();
        await Expect(view.GetByTestId("proposals")).ToHaveTextAsync("Đề nghị Thành phố tổ chức tập huấn cho cán bộ phường.");
        await view.GetByTestId("indicator").Last.ScrollIntoViewIfNeededAsync();
        await Shot(ward, "report-submitted");

        // The coordinator finds it in the period's matrix and returns it with a comment.
        var coordinator = await server.SignIn("dieuphoi");
        await coordinator.GetByRole(AriaRole.Link, new() { Name = "Báo cáo", Exact = true }).First.ClickAsync();
        await coordinator.GetByTestId("calendar-plans").GetByRole(AriaRole.Link, new() { Name = "giai đoạn 2026 - 2030" }).ClickAsync();
        await Shot(coordinator, "plan-calendar");
        await coordinator.GetByTestId("period").Filter(new() { HasText = SixMonthly }).GetByTestId("open-matrix").ClickAsync();
        await Expect(coordinator.GetByTestId("period-title")).ToHaveTextAsync(SixMonthly);
        await Expect(coordinator.GetByTestId("completeness")).ToContainTextAsync("%");
        var unitRow = coordinator.Locator($"[data-testid=matrix-row][data-agency='{Ward}']");
        await Expect(unitRow).ToContainTextAsync("Đã nộp, chờ duyệt");
        await Shot(coordinator, "period-matrix");
        var matrixUrl = coordinator.Url;
        await unitRow.GetByRole(AriaRole.Link, new() { Name = "Xem báo cáo của " + Ward }).ClickAsync();
        await Expect(coordinator.GetByTestId("report-agency")).ToHaveTextAsync(Ward);
        const string comment = "Đề nghị nêu rõ số cơ sở đã kiểm tra trong nhiệm vụ đầu tiên.";
        await coordinator.GetByLabel("Ý kiến khi trả lại").FillAsync(comment);
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Trả lại" }).ClickAsync();
        await PcmdServer.Confirm(coordinator, "Trả lại cho đơn vị");
        await Expect(coordinator.GetByTestId("report-status")).ToHaveTextAsync("Bị trả lại");

        // The ward sees the comment, fixes the narrative and submits again.
        await ward.GotoAsync("/reports");
        await Expect(row.GetByTestId("status")).ToHaveTextAsync("Bị trả lại");
        await row.GetByRole(AriaRole.Link, new() { Name = SixMonthly }).ClickAsync();
        await Expect(ward.GetByTestId("return-comment")).ToContainTextAsync(comment);
        await Shot(ward, "report-returned");
        const string fixedText = "Phường đã kiểm tra 12 cơ sở kinh doanh dịch vụ, lập biên bản và ký cam kết với chủ cơ sở.";
        await tasks.First.Locator("[data-field=narrative]").FillAsync(fixedText);
        await ward.GetByRole(AriaRole.Button, new() { Name = "Nộp báo cáo" }).ClickAsync();
        await PcmdServer.Confirm(ward, "Nộp báo cáo");
        await Expect(ward.GetByTestId("report-status")).ToHaveTextAsync("Đã nộp, chờ duyệt");
        await Expect(ward.GetByTestId("history")).ToContainTextAsync(comment);

        // The coordinator accepts it; then opens the consolidated report and downloads it.
        await coordinator.ReloadAsync();
        await Expect(coordinator.GetByTestId("task").First.GetByTestId("narrative")).ToHaveTextAsync(fixedText);
        // Accepting locks the report: the dialog says so and names the unit; "Hủy" changes nothing.
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Chấp nhận" }).ClickAsync();
        var dialog = coordinator.GetByTestId("confirm-dialog");
        await Expect(dialog).ToContainTextAsync("báo cáo sẽ bị khóa");
        await Expect(dialog).ToContainTextAsync(Ward);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Hủy" }).ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        await coordinator.ReloadAsync();
        await Expect(coordinator.GetByTestId("report-status")).ToHaveTextAsync("Đã nộp, chờ duyệt");
        // Without script the server asks the same as a step of its own; after the POST the page is redirected (no resubmission).
        var plain = await server.SignIn("dieuphoi", javaScript: false);
        await plain.GotoAsync(coordinator.Url);
        await plain.GetByRole(AriaRole.Button, new() { Name = "Chấp nhận" }).ClickAsync();
        await Expect(plain.GetByTestId("confirm-step")).ToContainTextAsync("báo cáo sẽ bị khóa");
        await Expect(plain.GetByTestId("report-status")).ToHaveTextAsync("Đã nộp, chờ duyệt");
        await plain.GetByTestId("confirm-yes").ClickAsync();
        await Expect(plain.GetByTestId("report-status")).ToHaveTextAsync("Đã chấp nhận");
        Assert.Contains("done=accepted", plain.Url);
        await coordinator.ReloadAsync();
        await Expect(coordinator.GetByTestId("report-status")).ToHaveTextAsync("Đã chấp nhận");
        await coordinator.GotoAsync(matrixUrl);
        await Expect(unitRow).ToContainTextAsync("Đã chấp nhận");
        var workbook = await coordinator.RunAndWaitForDownloadAsync(() => coordinator.GetByTestId("xlsx").ClickAsync());
        Assert.EndsWith(".xlsx", workbook.SuggestedFilename);
        Assert.Equal("PK"u8.ToArray(), (await File.ReadAllBytesAsync((await workbook.PathAsync())!))[..2]);
        await coordinator.GetByTestId("consolidated").ClickAsync();
        await Expect(coordinator.GetByTestId("report-title")).ToHaveTextAsync(SixMonthly);
        await Expect(coordinator.GetByTestId("report-agency")).ToHaveTextAsync("Sở Y tế");
        await Expect(coordinator.Locator("[data-testid=gathered] li", new() { HasText = fixedText })).ToHaveCountAsync(1);
        await Shot(coordinator, "consolidated");
        var download = await coordinator.RunAndWaitForDownloadAsync(() => coordinator.GetByTestId("docx").ClickAsync());
        Assert.EndsWith(".docx", download.SuggestedFilename);
        var bytes = await File.ReadAllBytesAsync((await download.PathAsync())!);
        Assert.True(bytes.Length > 10 * 1024, $"the .docx has {bytes.Length} bytes");
        Assert.Equal("PK"u8.ToArray(), bytes[..2]);
    }

    [Fact]
    public async Task A_draft_saves_itself_survives_a_reload_and_a_second_window_does_not_overwrite_it()
    {
        var page = await server.SignIn("phuluong");
        await page.GotoAsync("/reports");
        await page.GetByTestId("my-report").Filter(new() { HasText = Annual }).GetByRole(AriaRole.Link, new() { Name = Annual }).ClickAsync();
        await Expect(page.GetByTestId("report-title")).ToHaveTextAsync(Annual);
        var other = await page.Context.NewPageAsync();
        await other.GotoAsync(page.Url);

        var text = $"Thiếu cán bộ chuyên trách ({Guid.NewGuid():N}).";
        await page.Locator("[data-field=difficulties]").FillAsync(text);
        var value = page.GetByTestId("indicator").First.Locator("[data-field=value]");
        var denominator = page.GetByTestId("indicator").First.Locator("[data-field=denominator]");
        await value.FillAsync("1.200");
        await denominator.FillAsync("1.500");
        await Expect(page.GetByTestId("autosave-status")).ToContainTextAsync("Đã lưu nháp lúc", new() { Timeout = 15000 });

        await page.ReloadAsync();
        await Expect(page.Locator("[data-field=difficulties]")).ToHaveValueAsync(text);
        await Expect(value).ToHaveValueAsync("1.200");
        await Expect(denominator).ToHaveValueAsync("1.500");

        // The second window still holds the old version: its save is refused, and it says so instead of overwriting.
        await other.Locator("[data-field=proposals]").FillAsync("Bản của cửa sổ thứ hai");
        await Expect(other.GetByTestId("autosave-status")).ToContainTextAsync("Báo cáo vừa được lưu ở nơi khác", new() { Timeout = 15000 });
        await page.ReloadAsync();
        await Expect(page.Locator("[data-field=difficulties]")).ToHaveValueAsync(text);
        await Expect(page.Locator("[data-field=proposals]")).ToHaveValueAsync("");
    }

    [Fact]
    public async Task The_report_form_and_the_matrix_fit_a_390_px_screen()
    {
        var page = await server.SignIn("phuluong", width: 390);
        await page.GotoAsync("/reports");
        await page.GetByTestId("my-report").Filter(new() { HasText = Annual }).GetByRole(AriaRole.Link, new() { Name = Annual }).ClickAsync();
        await Expect(page.GetByTestId("report-form")).ToBeVisibleAsync();
        await Shot(page, "report-390");
        var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"the report page is {width}px wide at a 390px viewport");

        var coordinator = await server.SignIn("dieuphoi", width: 390);
        await coordinator.GotoAsync("/reports");
        await coordinator.GetByTestId("calendar-plans").GetByRole(AriaRole.Link, new() { Name = "giai đoạn 2026 - 2030" }).ClickAsync();
        await coordinator.GetByTestId("period").Filter(new() { HasText = SixMonthly }).GetByTestId("open-matrix").ClickAsync();
        await Expect(coordinator.GetByTestId("matrix")).ToBeVisibleAsync();
        await Shot(coordinator, "matrix-390");
        width = await coordinator.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"the matrix page is {width}px wide at a 390px viewport");
    }

    static async Task Shot(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("PCMD_SHOTS") is not { Length: > 0 } dir) return;
        Directory.CreateDirectory(dir);
        await page.ScreenshotAsync(new() { Path = Path.Combine(dir, name + ".png"), FullPage = false });
    }
}
