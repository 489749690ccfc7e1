using System.Net;
using Pcmd.IntegrationTests.Infrastructure;
using static Pcmd.IntegrationTests.Features.Hotspots.HotspotTestData;

namespace Pcmd.IntegrationTests.Features.Hotspots;

/// <summary>A ward officer (Phường Hà Đông) reaches nothing of another ward's hotspots (Phường Phú Lương) through any
/// endpoint, the map included; and the hotspots of the 2024 city plan are real records linked to its appendices.</summary>
public abstract class HotspotScopeTests(PcmdApp app)
{
    readonly HotspotTestData data = new(app);

    [Fact]
    public async Task Another_ward_cannot_see_or_change_a_Phu_Luong_hotspot_through_any_endpoint()
    {
        var owner = await app.SignIn("phuluong");
        var phuLuong = await data.UnitId(PhuLuong);
        var name = data.Unique("Điểm riêng của Phú Lương");
        var item = (await data.AppendixItems("hn-2024", "II"))[1].Id;
        var (id, version) = await Create(owner, Input(name, phuLuong));
        version = (await AddEvent(owner, id, Event("2025-09-01", "targeted", item: item, version: version)))["version"]!.GetValue<int>();

        var other = await app.SignIn("hadong");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/hotspots/{id}")).StatusCode);
        var list = await other.GetJson($"/api/v1/hotspots?pageSize=200&search={Uri.EscapeDataString(name)}");
        Assert.Equal(0, list["total"]!.GetValue<int>());
        var all = await other.GetJson("/api/v1/hotspots?pageSize=200");
        Assert.DoesNotContain(all["items"]!.AsArray(), h => h!["id"]!.GetValue<int>() == id);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/hotspots?unit={phuLuong}")).StatusCode);
        var linked = (await other.GetJson($"/api/v1/hotspots/by-appendix-item/{item}")).AsArray();
        Assert.DoesNotContain(linked, h => h!["id"]!.GetValue<int>() == id);
        var points = (await other.GetJson("/api/v1/map/points")).AsArray();
        Assert.DoesNotContain(points, p => p!["kind"]!.GetValue<string>() == "hotspot" && p["id"]!.GetValue<int>() == id);
        Assert.DoesNotContain(points, p => p!["name"]!.GetValue<string>() == name);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/map/points?unit={phuLuong}")).StatusCode);

        var change = Input(name + " (chiếm quyền)", phuLuong);
        change["version"] = version;
        Assert.Equal(HttpStatusCode.NotFound, (await other.PutRaw($"/api/v1/hotspots/{id}", change.ToJsonString())).StatusCode);
        await AddEvent(other, id, Event("2025-10-01", "eliminated", version: version), HttpStatusCode.NotFound);
        var intoTheirWard = await (await other.PostRaw("/api/v1/hotspots", Input(data.Unique("Điểm lấn phường"), phuLuong).ToJsonString()))
            .Json(HttpStatusCode.BadRequest);
        Assert.Contains(intoTheirWard.Errors(), e => e.StartsWith("orgUnitId: "));

        var page = await other.GetAsync($"/hotspots/{id}");
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.DoesNotContain(name, await page.Content.ReadAsStringAsync());
        var mapPage = await other.GetAsync("/map?layer=hotspots");
        Assert.DoesNotContain(name, await mapPage.Content.ReadAsStringAsync());

        var detail = await owner.GetJson($"/api/v1/hotspots/{id}");
        Assert.Equal(name, detail["name"]!.GetValue<string>());
        Assert.Equal(version, detail["version"]!.GetValue<int>());
        var own = (await owner.GetJson($"/api/v1/map/points?unit={phuLuong}")).AsArray();
        Assert.Contains(own, p => p!["kind"]!.GetValue<string>() == "hotspot" && p["id"]!.GetValue<int>() == id);
    }

    [Fact]
    public async Task The_ward_demo_hotspots_are_in_their_wards_and_the_old_Phu_Lam_counts_for_Phu_Luong()
    {
        var phuLuong = await app.SignIn("phuluong");
        var mine = (await phuLuong.GetJson($"/api/v1/hotspots?unit={await data.UnitId(PhuLuong)}&pageSize=200"))["items"]!.AsArray()
            .Select(h => h!["name"]!.GetValue<string>()).ToList();
        Assert.Contains(mine, n => n.StartsWith("Khu vực điểm dừng xe buýt Văn Khê")); // recorded under the old Phú Lãm
        Assert.Contains(mine, n => n.StartsWith("Ngõ phố Phúc La"));
        Assert.DoesNotContain(mine, n => n.StartsWith("Khu vực vườn hoa Văn Quán"));
        var haDong = await app.SignIn("hadong");
        var theirs = (await haDong.GetJson("/api/v1/hotspots?pageSize=200&state=reEmerged"))["items"]!.AsArray()
            .Select(h => h!["name"]!.GetValue<string>()).ToList();
        Assert.Contains(theirs, n => n.StartsWith("Phố Bà Triệu, khu vực chợ Hà Đông"));
        Assert.DoesNotContain(theirs, n => n.StartsWith("Khu vực điểm dừng xe buýt Văn Khê"));
    }

    [Fact]
    public async Task The_hotspots_of_the_2024_city_plan_are_records_linked_to_its_appendices()
    {
        var coordinator = await app.SignIn("dieuphoi");
        var toEliminate = await data.AppendixItems("hn-2024", "II");
        var maintained = await data.AppendixItems("hn-2024", "III");
        Assert.Equal(3, toEliminate.Count);
        Assert.Equal(8, maintained.Count);
        var points = (await coordinator.GetJson("/api/v1/map/points?layer=hotspots")).AsArray()
            .Select(p => p!["id"]!.GetValue<int>()).ToHashSet();

        foreach (var item in toEliminate.Concat(maintained))
        {
            var linked = (await coordinator.GetJson($"/api/v1/hotspots/by-appendix-item/{item.Id}")).AsArray();
            var link = Assert.Single(linked, h => h!["name"]!.GetValue<string>() == item.Name);
            var detail = await coordinator.GetJson(link!["url"]!.GetValue<string>().Replace("/hotspots/", "/api/v1/hotspots/"));
            var events = detail["events"]!.AsArray();
            var linking = Assert.Single(events, e => e!["appendixItemId"]?.GetValue<int>() == item.Id);
            Assert.Contains(detail["id"]!.GetValue<int>(), points);
            Assert.InRange(detail["latitude"]!.GetValue<double>(), 20.5, 21.4);
            if (toEliminate.Contains(item))
            {
                Assert.Equal(["identified", "targeted"], events.Select(e => e!["kind"]!.GetValue<string>()));
                Assert.Equal("2024-02-05", linking!["date"]!.GetValue<string>());
                Assert.Equal("targeted", detail["state"]!.GetValue<string>());
            }
            else
            {
                Assert.Equal(["eliminated", "handedOver", "checked"], events.Select(e => e!["kind"]!.GetValue<string>()));
                var year = item.Note![^4..];
                Assert.StartsWith(year, events[0]!["date"]!.GetValue<string>());
                Assert.StartsWith(year, events[1]!["date"]!.GetValue<string>());
                Assert.StartsWith("2024-", linking!["date"]!.GetValue<string>());
                var level = item.Complexity == Pcmd.Web.Features.Plans.ComplexityLevel.Low ? "low" : "inactive";
                Assert.Equal(level, detail["complexity"]!.GetValue<string>());
                Assert.Equal("checked", detail["state"]!.GetValue<string>());
            }
        }
    }
}

[Collection(SqliteCollection.Name)]
public sealed class HotspotScopeTestsOnSqlite(SqliteApp app) : HotspotScopeTests(app);

[Collection(PostgresCollection.Name)]
public sealed class HotspotScopeTestsOnPostgres(PostgresApp app) : HotspotScopeTests(app);
