using Microsoft.Playwright;

namespace Pcmd.BrowserTests;

/// <summary>Issue 11's journey: a citizen reports from a 360 px phone without an account and gets a code and a secret; the
/// city's standing office verifies, classifies and assigns the tip to the ward; the ward handles and closes it; the citizen
/// sees the new status and the public result. The portal's pages pass axe-core.</summary>
[Collection(ServerCollection.Name)]
public class TipJourneyTests(PcmdServer server)
{
    /// <summary>A 1×1 JPEG with an EXIF segment carrying a position.</summary>
    static readonly byte[] PhotoWithPosition = Convert.FromBase64String(
        "/9j/4QAyRXhpZgAAR1BTIDIxLjAyODUsMTA1Ljg1NDIgR1BTIDIxLjAyODUsMTA1Ljg1NDIg/+AAEEpGSUYAAQEBAEgASAAA/9sAQwD//////////////////////////////////////////////////////////////////////////////////////8IACwgAAQABAQERAP/EABQQAQAAAAAAAAAAAAAAAAAAAAD/2gAIAQEAAT8Q/9k=");

    [Fact]
    public async Task A_citizen_reports_at_360_px_the_city_assigns_the_ward_closes_and_the_citizen_sees_the_result()
    {
        var citizenContext = await server.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = server.BaseUrl, Locale = "vi-VN", ViewportSize = new ViewportSize { Width = 360, Height = 740 },
        });
        var citizen = await citizenContext.NewPageAsync();
        var problems = new List<string>();
        citizen.PageError += (_, e) => problems.Add(e);

        await citizen.GotoAsync("/portal");
        await Assertions.Expect(citizen.GetByTestId("guidance")).ToContainTextAsync("113");
        await Axe.AssertNoSeriousViolations(citizen);
        await citizen.GetByTestId("start-report").ClickAsync();
        await Axe.AssertNoSeriousViolations(citizen);
        var description = $"Quán nước đầu ngõ có người môi giới, trình duyệt {Guid.NewGuid().ToString("N")[..6]}";
        await citizen.GetByLabel("Vụ việc gì? *").SelectOptionAsync(new SelectOptionValue { Label = "Môi giới mại dâm" });
        await citizen.GetByLabel("Xã, phường *").SelectOptionAsync(new SelectOptionValue { Label = "Phường Phú Lương" });
        await citizen.GetByLabel("Địa chỉ hoặc nơi xảy ra").FillAsync("Đầu ngõ 3 phố Văn Phú");
        await citizen.GetByLabel("Mô tả *").FillAsync(description);
        // A photo from the phone, with the position its camera wrote: sent with the form (multipart, no script needed).
        await citizen.GetByTestId("photos").SetInputFilesAsync(new FilePayload { Name = "IMG_0412.jpg", MimeType = "image/jpeg", Buffer = PhotoWithPosition });
        await citizen.GetByTestId("send-report").ClickAsync();
        var code = (await citizen.GetByTestId("receipt-code").InnerTextAsync()).Trim();
        var secret = (await citizen.GetByTestId("receipt-secret").InnerTextAsync()).Trim();
        Assert.Matches("^TB-[A-Z2-9]{8}$", code);
        Assert.Matches("^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}$", secret);
        Assert.Empty(await citizenContext.CookiesAsync());
        // Nothing wider than the phone: no horizontal scrolling at 360 px.
        Assert.True(await citizen.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 360"));
        await Axe.AssertNoSeriousViolations(citizen);

        // The city's standing office received it: verifies, classifies, assigns to Phú Lương.
        var city = await server.SignIn("dieuphoi");
        await city.GotoAsync($"/tips?q={code}");
        await city.GetByRole(AriaRole.Link, new() { Name = code, Exact = true }).First.ClickAsync();
        await Assertions.Expect(city.GetByTestId("tip-description")).ToHaveTextAsync(description);
        await Assertions.Expect(city.GetByTestId("read-source")).ToBeVisibleAsync();
        await Assertions.Expect(city.GetByTestId("tip-photo")).ToHaveCountAsync(1);
        await city.GetByTestId("save-step").ClickAsync();
        await Assertions.Expect(city.GetByTestId("tip-state")).ToHaveTextAsync("Đang xác minh");
        await city.GetByLabel("Loại tin").SelectOptionAsync(new SelectOptionValue { Label = "Tin báo vi phạm" });
        await city.GetByLabel("Đánh giá").SelectOptionAsync(new SelectOptionValue { Label = "Có liên quan" });
        await city.GetByLabel("Lời nhắn, câu hỏi cho người báo tin").FillAsync("Cảm ơn bạn; tin đã được chuyển xác minh.");
        await city.GetByTestId("save-step").ClickAsync();
        await Assertions.Expect(city.GetByTestId("tip-state")).ToHaveTextAsync("Đã phân loại");
        await city.GetByLabel("Giao cho đơn vị").SelectOptionAsync(new SelectOptionValue { Label = "Phường Phú Lương" });
        await city.GetByTestId("save-step").ClickAsync();
        await Assertions.Expect(city.GetByTestId("tip-state")).ToHaveTextAsync("Đã giao xử lý");
        var url = city.Url.Split('?')[0];

        // The ward handles and closes it; it never sees who reported.
        var ward = await server.SignIn("phuluong");
        await ward.GotoAsync(new Uri(url).PathAndQuery);
        await Assertions.Expect(ward.GetByTestId("read-source")).ToHaveCountAsync(0);
        await Assertions.Expect(ward.GetByTestId("tip-photo")).ToHaveCountAsync(1);   // the photo is substance: the assigned ward sees it
        await ward.GetByLabel("Kết quả xử lý").SelectOptionAsync(new SelectOptionValue { Label = "Đã xử phạt" });
        await ward.GetByLabel("Kết quả công khai (người báo tin thấy)").FillAsync("Đã kiểm tra và xử phạt cơ sở vi phạm.");
        await ward.GetByTestId("save-step").ClickAsync();
        await Assertions.Expect(ward.GetByTestId("tip-state")).ToHaveTextAsync("Đã xử lý");
        await ward.GetByTestId("save-step").ClickAsync();
        await Assertions.Expect(ward.GetByTestId("tip-state")).ToHaveTextAsync("Kết thúc");

        // The citizen looks it up with code and secret.
        await citizen.GotoAsync("/portal/status");
        await Axe.AssertNoSeriousViolations(citizen);
        await citizen.GetByLabel("Mã theo dõi").FillAsync(code);
        await citizen.GetByLabel("Mật mã").FillAsync(secret);
        await citizen.GetByTestId("look-up").ClickAsync();
        await Assertions.Expect(citizen.GetByTestId("status-text")).ToHaveTextAsync("Đã kết thúc");
        await Assertions.Expect(citizen.GetByTestId("public-result")).ToHaveTextAsync("Đã kiểm tra và xử phạt cơ sở vi phạm.");
        await Assertions.Expect(citizen.GetByTestId("portal-status")).ToContainTextAsync("Cảm ơn bạn; tin đã được chuyển xác minh.");
        await Assertions.Expect(citizen.GetByTestId("portal-status")).Not.ToContainTextAsync("phuluong");
        await Axe.AssertNoSeriousViolations(citizen);

        await citizen.GotoAsync("/portal/services?kind=LegalAid");
        await Axe.AssertNoSeriousViolations(citizen);
        Assert.Empty(await citizenContext.CookiesAsync());
        Assert.Empty(problems);
        await citizenContext.CloseAsync();
        await city.Context.CloseAsync();
        await ward.Context.CloseAsync();
    }
}
