using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Pcmd.BrowserTests;

[Collection(ServerCollection.Name)]
public class IndicatorResultsTests(PcmdServer server)
{
    [Fact]
    public async Task The_coordinator_sees_the_computed_share_inspected_beside_the_60_percent_target_of_2026()
    {
        var page = await server.SignIn("dieuphoi");
        await PcmdServer.Menu(page, "Kế hoạch", group: "Kế hoạch");
        await page.GetByRole(AriaRole.Link, new() { Name = "giai đoạn 2026 - 2030" }).First.ClickAsync();
        await Assertions.Expect(page.GetByTestId("plan-title")).ToContainTextAsync("2026 - 2030");
        // The plan page carries a results summary; its link opens the full table.
        await Assertions.Expect(page.GetByTestId("results-summary")).ToBeVisibleAsync();
        await page.GetByTestId("results-link").ClickAsync();
        await page.GetByLabel("Năm").SelectOptionAsync("2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Xem" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("results-title")).ToContainTextAsync("2026");

        var row = page.GetByTestId("results-table").Locator("tr[data-number='3.2.2']");
        await Assertions.Expect(row).ToContainTextAsync("kiểm tra ít nhất một lần");
        await Assertions.Expect(row.GetByTestId("target")).ToHaveTextAsync("60 %");
        await Assertions.Expect(row.GetByTestId("actual")).ToContainTextAsync(new Regex(@"^\s*\d{1,3}(,\d{1,2})? %"));
        await Assertions.Expect(row.GetByTestId("percent")).ToContainTextAsync(new Regex(@"\d %$"));
        await Assertions.Expect(row).ToContainTextAsync("Cơ sở đang quản lý được kiểm tra ít nhất một lần:");

        // Per ward: the city's communes, each with its own share.
        await row.GetByTestId("drill-down").ClickAsync();
        await Assertions.Expect(page.GetByTestId("indicator-title")).ToContainTextAsync("3.2.2");
        var wards = page.GetByTestId("unit-results").Locator("tbody tr");
        Assert.True(await wards.CountAsync() > 100, "Hà Nội has 126 communes since 1/7/2025");
        await Assertions.Expect(page.GetByTestId("unit-results").Locator("tr[data-unit='09568']")).ToContainTextAsync("Phường Phú Lương");
    }
}
