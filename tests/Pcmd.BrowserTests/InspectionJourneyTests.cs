using Microsoft.Playwright;

namespace Pcmd.BrowserTests;

[Collection(ServerCollection.Name)]
public class InspectionJourneyTests(PcmdServer server)
{
    static async Task AssertFitsTheScreen(IPage page, int width)
    {
        var pageWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(pageWidth <= width, $"{page.Url} is {pageWidth}px wide at a {width}px viewport");
    }

    [Fact]
    public async Task An_inspector_records_an_inspection_with_a_fine_on_a_phone()
    {
        var page = await server.SignIn("kiemtra", width: 390);
        await page.GotoAsync("/inspections");
        await page.GetByTestId("new-inspection").ClickAsync();
        // The inspector's own team (their agency, Đội 178 phường Phú Lương) is chosen for them.
        await Assertions.Expect(page.GetByTestId("team-name")).ToContainTextAsync("Phú Lương");
        await AssertFitsTheScreen(page, 390);

        var establishment = page.GetByLabel("Cơ sở được kiểm tra");
        var option = page.Locator("#ins-establishment option").Nth(1);
        var label = (await option.TextContentAsync())!;
        await establishment.SelectOptionAsync(await option.GetAttributeAsync("value"));
        await page.GetByLabel("Ngày kiểm tra").FillAsync("2025-12-20");
        var members = page.GetByTestId("members").GetByRole(AriaRole.Checkbox);
        await members.Nth(0).CheckAsync();
        await members.Nth(1).CheckAsync();
        await page.GetByTestId("violations").GetByRole(AriaRole.Checkbox).First.CheckAsync();
        await page.GetByLabel("Hình thức xử phạt").SelectOptionAsync(new SelectOptionValue { Label = "Phạt tiền" });
        await page.GetByLabel("Số tiền phạt (đồng)").FillAsync("1.500.000");
        var decree = await page.Locator("#ins-decree option", new() { HasText = "282/2025/NĐ-CP" }).GetAttributeAsync("value");
        await page.GetByLabel("Nghị định làm căn cứ").SelectOptionAsync(decree);
        await page.GetByLabel("Điều, khoản áp dụng").FillAsync("Điểm a khoản 1 Điều 25");

        // Two members are not enough (TT 05/2006); the form comes back with what was typed.
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu biên bản" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("problem")).ToContainTextAsync("Đoàn kiểm tra phải có ít nhất 3 thành viên");
        await Assertions.Expect(page.GetByLabel("Số tiền phạt (đồng)")).ToHaveValueAsync("1.500.000");
        await AssertFitsTheScreen(page, 390);

        await page.GetByTestId("members").GetByRole(AriaRole.Checkbox).Nth(2).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu biên bản" }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("saved")).ToHaveTextAsync("Đã lưu biên bản kiểm tra.");
        await Assertions.Expect(page.GetByTestId("inspection-title")).ToContainTextAsync(label.Split(" — ")[0]);
        await Assertions.Expect(page.GetByTestId("inspection-date")).ToHaveTextAsync("20/12/2025");
        await Assertions.Expect(page.GetByTestId("fine-amount")).ToHaveTextAsync("1.500.000 đ");
        await Assertions.Expect(page.GetByTestId("sanctions")).ToContainTextAsync("282/2025/NĐ-CP");
        await Assertions.Expect(page.GetByTestId("present-members").Locator("li")).ToHaveCountAsync(3);
        await AssertFitsTheScreen(page, 390);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "pcmd-inspection-390.png"), FullPage = true });

        // It is in the list the inspector opens next.
        await page.GotoAsync("/inspections?sanction=yes&from=2025-12-20&to=2025-12-20");
        await Assertions.Expect(page.GetByTestId("inspection-cards").Locator("li").First).ToContainTextAsync("1.500.000 đ");
        await AssertFitsTheScreen(page, 390);
    }
}
