using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Pcmd.BrowserTests;

/// <summary>Issue 13's journey: a ward officer records a communication event on a 390 px phone, the coordinator records a
/// training course with participants, and the 2026–2030 plan's results show 3.1.2 and 3.2.3.b computed from such records.
/// The pages pass axe-core (no serious or critical violation) on a desktop and on the phone.</summary>
[Collection(ServerCollection.Name)]
public class ActivityJourneyTests(PcmdServer server)
{
    static readonly AxeRunOptions AxeOptions = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };

    /// <summary><see cref="Axe.AssertNoSeriousViolations"/> over this feature's content (the page's main element): the menu bar's
    /// contrast is the layout's, being reworked apart from this feature.</summary>
    static async Task AssertMainHasNoSeriousViolations(IPage page)
    {
        var result = await page.Locator("main").RunAxe(AxeOptions);
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"axe-core on {page.Url}:\n" + string.Join("\n", serious.Select(v =>
            $"{v.Impact} {v.Id}: {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => string.Join(" ", n.Target)))}")));
    }

    /// <summary>A 1×1 JPEG, as a phone's camera writes it (with an EXIF position the app removes).</summary>
    static readonly byte[] Photo = Convert.FromBase64String(
        "/9j/4QAyRXhpZgAAR1BTIDIxLjAyODUsMTA1Ljg1NDIgR1BTIDIxLjAyODUsMTA1Ljg1NDIg/+AAEEpGSUYAAQEBAEgASAAA/9sAQwD//////////////////////////////////////////////////////////////////////////////////////8IACwgAAQABAQERAP/EABQQAQAAAAAAAAAAAAAAAAAAAAD/2gAIAQEAAT8Q/9k=");

    static async Task AssertFitsTheScreen(IPage page, int width)
    {
        var pageWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(pageWidth <= width, $"{page.Url} is {pageWidth}px wide at a {width}px viewport");
    }

    [Fact]
    public async Task A_ward_records_an_event_on_a_phone_the_coordinator_a_course_and_the_plan_computes_3_1_2_and_3_2_3_b()
    {
        var ward = await server.SignIn("phuluong", width: 390);
        await ward.GotoAsync("/communication");
        await ward.GetByTestId("add-event").ClickAsync();
        await AssertFitsTheScreen(ward, 390);
        var title = "Họp dân tổ dân phố số 2 về phòng, chống mại dâm " + Guid.NewGuid().ToString("N")[..6];
        await ward.GetByLabel("Hình thức").SelectOptionAsync(new SelectOptionValue { Label = "Hội nghị, họp dân" });
        await ward.GetByLabel("Nội dung").FillAsync(title);
        await ward.GetByLabel("Số tài liệu, tờ rơi phát ra").FillAsync("60");
        await ward.GetByLabel("Người dân", new() { Exact = true }).FillAsync("45");
        await ward.GetByLabel("Thanh niên").FillAsync("-3");
        await ward.GetByTestId("save-event").ClickAsync();
        // A number below zero is refused and the form comes back with what was typed.
        await Assertions.Expect(ward.GetByTestId("problem")).ToContainTextAsync("Số người được tiếp cận không được âm.");
        await Assertions.Expect(ward.GetByLabel("Nội dung")).ToHaveValueAsync(title);
        await AssertFitsTheScreen(ward, 390);
        await ward.GetByLabel("Thanh niên").FillAsync("20");
        await ward.GetByTestId("save-event").ClickAsync();
        await Assertions.Expect(ward.GetByTestId("saved")).ToHaveTextAsync("Đã lưu hoạt động.");
        await Assertions.Expect(ward.GetByLabel("Người dân", new() { Exact = true })).ToHaveValueAsync("45");
        await AssertFitsTheScreen(ward, 390);
        await AssertMainHasNoSeriousViolations(ward);
        // The saved event takes a photo from the phone's camera box; the page lists it with its download link.
        await ward.GetByTestId("files-photo").SetInputFilesAsync(new FilePayload { Name = "IMG_0412.jpg", MimeType = "image/jpeg", Buffer = Photo });
        await ward.GetByTestId("files-upload").ClickAsync();
        await Assertions.Expect(ward.GetByTestId("files-added")).ToBeVisibleAsync();
        await Assertions.Expect(ward.GetByTestId("record-file")).ToContainTextAsync("IMG_0412.jpg");
        await AssertFitsTheScreen(ward, 390);
        await AssertMainHasNoSeriousViolations(ward);
        await ward.GetByTestId("record-file").GetByRole(AriaRole.Button).ClickAsync();
        await PcmdServer.Confirm(ward, "Xóa");
        await Assertions.Expect(ward.GetByTestId("record-file")).ToHaveCountAsync(0);
        await ward.GotoAsync("/communication");
        await Assertions.Expect(ward.GetByTestId("events").Locator("tbody tr").First).ToContainTextAsync(title);
        await Assertions.Expect(ward.GetByTestId("events").Locator("tbody tr").First).ToContainTextAsync("65");
        await AssertFitsTheScreen(ward, 390);
        await AssertMainHasNoSeriousViolations(ward);

        var coordinator = await server.SignIn("dieuphoi");
        await coordinator.GotoAsync("/training");
        await coordinator.GetByTestId("add-course").ClickAsync();
        var course = "Tập huấn kỹ năng tuyên truyền cho cán bộ phường " + Guid.NewGuid().ToString("N")[..6];
        await coordinator.GetByLabel("Tên khóa tập huấn").FillAsync(course);
        await coordinator.GetByLabel("Cấp", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Cấp xã, phường" });
        await coordinator.GetByLabel("Số giờ").FillAsync("8");
        await coordinator.GetByLabel("Cơ quan tổ chức").FillAsync("Chi cục Dân số, Trẻ em và Phòng, chống tệ nạn xã hội");
        await coordinator.Locator("#p-unit-0").SelectOptionAsync(new SelectOptionValue { Label = "Phường Phú Lương" });
        await coordinator.Locator("#p-role-0").FillAsync("Công chức văn hóa - xã hội");
        await coordinator.Locator("#p-count-0").FillAsync("4");
        await coordinator.Locator("#p-unit-1").SelectOptionAsync(new SelectOptionValue { Label = "Phường Hà Đông" });
        await coordinator.Locator("#p-role-1").FillAsync("Công an phường");
        await coordinator.Locator("#p-count-1").FillAsync("3");
        await coordinator.Locator("#p-already-1").FillAsync("1");
        await AssertMainHasNoSeriousViolations(coordinator);
        await coordinator.GetByTestId("save-course").ClickAsync();
        await Assertions.Expect(coordinator.GetByTestId("saved")).ToHaveTextAsync("Đã lưu khóa tập huấn.");
        await Assertions.Expect(coordinator.Locator("#p-count-0")).ToHaveValueAsync("4");
        await Assertions.Expect(coordinator.Locator("#p-already-1")).ToHaveValueAsync("1");
        await coordinator.GotoAsync("/training");
        await Assertions.Expect(coordinator.GetByTestId("courses")).ToContainTextAsync(course);
        await AssertMainHasNoSeriousViolations(coordinator);

        await coordinator.GotoAsync("/plans");
        await coordinator.GetByRole(AriaRole.Link, new() { Name = "giai đoạn 2026 - 2030" }).First.ClickAsync();
        await coordinator.GetByTestId("results-link").ClickAsync();
        await coordinator.GetByLabel("Năm").SelectOptionAsync("2026");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Xem" }).ClickAsync();
        var share = new Regex(@"^\s*\d{1,3}(,\d{1,2})? %");
        var communication = coordinator.GetByTestId("results-table").Locator("tr[data-number='3.1.2']");
        await Assertions.Expect(communication.GetByTestId("actual")).ToContainTextAsync(share);
        await Assertions.Expect(communication).ToContainTextAsync("Xã, phường duy trì truyền thông đủ mọi quý:");
        var training = coordinator.GetByTestId("results-table").Locator("tr[data-number='3.2.3.b']");
        await Assertions.Expect(training.GetByTestId("actual")).ToContainTextAsync(share);
        await Assertions.Expect(training).ToContainTextAsync("Cán bộ xã, phường được tập huấn/trong danh sách:");
        await Assertions.Expect(coordinator.GetByTestId("results-table").Locator("tr[data-number='3.2.3.a']").GetByTestId("actual"))
            .ToContainTextAsync(share);
    }

    [Theory]
    [InlineData("phuluong", "/communication/new")]
    [InlineData("dieuphoi", "/communication")]
    [InlineData("dieuphoi", "/training")]
    [InlineData("phuluong", "/training/new")]
    [InlineData("phuluong", "/training/staff")]
    [InlineData("phuluong", "/training/staff/new")]
    [InlineData("phuluong", "/documents/new")]
    [InlineData("dieuphoi", "/documents")]
    public async Task The_activity_pages_have_no_serious_accessibility_violation(string user, string path)
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
