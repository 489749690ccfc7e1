using System.Net;
using Pcmd.IntegrationTests.Features.Map;
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
        version = (await AddEvent(owner, id, Event("2025-09-01", "targeted", item: item, version: version))).Version;

        var other = await app.SignIn("hadong");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/hotspots/{id}")).StatusCode);
        var list = await other.GetJson<Page<HotspotRow>>($"/api/v1/hotspots?pageSize=200&search={Uri.EscapeDataString(name)}");
        Assert.Equal(0, list.Total);
        var all = await other.GetJson<Page<HotspotRow>>("/api/v1/hotspots?pageSize=200");
        Assert.DoesNotContain(all.Items, h => h.Id == id);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/hotspots?unit={phuLuong}")).StatusCode);
        var linked = await other.GetJson<List<HotspotLinkView>>($"/api/v1/hotspots/by-appendix-item/{item}");
        Assert.DoesNotContain(linked, h => h.Id == id);
        var points = (await other.GetJson<MapAnswer>("/api/v1/map/points?layer=hotspots")).Hotspots!.Points!;
        Assert.NotEmpty(points);
        Assert.DoesNotContain(points, p => p.Id == id);
        Assert.DoesNotContain(points, p => p.Name == name);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/map/points?unit={phuLuong}")).StatusCode);

        var change = Input(name + " (chiếm quyền)", phuLuong);
        change["version"] = version;
        Assert.Equal(HttpStatusCode.NotFound, (await other.PutRaw($"/api/v1/hotspots/{id}", change.ToJsonString())).StatusCode);
        await AddEventRefused(other, id, Event("2025-10-01", "eliminated", version: version), HttpStatusCode.NotFound);
        var intoTheirWard = await (await other.PostRaw("/api/v1/hotspots", Input(data.Unique("Điểm lấn phường"), phuLuong).ToJsonString()))
            .Json(HttpStatusCode.BadRequest);
        Assert.Contains(intoTheirWard.Errors(), e => e.StartsWith("orgUnitId: "));

        var page = await other.GetAsync($"/hotspots/{id}");
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.DoesNotContain(name, await page.Content.ReadAsStringAsync());
        var mapPage = await other.GetAsync("/map?layer=hotspots");
        Assert.DoesNotContain(name, await mapPage.Content.ReadAsStringAsync());

        var detail = await Hotspot(owner, id);
        Assert.Equal(name, detail.Name);
        Assert.Equal(version, detail.Version);
        var own = await owner.GetJson<MapAnswer>($"/api/v1/map/points?unit={phuLuong}&layer=hotspots");
        Assert.Contains(own.Hotspots!.Points!, p => p.Id == id);
    }

    [Fact]
    public async Task The_ward_demo_hotspots_are_in_their_wards_and_the_old_Phu_Lam_counts_for_Phu_Luong()
    {
        var phuLuong = await app.SignIn("phuluong");
        var mine = (await phuLuong.GetJson<Page<HotspotRow>>($"/api/v1/hotspots?unit={await data.UnitId(PhuLuong)}&pageSize=200")).Items
            .Select(h => h.Name).ToList();
        Assert.Contains(mine, n => n.StartsWith("Khu vực điểm dừng xe buýt Văn Khê")); // recorded under the old Phú Lãm
        Assert.Contains(mine, n => n.StartsWith("Ngõ phố Phúc La"));
        Assert.DoesNotContain(mine, n => n.StartsWith("Khu vực vườn hoa Văn Quán"));
        var haDong = await app.SignIn("hadong");
        var theirs = (await haDong.GetJson<Page<HotspotRow>>("/api/v1/hotspots?pageSize=200&state=reEmerged")).Items
            .Select(h => h.Name).ToList();
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
        var points = (await coordinator.GetJson<MapAnswer>("/api/v1/map/points?layer=hotspots")).Hotspots!.Points!.Select(p => p.Id).ToHashSet();

        foreach (var item in toEliminate.Concat(maintained))
        {
            var linked = await coordinator.GetJson<List<HotspotLinkView>>($"/api/v1/hotspots/by-appendix-item/{item.Id}");
            var link = Assert.Single(linked, h => h.Name == item.Name);
            var detail = await coordinator.GetJson<HotspotView>(link.Url.Replace("/hotspots/", "/api/v1/hotspots/"));
            var events = detail.Events;
            var linking = Assert.Single(events, e => e.AppendixItemId == item.Id);
            Assert.Contains(detail.Id, points);
            Assert.InRange(detail.Latitude!.Value, 20.5, 21.4);
            if (toEliminate.Contains(item))
            {
                Assert.Equal(["identified", "targeted"], events.Select(e => e.Kind));
                Assert.Equal("2024-02-05", linking.Date);
                Assert.Equal("targeted", detail.State);
            }
            else
            {
                Assert.Equal(["eliminated", "handedOver", "checked"], events.Select(e => e.Kind));
                var year = item.Note![^4..];
                Assert.StartsWith(year, events[0].Date);
                Assert.StartsWith(year, events[1].Date);
                Assert.StartsWith("2024-", linking.Date);
                var level = item.Complexity == Pcmd.Web.Features.Plans.ComplexityLevel.Low ? "low" : "inactive";
                Assert.Equal(level, detail.Complexity);
                Assert.Equal("checked", detail.State);
            }
        }
    }
}

[Collection(SqliteCollection.Name)]
public sealed class HotspotScopeTestsOnSqlite(SqliteApp app) : HotspotScopeTests(app);

[Collection(PostgresCollection.Name)]
public sealed class HotspotScopeTestsOnPostgres(PostgresApp app) : HotspotScopeTests(app);
