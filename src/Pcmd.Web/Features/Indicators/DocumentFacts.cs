using Pcmd.Web.Data;
using Pcmd.Web.Features.OrgUnits;
using Pcmd.Web.Features.UnitDocuments;
using Pcmd.Web.Security;

namespace Pcmd.Web.Features.Indicators;

/// <summary>The facts of the plan cascade and the documents units issue (issue 13): one fact per unit of a level existing on the
/// window's last day, in the numerator when its area (itself and the old units merged into it) holds what is asked.</summary>
public static class DocumentFacts
{
    /// <summary>The kinds that are "văn bản theo thẩm quyền" of 3.2.1: a plan, a decision or a directive; an official letter
    /// (công văn) is correspondence, not a measure the commune took.</summary>
    internal static readonly DocumentKind[] Issued = [DocumentKind.Plan, DocumentKind.Decision, DocumentKind.Directive];

    public static bool Handles(Computation c) =>
        c is Computation.CommunePlanShare or Computation.DistrictPlanShare or Computation.CommuneDocumentShare or Computation.AssignedPlanShare;

    public static IQueryable<Fact> Facts(PcmdDbContext db, Computation c, int? area, DateOnly from, DateOnly to, int? planId = null) => c switch
    {
        Computation.AssignedPlanShare => AssignedWithPlan(db, area, from, to, planId),
        Computation.CommunePlanShare => WithPlan(db, area, from, to, OrgUnitLevel.Commune),
        Computation.DistrictPlanShare => WithPlan(db, area, from, to, OrgUnitLevel.District),
        _ => WithDocuments(db, area, from, to),
    };

    static IQueryable<OrgUnit> UnitsOn(PcmdDbContext db, int? area, DateOnly to, OrgUnitLevel level)
    {
        var q = db.OrgUnits.Where(u => u.Level == level && (u.ValidFrom == null || u.ValidFrom <= to) && (u.ValidTo == null || u.ValidTo >= to));
        return area is { } a ? q.InAreaOf(db, a, u => u.Id) : q;
    }

    /// <summary>3.1.1 (communes), 4.1 and 4.2 of the 2024 city plan: a plan of the unit's own in force in the window (its period
    /// meets the window's years), or a plan document it recorded in the window.</summary>
    static IQueryable<Fact> WithPlan(PcmdDbContext db, int? area, DateOnly from, DateOnly to, OrgUnitLevel level)
    {
        var units = UnitsOn(db, area, to, level);
        var den = units.Select(u => new Fact { UnitId = u.Id, Num = 0, Den = 1 });
        var num = units.Where(u =>
                db.Plans.Any(p => p.PeriodFrom <= to.Year && p.PeriodTo >= from.Year
                    && db.OrgUnitAreas.Any(x => x.AreaId == u.Id && !x.Above && x.UnitId == p.IssuingUnitId))
                || db.UnitDocuments.Any(d => d.Kind == DocumentKind.Plan && d.IssuedOn >= from && d.IssuedOn <= to
                    && db.OrgUnitAreas.Any(x => x.AreaId == u.Id && !x.Above && x.UnitId == d.OrgUnitId)))
            .Select(u => new Fact { UnitId = u.Id, Num = 1, Den = 0 });
        return den.Concat(num);
    }

    /// <summary>3.1.1 of the 2026–2030 plan ("100 % Sở, ban, ngành, đoàn thể … và UBND các xã, phường xây dựng, tổ chức thực
    /// hiện kế hoạch"): the agencies the plan assigns (<see cref="PlanCascade.AssignedAgencies"/>, existing on the window's last
    /// day, each a fact of its own unit) and the communes existing then, each one in the denominator; in the numerator when it
    /// implements THIS plan in the window: a plan document naming it issued in the window, or a plan of its own whose parent is
    /// this plan and whose period meets the window's years. A commune's area holds the old wards merged into it on 1/7/2025.
    /// Without a plan (the trends page, which asks for a computation alone) no agency is assigned and any plan counts, as
    /// <see cref="Computation.CommunePlanShare"/>.</summary>
    static IQueryable<Fact> AssignedWithPlan(PcmdDbContext db, int? area, DateOnly from, DateOnly to, int? planId)
    {
        var units = UnitsOn(db, area, to, OrgUnitLevel.Commune);
        var agencies = PlanCascade.AssignedAgencies(db, planId).Where(a => (a.ValidFrom == null || a.ValidFrom <= to) && (a.ValidTo == null || a.ValidTo >= to));
        if (area is { } ar) agencies = agencies.InAreaOf(db, ar, a => a.OrgUnitId);
        var plans = db.Plans.Where(p => (planId == null || p.ParentId == planId) && p.PeriodFrom <= to.Year && p.PeriodTo >= from.Year);
        var documents = db.UnitDocuments.Where(d => d.Kind == DocumentKind.Plan && (planId == null || d.PlanId == planId)
            && d.IssuedOn >= from && d.IssuedOn <= to);
        var communes = units.Select(u => new Fact { UnitId = u.Id, Num = 0, Den = 1 })
            .Concat(units.Where(u => plans.Any(p => db.OrgUnitAreas.Any(x => x.AreaId == u.Id && !x.Above && x.UnitId == p.IssuingUnitId))
                    || documents.Any(d => db.OrgUnitAreas.Any(x => x.AreaId == u.Id && !x.Above && x.UnitId == d.OrgUnitId)))
                .Select(u => new Fact { UnitId = u.Id, Num = 1, Den = 0 }));
        return communes.Concat(agencies.Select(a => new Fact { UnitId = a.OrgUnitId, Num = 0, Den = 1 }))
            .Concat(agencies.Where(a => plans.Any(p => p.IssuingAgencyId == a.Id) || documents.Any(d => d.AgencyId == a.Id))
                .Select(a => new Fact { UnitId = a.OrgUnitId, Num = 1, Den = 0 }));
    }

    /// <summary>3.2.1: communes that issued at least one plan, decision or directive in the window.</summary>
    static IQueryable<Fact> WithDocuments(PcmdDbContext db, int? area, DateOnly from, DateOnly to)
    {
        var units = UnitsOn(db, area, to, OrgUnitLevel.Commune);
        var den = units.Select(u => new Fact { UnitId = u.Id, Num = 0, Den = 1 });
        var num = units.Where(u => db.UnitDocuments.Any(d => Issued.Contains(d.Kind) && d.IssuedOn >= from && d.IssuedOn <= to
                && db.OrgUnitAreas.Any(x => x.AreaId == u.Id && !x.Above && x.UnitId == d.OrgUnitId)))
            .Select(u => new Fact { UnitId = u.Id, Num = 1, Den = 0 });
        return den.Concat(num);
    }
}
