using Pcmd.Web.Data;
using Pcmd.Web.Features.Enforcement;
using Pcmd.Web.Features.Inspections;
using Pcmd.Web.Security;

namespace Pcmd.Web.Features.Indicators;

/// <summary>The facts of the enforcement computations (issue 11), counted where the case or sanction was recorded.</summary>
public static class EnforcementFacts
{
    /// <summary>"Phát hiện, khám phá, xử lý hình sự … vụ án": cases detected in the window.</summary>
    public static IQueryable<Fact> CasesDetected(PcmdDbContext db, int? area, DateOnly from, DateOnly to) =>
        Cases(db, area).Where(c => c.DetectedOn >= from && c.DetectedOn <= to).Select(c => new Fact { UnitId = c.OrgUnitId, Num = 1, Den = 0 });

    /// <summary>"Xét xử … vụ án": cases tried in the window (mobile trials included).</summary>
    public static IQueryable<Fact> CasesTried(PcmdDbContext db, int? area, DateOnly from, DateOnly to) =>
        Cases(db, area).Where(c => c.TriedOn >= from && c.TriedOn <= to).Select(c => new Fact { UnitId = c.OrgUnitId, Num = 1, Den = 0 });

    /// <summary>"Xét xử … bị cáo": defendants of the cases tried in the window.</summary>
    public static IQueryable<Fact> DefendantsTried(PcmdDbContext db, int? area, DateOnly from, DateOnly to) =>
        Cases(db, area).Where(c => c.TriedOn >= from && c.TriedOn <= to).Select(c => new Fact { UnitId = c.OrgUnitId, Num = c.DefendantsCount, Den = 0 });

    /// <summary>"Xét xử 100 % vụ án … được cơ quan điều tra chuyển hồ sơ đề nghị truy tố": of the cases sent for prosecution
    /// in the window, those tried since (by the end of the window or later: a trial comes months after).</summary>
    public static IQueryable<Fact> TriedShareOfIndicted(PcmdDbContext db, int? area, DateOnly from, DateOnly to) =>
        Cases(db, area).Where(c => c.IndictedOn >= from && c.IndictedOn <= to)
            .Select(c => new Fact { UnitId = c.OrgUnitId, Den = 1, Num = c.TriedOn != null ? 1 : 0 });

    /// <summary>People sanctioned in the window (a premises sanction is not a person).</summary>
    public static IQueryable<Fact> PeopleSanctioned(PcmdDbContext db, int? area, DateOnly from, DateOnly to) =>
        Sanctions(db, area, from, to).Where(s => s.Target != SanctionTarget.Premises).Select(s => new Fact { UnitId = s.OrgUnitId, Num = 1, Den = 0 });

    /// <summary>"Xử phạt hành chính … lượt người bán dâm": sellers sanctioned in the window.</summary>
    public static IQueryable<Fact> SellersSanctioned(PcmdDbContext db, int? area, DateOnly from, DateOnly to) =>
        Sanctions(db, area, from, to).Where(s => s.Target == SanctionTarget.Seller).Select(s => new Fact { UnitId = s.OrgUnitId, Num = 1, Den = 0 });

    /// <summary>Fines imposed in the window, people and premises, in thousands of đồng (a figure is a 32-bit count: a city's
    /// fines in đồng would overflow it; every fine of the decrees is a whole number of thousands).</summary>
    public static IQueryable<Fact> FinesTotal(PcmdDbContext db, int? area, DateOnly from, DateOnly to) =>
        Sanctions(db, area, from, to).Where(s => s.Kind == SanctionKind.Fine && s.Amount != null)
            .Select(s => new Fact { UnitId = s.OrgUnitId, Num = (int)(s.Amount!.Value / 1000), Den = 0 });

    static IQueryable<CriminalCase> Cases(PcmdDbContext db, int? area) =>
        area is { } a ? db.CriminalCases.InAreaOf(db, a, c => c.OrgUnitId) : db.CriminalCases;

    static IQueryable<AdministrativeSanction> Sanctions(PcmdDbContext db, int? area, DateOnly from, DateOnly to)
    {
        var q = db.AdministrativeSanctions.Where(s => s.Date >= from && s.Date <= to);
        return area is { } a ? q.InAreaOf(db, a, s => s.OrgUnitId) : q;
    }
}
