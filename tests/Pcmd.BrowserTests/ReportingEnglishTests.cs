using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Pcmd.BrowserTests;

/// <summary>Issue 15, items 7 and 3 in the browser: the reporting pages (the list, the consolidation matrix, a consolidated
/// report) read in English under English, with no serious axe-core violation; a record's own words (a plan's section, a
/// question) carry lang="vi" and are left out of the check. The report form is cut into the plan's sections, each counting
/// its filled items as the officer types, and a share's per cent shows beside its typed parts.</summary>
[Collection(ServerCollection.Name)]
public partial class ReportingEnglishTests(PcmdServer server)
{
    [Fact]
    public async Task The_report_list_the_matrix_and_a_consolidated_report_read_in_English()
    {
        var page = await server.SignIn("dieuphoi", 1366);
        await page.GotoAsync("/culture/en?returnUrl=/reports");
        await Expect(page.Locator("main h1")).ToHaveTextAsync("Reports");
        await AssertEnglish(page, "/reports");
        Assert.Equal("Reports – PCMD", await page.TitleAsync());

        await page.GetByTestId("calendar-plans").GetByRole(AriaRole.Link, new() { Name = "giai đoạn 2026 - 2030" }).ClickAsync();
        await Expect(page.GetByTestId("periods")).ToBeVisibleAsync();
        await AssertEnglish(page, "the report calendar");
        await page.GetByTestId("period").Filter(new() { HasText = "Annual report 2026" }).GetByTestId("open-matrix").ClickAsync();
        await Expect(page.GetByTestId("period-title")).ToHaveTextAsync("Annual report 2026");
        await Expect(page.GetByTestId("rates")).ToContainTextAsync("Completeness");
        await AssertEnglish(page, "the consolidation matrix");
        Assert.Equal("Annual report 2026 – PCMD", await page.TitleAsync());
        await Axe.AssertNoSeriousViolations(page);

        await page.GetByTestId("consolidated").ClickAsync();
        await Expect(page.GetByTestId("report-title")).ToHaveTextAsync("Annual report 2026");
        await Expect(page.Locator("#h-tasks")).ToContainTextAsync("I. Results of the tasks");
        await Expect(page.GetByTestId("section-progress").First).ToContainTextAsync("items filled");
        await AssertEnglish(page, "the consolidated report");
        Assert.StartsWith("Annual report 2026 — ", await page.TitleAsync());
        await Axe.AssertNoSeriousViolations(page);

        await page.GotoAsync("/culture/vi?returnUrl=/reports");
        await Expect(page.Locator("main h1")).ToHaveTextAsync("Báo cáo");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_report_form_counts_each_sections_filled_items_and_shows_a_shares_per_cent_as_typed()
    {
        var page = await server.SignIn("hadong");
        await page.GotoAsync("/reports");
        await page.GetByTestId("my-report").Filter(new() { HasText = "Báo cáo năm 2026" }).GetByRole(AriaRole.Link, new() { Name = "Báo cáo năm 2026" }).ClickAsync();
        await Expect(page.GetByTestId("report-form")).ToBeVisibleAsync();
        var sections = page.GetByTestId("task-section");
        Assert.True(await sections.CountAsync() >= 1);

        // The tasks' counter ("a/b mục đã điền") goes up by one when a task gets its progress and its result.
        var counter = page.Locator("#h-tasks [data-testid=section-progress]");
        var (done, total) = Count(await counter.InnerTextAsync());
        var empty = page.Locator("#sec-tasks [data-testid=task]");
        ILocator? open = null;
        for (var i = 0; i < await empty.CountAsync() && open is null; i++)
            if (await empty.Nth(i).Locator("[data-field=narrative]").InputValueAsync() == "") open = empty.Nth(i);
        Assert.NotNull(open);
        await open!.Locator("[data-field=progress]").SelectOptionAsync("inProgress");
        await open.Locator("[data-field=narrative]").FillAsync("Phường đang triển khai.");
        await Expect(counter).ToHaveTextAsync($"{done + 1}/{total} mục đã điền");

        // A share's typed parts show their per cent at once; the per cent box is for a rate typed without its parts.
        var share = page.GetByTestId("indicator").Filter(new() { Has = page.Locator("[data-field=percent]") }).First;
        await share.Locator("[data-field=value]").FillAsync("17");
        await share.Locator("[data-field=denominator]").FillAsync("20");
        await Expect(share.GetByTestId("share-percent")).ToHaveTextAsync("= 85 %");
        await Expect(share.Locator("[data-field=percent]")).ToBeDisabledAsync();
        await share.Locator("[data-field=value]").FillAsync("");
        await share.Locator("[data-field=denominator]").FillAsync("");
        await Expect(share.Locator("[data-field=percent]")).ToBeEnabledAsync();
        await share.Locator("[data-field=percent]").FillAsync("85,5");
        await Expect(page.GetByTestId("autosave-status")).ToContainTextAsync("Đã lưu nháp lúc", new() { Timeout = 15000 });
        await page.ReloadAsync();
        await Expect(share.Locator("[data-field=percent]")).ToHaveValueAsync("85,5");
        await Axe.AssertNoSeriousViolations(page);
    }

    static (int Done, int Total) Count(string text)
    {
        var m = Regex.Match(text, @"(\d+)/(\d+)");
        Assert.True(m.Success, text);
        return (int.Parse(m.Groups[1].Value), int.Parse(m.Groups[2].Value));
    }

    /// <summary>The page's own texts (headings, column heads, labels, terms, buttons) without a record's words marked lang="vi".</summary>
    static async Task AssertEnglish(IPage page, string where)
    {
        var texts = await page.EvaluateAsync<string[]>("""
            () => Array.from(document.querySelectorAll('main :is(h1, h2, h3, h4, th, label, legend, dt, button)'))
              .filter(e => !e.closest('[lang="vi"]'))
              .map(e => { const c = e.cloneNode(true); c.querySelectorAll('[lang="vi"]').forEach(x => x.remove()); return c.textContent.trim(); })
            """);
        var vietnamese = texts.Where(t => Vietnamese().IsMatch(t)).ToList();
        Assert.True(vietnamese.Count == 0, $"{where} under English still says: {string.Join(" | ", vietnamese)}");
    }

    [GeneratedRegex("[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđĐ]")]
    private static partial Regex Vietnamese();
}
