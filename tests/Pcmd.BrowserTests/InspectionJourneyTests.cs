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

    /// <summary>A 1×1 JPEG carrying an EXIF segment with a position, as a phone's camera writes it.</summary>
    const string PhotoWithExif = "/9j/4QAyRXhpZgAAR1BTIDIxLjAyODUsMTA1Ljg1NDIgR1BTIDIxLjAyODUsMTA1Ljg1NDIg/+AAEEpGSUYAAQEBAEgASAAA/9sAQwD//////////////////////////////////////////////////////////////////////////////////////8IACwgAAQABAQERAP/EABQQAQAAAAAAAAAAAAAAAAAAAAD/2gAIAQEAAT8Q/9k=";

    [Fact]
    public async Task An_inspector_finds_an_establishment_by_typing_and_records_an_inspection_with_a_fine_and_a_photo_on_a_phone()
    {
        var page = await server.SignIn("kiemtra", width: 390);
        // The home page's first action; the worklist there is the one the form starts from.
        var name = (await page.GetByTestId("home-due").GetByTestId("pick-establishment").First.TextContentAsync())!.Trim();
        await page.GetByTestId("record-inspection").ClickAsync();
        // The inspector's own team (their agency, Đội 178 phường Phú Lương) is chosen for them.
        await Assertions.Expect(page.GetByTestId("team-name")).ToContainTextAsync("Phú Lương");
        await Assertions.Expect(page.GetByTestId("due").GetByTestId("pick-establishment").First).ToHaveTextAsync(name);
        await AssertFitsTheScreen(page, 390);

        // Part of the name, typed: the server finds it within the team's area.
        var words = name.Split(' ');
        var part = string.Join(' ', words.Skip(words.Length > 2 ? words.Length - 2 : 0));
        await page.GetByLabel("Tìm cơ sở theo tên hoặc địa chỉ").FillAsync(part);
        await page.GetByLabel("Tìm cơ sở theo tên hoặc địa chỉ").PressAsync("Enter");
        var hit = page.GetByTestId("found").GetByRole(AriaRole.Link, new() { Name = name, Exact = true });
        await Assertions.Expect(hit.First).ToBeVisibleAsync();
        await hit.First.ClickAsync();
        await Assertions.Expect(page.GetByTestId("chosen-establishment")).ToContainTextAsync(name);
        // Short sections: the record is not a 2,700 px page.
        var height = await page.EvaluateAsync<int>("document.documentElement.scrollHeight");
        Assert.True(height < 1800, $"the form is {height}px high at 390 px");
        await AssertFitsTheScreen(page, 390);

        await page.GetByLabel("Ngày kiểm tra").FillAsync("2025-12-20");
        await page.GetByTestId("section-2").Locator("summary").ClickAsync();
        var members = page.GetByTestId("members").GetByRole(AriaRole.Checkbox);
        await members.Nth(0).CheckAsync();
        await members.Nth(1).CheckAsync();
        await page.GetByTestId("section-3").Locator("summary").ClickAsync();
        await page.GetByTestId("violations").GetByRole(AriaRole.Checkbox).First.CheckAsync();
        await page.GetByTestId("section-4").Locator("summary").ClickAsync();
        await page.GetByLabel("Hình thức xử phạt").SelectOptionAsync(new SelectOptionValue { Label = "Phạt tiền" });
        await page.GetByLabel("Số tiền phạt (đồng)").FillAsync("1.500.000");
        var decree = await page.Locator("#ins-decree option", new() { HasText = "282/2025/NĐ-CP" }).GetAttributeAsync("value");
        await page.GetByLabel("Nghị định làm căn cứ").SelectOptionAsync(decree);
        await page.GetByLabel("Điều, khoản áp dụng").FillAsync("Điểm a khoản 1 Điều 25");

        // Two members are not enough (TT 05/2006); the form comes back with what was typed, every section open.
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu biên bản" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("problem")).ToContainTextAsync("Đoàn kiểm tra phải có ít nhất 3 thành viên");
        await Assertions.Expect(page.GetByLabel("Số tiền phạt (đồng)")).ToHaveValueAsync("1.500.000");
        await Assertions.Expect(page.GetByTestId("chosen-establishment")).ToContainTextAsync(name);
        await AssertFitsTheScreen(page, 390);

        await page.GetByTestId("members").GetByRole(AriaRole.Checkbox).Nth(2).CheckAsync();
        await page.GetByLabel("Chụp hoặc chọn ảnh biên bản đã ký").SetInputFilesAsync(new FilePayload
        {
            Name = "bien-ban.jpg", MimeType = "image/jpeg", Buffer = Convert.FromBase64String(PhotoWithExif),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu biên bản" }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("saved")).ToHaveTextAsync("Đã lưu biên bản kiểm tra.");
        await Assertions.Expect(page.GetByTestId("inspection-title")).ToContainTextAsync(name);
        await Assertions.Expect(page.GetByTestId("inspection-date")).ToHaveTextAsync("20/12/2025");
        await Assertions.Expect(page.GetByTestId("fine-amount")).ToHaveTextAsync("1.500.000 đ");
        await Assertions.Expect(page.GetByTestId("sanctions")).ToContainTextAsync("282/2025/NĐ-CP");
        await Assertions.Expect(page.GetByTestId("present-members").Locator("li")).ToHaveCountAsync(3);
        // The photo is kept, without the position the camera wrote into it.
        var photo = page.GetByTestId("photos").Locator("img");
        await Assertions.Expect(photo).ToHaveCountAsync(1);
        var bytes = await (await page.APIRequest.GetAsync((await photo.GetAttributeAsync("src"))!)).BodyAsync();
        Assert.Equal(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0 }, bytes.Take(4).ToArray());
        Assert.DoesNotContain("GPS", System.Text.Encoding.ASCII.GetString(bytes));
        await AssertFitsTheScreen(page, 390);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "pcmd-inspection-390.png"), FullPage = true });

        // It is in the list the inspector opens next.
        await page.GotoAsync("/inspections?sanction=yes&from=2025-12-20&to=2025-12-20");
        await Assertions.Expect(page.GetByTestId("inspection-cards").Locator("li").First).ToContainTextAsync("1.500.000 đ");
        await AssertFitsTheScreen(page, 390);
    }
}
