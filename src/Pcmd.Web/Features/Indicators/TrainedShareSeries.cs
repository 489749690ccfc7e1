using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Data;
using Pcmd.Web.Features.OrgUnits;
using Pcmd.Web.Security;

namespace Pcmd.Web.Features.Indicators;

/// <summary>3.2.3.a/b (staff trained, <see cref="Computation.TrainedShareCity"/> and <see cref="Computation.TrainedShareCommune"/>)
/// over many windows at once, as <see cref="DocumentSeries"/> does for the document shares: the units of the level, the roster
/// rows, the named staff, the trained counts per unit, agency and course end day, and the named people's course end days, in a
/// few statements whatever the number of windows; then each roster row and person judged per window in memory, by the rules of
/// <see cref="ActivityFacts"/> (rows that keep counts) and <see cref="NamedStaffFacts"/> (people). A trend and a projection no
/// longer probe every roster row once per window. Same figures as the query per window (unit tests).</summary>
public static class TrainedShareSeries
{
    public static bool Handles(Computation c) => c is Computation.TrainedShareCity or Computation.TrainedShareCommune;

    /// <summary>The keys folded here (<see cref="WindowSeries.Foldable"/>).</summary>
    public static List<FigureKey> Foldable(IEnumerable<FigureKey> keys) => WindowSeries.Foldable(keys, Handles);

    public static async Task<Dictionary<FigureKey, Dictionary<int, (int Num, int Den)>>> ByUnit(PcmdDbContext db, List<FigureKey> keys, int? area,
        CancellationToken ct)
    {
        var result = new Dictionary<FigureKey, Dictionary<int, (int Num, int Den)>>();
        foreach (var g in keys.GroupBy(k => k.Computation))
            foreach (var (k, v) in await Fold(db, g.Key == Computation.TrainedShareCity ? OrgUnitLevel.Province : OrgUnitLevel.Commune, [.. g], area, ct))
                result[k] = v;
        return result;
    }

    sealed record Roster(int Id, int OrgUnitId, int? AgencyId, DateOnly AsOf, int Headcount);

    static async Task<Dictionary<FigureKey, Dictionary<int, (int Num, int Den)>>> Fold(PcmdDbContext db, OrgUnitLevel level, List<FigureKey> keys,
        int? area, CancellationToken ct)
    {
        var (from, last, firstEnd) = (keys.Min(k => k.From), keys.Max(k => k.To), keys.Min(k => k.To));
        // The units of the level in the area, whatever their validity (a person's unit need not exist on the day; a roster
        // row's must, judged per window).
        var unitQuery = db.OrgUnits.Where(u => u.Level == level);
        if (area is { } a) unitQuery = unitQuery.InAreaOf(db, a, u => u.Id);
        var units = (await unitQuery.Select(u => new { u.Id, u.ValidFrom, u.ValidTo }).ToListAsync(ct)).ToDictionary(u => u.Id);
        bool Exists(int unit, DateOnly day) => units[unit] is var u && (u.ValidFrom == null || u.ValidFrom <= day) && (u.ValidTo == null || u.ValidTo >= day);
        var rosterUnits = unitQuery.Where(u => (u.ValidFrom == null || u.ValidFrom <= last) && (u.ValidTo == null || u.ValidTo >= firstEnd));

        var rosters = (await db.StaffRosters.Where(r => r.AsOf <= last && rosterUnits.Any(u => u.Id == r.OrgUnitId))
            .Select(r => new Roster(r.Id, r.OrgUnitId, r.AgencyId, r.AsOf, r.Headcount)).ToListAsync(ct))
            .GroupBy(r => (r.OrgUnitId, r.AgencyId)).ToDictionary(g => g.Key, g => g.OrderBy(r => r.AsOf).ThenBy(r => r.Id).ToList());
        // Named staff of the area's units: people for the share, and the first day a unit and agency keep names from (its count
        // rows are left out from then on, whoever has left since).
        var members = await db.StaffMembers.Where(m => m.FromDate <= last && unitQuery.Any(u => u.Id == m.OrgUnitId))
            .Select(m => new { m.Id, m.OrgUnitId, m.AgencyId, m.FromDate, m.ToDate }).ToListAsync(ct);
        var namedFrom = members.GroupBy(m => (m.OrgUnitId, m.AgencyId)).ToDictionary(g => g.Key, g => g.Min(m => m.FromDate));

        var courses = db.TrainingCourses.Where(c => c.EndDate >= from && c.EndDate <= last);
        // The people first trained, per unit of the level in a roster unit's area, agency and course end day.
        var inAreas = db.OrgUnitAreas.Where(x => !x.Above && rosterUnits.Any(u => u.Id == x.AreaId)
            && db.OrgUnits.Any(u => u.Id == x.UnitId && u.Level == level));
        var areasOf = (await inAreas.Select(x => new { x.AreaId, x.UnitId }).ToListAsync(ct)).ToLookup(x => x.UnitId, x => x.AreaId);
        var memberIds = inAreas.Select(x => x.UnitId);
        var counted = await db.TrainingParticipants.Where(p => p.StaffMemberId == null && memberIds.Contains(p.OrgUnitId))
            .Join(courses, p => p.CourseId, c => c.Id, (p, c) => new { p.OrgUnitId, p.AgencyId, c.EndDate, People = p.Count - p.AlreadyTrained })
            .GroupBy(x => new { x.OrgUnitId, x.AgencyId, x.EndDate })
            .Select(g => new { g.Key.OrgUnitId, g.Key.AgencyId, g.Key.EndDate, People = g.Sum(x => x.People) }).ToListAsync(ct);
        var trained = counted.SelectMany(x => areasOf[x.OrgUnitId].Select(r => (Key: (r, x.AgencyId), x.EndDate, x.People)))
            .GroupBy(x => x.Key).ToDictionary(g => g.Key, g => g.Select(x => (x.EndDate, x.People)).ToList());
        // The course end days of each named person.
        var namedIds = db.StaffMembers.Where(m => m.FromDate <= last && unitQuery.Any(u => u.Id == m.OrgUnitId)).Select(m => m.Id);
        var attended = (await db.TrainingParticipants.Where(p => p.StaffMemberId != null && namedIds.Contains(p.StaffMemberId.Value))
            .Join(courses, p => p.CourseId, c => c.Id, (p, c) => new { Member = p.StaffMemberId!.Value, c.EndDate }).Distinct().ToListAsync(ct))
            .ToLookup(x => x.Member, x => x.EndDate);

        var result = new Dictionary<FigureKey, Dictionary<int, (int Num, int Den)>>();
        foreach (var k in keys)
        {
            var figures = new Dictionary<int, (int Num, int Den)>();
            void Add(int unit, int num, int den)
            {
                var v = figures.GetValueOrDefault(unit);
                figures[unit] = (v.Num + num, v.Den + den);
            }
            // A roster row in force on the window's last day (the latest of its unit and agency then), of a unit existing then,
            // whose unit and agency keep no names by then: its headcount, and the people first trained, never more.
            foreach (var (key, rows) in rosters)
            {
                if (!Exists(key.OrgUnitId, k.To) || (namedFrom.TryGetValue(key, out var named) && named <= k.To)) continue;
                var r = rows.LastOrDefault(r => r.AsOf <= k.To);
                if (r is null) continue;
                var people = trained.TryGetValue(key, out var t) ? t.Where(x => x.EndDate >= k.From && x.EndDate <= k.To).Sum(x => x.People) : 0;
                Add(r.OrgUnitId, people > r.Headcount ? r.Headcount : people, r.Headcount);
            }
            // Each person on the roster on that day: trained when a course of theirs ended in the window.
            foreach (var m in members.Where(m => m.FromDate <= k.To && (m.ToDate == null || m.ToDate >= k.To)))
                Add(m.OrgUnitId, attended[m.Id].Any(d => d >= k.From && d <= k.To) ? 1 : 0, 1);
            result[k] = figures;
        }
        return result;
    }
}
