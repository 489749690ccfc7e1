using Microsoft.Playwright;

namespace Pcmd.BrowserTests;

/// <summary>The map draws the hotspots of the 2024 city plan with Leaflet on a plain background (no tile server is
/// configured here, which is the default) and lists them in a table under it.</summary>
[Collection(ServerCollection.Name)]
public class MapTests(PcmdServer server)
{
    static readonly string[] PlanHotspots =
    [
        "Ngã ba Ngọc Hồi - Liên Ninh (xã Ngọc Hồi - Liên Ninh)",                        // Phụ lục II
        "Đường Giải Phóng (khu vực ngã ba bến xe Giáp Bát đến lối rẽ vào phố Đại Từ - phường Thịnh Liệt)",
        "Khu vực đường 32 (xã Đức Thượng, xã Đức Giang)",                                // Phụ lục III
        "Đường Trần Duy Hưng (phường Trung Hòa)",
        "Nguyễn Huy Tự - Trần Khánh Dư (phường Bạch Đằng)",
    ];

    [Fact]
    public async Task The_coordinator_sees_the_hotspots_of_the_2024_plan_on_the_map_without_a_tile_server()
    {
        var page = await server.SignIn("dieuphoi");
        var problems = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") problems.Add(m.Text); };
        page.PageError += (_, e) => problems.Add(e);

        await page.GotoAsync("/map?layer=hotspots");
        var table = page.GetByTestId("map-points");
        foreach (var name in PlanHotspots)
            await Assertions.Expect(table.GetByRole(AriaRole.Link, new() { Name = name, Exact = true })).ToBeVisibleAsync();

        // Leaflet draws one SVG path per point (.leaflet-interactive); with no tiles there is no tile image at all.
        var map = page.GetByTestId("map");
        await Assertions.Expect(map).ToHaveAttributeAsync("data-points", new System.Text.RegularExpressions.Regex("^[1-9][0-9]*$"));
        var markers = await map.Locator("path.leaflet-interactive").CountAsync();
        Assert.True(markers >= 11, $"{markers} markers drawn; the 2024 plan alone has 11 hotspots");
        Assert.Equal(0, await map.Locator("img.leaflet-tile").CountAsync());
        var listed = await table.Locator("tbody tr[data-kind='hotspot']").CountAsync();
        Assert.Equal(listed, int.Parse((await map.GetAttributeAsync("data-points"))!));

        // A marker opens a popup that links to its record; the page raised no script or CSP error.
        await map.Locator("path.leaflet-interactive").First.ClickAsync(new() { Force = true });
        await Assertions.Expect(map.Locator(".leaflet-popup-content a")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("^/hotspots/[0-9]+$"));
        Assert.Empty(problems.Where(p => !p.Contains("favicon")));
    }

    [Fact]
    public async Task The_coordinators_city_map_shows_server_clusters_that_zoom_in_on_click()
    {
        var page = await server.SignIn("dieuphoi");
        var problems = new List<string>();
        page.PageError += (_, e) => problems.Add(e);
        var asked = new List<string>();
        page.Request += (_, r) => { if (r.Url.Contains("/api/v1/map/points")) asked.Add(r.Url); };

        // The demo's ≈ 3,000 establishments are far more than one answer lists: the whole city comes as clusters.
        await page.GotoAsync("/map?layer=establishments");
        var map = page.GetByTestId("map");
        await Assertions.Expect(map).ToHaveAttributeAsync("data-clusters", new System.Text.RegularExpressions.Regex("^[1-9][0-9]*$"));
        var clusters = map.Locator(".map-cluster");
        Assert.True(await clusters.CountAsync() >= 1);
        await Assertions.Expect(page.GetByTestId("map-status")).ToContainTextAsync("Trong khung nhìn:");
        Assert.Matches("^[1-9][0-9.]*$", (await clusters.First.InnerTextAsync()).Trim());
        await Assertions.Expect(page.GetByTestId("map-count")).ToContainTextAsync("điểm có tọa độ");

        // After the map fitted the city it asked for its visible box; a click on a cluster zooms in and asks again.
        for (var i = 0; i < 100 && !asked.Any(u => u.Contains("bbox=") && u.Contains("zoom=")); i++) await Task.Delay(100);
        Assert.Contains(asked, u => u.Contains("bbox=") && u.Contains("zoom="));
        var zoom = int.Parse((await map.GetAttributeAsync("data-zoom"))!);
        var before = asked.Count;
        var biggest = await clusters.EvaluateAllAsync<int>("els => els.reduce((b, e, i, a) => +e.innerText.replace(/\\D/g, '') > +a[b].innerText.replace(/\\D/g, '') ? i : b, 0)");
        await clusters.Nth(biggest).ClickAsync(new() { Force = true });
        await Assertions.Expect(map).Not.ToHaveAttributeAsync("data-zoom", zoom.ToString());
        Assert.True(int.Parse((await map.GetAttributeAsync("data-zoom"))!) > zoom);
        Assert.True(asked.Count > before);
        Assert.Empty(problems);
    }

    [Fact]
    public async Task A_ward_officer_follows_a_hotspot_from_the_list_to_its_timeline_and_records_a_check_at_390_px()
    {
        var page = await server.SignIn("hadong", width: 390);
        await page.GotoAsync("/hotspots?q=" + Uri.EscapeDataString("Văn Quán"));
        await page.GetByRole(AriaRole.Link, new() { Name = "Khu vực vườn hoa Văn Quán (phường Hà Đông)" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("hotspot-state")).ToHaveTextAsync("Đã triệt xóa");
        var form = page.GetByTestId("add-event");
        await form.GetByLabel("Sự kiện").SelectOptionAsync(new SelectOptionValue { Label = "Kiểm tra lại" });
        await form.GetByRole(AriaRole.Button, new() { Name = "Ghi sự kiện" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("problem")).ToContainTextAsync("Khi kiểm tra lại phải ghi mức độ phức tạp quan sát được.");

        await form.GetByLabel("Mức độ quan sát được").SelectOptionAsync(new SelectOptionValue { Label = "Không hoạt động" });
        await form.GetByRole(AriaRole.Button, new() { Name = "Ghi sự kiện" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("saved")).ToHaveTextAsync("Đã ghi sự kiện.");
        await Assertions.Expect(page.GetByTestId("hotspot-state")).ToHaveTextAsync("Kiểm tra lại");
        await Assertions.Expect(page.GetByTestId("timeline").Locator("li").Last).ToContainTextAsync("Không hoạt động");
        var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"page is {width}px wide at a 390px viewport");
    }
}
