using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Pcmd.BrowserTests;

/// <summary>Issue 15, item 7: under English (the language switch's cookie for staff, <c>?culture=en-US</c> on the cookie-free
/// portal) the tips, a tip, sanctions and cases, and notifications read in English: no heading, column or label in Vietnamese.
/// Records keep their own words (unit names, descriptions), so only the page's own texts are checked.</summary>
[Collection(ServerCollection.Name)]
public partial class EnglishTests(PcmdServer server)
{
    [Fact]
    public async Task Tips_a_tip_enforcement_and_notifications_read_in_English()
    {
        var page = await server.SignIn("dieuphoi", 1366);
        await page.GotoAsync("/culture/en?returnUrl=/tips");
        await Assertions.Expect(page.Locator("main h1")).ToHaveTextAsync("Tips, reports and complaints");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await AssertNoVietnameseTexts(page, "/tips");

        var first = page.GetByTestId("tips").Locator("tbody a").First;
        var code = (await first.InnerTextAsync()).Trim();
        await first.ClickAsync();
        await Assertions.Expect(page.GetByTestId("tip-code")).ToHaveTextAsync(code);
        await Assertions.Expect(page.Locator("main h2").First).ToHaveTextAsync("Content");
        await Assertions.Expect(page.GetByTestId("tip-state")).Not.ToHaveTextAsync(Vietnamese());
        await AssertNoVietnameseTexts(page, "a tip");

        await page.GotoAsync("/enforcement");
        await Assertions.Expect(page.Locator("main h1")).ToHaveTextAsync("Administrative sanctions and criminal cases");
        await Assertions.Expect(page.Locator("#cases-title")).ToContainTextAsync("Criminal cases");
        await AssertNoVietnameseTexts(page, "/enforcement");
        Assert.EndsWith("Sanctions and cases – PCMD", await page.TitleAsync());

        await page.GotoAsync("/notifications");
        await Assertions.Expect(page.Locator("main h1")).ToHaveTextAsync("Notifications");
        await AssertNoVietnameseTexts(page, "/notifications");

        // Back to Vietnamese: the same pages say what they said before.
        await page.GotoAsync("/culture/vi?returnUrl=/tips");
        await Assertions.Expect(page.Locator("main h1")).ToHaveTextAsync("Tin báo, tố giác, khiếu nại");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_citizen_reports_in_English_on_the_portal_which_keeps_the_language_without_a_cookie()
    {
        var context = await server.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = server.BaseUrl, Locale = "en-US", ViewportSize = new ViewportSize { Width = 360, Height = 740 },
        });
        var citizen = await context.NewPageAsync();
        await citizen.GotoAsync("/portal");
        await Assertions.Expect(citizen.Locator("h1")).ToHaveTextAsync("Phản ánh, tố giác vi phạm về mại dâm");
        await citizen.GetByTestId("portal-language").ClickAsync();
        await Assertions.Expect(citizen.Locator("h1")).ToHaveTextAsync("Report prostitution-related violations");
        await AssertNoVietnameseTexts(citizen, "/portal?culture=en-US", except: "[data-testid=guidance]");
        await citizen.GetByTestId("start-report").ClickAsync();
        await Assertions.Expect(citizen.Locator("h1")).ToHaveTextAsync("Send a report");
        await AssertNoVietnameseTexts(citizen, "/portal/report");
        await Axe.AssertNoSeriousViolations(citizen);

        await citizen.GetByLabel("What happened? *").SelectOptionAsync(new SelectOptionValue { Label = "Brokering prostitution" });
        await citizen.GetByLabel("Commune or ward *").SelectOptionAsync(new SelectOptionValue { Label = "Phường Phú Lương" });
        await citizen.GetByLabel("Description *").FillAsync($"A broker at the corner café, browser {Guid.NewGuid().ToString("N")[..6]}");
        await citizen.GetByTestId("send-report").ClickAsync();
        await Assertions.Expect(citizen.Locator("h1")).ToHaveTextAsync("Your report was received");
        await Assertions.Expect(citizen.GetByTestId("receipt")).ToContainTextAsync("Status: Received");
        await AssertNoVietnameseTexts(citizen, "the receipt");
        Assert.Empty(await context.CookiesAsync());

        // The other language, and back: the switch keeps the page.
        await citizen.GotoAsync("/portal/status?culture=en-US");
        await Assertions.Expect(citizen.Locator("h1")).ToHaveTextAsync("Look up a report");
        await citizen.GetByTestId("portal-language").ClickAsync();
        await Assertions.Expect(citizen.Locator("h1")).ToHaveTextAsync("Tra cứu tin báo");
        Assert.EndsWith("/portal/status?culture=vi-VN", citizen.Url);
        await context.CloseAsync();
    }

    /// <summary>The page's own texts: headings, column heads, labels, terms, buttons and the title.</summary>
    static async Task AssertNoVietnameseTexts(IPage page, string where, string? except = null)
    {
        var texts = await page.Locator("main :is(h1, h2, h3, h4, th, label, legend, dt, button)" + (except is null ? "" : $":not({except} *)"))
            .AllInnerTextsAsync();
        var vietnamese = texts.Append(await page.TitleAsync()).Where(t => Vietnamese().IsMatch(t)).ToList();
        Assert.True(vietnamese.Count == 0, $"{where} under English still says: {string.Join(" | ", vietnamese)}");
    }

    [GeneratedRegex("[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđĐ]")]
    private static partial Regex Vietnamese();
}
