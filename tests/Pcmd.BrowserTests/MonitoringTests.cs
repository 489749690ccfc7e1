using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Pcmd.BrowserTests;

/// <summary>Issue 14 in the browser: the leader's home with the 2026 inspection indicator, its trend and a ward likely to miss,
/// through to the ward and the inspections behind the figure; the inspector's home on a phone; axe-core on every dashboard page.</summary>
[Collection(ServerCollection.Name)]
public class MonitoringTests(PcmdServer server)
{
    /// <summary>No serious or critical axe-core violation on the page as it is now.</summary>
    static async Task AssertAccessible(IPage page)
    {
        var result = await page.RunAxe();
        var bad = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(bad.Count == 0, $"{page.Url}:\n" + string.Join("\n", bad.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(", ", v.Nodes.Take(3).Select(n => string.Join(" ", n.Target)))}")));
    }

    [Fact]
    public async Task The_leader_sees_the_programme_at_a_glance_and_follows_a_ward_likely_to_miss_to_its_inspections()
    {
        var page = await server.SignIn("lanhdao");
        // The first screen after sign-in is the home: the 2026–2030 plan's indicators, the inspection share among them.
        await Assertions.Expect(page.GetByTestId("home-kind")).ToContainTextAsync("Tổng quan chương trình");
        var row = page.GetByTestId("home-indicators").Locator("tr[data-number='3.2.2']");
        await Assertions.Expect(row).ToContainTextAsync("kiểm tra ít nhất một lần");
        await Assertions.Expect(row.GetByTestId("target")).ToHaveTextAsync("60 %");
        await Assertions.Expect(row.GetByTestId("actual")).ToContainTextAsync(new Regex(@"\d %"));
        await Assertions.Expect(row.GetByTestId("trend")).ToHaveAttributeAsync("aria-label", new Regex(@"^3\.2\.2: 01/2026 \d"));
        await Assertions.Expect(row.GetByTestId("projection")).ToContainTextAsync("%");
        await Assertions.Expect(row.Locator(".status-badge")).Not.ToBeEmptyAsync();   // the status in words, not only a colour
        await AssertAccessible(page);

        // The unit most likely to miss a target, ranked by its gap: its dashboard flags that indicator; then the records behind
        // its inspection figure.
        var missRow = page.GetByTestId("likely-to-miss").Locator("tbody tr").First;
        var number = (await missRow.Locator("td").Nth(1).TextContentAsync())!.Trim();
        var miss = missRow.GetByTestId("miss-unit");
        var ward = (await miss.TextContentAsync())!.Trim();
        await miss.ClickAsync();
        await Assertions.Expect(page.GetByTestId("dashboard-title")).ToContainTextAsync(ward);
        var flagged = page.GetByTestId("dashboard-table").Locator($"tr[data-number='{number}']");
        await Assertions.Expect(flagged.GetByTestId("projection")).ToBeVisibleAsync();
        await Assertions.Expect(flagged.GetByTestId("likely-to-miss-flag")).ToHaveTextAsync("Có khả năng không đạt");
        var wardRow = page.GetByTestId("dashboard-table").Locator("tr[data-number='3.2.2']");
        await AssertAccessible(page);

        await wardRow.GetByTestId("inspections-link").ClickAsync();
        await Assertions.Expect(page.GetByTestId("inspection-count")).ToBeVisibleAsync();
        Assert.Contains("from=2026-01-01", page.Url);
        Assert.True(await page.GetByTestId("inspections").Locator("tbody tr").CountAsync() > 0, "the ward's 2026 inspections are listed");
    }

    [Fact]
    public async Task Every_dashboard_page_passes_axe_and_the_drill_down_ranks_the_units()
    {
        var page = await server.SignIn("dieuphoi");
        await page.GotoAsync("/monitoring");
        await AssertAccessible(page);
        await page.GetByTestId("dashboard-plans").GetByRole(AriaRole.Link, new() { Name = "giai đoạn 2026 - 2030" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("dashboard-title")).ToContainTextAsync("Thành phố Hà Nội");
        // Figures with their source: computed from the registers, or from the accepted reports.
        await Assertions.Expect(page.GetByTestId("dashboard-table").Locator("tr[data-number='3.2.2']").GetByTestId("source")).ToHaveTextAsync("Tính từ sổ theo dõi");
        // Every indicator of 2026–2030 is computed (issue 13): the accepted reports' figure shows beside the computed one.
        await Assertions.Expect(page.GetByTestId("dashboard-table").GetByTestId("actual").Filter(new() { HasTextRegex = new Regex("theo báo cáo của \\d+ đơn vị đã duyệt") }).First).ToBeVisibleAsync();
        await AssertAccessible(page);

        await page.GetByTestId("dashboard-table").Locator("tr[data-number='3.2.2']").GetByTestId("indicator-link").ClickAsync();
        await Assertions.Expect(page.GetByTestId("indicator-title")).ToContainTextAsync("3.2.2");
        Assert.True(await page.GetByTestId("unit-results").Locator("tbody tr").CountAsync() > 100, "Hà Nội has 126 communes since 1/7/2025");
        Assert.True(await page.GetByTestId("ranking").Locator("li").CountAsync() > 100);
        await AssertAccessible(page);
        // Sorted by the actual: the header link, then its reverse.
        await page.GetByTestId("unit-results").GetByRole(AriaRole.Link, new() { Name = "Thực hiện", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("unit-results").Locator("th[aria-sort='ascending']")).ToContainTextAsync("Thực hiện");

        // Trends: a chart drawn from the table beside it, and the table's download.
        await page.GotoAsync("/monitoring/trends?computation=InspectionCount&by=Month");
        await Assertions.Expect(page.GetByTestId("series-table").Locator("tbody tr")).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator("canvas[data-chart-table='series-table']")).ToHaveAttributeAsync("width", new Regex(@"^\d+$"));
        await AssertAccessible(page);
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("series-xlsx").ClickAsync());
        Assert.EndsWith(".xlsx", download.SuggestedFilename);
    }

    [Fact]
    public async Task The_inspector_gets_the_establishments_due_on_a_phone()
    {
        var page = await server.SignIn("kiemtra", width: 390);
        await Assertions.Expect(page.GetByTestId("home-kind")).ToContainTextAsync("Cơ sở cần kiểm tra");
        var due = page.GetByTestId("home-due");
        await Assertions.Expect(due.Locator("h2")).ToContainTextAsync(new Regex(@"\(\d+\)"));
        await Assertions.Expect(page.GetByTestId("home-recent").Locator("li").First).ToBeVisibleAsync();
        // Nothing wider than the phone.
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth + 1"), "the home fits 390 px");
        await AssertAccessible(page);
    }
}
