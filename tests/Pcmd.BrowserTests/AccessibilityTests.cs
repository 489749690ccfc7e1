using Microsoft.Playwright;

namespace Pcmd.BrowserTests;

/// <summary>Pages pass axe-core with no serious or critical violation, on a desktop and on a phone-sized screen.</summary>
[Collection(ServerCollection.Name)]
public class AccessibilityTests(PcmdServer server)
{
    [Theory]
    [InlineData("dieuphoi", "/support-services")]
    [InlineData("dieuphoi", "/support-services/new")]
    [InlineData("hotro", "/support-services?kind=Hotline")]
    [InlineData("dieuphoi", "/plans")]
    [InlineData("dieuphoi", "/establishments")]
    [InlineData("kiemtra", "/inspections")]
    [InlineData("kiemtra", "/")]
    [InlineData("kiemtra", "/inspections/new")]
    [InlineData("kiemtra", "/inspections/new?q=a")]
    [InlineData("phuluong", "/hotspots")]
    [InlineData("dieuphoi", "/reports")]
    [InlineData("lanhdao", "/")]
    [InlineData("dieuphoi", "/enforcement/import")]
    [InlineData("admin", "/work-calendar?year=2026&edit=1")]
    public async Task The_page_has_no_serious_accessibility_violation(string user, string path)
    {
        var page = await server.SignIn(user, 1366);
        foreach (var width in new[] { 1366, 390 })
        {
            await page.SetViewportSizeAsync(width, 844);
            var res = await page.GotoAsync(path);
            Assert.Equal(200, res!.Status);
            await Axe.AssertNoSeriousViolations(page);
        }
        await page.Context.CloseAsync();
    }

    /// <summary>Every page the role's menu leads to, and the first record each list links to, as that role sees them.</summary>
    [Theory]
    [InlineData("admin")]
    [InlineData("dieuphoi")]
    [InlineData("congan")]
    [InlineData("phuluong")]
    [InlineData("kiemtra")]
    [InlineData("hotro")]
    [InlineData("lanhdao")]
    public async Task Every_page_of_the_menu_passes_axe_for(string user)
    {
        var page = await server.SignIn(user, 1366);
        var links = await page.GetByTestId("menu").Locator("a[href^='/']").EvaluateAllAsync<string[]>("as => as.map(a => a.getAttribute('href'))");
        var failures = new List<string>();
        var seen = new HashSet<string>();
        foreach (var href in links.Distinct())
        {
            foreach (var path in new[] { href, await FirstRecord(page, href) })
            {
                if (path is null || !seen.Add(path)) continue;
                var res = await page.GotoAsync(path);
                if (res!.Status != 200) { failures.Add($"{path}: HTTP {res.Status}"); continue; }
                try { await Axe.AssertNoSeriousViolations(page); }
                catch (Xunit.Sdk.XunitException ex) { failures.Add(ex.Message); }
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        await page.Context.CloseAsync();
    }

    /// <summary>The first link of the list's table that opens one record of it (/hotspots → /hotspots/12).</summary>
    static async Task<string?> FirstRecord(IPage page, string list)
    {
        await page.GotoAsync(list);
        var hrefs = await page.Locator("main table a[href]").EvaluateAllAsync<string[]>("as => as.map(a => a.getAttribute('href'))");
        return hrefs.FirstOrDefault(h => h.StartsWith(list.TrimEnd('/') + "/", StringComparison.Ordinal) && h.Length > list.Length + 1);
    }
}
