using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Pcmd.IntegrationTests.Infrastructure;
using Pcmd.Web.Features.Establishments;
using Pcmd.Web.Features.Plans;

namespace Pcmd.IntegrationTests.Features.Hotspots;

/// <summary>What the hotspot tests need, with unique names per test: the apps are shared by all test classes.</summary>
public sealed class HotspotTestData(PcmdApp app) : TestData(app)
{
    public const string PhuLuong = "09568", HaDong = "09556";

    /// <summary>The unit with this code on 1/1/2026 (or on the given day: 09568 was Phú Lãm before 1/7/2025).</summary>
    public Task<int> UnitId(string code, string on = "2026-01-01") => UnitIdOn(code, on);

    /// <summary>An establishment written straight to the database (the registry is another feature).</summary>
    public Task<int> Establishment(string unitCode) => Db(async db =>
    {
        var unit = await db.OrgUnits.Where(u => u.Code == unitCode && u.ValidTo == null).Select(u => u.Id).SingleAsync();
        var type = await db.EstablishmentTypes.OrderBy(t => t.Id).Select(t => t.Id).FirstAsync();
        var e = new Establishment
        {
            Name = Unique("Karaoke điểm thử"), Address = "Số 2 phố Thử Nghiệm", TypeId = type, OrgUnitId = unit, WorkerCount = 3,
            Status = ManagementStatus.UnderManagement, RiskClass = RiskClass.High, Latitude = 20.951, Longitude = 105.768,
        };
        db.Establishments.Add(e);
        await db.SaveChangesAsync();
        return e.Id;
    });

    /// <summary>The rows of a hotspot appendix of a demo plan, in order.</summary>
    public Task<List<AppendixItem>> AppendixItems(string planKey, string number) => Db(db =>
        (from i in db.Set<AppendixItem>()
         join a in db.Set<Appendix>() on i.AppendixId equals a.Id
         join p in db.Plans on a.PlanId equals p.Id
         where p.Key == planKey && a.Number == number
         orderby i.Position
         select i).AsNoTracking().ToListAsync());

    public Task<int> HotspotCount(string name) => Db(db => db.Hotspots.CountAsync(h => h.Name == name));

    public Task<int> EventCount(int hotspotId) => Db(db => db.HotspotEvents.CountAsync(e => e.HotspotId == hotspotId));

    public static JsonObject Input(string name, int unitId, JsonObject? first = null) => new()
    {
        ["name"] = name, ["description"] = "Điểm tạo trong kiểm thử.", ["kind"] = "publicPlace", ["orgUnitId"] = unitId,
        ["latitude"] = 20.952, ["longitude"] = 105.766,
        ["firstEvent"] = first ?? Event("2025-08-01", "identified", "complex"),
    };

    public static JsonObject Event(string date, string kind, string? level = null, int? item = null, int version = 0) => new()
    {
        ["date"] = date, ["kind"] = kind, ["complexityObserved"] = level, ["appendixItemId"] = item, ["version"] = version,
    };

    public static async Task<(int Id, int Version)> Create(HttpClient c, JsonObject input)
    {
        var created = await (await c.PostRaw("/api/v1/hotspots", input.ToJsonString())).Json<Versioned>(HttpStatusCode.Created);
        return (created.Id, created.Version);
    }

    static Task<HttpResponseMessage> PostEvent(HttpClient c, int id, JsonObject e) => c.PostRaw($"/api/v1/hotspots/{id}/events", e.ToJsonString());

    /// <summary>Records an event; returns where the hotspot now stands.</summary>
    public static async Task<HotspotSaved> AddEvent(HttpClient c, int id, JsonObject e) =>
        await (await PostEvent(c, id, e)).Json<HotspotSaved>(HttpStatusCode.OK);

    /// <summary>An event refused with <paramref name="expected"/>: the problem.</summary>
    public static async Task<Problem> AddEventRefused(HttpClient c, int id, JsonObject e, HttpStatusCode expected) =>
        await (await PostEvent(c, id, e)).Json<Problem>(expected);

    public static Task<HotspotView> Hotspot(HttpClient c, int id) => c.GetJson<HotspotView>($"/api/v1/hotspots/{id}");
}
