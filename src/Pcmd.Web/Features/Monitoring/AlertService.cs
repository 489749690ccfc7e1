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
/// last year (in the area itself). Three grouped queries and one statement of figures.</summary>
public sealed class AlertService(PcmdDbContext db, IndicatorComputations computations, IndicatorAreas areas, AlertRules rules, FigureCache cache)
{
    sealed record AlertSlot(int Unit, string Culture);

    /// <summary>The alerts of a unit's area, kept in the figure cache under every register's generation as this request read them
    /// (before any figure): a function of the registers and the day alone, so any write recomputes it on the next load.</summary>
    public async Task<List<Alert>> For(int unitId, CancellationToken ct = default)
    {
        var today = rules.Today;
        var slot = new AlertSlot(unitId, CultureInfo.CurrentCulture.Name);
        var stamp = FigureCache.Stamp(Enum.GetValues<RecordKind>(), await computations.Generations(ct));
        if (cache.Enabled && cache.TryGet(slot, today, stamp, out List<Alert> kept)) return kept;
        var alerts = await Compute(unitId, today, ct);
        if (cache.Enabled) cache.Set(slot, today, stamp, alerts, alerts.Count + 1);
        return alerts;
    }

    async Task<List<Alert>> Compute(int unitId, DateOnly today, CancellationToken ct)
    {
        var culture = CultureInfo.CurrentCulture;
        var alerts = new List<Alert>();
        var node = await areas.Find(unitId) ?? throw new NotFoundException();
        var below = await areas.ChildrenOn(unitId, today);
        var names = below.ToDictionary(n => n.Id, n => n.Name);
        names[unitId] = node.Name;

        // Re-emerged hotspots.
        var since = today.AddDays(-AlertRules.RecentDays);
        var events = await db.HotspotEvents.AsNoTracking()
            .Where(e => e.Kind == HotspotEventKind.ReEmerged && e.Date >= since && e.Date <= today)
            .Join(db.Hotspots.InAreaOf(db, unitId, h => h.OrgUnitId), e => e.HotspotId, h => h.Id, (e, h) => new { e.Id, e.Date, h.Name, HotspotId = h.Id, h.OrgUnitId })
            .OrderByDescending(e => e.Date).ToListAsync(ct);
        foreach (var e in events.Where(e => rules.ReEmergedRecently(e.Date)))
            alerts.Add(new(AlertKind.HotspotReEmerged, e.OrgUnitId, (await areas.Find(e.OrgUnitId))?.Name ?? "",
                Format("ReEmerged", culture, e.Name, (await areas.Find(e.OrgUnitId))?.Name ?? "", e.Date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)),
                $"/hotspots/{e.HotspotId}", $"alert:reemerged:{e.Id}"));

        // Wards without an inspection in 90 days: the units directly below, or the unit itself when it is a ward.
        var wards = below.Count > 0 ? below.Select(n => n.Id).ToList() : [unitId];
        var managed = await db.Establishments.AsNoTracking().Where(e => e.Status == ManagementStatus.UnderManagement).InAreaOf(db, unitId, e => e.OrgUnitId)
            .GroupBy(e => e.OrgUnitId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var last = await db.Inspections.AsNoTracking().Where(i => i.Date <= today).InAreaOf(db, unitId, i => i.OrgUnitId)
            .GroupBy(i => i.OrgUnitId).Select(g => new { g.Key, Last = g.Max(i => i.Date) }).ToDictionaryAsync(x => x.Key, x => x.Last, ct);
        foreach (var w in wards)
        {
            var area = await areas.Area(w);
            var count = area.Sum(id => managed.GetValueOrDefault(id));
            var lastDay = area.Where(last.ContainsKey).Select(id => (DateOnly?)last[id]).Max();
            if (!rules.NoRecentInspection(lastDay, count)) continue;
            var text = lastDay is { } d
                ? Format("Quiet", culture, names[w], count, d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), today.DayNumber - d.DayNumber)
                : Format("NeverInspected", culture, names[w], count);
            alerts.Add(new(AlertKind.NoRecentInspection, w, names[w], text, $"/inspections?unit={w}", $"alert:quiet:{w}:{lastDay?.ToString("yyyy-MM-dd") ?? "none"}"));
        }

        // Sharp rises of any count, this year so far against the same period last year, in the area the user answers for (a
        // ward's rise is its officers' alert; the city's leaders get the city's, not 126 wards' own).
        var lastYear = AlertRules.SameDayYearBefore(today);
        var counts = Enum.GetValues<Computation>().Where(c => !IndicatorComputations.IsShare(c)).ToList();
        var keys = counts.SelectMany(c => new[] { new FigureKey(c, new(today.Year, 1, 1), today), new FigureKey(c, new(lastYear.Year, 1, 1), lastYear) }).ToList();
        var totals = await computations.Compute(keys, await areas.ForQuery(unitId), ct);
        foreach (var c in counts)
        {
            var now = totals[new FigureKey(c, new(today.Year, 1, 1), today)].Value;
            var before = totals[new FigureKey(c, new(lastYear.Year, 1, 1), lastYear)].Value;
            if (!AlertRules.SharpRise(now, before)) continue;
            alerts.Add(new(AlertKind.SharpRise, unitId, node.Name,
                Format("Rise", culture, IndicatorLabels.Computation(c, culture), node.Name, IndicatorLabels.Number(now, culture), IndicatorLabels.Number(before, culture)),
                $"/monitoring/trends?computation={c}&unit={unitId}", $"alert:rise:{c}:{unitId}:{today.Year}"));
        }
        return alerts;
    }

    static string Format(string key, CultureInfo c, params object[] args) => string.Format(c, MonitoringLabels.T("Monitoring.Alert." + key, c), args);
}
