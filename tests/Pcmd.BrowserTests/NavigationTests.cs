using Microsoft.Playwright;

namespace Pcmd.BrowserTests;

/// <summary>The grouped menu: one row at 1366 px with only what the role can use, behind a button on a phone, and the
/// current section marked where the breadcrumb says the page is.</summary>
[Collection(ServerCollection.Name)]
public class NavigationTests(PcmdServer server)
{
    [Theory]
    [InlineData("admin", "Theo dõi|Kế hoạch|Báo cáo|Sổ theo dõi|Hoạt động|Hỗ trợ|Bản đồ|Quản trị", "Người dùng")]
    [InlineData("dieuphoi", "Theo dõi|Kế hoạch|Báo cáo|Sổ theo dõi|Hoạt động|Hỗ trợ|Bản đồ|Quản trị", null)]
    [InlineData("kiemtra", "Theo dõi|Kế hoạch|Sổ theo dõi|Hoạt động|Dịch vụ hỗ trợ|Bản đồ", null)]
    [InlineData("hotro", "Kế hoạch|Hỗ trợ", null)]
    public async Task The_menu_fits_one_row_at_1366_px_and_shows_each_role_what_it_uses(string user, string sections, string? adminOnly)
    {
        var page = await server.SignIn(user, 1366);
        var bar = await page.Locator("nav.navbar").BoundingBoxAsync();
        Assert.True(bar!.Height <= 64, $"the menu bar of {user} is {bar.Height}px high: more than one row");
        Assert.False(await page.GetByTestId("menu-button").IsVisibleAsync());

        var top = page.GetByTestId("menu").Locator("ul.navbar-nav > li > a, ul.navbar-nav > li > details > summary");
        var names = (await top.AllInnerTextsAsync()).Select(t => t.Trim()).Where(t => !t.StartsWith("Thông báo") && t != "Tìm kiếm").ToList();
        Assert.Equal(sections.Split('|'), names);
        if (adminOnly is not null)
        {
            await PcmdServer.Menu(page, adminOnly, group: "Quản trị");
            Assert.EndsWith("/users", page.Url);
        }
        else Assert.Equal(0, await page.GetByTestId("menu").GetByRole(AriaRole.Link, new() { Name = "Người dùng" }).CountAsync());
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("phuluong")]
    [InlineData("kiemtra")]
    [InlineData("lanhdao")]
    public async Task On_a_phone_the_menu_is_a_button_that_opens_it(string user)
    {
        var page = await server.SignIn(user, 390);
        var menu = page.GetByTestId("menu");
        await Assertions.Expect(menu).ToBeHiddenAsync();
        var bar = await page.Locator("nav.navbar").BoundingBoxAsync();
        Assert.True(bar!.Height <= 70, $"the closed menu takes {bar.Height}px of the phone's screen");
        var button = page.GetByTestId("menu-button");
        await button.ClickAsync();
        await Assertions.Expect(button).ToHaveAttributeAsync("aria-expanded", "true");
        await Assertions.Expect(menu).ToBeVisibleAsync();
        await PcmdServer.Menu(page, "Bản đồ");
        Assert.EndsWith("/map", page.Url);
        await Axe.AssertNoSeriousViolations(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_report_calendar_of_a_plan_marks_the_reports_section()
    {
        var page = await server.SignIn("dieuphoi", 1366);
        await PcmdServer.Menu(page, "Báo cáo");
        await page.GetByTestId("calendar-plans").GetByRole(AriaRole.Link, new() { Name = "giai đoạn 2026 - 2030" }).ClickAsync();
        Assert.Matches(@"/plans/\d+/reports", page.Url);
        var menu = page.GetByTestId("menu");
        await Assertions.Expect(menu.GetByRole(AriaRole.Link, new() { Name = "Báo cáo", Exact = true })).ToHaveAttributeAsync("aria-current", "page");
        await Assertions.Expect(menu.Locator("details summary.active")).ToHaveCountAsync(0);

        // And a plan page marks "Kế hoạch", the group, for the eye and for screen readers.
        await PcmdServer.Menu(page, "Kế hoạch", group: "Kế hoạch");
        await Assertions.Expect(menu.Locator("summary.active")).ToContainTextAsync("Kế hoạch");
        // (the link itself sits in the closed drop-down, hidden from the role query, so it is found by its attribute)
        await Assertions.Expect(menu.Locator("a[aria-current=page]")).ToHaveTextAsync("Kế hoạch");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_ward_officer_searches_from_the_phone_menu_and_opens_what_was_found()
    {
        var page = await server.SignIn("phuluong", 390);
        await page.GetByTestId("menu-button").ClickAsync();
        await page.GetByTestId("search-link").ClickAsync();
        Assert.EndsWith("/search", page.Url);
        await page.GetByTestId("search-q").FillAsync("karaoke");
        await page.GetByTestId("search-q").PressAsync("Enter");
        var group = page.Locator("[data-testid=search-group][data-kind=establishments]");
        await Assertions.Expect(group).ToBeVisibleAsync();
        await Axe.AssertNoSeriousViolations(page);
        await group.GetByRole(AriaRole.Link).First.ClickAsync();
        Assert.Matches(@"/establishments/\d+$", page.Url);
        await page.Context.CloseAsync();
    }
}
