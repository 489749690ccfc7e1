using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Establishments;
using Pcmd.Web.Features.Hotspots;
using Pcmd.Web.Features.OrgUnits;
using Pcmd.Web.Features.Plans;
using Pcmd.Web.Features.Tips;
using Pcmd.Web.Security;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.Map;

/// <summary>The map within the user's scope, for the area in view: hotspots and establishments that have coordinates,
/// as points when a layer has few in the box, else as counts per grid cell computed by the database (GROUP BY cell),
/// so that an answer stays under <see cref="MaxBytes"/> whatever the data (docs/decisions.md, "Maps that scale").</summary>
public sealed partial class MapService(PcmdDbContext db, OrgUnitTree tree, HotspotService hotspots, IStringLocalizer<SharedResource> L,
    TimeProvider clock)
{
    /// <summary>The size an answer must stay under; the budgets below keep it there with room to spare.</summary>
    public const int MaxBytes = 100_000;
    /// <summary>A layer with more points in the box than this is clustered.</summary>
    public const int MaxPoints = 200;
    /// <summary>A layer's points (with the names of their units) may take this much JSON; long names cluster sooner.</summary>
    public const int PointBytes = 40_000;
    /// <summary>What one point costs in JSON besides its name (id, rounded coordinates, codes, unit id, punctuation), and
    /// one unit name besides its text; generous, so that the estimate errs on the side of clustering.</summary>
    const int PointOverhead = 120, UnitOverhead = 12;

    public async Task<MapView> View(UserScope scope, MapFilter f, MapBox? box, int? zoom, CancellationToken ct = default)
    {
        var year = f.Year ?? VietnamTime.Today(clock).Year;
        var h = !f.HasHotspots ? null : (await Hotspots(scope, f, true, ct)).Select(x => new Located
            { Id = x.Id, Name = x.Name, Lat = x.Latitude!.Value, Lng = x.Longitude!.Value, UnitId = x.OrgUnitId, Level = x.Complexity, State = x.State });
        var e = !f.HasEstablishments ? null : (await Establishments(scope, f, true, ct)).Select(x => new Located
            { Id = x.Id, Name = x.Name, Lat = x.Latitude!.Value, Lng = x.Longitude!.Value, UnitId = x.OrgUnitId, Status = x.Status });
        var t = await TipsOrNull(scope, f, true, ct) is { } tips ? tips.Select(x => new Located
            { Id = x.Id, Name = x.Code, Lat = x.Latitude!.Value, Lng = x.Longitude!.Value, UnitId = x.OrgUnitId }) : null;
        MapBox? extent = null;
        if (box is { } b)
        {
            h = h?.Where(p => p.Lat >= b.South && p.Lat <= b.North && p.Lng >= b.West && p.Lng <= b.East);
            e = e?.Where(p => p.Lat >= b.South && p.Lat <= b.North && p.Lng >= b.West && p.Lng <= b.East);
            t = t?.Where(p => p.Lat >= b.South && p.Lat <= b.North && p.Lng >= b.West && p.Lng <= b.East);
        }
        else // the whole area: the box is the points' own extent, which the page fits the map to
            box = extent = Union(Union(h is null ? null : await Extent(h, ct), e is null ? null : await Extent(e, ct)), t is null ? null : await Extent(t, ct));
        var cell = box is { } area ? MapGrid.CellSize(area, zoom) : 0;
        var units = new Dictionary<int, string>();
        var hv = h is null ? null : box is null ? Empty : await Layer(h, cell, units, ct);
        var ev = e is null ? null : box is null ? Empty : await Layer(e, cell, units, ct);
        var tv = t is null ? null : box is null ? Empty : await Layer(t, cell, units, ct);
        if (ev?.Points is { Count: > 0 } points) ev = ev with { Points = await WithInspections(points, year, ct) };
        return new MapView(extent, cell, hv, ev, tv, year, Labels(year), units, Urls);
    }

    /// <summary>The text alternative of the map (the page's table): up to <paramref name="limit"/> points per layer by name,
    /// with how many there are in all.</summary>
    public async Task<MapListing> List(UserScope scope, MapFilter f, int limit, CancellationToken ct = default)
    {
        var rows = new List<MapRow>();
        var total = 0;
        if (f.HasHotspots)
        {
            var q = await Hotspots(scope, f, true, ct);
            total += await q.CountAsync(ct);
            rows.AddRange(await q.OrderBy(x => x.Name).ThenBy(x => x.Id).Take(limit).Select(x => new MapRow(MapRow.Hotspot, x.Id, x.Name,
                x.Latitude!.Value, x.Longitude!.Value, x.Complexity, x.State, null, x.OrgUnit!.Name, x.OrgUnitId)).ToListAsync(ct));
        }
        if (f.HasEstablishments)
        {
            var q = await Establishments(scope, f, true, ct);
            total += await q.CountAsync(ct);
            rows.AddRange(await q.OrderBy(x => x.Name).ThenBy(x => x.Id).Take(limit).Select(x => new MapRow(MapRow.Establishment, x.Id, x.Name,
                x.Latitude!.Value, x.Longitude!.Value, null, null, x.Status, x.OrgUnit!.Name, x.OrgUnitId)).ToListAsync(ct));
        }
        if (await TipsOrNull(scope, f, true, ct) is { } tips)
        {
            total += await tips.CountAsync(ct);
            rows.AddRange(await tips.OrderByDescending(x => x.ReceivedAt).ThenBy(x => x.Id).Take(limit).Select(x => new MapRow(MapRow.Tip, x.Id, x.Code,
                x.Latitude!.Value, x.Longitude!.Value, null, null, null, "", x.OrgUnitId)).ToListAsync(ct));
        }
        return new MapListing(rows, total);
    }

    static readonly MapLayerView Empty = new(0, [], null);
    static readonly Dictionary<string, string> Urls = new()
        { ["hotspot"] = "/hotspots/{id}", ["establishment"] = "/establishments/{id}", ["tip"] = "/tips/{id}" };

    /// <summary>A point as the queries read it (an object initializer, so that EF Core can filter and group on it).</summary>
    sealed class Located
    {
        public int Id { get; init; }
        public string Name { get; init; } = "";
        public double Lat { get; init; }
        public double Lng { get; init; }
        public int UnitId { get; init; }
        public ComplexityLevel? Level { get; init; }
        public HotspotEventKind? State { get; init; }
        public ManagementStatus? Status { get; init; }
    }

    /// <summary>The cells first (one aggregate, and all that a dense view needs); the points only when there are few.</summary>
    async Task<MapLayerView> Layer(IQueryable<Located> q, double cell, Dictionary<int, string> units, CancellationToken ct)
    {
        // Cells are counted from −180°/−90° so that every index is positive on both databases.
        var cells = await q.GroupBy(p => new { X = Math.Floor((p.Lng + 180) / cell), Y = Math.Floor((p.Lat + 90) / cell) })
            .Select(g => new { g.Key.X, g.Key.Y, Count = g.Count(), Lat = g.Average(p => p.Lat), Lng = g.Average(p => p.Lng),
                South = g.Min(p => p.Lat), West = g.Min(p => p.Lng), North = g.Max(p => p.Lat), East = g.Max(p => p.Lng) })
            .ToListAsync(ct);
        var total = cells.Sum(c => c.Count);
        if (total <= MaxPoints)
        {
            var rows = await q.OrderBy(p => p.Id).Take(MaxPoints + 1).ToListAsync(ct);
            // Unit names come from the in-memory tree, once per unit: the query needs no join.
            var names = new Dictionary<int, string>();
            foreach (var id in rows.Select(r => r.UnitId).Distinct().Where(id => !units.ContainsKey(id)))
                names[id] = (await tree.Find(id))?.Name ?? "";
            var bytes = rows.Sum(r => PointOverhead + JsonBytes(r.Name)) + names.Values.Sum(n => UnitOverhead + JsonBytes(n));
            // Long names cluster sooner; so do points written since the cells were counted, if they pass the threshold.
            if (bytes <= PointBytes && rows.Count <= MaxPoints)
            {
                foreach (var (id, name) in names) units[id] = name;
                return new MapLayerView(rows.Count, rows.Select(r => new MapPoint(r.Id, r.Name, Math.Round(r.Lat, 6), Math.Round(r.Lng, 6),
                    r.Level, r.State, r.Status, r.UnitId)).ToList(), null);
            }
        }
        var clusters = cells.OrderBy(c => c.Y).ThenBy(c => c.X)
            .Select(c => new MapCluster(c.Count, Math.Round(c.Lat, 5), Math.Round(c.Lng, 5),
                [Math.Round(c.South, 5), Math.Round(c.West, 5), Math.Round(c.North, 5), Math.Round(c.East, 5)]))
            .ToList();
        return new MapLayerView(total, null, clusters);
    }

    /// <summary>A text as the API writes it (escapes included: a name of quotes takes six bytes a character).</summary>
    static int JsonBytes(string text) => JsonEncodedText.Encode(text, PlatformModule.ApiJsonEncoder).EncodedUtf8Bytes.Length;

    static async Task<MapBox?> Extent(IQueryable<Located> q, CancellationToken ct)
    {
        var x = await q.GroupBy(_ => 1).Select(g => new { South = g.Min(p => (double?)p.Lat), West = g.Min(p => (double?)p.Lng),
            North = g.Max(p => (double?)p.Lat), East = g.Max(p => (double?)p.Lng) }).FirstOrDefaultAsync(ct);
        return x is { South: { } s, West: { } w, North: { } n, East: { } e } ? new MapBox(w, s, e, n) : null;
    }

    static MapBox? Union(MapBox? a, MapBox? b) => (a, b) switch
    {
        ({ } x, { } y) => new MapBox(Math.Min(x.West, y.West), Math.Min(x.South, y.South), Math.Max(x.East, y.East), Math.Max(x.North, y.North)),
        _ => a ?? b,
    };

    MapLabels Labels(int year) => new(
        Enum.GetValues<ComplexityLevel>().ToDictionary(Code, v => (string)L["Plans.Complexity." + v]),
        Enum.GetValues<HotspotEventKind>().ToDictionary(Code, v => (string)L["Hotspots.Event." + v]),
        Enum.GetValues<ManagementStatus>().ToDictionary(Code, v => (string)L["Map.Status." + v]),
        new() { ["hotspot"] = L["Map.Kind.hotspot"], ["establishment"] = L["Map.Kind.establishment"], ["tip"] = L["Map.Kind.tip"] },
        Enum.GetValues<MapInspection>().ToDictionary(Code, v => (string)L["Map.Inspection." + v, year]));

    static string Code<T>(T value) where T : struct, Enum => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    // ── What the user may see, with the filters (MapService.Queries.cs). ──
}
