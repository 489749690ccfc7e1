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
    [InlineData("phuluong", "/hotspots")]
    [InlineData("dieuphoi", "/reports")]
    [InlineData("lanhdao", "/")]
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
}
