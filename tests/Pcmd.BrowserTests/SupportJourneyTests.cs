using Microsoft.Playwright;

namespace Pcmd.BrowserTests;

/// <summary>Issue 12 on a phone: a case worker opens a case, screens the needs, refers with consent and records the provider's
/// outcome; the coordinator sees the statistics with the small cells hidden. axe-core finds nothing serious on the way.</summary>
[Collection(ServerCollection.Name)]
public class SupportJourneyTests(PcmdServer server)
{
    static async Task AssertFitsTheScreen(IPage page, int width)
    {
        var pageWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(pageWidth <= width, $"{page.Url} is {pageWidth}px wide at a {width}px viewport");
    }

    [Fact]
    public async Task A_case_worker_opens_screens_refers_and_records_the_outcome_and_the_coordinator_sees_suppressed_figures()
    {
        var page = await server.SignIn("hotro", width: 390);
        await page.GotoAsync("/support");
        await Assertions.Expect(page.GetByTestId("caseload")).ToContainTextAsync("HT-DEMO");
        await Axe.AssertNoSeriousViolations(page);
        var name = $"Người Thử {Guid.NewGuid().ToString("N")[..6]}";
        await page.GetByLabel("Người được hỗ trợ đồng ý được ghi thông tin nhận dạng").CheckAsync();
        await page.GetByLabel("Họ tên hoặc tên gọi").FillAsync(name);
        await page.GetByTestId("open-case-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("saved")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("case-code")).ToContainTextAsync("HT-");
        // The name is not on the page until asked for.
        Assert.DoesNotContain(name, await page.ContentAsync());
        await AssertFitsTheScreen(page, 390);
        await Axe.AssertNoSeriousViolations(page);

        await page.Locator("[data-need=legal]").CheckAsync();
        await page.Locator("[data-eligible=legal]").CheckAsync();
        await page.GetByTestId("screen-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("needs")).ToContainTextAsync("Trợ giúp pháp lý");

        await page.Locator("#cs-kind").SelectOptionAsync("Referral");
        await page.GetByTestId("consent-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("consents")).ToContainTextAsync("Được chuyển gửi dịch vụ");

        await page.GetByTestId("refer-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("referrals").Locator("li")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("referrals")).ToContainTextAsync("Chờ phản hồi");

        await page.Locator("#oc-outcome").SelectOptionAsync("ServiceGiven");
        await page.GetByTestId("outcome-submit").ClickAsync();
        await Assertions.Expect(page.Locator("[data-outcome=ServiceGiven]")).ToHaveCountAsync(1);
        await AssertFitsTheScreen(page, 390);

        await page.GetByTestId("reveal").ClickAsync();
        await Assertions.Expect(page.GetByTestId("identity-fields")).ToContainTextAsync(name);
        await Assertions.Expect(page.GetByTestId("access-log")).ToContainTextAsync("Xem thông tin nhận dạng");
        await Axe.AssertNoSeriousViolations(page);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "pcmd-support-case-390.png"), FullPage = true });

        var coordinator = await server.SignIn("dieuphoi", width: 390);
        await coordinator.GotoAsync("/support/statistics?by=TargetGroup&from=2024-01-01&to=2026-12-31");
        await Assertions.Expect(coordinator.GetByTestId("statistics")).ToContainTextAsync("•");
        Assert.DoesNotContain(name, await coordinator.ContentAsync());
        await Axe.AssertNoSeriousViolations(coordinator);
    }
}
