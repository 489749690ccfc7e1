using System.Text.Json;
using Microsoft.Playwright;

namespace Pcmd.BrowserTests;

/// <summary>Issue 15, item 6: a date is typed day first (05/12/2025 is 5 December) in a text box with a numeric keypad, on
/// a phone, whatever the browser's language; a day that does not exist is refused in Vietnamese under its box and nothing
/// is saved.</summary>
[Collection(ServerCollection.Name)]
public class DateEntryTests(PcmdServer server)
{
    [Fact]
    public async Task A_date_typed_day_first_on_a_phone_is_saved_as_that_day_and_an_impossible_one_is_refused()
    {
        var ward = await server.SignIn("phuluong", width: 390);
        await ward.GotoAsync("/communication/new");
        var date = ward.GetByLabel("Ngày tổ chức");
        Assert.Equal("text", await date.GetAttributeAsync("type"));
        Assert.Equal("numeric", await date.GetAttributeAsync("inputmode"));
        Assert.Equal("dd/mm/yyyy", await date.GetAttributeAsync("placeholder"));

        var title = "Nói chuyện chuyên đề ngày tháng " + Guid.NewGuid().ToString("N")[..6];
        await ward.GetByLabel("Nội dung").FillAsync(title);
        await ward.GetByLabel("Người dân", new() { Exact = true }).FillAsync("12");
        await date.FillAsync("31/02/2025");
        await ward.GetByTestId("save-event").ClickAsync();
        // Refused by field, in Vietnamese, with what was typed kept; nothing saved.
        await Assertions.Expect(ward.GetByTestId("date-error")).ToContainTextAsync("tháng 02/2025 chỉ có 28 ngày");
        await Assertions.Expect(date).ToHaveValueAsync("31/02/2025");
        await Assertions.Expect(date).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(ward.GetByLabel("Nội dung")).ToHaveValueAsync(title);
        Assert.DoesNotContain(title, await EventsJson(ward));

        await date.FillAsync("05/12/2025");
        await ward.GetByTestId("save-event").ClickAsync();
        await Assertions.Expect(ward.GetByTestId("saved")).ToBeVisibleAsync();
        // The page came back by a redirect (a reload does not post again) and shows the day as typed.
        Assert.DoesNotContain("/new", ward.Url);
        await Assertions.Expect(ward.GetByLabel("Ngày tổ chức")).ToHaveValueAsync("05/12/2025");
        var id = int.Parse(new Uri(ward.Url).AbsolutePath.Split('/').Last());
        var saved = await ward.Context.APIRequest.GetAsync($"/api/v1/communication-events/{id}");
        using var doc = JsonDocument.Parse(await saved.TextAsync());
        Assert.Equal("2025-12-05", doc.RootElement.GetProperty("date").GetString()); // 5 December, not 12 May
        await ward.ReloadAsync();
        Assert.Equal(1, CountOf(await EventsJson(ward), title));
    }

    static async Task<string> EventsJson(IPage page) =>
        await (await page.Context.APIRequest.GetAsync("/api/v1/communication-events?from=2025-01-01&to=2025-12-31&pageSize=200")).TextAsync();

    static int CountOf(string text, string part) => (text.Length - text.Replace(part, "").Length) / part.Length;
}
