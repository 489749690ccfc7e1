using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Pcmd.BrowserTests;

/// <summary>axe-core (bundled in the NuGet package, injected by Playwright: nothing is fetched) over the page as it is,
/// against WCAG 2.x A and AA rules. The bar is the issues': no serious or critical violation.</summary>
public static class Axe
{
    static readonly AxeRunOptions Options = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };

    public static async Task AssertNoSeriousViolations(IPage page)
    {
        var result = await page.RunAxe(Options);
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"axe-core on {page.Url}:\n" + string.Join("\n", serious.Select(v =>
            $"{v.Impact} {v.Id}: {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => string.Join(" ", n.Target)))}")));
    }
}
