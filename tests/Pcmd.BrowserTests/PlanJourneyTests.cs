using Microsoft.Playwright;

namespace Pcmd.BrowserTests;

[Collection(ServerCollection.Name)]
public class PlanJourneyTests(PcmdServer server)
{
    [Fact]
    public async Task The_coordinator_opens_the_2026_plan_and_sees_the_2030_inspection_target_and_the_lead_of_task_6_3()
    {
        var page = await server.SignIn("dieuphoi");
        await PcmdServer.Menu(page, "Kế hoạch", group: "Kế hoạch");
        await page.GetByRole(AriaRole.Link, new() { Name = "giai đoạn 2026 - 2030" }).First.ClickAsync();
        await Assertions.Expect(page.GetByTestId("plan-title")).ToContainTextAsync("2026 - 2030");

        var inspection = page.GetByTestId("indicator-table").Locator("tr", new() { HasText = "kiểm tra ít nhất một lần" });
        await Assertions.Expect(inspection.Locator("[data-year='2030']")).ToHaveTextAsync("Năm 2030: 95 %");
        await Assertions.Expect(inspection.Locator("[data-year='2026']")).ToHaveTextAsync("Năm 2026: 60 %");

        var task63 = page.GetByTestId("task-table").First.Locator("tr[data-task='6.3']");
        await Assertions.Expect(task63.Locator("td").Nth(2)).ToContainTextAsync("Sở Y tế");
    }

    [Fact]
    public async Task A_police_user_sees_the_tasks_of_Cong_an_Thanh_pho()
    {
        var page = await server.SignIn("congan");
        await PcmdServer.Menu(page, "Nhiệm vụ của tôi", group: "Kế hoạch");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Nhiệm vụ của tôi" })).ToBeVisibleAsync();
        var rows = page.Locator("tr[data-kind='task']");
        Assert.True(await rows.CountAsync() > 5, "Công an Thành phố has tasks in the demo plans");
        await Assertions.Expect(page.Locator("section", new() { HasText = "2026 - 2030" }).Locator("tr[data-kind='task']").First).ToContainTextAsync("Công an Thành phố");
    }

    [Fact]
    public async Task The_plan_page_is_usable_at_390_px()
    {
        var page = await server.SignIn("phuluong", width: 390);
        await page.GotoAsync("/plans");
        await page.GetByRole(AriaRole.Link, new() { Name = "phường Phú Lãm" }).First.ClickAsync();
        await Assertions.Expect(page.GetByTestId("plan-title")).ToContainTextAsync("Phú Lãm");
        // Nothing but the wide tables (which scroll inside their own box) may be wider than the screen.
        var pageWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(pageWidth <= 390, $"page is {pageWidth}px wide at a 390px viewport");
        // The menu is behind its button on a phone, and still reaches every section.
        await Assertions.Expect(page.GetByTestId("menu")).ToBeHiddenAsync();
        await PcmdServer.Menu(page, "Nhiệm vụ của tôi", group: "Kế hoạch");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Nhiệm vụ của tôi" })).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "pcmd-390.png"), FullPage = false });
    }

    [Fact]
    public async Task A_wrong_password_gets_a_Vietnamese_message()
    {
        var context = await server.Browser.NewContextAsync(new() { BaseURL = server.BaseUrl });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/login");
        await page.GetByLabel("Tên đăng nhập").FillAsync("lanhdao");
        await page.GetByLabel("Mật khẩu").FillAsync("sai");
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("login-error")).ToHaveTextAsync("Tên đăng nhập hoặc mật khẩu không đúng, hoặc tài khoản đang tạm khóa. Nếu cần, hãy liên hệ quản trị hệ thống.");
    }
}

[Collection(ServerCollection.Name)]
public class PlanCreationTests(PcmdServer server)
{
    [Fact]
    public async Task A_ward_officer_creates_a_plan_for_their_ward_and_a_bad_period_is_refused_in_Vietnamese()
    {
        var page = await server.SignIn("phuluong");
        await page.GotoAsync("/plans/new");
        await page.GetByLabel("Tên").First.FillAsync("Kế hoạch phòng, chống mại dâm phường Phú Lương năm 2027");
        await page.GetByLabel("Khóa").FillAsync("phu-luong-2027");
        await page.GetByLabel("Từ năm").FillAsync("2027");
        await page.GetByLabel("Đến năm").FillAsync("2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tạo kế hoạch" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("problem")).ToContainTextAsync("Năm kết thúc (2026) trước năm bắt đầu (2027)");

        await page.GetByLabel("Đến năm").FillAsync("2027");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tạo kế hoạch" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("plan-title")).ToHaveTextAsync("Kế hoạch phòng, chống mại dâm phường Phú Lương năm 2027");
        await Assertions.Expect(page.Locator("#chung")).ToContainTextAsync("Phường Phú Lương");
    }

    /// <summary>Issue 16, item 9: a per-unit target (giao chỉ tiêu) is given and changed in the browser, with the file's checks.</summary>
    [Fact]
    public async Task A_ward_officer_gives_and_changes_a_per_unit_target_in_the_browser()
    {
        var page = await server.SignIn("phuluong");
        await page.GotoAsync("/plans/new");
        await page.GetByLabel("Tên").First.FillAsync("Kế hoạch giao chỉ tiêu thử");
        await page.GetByLabel("Khóa").FillAsync("giao-" + Guid.NewGuid().ToString("N")[..8]);
        await page.GetByLabel("Từ năm").FillAsync("2026");
        await page.GetByLabel("Đến năm").FillAsync("2027");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tạo kế hoạch" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("plan-title")).ToHaveTextAsync("Kế hoạch giao chỉ tiêu thử");

        await page.GetByRole(AriaRole.Link, new() { Name = "Thêm chỉ tiêu" }).ClickAsync();
        await page.GetByLabel("Số thứ tự").FillAsync("1");
        await page.GetByLabel("Nội dung chỉ tiêu").FillAsync("Cơ sở được kiểm tra");
        await page.GetByLabel("Đơn vị tính").FillAsync("cơ sở");
        await page.GetByLabel("Loại chỉ tiêu").SelectOptionAsync("count");
        await page.GetByLabel("Giá trị").FillAsync("20");
        await page.GetByTestId("by-unit").FillAsync("99999: 12");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("problem")).ToContainTextAsync("Không có đơn vị hành chính mã '99999'");

        await page.GetByTestId("by-unit").FillAsync("09568: 12");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu" }).ClickAsync();
        var row = page.GetByTestId("indicator-table").Locator("tr", new() { HasText = "Cơ sở được kiểm tra" });
        await Assertions.Expect(row).ToContainTextAsync("Phường Phú Lương: 12 cơ sở");

        await row.GetByRole(AriaRole.Link, new() { Name = "Sửa" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("by-unit")).ToHaveValueAsync("09568: 12");
        await page.GetByTestId("by-unit").FillAsync("09568 2027: 15");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("indicator-table").Locator("tr", new() { HasText = "Cơ sở được kiểm tra" }))
            .ToContainTextAsync("Phường Phú Lương (2027): 15 cơ sở");
    }

    /// <summary>Issue 16, item 9: an appendix row and the report schedule are edited in the browser, with the file's checks
    /// by row.</summary>
    [Fact]
    public async Task A_ward_officer_adds_an_appendix_row_and_edits_the_report_schedule_in_the_browser()
    {
        var page = await server.SignIn("phuluong");
        await page.GotoAsync("/plans/new");
        await page.GetByLabel("Tên").First.FillAsync("Kế hoạch phụ lục thử");
        await page.GetByLabel("Khóa").FillAsync("phu-luc-" + Guid.NewGuid().ToString("N")[..8]);
        await page.GetByLabel("Từ năm").FillAsync("2026");
        await page.GetByLabel("Đến năm").FillAsync("2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tạo kế hoạch" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("plan-title")).ToHaveTextAsync("Kế hoạch phụ lục thử");

        await page.GetByRole(AriaRole.Link, new() { Name = "Thêm phụ lục" }).ClickAsync();
        await page.GetByLabel("Số, ký hiệu").FillAsync("I");
        await page.GetByLabel("Tên", new() { Exact = true }).FillAsync("Điểm phức tạp cần triệt xóa");
        await page.GetByLabel("Dòng 1: Tên").FillAsync("Khu vực chợ Phú Lương");
        await page.GetByLabel("Dòng 1: Mã đơn vị").FillAsync("9568");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("problem")).ToContainTextAsync("Dòng 1: Không có đơn vị hành chính mã '9568'");

        await page.GetByLabel("Dòng 1: Mã đơn vị").FillAsync("09568");
        await page.GetByLabel("Dòng 1: Mức độ phức tạp").SelectOptionAsync("active");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("appendix-I")).ToContainTextAsync("Khu vực chợ Phú Lương");
        await Assertions.Expect(page.GetByTestId("appendix-I")).ToContainTextAsync("Có hoạt động");

        await page.GetByTestId("edit-schedule").ClickAsync();
        await page.GetByLabel("Dòng 1: Loại báo cáo").SelectOptionAsync("semiannual");
        await page.GetByLabel("Dòng 1: Ngày — Hạn đơn vị gửi").FillAsync("10");
        await page.GetByLabel("Dòng 1: Tháng — Hạn đơn vị gửi").FillAsync("6");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("report-schedule")).ToContainTextAsync("Báo cáo 6 tháng");
        await Assertions.Expect(page.GetByTestId("report-schedule")).ToContainTextAsync("10/06");
    }
}
