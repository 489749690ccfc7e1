using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Features.Establishments;
using Pcmd.Web.Features.Hotspots;
using Pcmd.Web.Features.Tips;
using Pcmd.Web.Security;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.Map;

/// <summary>What the user may see on the map, with the filters: each layer located (with coordinates, drawn) or not (listed
/// beside the map). The scope lines are marked so that a change of how scope reaches SQL replaces them alone.</summary>
public sealed partial class MapService
{
    /// <summary>The tips layer is for the roles the tips register is for (its menu entry: not the support case workers);
    /// within it each user sees only the tips of their reach (<see cref="TipAccess.Readable"/>).</summary>
    public static bool MaySeeTips(UserScope scope) => EstablishmentsModule.Registers(scope);

    /// <summary>Units with records the map cannot place, most first; at most <paramref name="limit"/>.</summary>
    public async Task<(List<MapUnlocated> Units, int Total)> Unlocated(UserScope scope, MapFilter f, int limit, CancellationToken ct = default)
    {
        var counts = new Dictionary<int, int[]>(); // per unit: hotspots, establishments, tips
        void Add(int layer, int unit, int n) { if (!counts.TryGetValue(unit, out var c)) counts[unit] = c = new int[3]; c[layer] = n; }
        if (f.HasHotspots)
            foreach (var g in await (await Hotspots(scope, f, false, ct)).GroupBy(x => x.OrgUnitId).Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct))
                Add(0, g.Key, g.N);
        if (f.HasEstablishments)
            foreach (var g in await (await Establishments(scope, f, false, ct)).GroupBy(x => x.OrgUnitId).Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct))
                Add(1, g.Key, g.N);
        if (await TipsOrNull(scope, f, false, ct) is { } tips)
            foreach (var g in await tips.GroupBy(x => x.OrgUnitId).Select(g => new { g.Key, N = g.Count() }).ToListAsync(ct))
                Add(2, g.Key, g.N);
        var all = counts.Select(c => new MapUnlocated(c.Key, c.Value[0], c.Value[1], c.Value[2])).ToList();
        return (all.OrderByDescending(u => u.Total).ThenBy(u => u.UnitId).Take(limit).ToList(), all.Sum(u => u.Total));
    }

    static (DateOnly From, DateOnly To) YearDays(int year) => (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));

    /// <summary>Whether each establishment listed was inspected in the year: one query for the points of the answer.</summary>
    async Task<List<MapPoint>> WithInspections(List<MapPoint> points, int year, CancellationToken ct)
    {
        var (from, to) = YearDays(year);
        var ids = points.Select(p => p.Id).ToList();
        var inspected = (await db.Inspections.AsNoTracking().Where(i => ids.Contains(i.EstablishmentId) && i.Date >= from && i.Date <= to)
            .Select(i => i.EstablishmentId).Distinct().ToListAsync(ct)).ToHashSet();
        return points.Select(p => p with { Inspected = inspected.Contains(p.Id) }).ToList();
    }

    async Task<IQueryable<Hotspot>> Hotspots(UserScope scope, MapFilter f, bool located, CancellationToken ct)
    {
        var q = await hotspots.Filtered(scope, f.OrgUnitId, ct); // scope: HotspotService
        q = located ? q.Where(h => h.Latitude != null && h.Longitude != null) : q.Where(h => h.Latitude == null || h.Longitude == null);
        if (f.Year is { } year)
        {
            // Identified by the year's end: level and state are the latest, as on the register.
            var end = YearDays(year).To;
            q = q.Where(h => h.Events.Any(e => e.Date <= end));
        }
        return f.State is { } state ? q.Where(h => h.State == state) : q;
    }

    async Task<IQueryable<Establishment>> Establishments(UserScope scope, MapFilter f, bool located, CancellationToken ct)
    {
        var q = db.Establishments.AsNoTracking().InReadableScope(db, scope, e => e.OrgUnitId);
        q = located ? q.Where(e => e.Latitude != null && e.Longitude != null) : q.Where(e => e.Latitude == null || e.Longitude == null);
        if (f.OrgUnitId is { } unit)
        {
            // Hotspots() already refused a unit out of reach when the hotspot layer is on.
            await tree.EnsureReadable(scope, unit);
            q = q.InAreaOf(db, unit, e => e.OrgUnitId);
        }
        if (f.Inspection is { } inspection)
        {
            var (from, to) = YearDays(f.Year ?? VietnamTime.Today(clock).Year);
            var inspected = db.Inspections.Where(i => i.Date >= from && i.Date <= to).Select(i => i.EstablishmentId);
            q = inspection == MapInspection.Inspected ? q.Where(e => inspected.Contains(e.Id)) : q.Where(e => !inspected.Contains(e.Id));
        }
        return f.Status is { } status ? q.Where(e => e.Status == status) : q;
    }

    /// <summary>The tips layer, or null when it is not asked (or, within "all", when the role may not see tips). Only the
    /// place is read (code, coordinates, unit): never who reported it.</summary>
    async Task<IQueryable<Tip>?> TipsOrNull(UserScope scope, MapFilter f, bool located, CancellationToken ct)
    {
        if (!f.HasTips) return null;
        if (!MaySeeTips(scope))
        {
            if (f.Layer == MapLayer.Tips) throw new ForbiddenException("Vai trò của bạn không được xem tin báo, tố giác.");
            return null;
        }
        var q = db.Tips.AsNoTracking().Readable(db, scope); // scope: TipAccess
        q = located ? q.Where(t => t.Latitude != null && t.Longitude != null) : q.Where(t => t.Latitude == null || t.Longitude == null);
        if (f.OrgUnitId is { } unit)
        {
            await tree.EnsureReadable(scope, unit);
            var area = db.AreaOf(unit);
            q = q.Where(t => area.Contains(t.OrgUnitId));
        }
        if (f.Year is { } year)
        {
            var from = VietnamTime.StartOf(new DateOnly(year, 1, 1)).UtcDateTime;
            var to = VietnamTime.StartOf(new DateOnly(year + 1, 1, 1)).UtcDateTime;
            q = q.Where(t => t.ReceivedAt >= from && t.ReceivedAt < to);
        }
        return q;
    }
}
