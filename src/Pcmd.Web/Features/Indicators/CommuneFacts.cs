using Pcmd.Web.Data;
using Pcmd.Web.Features.CommuneModel;
using Pcmd.Web.Features.OrgUnits;
using Pcmd.Web.Security;

namespace Pcmd.Web.Features.Indicators;

/// <summary>The facts of the commune model and the healthy-commune rating (issue 13, item 4). Both are kept per year, so a
/// window counts the year of its last day (a state of that year, not a flow): one fact per commune existing on that day, in
/// the numerator when its area (itself and the old communes merged into it on 1/7/2025) holds what is asked.</summary>
public static class CommuneFacts
{
    public static bool Handles(Computation c) =>
        c is Computation.ModelCommuneCount or Computation.ModelCommuneShare or Computation.HealthyCommuneShare;

    public static bool IsShare(Computation c) => c is Computation.ModelCommuneShare or Computation.HealthyCommuneShare;

    public static IQueryable<Fact> Facts(PcmdDbContext db, Computation c, int? area, DateOnly from, DateOnly to) => c switch
    {
        Computation.ModelCommuneCount => WithModel(db, area, to).Select(u => new Fact { UnitId = u.Id, Num = 1, Den = 0 }),
        Computation.ModelCommuneShare => Communes(db, area, to).Select(u => new Fact { UnitId = u.Id, Num = 0, Den = 1 })
            .Concat(WithModel(db, area, to).Select(u => new Fact { UnitId = u.Id, Num = 1, Den = 0 })),
        _ => Healthy(db, area, to),
    };

    /// <summary>Where the records behind a figure are listed.</summary>
    public static string Link(Computation c, int unitId, MeasureWindow w) => c == Computation.HealthyCommuneShare
        ? $"/healthy-communes?unit={unitId}&year={w.To.Year}"
        : $"/commune-model?unit={unitId}&year={w.To.Year}";

    static IQueryable<OrgUnit> Communes(PcmdDbContext db, int? area, DateOnly to)
    {
        var q = db.OrgUnits.Where(u => u.Level == OrgUnitLevel.Commune && (u.ValidFrom == null || u.ValidFrom <= to) && (u.ValidTo == null || u.ValidTo >= to));
        return area is { } a ? q.InAreaOf(db, a, u => u.Id) : q;
    }

    /// <summary>Communes applying the model in the year ("duy trì" or "áp dụng mới"): KH 2014 target 9 (79 communes), KH 2024
    /// target 5 (100 % of communes), the ward's own "mô hình … được duy trì hoạt động".</summary>
    static IQueryable<OrgUnit> WithModel(PcmdDbContext db, int? area, DateOnly to)
    {
        var year = to.Year;
        return Communes(db, area, to).Where(u => db.ModelCommunes.Any(m => m.Year == year
            && db.OrgUnitAreas.Any(x => x.AreaId == u.Id && !x.Above && x.UnitId == m.OrgUnitId)));
    }

    /// <summary>KH 2014 target 10 ("85 % xã, phường, thị trấn không có tệ nạn mại dâm theo tiêu chí của NQLT 01/2008"): a commune
    /// is healthy by its own rating for the year, once confirmed; without one, by the confirmed ratings of the old communes merged
    /// into it, when at least one was healthy and none was not (a ward rated apart before 1/7/2025 cannot make its new commune
    /// healthy while another part was rated not healthy).</summary>
    static IQueryable<Fact> Healthy(PcmdDbContext db, int? area, DateOnly to)
    {
        var year = to.Year;
        var communes = Communes(db, area, to);
        var confirmed = db.CommuneAssessments.Where(a => a.Year == year && a.Status == AssessmentStatus.Confirmed);
        var num = communes.Where(u =>
                confirmed.Any(a => a.OrgUnitId == u.Id && a.Healthy == true)
                || (!confirmed.Any(a => a.OrgUnitId == u.Id)
                    && confirmed.Any(a => a.Healthy == true && db.OrgUnitAreas.Any(x => x.AreaId == u.Id && !x.Above && x.UnitId == a.OrgUnitId))
                    && !confirmed.Any(a => a.Healthy == false && db.OrgUnitAreas.Any(x => x.AreaId == u.Id && !x.Above && x.UnitId == a.OrgUnitId))))
            .Select(u => new Fact { UnitId = u.Id, Num = 1, Den = 0 });
        return communes.Select(u => new Fact { UnitId = u.Id, Num = 0, Den = 1 }).Concat(num);
    }
}
