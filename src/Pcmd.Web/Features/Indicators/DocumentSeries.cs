using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Data;
using Pcmd.Web.Features.OrgUnits;
using Pcmd.Web.Features.UnitDocuments;
using Pcmd.Web.Security;

namespace Pcmd.Web.Features.Indicators;

/// <summary>The shares of <see cref="DocumentFacts"/> (3.1.1 units with a plan, 3.2.1 communes that issued documents) over many
/// windows at once, as <see cref="MaintainedSeries"/> does for 3.1.2: per computation (and plan, for
/// <see cref="Computation.AssignedPlanShare"/>) the units, their areas, the plans whose period meets any window and the documents
/// grouped by unit and period in ONE grouped query, then each unit judged per window in memory. A trend and a projection no
/// longer probe every commune (about 580 before 1/7/2025) once per window. Same figures as the query per window (unit tests).</summary>
public static class DocumentSeries
{
    /// <summary>The keys folded here (<see cref="WindowSeries.Foldable"/>).</summary>
    public static List<FigureKey> Foldable(IEnumerable<FigureKey> keys) => WindowSeries.Foldable(keys, DocumentFacts.Handles);

    public static async Task<Dictionary<FigureKey, Dictionary<int, (int Num, int Den)>>> ByUnit(PcmdDbContext db, List<FigureKey> keys, int? area,
        CancellationToken ct)
    {
        var result = new Dictionary<FigureKey, Dictionary<int, (int Num, int Den)>>();
        foreach (var g in keys.GroupBy(k => (k.Computation, k.PlanId)))
            foreach (var (k, v) in await Fold(db, g.Key.Computation, g.Key.PlanId, [.. g], area, ct)) result[k] = v;
        return result;
    }

    /// <summary>A unit judged by the rule: a commune or district (its area: itself and the old units merged into it), or an agency
    /// assigned by the plan, counted at its own unit.</summary>
    sealed record Holder(int Id, int UnitId, DateOnly? ValidFrom, DateOnly? ValidTo)
    {
        public bool ExistsOn(DateOnly day) => (ValidFrom == null || ValidFrom <= day) && (ValidTo == null || ValidTo >= day);
    }

    static async Task<Dictionary<FigureKey, Dictionary<int, (int Num, int Den)>>> Fold(PcmdDbContext db, Computation c, int? planId,
        List<FigureKey> keys, int? area, CancellationToken ct)
    {
        var (from, last, firstEnd) = (keys.Min(k => k.From), keys.Max(k => k.To), keys.Min(k => k.To));
        var level = c == Computation.DistrictPlanShare ? OrgUnitLevel.District : OrgUnitLevel.Commune;
        var unitQuery = db.OrgUnits.Where(u => u.Level == level && (u.ValidFrom == null || u.ValidFrom <= last) && (u.ValidTo == null || u.ValidTo >= firstEnd));
        if (area is { } a) unitQuery = unitQuery.InAreaOf(db, a, u => u.Id);
        var units = await unitQuery.Select(u => new Holder(u.Id, u.Id, u.ValidFrom, u.ValidTo)).ToListAsync(ct);
        var inAreas = db.OrgUnitAreas.Where(x => !x.Above && unitQuery.Any(u => u.Id == x.AreaId));
        // Each unit's area, as the query per window reads it: a record of unit X counts for every unit whose area holds X.
        var members = (await inAreas.Select(x => new { x.AreaId, x.UnitId }).ToListAsync(ct)).ToLookup(x => x.UnitId, x => x.AreaId);
        var memberIds = inAreas.Select(x => x.UnitId);

        // 3.1.1 of a plan: the agencies it assigns (none without a plan's assignments), their plans and documents by agency.
        var assigned = c == Computation.AssignedPlanShare;
        var agencyQuery = assigned
            ? PlanCascade.AssignedAgencies(db, planId).Where(x => (x.ValidFrom == null || x.ValidFrom <= last) && (x.ValidTo == null || x.ValidTo >= firstEnd))
            : db.Agencies.Where(_ => false);
        if (assigned && area is { } ar) agencyQuery = agencyQuery.InAreaOf(db, ar, x => x.OrgUnitId);
        List<Holder> agencies = assigned ? await agencyQuery.Select(x => new Holder(x.Id, x.OrgUnitId, x.ValidFrom, x.ValidTo)).ToListAsync(ct) : [];

        var withPlans = c != Computation.CommuneDocumentShare;
        var plans = await db.Plans
            .Where(p => withPlans && (!assigned || planId == null || p.ParentId == planId) && p.PeriodFrom <= last.Year && p.PeriodTo >= from.Year
                && (memberIds.Contains(p.IssuingUnitId) || agencyQuery.Any(x => x.Id == p.IssuingAgencyId)))
            .Select(p => new { p.IssuingUnitId, p.IssuingAgencyId, p.PeriodFrom, p.PeriodTo }).ToListAsync(ct);
        var unitPlans = plans.SelectMany(p => members[p.IssuingUnitId].Select(u => (AreaId: u, p.PeriodFrom, p.PeriodTo))).ToLookup(x => x.AreaId);
        var agencyPlans = plans.Where(p => p.IssuingAgencyId != null).ToLookup(p => p.IssuingAgencyId!.Value);

        DocumentKind[] kinds = c == Computation.CommuneDocumentShare ? DocumentFacts.Issued : [DocumentKind.Plan];
        var docs = db.UnitDocuments.Where(d => kinds.Contains(d.Kind) && d.IssuedOn >= from && d.IssuedOn <= last
            && (!assigned || planId == null || d.PlanId == planId));
        var tagged = docs.Where(d => memberIds.Contains(d.OrgUnitId))
            .Select(d => new WindowSeries.TaggedFact { Tag = 0, UnitId = d.OrgUnitId, Num = 1, Den = 0, On = d.IssuedOn, NumOn = d.IssuedOn, NumUntil = null })
            .Concat(docs.Where(d => agencyQuery.Any(x => x.Id == d.AgencyId))
                .Select(d => new WindowSeries.TaggedFact { Tag = 1, UnitId = d.AgencyId!.Value, Num = 1, Den = 0, On = d.IssuedOn, NumOn = d.IssuedOn, NumUntil = null }));
        // The documents per unit (its area) or agency and period, summed from the start so that a window is a difference.
        var bounds = keys.SelectMany(k => new[] { k.From, k.To.AddDays(1) }).Distinct().Order().ToList();
        var unitDocs = new Dictionary<int, int[]>();
        var agencyDocs = new Dictionary<int, int[]>();
        int[] Counts(Dictionary<int, int[]> d, int id) => d.TryGetValue(id, out var x) ? x : d[id] = new int[bounds.Count + 2];
        foreach (var r in await WindowSeries.Grouped(tagged, bounds, ct))
        {
            IEnumerable<int> holders = r.Tag == 0 ? members[r.UnitId] : [r.UnitId];
            foreach (var id in holders) Counts(r.Tag == 0 ? unitDocs : agencyDocs, id)[r.On + 1] += r.Num;
        }
        foreach (var counts in unitDocs.Values.Concat(agencyDocs.Values))
            for (var i = 1; i < counts.Length; i++) counts[i] += counts[i - 1];

        var result = new Dictionary<FigureKey, Dictionary<int, (int Num, int Den)>>();
        foreach (var k in keys)
        {
            var (lo, hi) = (WindowSeries.Period(bounds, k.From), WindowSeries.Period(bounds, k.To.AddDays(1)));
            bool Documented(Dictionary<int, int[]> d, int id) => d.TryGetValue(id, out var x) && x[hi] - x[lo] > 0;
            bool InForce(int periodFrom, int periodTo) => periodFrom <= k.To.Year && periodTo >= k.From.Year;
            var figures = new Dictionary<int, (int Num, int Den)>();
            void Add(int unit, bool met)
            {
                var v = figures.GetValueOrDefault(unit);
                figures[unit] = (v.Num + (met ? 1 : 0), v.Den + 1);
            }
            foreach (var u in units.Where(u => u.ExistsOn(k.To)))
                Add(u.Id, Documented(unitDocs, u.Id) || unitPlans[u.Id].Any(p => InForce(p.PeriodFrom, p.PeriodTo)));
            foreach (var x in agencies.Where(x => x.ExistsOn(k.To)))
                Add(x.UnitId, Documented(agencyDocs, x.Id) || agencyPlans[x.Id].Any(p => InForce(p.PeriodFrom, p.PeriodTo)));
            result[k] = figures;
        }
        return result;
    }
}
