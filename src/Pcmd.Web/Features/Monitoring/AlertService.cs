using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Establishments;
using Pcmd.Web.Features.Hotspots;
using Pcmd.Web.Features.Indicators;
using Pcmd.Web.Security;

namespace Pcmd.Web.Features.Monitoring;

/// <summary>The alerts of one unit's area (issue 14, item 5), by <see cref="AlertRules"/>: hotspots re-emerged lately, wards
/// with something to inspect and no inspection in 90 days (each ward below), and counts this year far above the same period
/// last year (in the area itself).</summary>
public sealed class AlertService(PcmdDbContext db, IndicatorComputations computations, IndicatorAreas areas, AlertRules rules, FigureCache cache)
{
    sealed record AlertSlot(AlertKind Part, int Unit, string Culture);

    /// <summary>The alerts of a unit's area. The re-emerged hotspots and the quiet wards are each kept in the figure cache under the
    /// generations of the registers they read, as this request read them (before any figure), so a write recomputes on the next
    /// load the part that reads it (a hotspot saved leaves the quiet wards alone); the rises are read from the figures, which are
    /// cached and brought up to date themselves.</summary>
    public async Task<List<Alert>> For(int unitId, CancellationToken ct = default)
    {
        var today = rules.Today;
        var node = await areas.Find(unitId) ?? throw new NotFoundException();
        var alerts = await Part(AlertKind.HotspotReEmerged, unitId, today, [RecordKind.OrgUnits, RecordKind.Hotspots], () => ReEmerged(unitId, today, ct), ct);
        alerts.AddRange(await Part(AlertKind.NoRecentInspection, unitId, today, [RecordKind.OrgUnits, RecordKind.Establishments, RecordKind.Inspections],
            () => Quiet(unitId, today, ct), ct));
        alerts.AddRange(await Rises(unitId, node.Name, today, ct));
        return alerts;
    }

    async Task<List<Alert>> Part(AlertKind part, int unitId, DateOnly today, RecordKind[] reads, Func<Task<List<Alert>>> compute, CancellationToken ct)
    {
        var slot = new AlertSlot(part, unitId, CultureInfo.CurrentCulture.Name);
        var stamp = FigureCache.Stamp(reads, await computations.Generations(ct));
        if (cache.Enabled && cache.TryGet(slot, today, stamp, out List<Alert> kept)) return [.. kept];
        var alerts = await compute();
        if (cache.Enabled) cache.Set(slot, today, stamp, alerts, alerts.Count + 1);
        return [.. alerts];
    }

    async Task<List<Alert>> ReEmerged(int unitId, DateOnly today, CancellationToken ct)
    {
        var culture = CultureInfo.CurrentCulture;
        var alerts = new List<Alert>();
        var since = today.AddDays(-AlertRules.RecentDays);
        var events = await db.HotspotEvents.AsNoTracking()
            .Where(e => e.Kind == HotspotEventKind.ReEmerged && e.Date >= since && e.Date <= today)
            .Join(db.Hotspots.InAreaOf(db, unitId, h => h.OrgUnitId), e => e.HotspotId, h => h.Id, (e, h) => new { e.Id, e.Date, h.Name, HotspotId = h.Id, h.OrgUnitId })
            .OrderByDescending(e => e.Date).ToListAsync(ct);
        foreach (var e in events.Where(e => rules.ReEmergedRecently(e.Date)))
            alerts.Add(new(AlertKind.HotspotReEmerged, e.OrgUnitId, (await areas.Find(e.OrgUnitId))?.Name ?? "",
                Format("ReEmerged", culture, e.Name, (await areas.Find(e.OrgUnitId))?.Name ?? "", e.Date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)),
                $"/hotspots/{e.HotspotId}", $"alert:reemerged:{e.Id}"));
        return alerts;
    }

    /// <summary>Wards without an inspection in 90 days: the units directly below, or the unit itself when it is a ward. The last
    /// inspections are read over the 90 days only, and before them only for the wards found quiet (their alert says when).</summary>
    async Task<List<Alert>> Quiet(int unitId, DateOnly today, CancellationToken ct)
    {
        var culture = CultureInfo.CurrentCulture;
        var alerts = new List<Alert>();
        var below = await areas.ChildrenOn(unitId, today);
        var names = below.ToDictionary(n => n.Id, n => n.Name);
        names[unitId] = (await areas.Find(unitId))!.Name;
        var wards = below.Count > 0 ? below.Select(n => n.Id).ToList() : [unitId];
        var managed = await db.Establishments.AsNoTracking().Where(e => e.Status == ManagementStatus.UnderManagement).InAreaOf(db, unitId, e => e.OrgUnitId)
            .GroupBy(e => e.OrgUnitId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var recentFrom = today.AddDays(-AlertRules.QuietDays);
        var recent = await LastInspections(unitId, recentFrom, today, ct);
        var quiet = new List<(int Ward, HashSet<int> Area, int Count)>();
        foreach (var w in wards)
        {
            var area = await areas.Area(w);
            var count = area.Sum(id => managed.GetValueOrDefault(id));
            var lastDay = area.Where(recent.ContainsKey).Select(id => (DateOnly?)recent[id]).Max();
            if (rules.NoRecentInspection(lastDay, count)) quiet.Add((w, area, count));
        }
        var before = quiet.Count == 0 ? [] : await LastInspections(unitId, DateOnly.MinValue, recentFrom.AddDays(-1), ct);
        foreach (var (w, area, count) in quiet)
        {
            var lastDay = area.Where(before.ContainsKey).Select(id => (DateOnly?)before[id]).Max();
            var text = lastDay is { } d
                ? Format("Quiet", culture, names[w], count, d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), today.DayNumber - d.DayNumber)
                : Format("NeverInspected", culture, names[w], count);
            alerts.Add(new(AlertKind.NoRecentInspection, w, names[w], text, $"/inspections?unit={w}", $"alert:quiet:{w}:{lastDay?.ToString("yyyy-MM-dd") ?? "none"}"));
        }
        return alerts;
    }

    Task<Dictionary<int, DateOnly>> LastInspections(int unitId, DateOnly from, DateOnly to, CancellationToken ct) =>
        db.Inspections.AsNoTracking().Where(i => i.Date >= from && i.Date <= to).InAreaOf(db, unitId, i => i.OrgUnitId)
            .GroupBy(i => i.OrgUnitId).Select(g => new { g.Key, Last = g.Max(i => i.Date) }).ToDictionaryAsync(x => x.Key, x => x.Last, ct);

    /// <summary>Sharp rises of any count, this year so far against the same period last year, in the area the user answers for (a
    /// ward's rise is its officers' alert; the city's leaders get the city's, not 126 wards' own).</summary>
    async Task<List<Alert>> Rises(int unitId, string unitName, DateOnly today, CancellationToken ct)
    {
        var culture = CultureInfo.CurrentCulture;
        var alerts = new List<Alert>();
        var lastYear = AlertRules.SameDayYearBefore(today);
        var counts = Enum.GetValues<Computation>().Where(c => !IndicatorComputations.IsShare(c)).ToList();
        var keys = counts.SelectMany(c => new[] { new FigureKey(c, new(today.Year, 1, 1), today), new FigureKey(c, new(lastYear.Year, 1, 1), lastYear) }).ToList();
        var totals = await computations.Compute(keys, await areas.ForQuery(unitId), ct);
        foreach (var c in counts)
        {
            var now = totals[new FigureKey(c, new(today.Year, 1, 1), today)].Value;
            var before = totals[new FigureKey(c, new(lastYear.Year, 1, 1), lastYear)].Value;
            if (!AlertRules.SharpRise(now, before)) continue;
            alerts.Add(new(AlertKind.SharpRise, unitId, unitName,
                Format("Rise", culture, IndicatorLabels.Computation(c, culture), unitName, IndicatorLabels.Number(now, culture), IndicatorLabels.Number(before, culture)),
                $"/monitoring/trends?computation={c}&unit={unitId}", $"alert:rise:{c}:{unitId}:{today.Year}"));
        }
        return alerts;
    }

    static string Format(string key, CultureInfo c, params object[] args) => string.Format(c, MonitoringLabels.T("Monitoring.Alert." + key, c), args);
}
