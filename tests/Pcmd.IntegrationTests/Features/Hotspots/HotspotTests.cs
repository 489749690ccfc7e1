using System.Net;
using System.Text.Json.Nodes;
using Pcmd.IntegrationTests.Features.Map;
using Pcmd.IntegrationTests.Infrastructure;
using static Pcmd.IntegrationTests.Features.Hotspots.HotspotTestData;

namespace Pcmd.IntegrationTests.Features.Hotspots;

/// <summary>Hotspots through the API: the lifecycle and the state and level it derives, every bad input refused with
/// nothing saved, and edit conflicts.</summary>
public abstract class HotspotTests(PcmdApp app)
{
    readonly HotspotTestData data = new(app);

    [Fact]
    public async Task A_ward_officer_records_a_hotspot_and_its_events_and_the_state_and_level_follow()
    {
        var officer = await app.SignIn("phuluong");
        var name = data.Unique("Khu vực thử nghiệm ven sông Nhuệ");
        var created = await (await officer.PostRaw("/api/v1/hotspots", Input(name, await data.UnitId(PhuLuong)).ToJsonString())).Json<HotspotSaved>(HttpStatusCode.Created);
        var id = created.Id;
        Assert.Equal("identified", created.State);
        Assert.Equal("complex", created.Complexity);

        // The city plan of 2024 (which the ward reads) targets it in its Phụ lục II.
        var item = (await data.AppendixItems("hn-2024", "II"))[0].Id;
        var version = created.Version;
        (string Date, string Kind, string? Level, int? Item, string State, string Complexity)[] steps =
        [
            ("2025-09-01", "targeted", null, item, "targeted", "complex"),
            ("2025-10-15", "eliminated", null, null, "eliminated", "inactive"),
            ("2025-11-01", "handedOver", null, null, "handedOver", "inactive"),
            ("2025-12-01", "checked", "low", null, "checked", "low"),
            ("2026-01-10", "reEmerged", "inactive", null, "reEmerged", "active"), // re-emerged is at least "Có hoạt động"
        ];
        foreach (var s in steps)
        {
            var res = await AddEvent(officer, id, Event(s.Date, s.Kind, s.Level, s.Item, version));
            Assert.Equal(s.State, res.State);
            Assert.Equal(s.Complexity, res.Complexity);
            Assert.True(res.Version > version);
            version = res.Version;
        }

        var detail = await Hotspot(officer, id);
        var events = detail.Events;
        Assert.Equal(["identified", "targeted", "eliminated", "handedOver", "checked", "reEmerged"], events.Select(e => e.Kind));
        Assert.Equal("active", events[^1].ComplexityObserved);
        Assert.Equal("II", events[1].AppendixItem!.AppendixNumber);
        Assert.Equal("reEmerged", detail.State);

        var linked = await officer.GetJson<List<HotspotLinkView>>($"/api/v1/hotspots/by-appendix-item/{item}");
        Assert.Contains(linked, h => h.Id == id && h.Url == $"/hotspots/{id}");
        var page = await officer.GetJson<Counted>($"/api/v1/hotspots?state=reEmerged&search={Uri.EscapeDataString(name)}");
        Assert.Equal(1, page.Total);
        var map = await officer.GetJson<MapAnswer>($"/api/v1/map/points?layer=hotspots&unit={await data.UnitId(PhuLuong)}");
        var point = Assert.Single(map.Hotspots!.Points!, p => p.Id == id);
        Assert.Equal("active", point.Level);
        Assert.Equal(20.952, point.Lat);
    }

    [Fact]
    public async Task An_impossible_step_is_refused_in_Vietnamese_and_nothing_is_saved()
    {
        var officer = await app.SignIn("phuluong");
        var (id, version) = await Create(officer, Input(data.Unique("Điểm chưa triệt xóa"), await data.UnitId(PhuLuong)));
        var problem = await AddEventRefused(officer, id, Event("2025-09-01", "handedOver", version: version), HttpStatusCode.BadRequest);
        Assert.Contains("kind: Không thể bàn giao khi điểm chưa được triệt xóa.", problem.Lines());
        var before = await AddEventRefused(officer, id, Event("2025-07-01", "targeted", version: version), HttpStatusCode.BadRequest);
        Assert.Contains(before.Lines(), e => e.StartsWith("date: Ngày của sự kiện không được trước sự kiện gần nhất (01/08/2025)"));
        var future = await AddEventRefused(officer, id, Event(DateTime.UtcNow.AddDays(3).ToString("yyyy-MM-dd"), "targeted", version: version), HttpStatusCode.BadRequest);
        Assert.Contains(future.Lines(), e => e.StartsWith("date: "));
        Assert.Equal(1, await data.EventCount(id));
        var detail = await Hotspot(officer, id);
        Assert.Equal(version, detail.Version);
        Assert.Equal("identified", detail.State);
    }

    [Fact]
    public async Task A_check_without_the_level_observed_is_refused()
    {
        var officer = await app.SignIn("phuluong");
        var (id, version) = await Create(officer, Input(data.Unique("Điểm đã triệt xóa"), await data.UnitId(PhuLuong), Event("2024-05-01", "eliminated")));
        var problem = await AddEventRefused(officer, id, Event("2025-05-01", "checked", version: version), HttpStatusCode.BadRequest);
        Assert.Contains("complexityObserved: Khi kiểm tra lại phải ghi mức độ phức tạp quan sát được.", problem.Lines());
        Assert.Equal(1, await data.EventCount(id));
        var ok = await AddEvent(officer, id, Event("2025-05-01", "checked", "inactive", version: version));
        Assert.Equal("checked", ok.State);
    }

    [Fact]
    public async Task Coordinates_outside_Viet_Nam_are_refused_and_nothing_is_saved()
    {
        var officer = await app.SignIn("phuluong");
        var unit = await data.UnitId(PhuLuong);
        var name = data.Unique("Điểm ở Tokyo");
        var input = Input(name, unit);
        input["latitude"] = 35.68;
        input["longitude"] = 139.69;
        var problem = await (await officer.PostRaw("/api/v1/hotspots", input.ToJsonString())).Json(HttpStatusCode.BadRequest);
        Assert.Contains("latitude: Vĩ độ phải nằm trong lãnh thổ Việt Nam (từ 8,0 đến 23,5).", problem.Errors());
        Assert.Contains("longitude: Kinh độ phải nằm trong lãnh thổ Việt Nam (từ 102,0 đến 110,0).", problem.Errors());
        input["latitude"] = 21.0;
        input["longitude"] = null;
        var half = await (await officer.PostRaw("/api/v1/hotspots", input.ToJsonString())).Json(HttpStatusCode.BadRequest);
        Assert.Contains("longitude: Nhập cả vĩ độ và kinh độ, hoặc bỏ trống cả hai.", half.Errors());
        Assert.Equal(0, await data.HotspotCount(name));
    }

    [Fact]
    public async Task An_establishment_of_another_ward_is_refused()
    {
        var foreign = await data.Establishment(HaDong);
        var own = await data.Establishment(PhuLuong);
        var unit = await data.UnitId(PhuLuong);
        var name = data.Unique("Điểm trong cơ sở");
        var input = Input(name, unit);
        input["kind"] = "inEstablishment";
        input["establishmentId"] = foreign;
        input["latitude"] = null;
        input["longitude"] = null;

        var officer = await app.SignIn("phuluong");
        var outOfScope = await (await officer.PostRaw("/api/v1/hotspots", input.ToJsonString())).Json(HttpStatusCode.BadRequest);
        Assert.Contains("establishmentId: Không có cơ sở kinh doanh này trong phạm vi của bạn.", outOfScope.Errors());
        // The coordinator reaches both wards, but a hotspot of Phú Lương cannot sit in a Hà Đông establishment.
        var coordinator = await app.SignIn("dieuphoi");
        var elsewhere = await (await coordinator.PostRaw("/api/v1/hotspots", input.ToJsonString())).Json(HttpStatusCode.BadRequest);
        Assert.Contains("establishmentId: Cơ sở kinh doanh này không thuộc xã, phường của điểm.", elsewhere.Errors());
        input["establishmentId"] = null;
        var missing = await (await officer.PostRaw("/api/v1/hotspots", input.ToJsonString())).Json(HttpStatusCode.BadRequest);
        Assert.Contains("establishmentId: Điểm trong cơ sở kinh doanh phải chọn cơ sở kinh doanh.", missing.Errors());
        input["kind"] = "publicPlace";
        input["establishmentId"] = own;
        var publicPlace = await (await officer.PostRaw("/api/v1/hotspots", input.ToJsonString())).Json(HttpStatusCode.BadRequest);
        Assert.Contains("establishmentId: Điểm ở nơi công cộng không gắn với cơ sở kinh doanh.", publicPlace.Errors());
        Assert.Equal(0, await data.HotspotCount(name));

        // Its own ward's establishment is accepted, and the hotspot takes the establishment's place on the map.
        input["kind"] = "inEstablishment";
        var (id, _) = await Create(officer, input);
        var detail = await Hotspot(officer, id);
        Assert.Equal(own, detail.EstablishmentId);
        Assert.Equal(20.951, detail.Latitude);
    }

    [Fact]
    public async Task Missing_fields_and_a_unit_above_the_commune_are_refused()
    {
        var coordinator = await app.SignIn("dieuphoi");
        var input = new JsonObject { ["name"] = " ", ["kind"] = null, ["orgUnitId"] = null };
        var problem = await (await coordinator.PostRaw("/api/v1/hotspots", input.ToJsonString())).Json(HttpStatusCode.BadRequest);
        Assert.Contains("name: Nhập tên điểm phức tạp.", problem.Errors());
        Assert.Contains(problem.Errors(), e => e.StartsWith("kind: "));
        Assert.Contains("orgUnitId: Chọn xã, phường của điểm.", problem.Errors());
        Assert.Contains("firstEvent: Cần ghi sự kiện đầu tiên của điểm (thường là ngày phát hiện).", problem.Errors());
        var city = await data.UnitId("01");
        var name = data.Unique("Điểm cấp thành phố");
        var atCity = await (await coordinator.PostRaw("/api/v1/hotspots", Input(name, city).ToJsonString())).Json(HttpStatusCode.BadRequest);
        Assert.Contains(atCity.Errors(), e => e.StartsWith("orgUnitId: Điểm phức tạp phải thuộc một xã, phường"));
        var leader = await app.SignIn("lanhdao");
        Assert.Equal(HttpStatusCode.Forbidden, (await leader.PostRaw("/api/v1/hotspots", Input(name, await data.UnitId(PhuLuong)).ToJsonString())).StatusCode);
        Assert.Equal(0, await data.HotspotCount(name));
    }

    [Fact]
    public async Task Changing_a_hotspot_someone_else_changed_meanwhile_is_a_conflict()
    {
        var officer = await app.SignIn("phuluong");
        var unit = await data.UnitId(PhuLuong);
        var name = data.Unique("Điểm sửa đồng thời");
        var (id, version) = await Create(officer, Input(name, unit));
        var first = Input(name + " (đã sửa)", unit);
        first["version"] = version;
        var saved = await (await officer.PutRaw($"/api/v1/hotspots/{id}", first.ToJsonString())).Json<HotspotSaved>(HttpStatusCode.OK);
        Assert.True(saved.Version > version);

        var coordinator = await app.SignIn("dieuphoi");
        var stale = Input(name + " (ghi đè)", unit);
        stale["version"] = version;
        Assert.Equal(HttpStatusCode.Conflict, (await coordinator.PutRaw($"/api/v1/hotspots/{id}", stale.ToJsonString())).StatusCode);
        await AddEventRefused(coordinator, id, Event("2025-09-01", "targeted", version: version), HttpStatusCode.Conflict);
        var detail = await Hotspot(officer, id);
        Assert.Equal(name + " (đã sửa)", detail.Name);
        Assert.Single(detail.Events);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class HotspotTestsOnSqlite(SqliteApp app) : HotspotTests(app);

[Collection(PostgresCollection.Name)]
public sealed class HotspotTestsOnPostgres(PostgresApp app) : HotspotTests(app);
