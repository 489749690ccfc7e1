using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Pcmd.BrowserTests;

/// <summary>Issue 13, items 4–6 in the browser: a ward officer scores and submits the ward's healthy-commune self-assessment on
/// a 390 px phone (a year before the ward existed is refused), the coordinator confirms it healthy, the ward records a
/// commendation on the phone, and the city's plan page shows its budget. The pages pass axe-core on a desktop and on the phone.</summary>
[Collection(ServerCollection.Name)]
public class ProgrammeJourneyTests(PcmdServer server)
{
    static readonly AxeRunOptions AxeOptions = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };

    static async Task AssertMainHasNoSeriousViolations(IPage page)
    {
        var result = await page.Locator("main").RunAxe(AxeOptions);
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"axe-core on {page.Url}:\n" + string.Join("\n", serious.Select(v =>
            $"{v.Impact} {v.Id}: {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => string.Join(" ", n.Target)))}")));
    }

    static async Task AssertFitsTheScreen(IPage page, int width)
    {
        var pageWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(pageWidth <= width, $"{page.Url} is {pageWidth}px wide at a {width}px viewport");
    }

    [Fact]
    public async Task A_ward_submits_its_self_assessment_on_a_phone_and_the_coordinator_confirms_it_healthy()
    {
        var ward = await server.SignIn("phuluong", width: 390);
        await ward.GotoAsync("/healthy-communes");
        await ward.GetByTestId("add-assessment").ClickAsync();
        await AssertFitsTheScreen(ward, 390);
        var scores = ward.Locator("input[id^='score-']");
        var count = await scores.CountAsync();
        Assert.True(count >= 2, "the demo checklist has several criteria");
        for (var i = 0; i < count; i++)
            await scores.Nth(i).FillAsync(await scores.Nth(i).GetAttributeAsync("max") ?? "0");
        await ward.Locator("#a-year").FillAsync("2020");
        await ward.GetByTestId("save-assessment").ClickAsync();
        await Assertions.Expect(ward.GetByTestId("problem")).ToContainTextAsync("không tồn tại trong năm 2020");
        await AssertFitsTheScreen(ward, 390);
        await ward.Locator("#a-year").FillAsync("2027");
        for (var i = 0; i < count; i++)
            await scores.Nth(i).FillAsync(await scores.Nth(i).GetAttributeAsync("max") ?? "0");
        await ward.GetByTestId("save-assessment").ClickAsync();
        await Assertions.Expect(ward.GetByTestId("saved")).ToHaveTextAsync("Đã lưu bản tự đánh giá.");
        await AssertMainHasNoSeriousViolations(ward);
        await ward.GetByTestId("submit-assessment").ClickAsync();
        await Assertions.Expect(ward.GetByTestId("assessment-status")).ToContainTextAsync("Đã gửi, chờ xác nhận");
        await AssertFitsTheScreen(ward, 390);
        var url = ward.Url.Split('?')[0];

        var coordinator = await server.SignIn("dieuphoi");
        await coordinator.GotoAsync(url);
        await coordinator.GetByTestId("confirm-assessment").ClickAsync();
        await Assertions.Expect(coordinator.GetByTestId("result")).ToHaveTextAsync("Lành mạnh");
        await coordinator.GotoAsync("/healthy-communes?year=2027");
        await Assertions.Expect(coordinator.GetByTestId("assessments")).ToContainTextAsync("Phường Phú Lương");

        await ward.GotoAsync("/commendations/new?year=2026");
        await ward.GetByLabel("Đối tượng").SelectOptionAsync(new SelectOptionValue { Label = "Cá nhân" });
        await ward.GetByLabel("Tập thể, cá nhân").FillAsync("Phạm Thị Hồng");
        await ward.GetByLabel("Số quyết định").FillAsync("31/QĐ-UBND");
        await ward.GetByLabel("Ngày quyết định").FillAsync("2026-11-30");
        await ward.GetByTestId("save-commendation").ClickAsync();
        await Assertions.Expect(ward.GetByTestId("saved")).ToHaveTextAsync("Đã lưu khen thưởng.");
        await AssertFitsTheScreen(ward, 390);
        await ward.GotoAsync("/commendations?year=2026");
        await Assertions.Expect(ward.GetByTestId("commendations")).ToContainTextAsync("Phạm Thị Hồng");
        await AssertFitsTheScreen(ward, 390);

        await coordinator.GotoAsync("/plans");
        await coordinator.GetByRole(AriaRole.Link, new() { Name = "giai đoạn 2026 - 2030" }).First.ClickAsync();
        await Assertions.Expect(coordinator.Locator("#kinh-phi").GetByTestId("budget-total")).ToContainTextAsync("Tổng cộng");
        await Assertions.Expect(coordinator.Locator("#kinh-phi").GetByTestId("budget-text").First).ToContainTextAsync("Nguồn kinh phí thực hiện Kế hoạch");
    }

    [Theory]
    [InlineData("phuluong", "/commune-model")]
    [InlineData("dieuphoi", "/commune-model?year=2014")]
    [InlineData("phuluong", "/healthy-communes/new")]
    [InlineData("admin", "/healthy-communes?year=2026")]
    [InlineData("phuluong", "/commendations/new")]
    [InlineData("dieuphoi", "/commendations?year=2024")]
    public async Task The_programme_pages_have_no_serious_accessibility_violation(string user, string path)
    {
        var page = await server.SignIn(user, 1366);
        foreach (var width in new[] { 1366, 390 })
        {
            await page.SetViewportSizeAsync(width, 844);
            var res = await page.GotoAsync(path);
            Assert.Equal(200, res!.Status);
            await AssertMainHasNoSeriousViolations(page);
        }
        await page.Context.CloseAsync();
    }
}
