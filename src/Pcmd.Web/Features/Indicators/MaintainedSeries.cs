using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Communication;
using Pcmd.Web.Features.OrgUnits;
using Pcmd.Web.Security;

namespace Pcmd.Web.Features.Indicators;

/// <summary>3.1.2 ("communes with at least the rule's number of communication events in every quarter") over many windows at
/// once: the events counted per unit and period in ONE grouped query, the periods cut by every window's and quarter's bounds,
/// then the rule judged per commune, window and quarter in memory — a trend and a projection of it no longer probe every commune
/// (about 580 before 1/7/2025) once per window. Same figures as <see cref="ActivityFacts"/>' query per window (unit tests).</summary>
public static class MaintainedSeries
{
    public static bool Folds(FigureKey k) => k.Computation == Computation.CommunicationMaintainedShare && k.From <= k.To && k.To < DateOnly.MaxValue;

    public static async Task<Dictionary<FigureKey, Dictionary<int, (int Num, int Den)>>> ByUnit(PcmdDbContext db, List<FigureKey> keys, int? area,
        CancellationToken ct)
    {
        var from = keys.Min(k => k.From);
        var last = keys.Max(k => k.To);
        var communes = db.OrgUnits.Where(u => u.Level == OrgUnitLevel.Commune
            && (u.ValidFrom == null || u.ValidFrom <= last) && (u.ValidTo == null || u.ValidTo >= from));
        if (area is { } a) communes = communes.InAreaOf(db, a, u => u.Id);
        var units = await communes.Select(u => new { u.Id, u.ValidFrom, u.ValidTo }).ToListAsync(ct);
        // Each commune's area: itself and the old communes merged into it, as the per-window query reads it.
        var members = (await db.OrgUnitAreas.Where(x => !x.Above && communes.Any(u => u.Id == x.AreaId)).Select(x => new { x.AreaId, x.UnitId })
            .ToListAsync(ct)).ToLookup(x => x.UnitId, x => x.AreaId);
        var rule = await db.CommunicationRules.Select(r => (int?)r.EventsPerQuarter).MaxAsync(ct) ?? CommunicationRules.DefaultEventsPerQuarter;
        var quarters = keys.ToDictionary(k => k, k => ActivityFacts.Quarters(k.From, k.To));
        var bounds = quarters.Values.SelectMany(q => q).SelectMany(q => new[] { q.From, q.To.AddDays(1) }).Distinct().Order().ToList();
        var inAreas = db.OrgUnitAreas.Where(x => !x.Above && communes.Any(u => u.Id == x.AreaId)).Select(x => x.UnitId);
        var events = db.CommunicationEvents.Where(e => e.Date >= from && e.Date <= last && inAreas.Contains(e.OrgUnitId))
            .Select(e => new WindowSeries.TaggedFact { Tag = 0, UnitId = e.OrgUnitId, Num = 1, Den = 0, On = e.Date, NumOn = e.Date, NumUntil = null });
        // Events per commune (its area) and period.
        var counts = units.ToDictionary(u => u.Id, _ => new int[bounds.Count + 1]);
        foreach (var r in await WindowSeries.Grouped(events, bounds, ct))
            foreach (var commune in members[r.UnitId])
                if (r.On >= 0 && counts.TryGetValue(commune, out var c)) c[r.On] += r.Num;
        var result = new Dictionary<FigureKey, Dictionary<int, (int Num, int Den)>>();
        foreach (var k in keys)
        {
            var periods = quarters[k].Select(q => (Lo: WindowSeries.Period(bounds, q.From), Hi: WindowSeries.Period(bounds, q.To.AddDays(1)))).ToList();
            var figures = new Dictionary<int, (int Num, int Den)>();
            foreach (var u in units.Where(u => (u.ValidFrom == null || u.ValidFrom <= k.To) && (u.ValidTo == null || u.ValidTo >= k.To)))
            {
                var c = counts[u.Id];
                var met = periods.All(p => c.Skip(p.Lo).Take(p.Hi - p.Lo).Sum() >= rule);
                figures[u.Id] = (met ? 1 : 0, 1);
            }
            result[k] = figures;
        }
        return result;
    }
}
