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
    static readonly DocumentKind[] Issued = [DocumentKind.Plan, DocumentKind.Decision, DocumentKind.Directive];

    public static bool Handles(Computation c) =>
        c is Computation.CommunePlanShare or Computation.DistrictPlanShare or Computation.CommuneDocumentShare;

    public static IQueryable<Fact> Facts(PcmdDbContext db, Computation c, int? area, DateOnly from, DateOnly to) => c switch
    {
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
