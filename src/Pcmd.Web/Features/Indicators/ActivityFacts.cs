using System.Linq.Expressions;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Communication;
using Pcmd.Web.Features.OrgUnits;
using Pcmd.Web.Features.Training;
using Pcmd.Web.Security;

namespace Pcmd.Web.Features.Indicators;

/// <summary>The facts of the programme's activities (issue 13): communication events and training against the staff roster.
/// Each is a query of <see cref="Fact"/> as <see cref="IndicatorComputations.Facts"/> expects, on SQLite and PostgreSQL.</summary>
public static class ActivityFacts
{
    /// <summary>People reached per target group: the counts of the 2024 city plan (3.1–3.5, 3.7.1, 3.7.2).</summary>
    static readonly Dictionary<Computation, TargetGroup> Reached = new()
    {
        [Computation.ReachedResidents] = TargetGroup.Residents,
        [Computation.ReachedMigrantWorkers] = TargetGroup.MigrantWorkers,
        [Computation.ReachedHighSchoolStudents] = TargetGroup.HighSchoolStudents,
        [Computation.ReachedUniversityStudents] = TargetGroup.UniversityStudents,
        [Computation.ReachedVocationalStudents] = TargetGroup.VocationalStudents,
        [Computation.ReachedEstablishmentOwners] = TargetGroup.EstablishmentOwners,
        [Computation.ReachedEstablishmentWorkers] = TargetGroup.EstablishmentWorkers,
    };

    /// <summary>The target group of a "people reached" computation.</summary>
    public static TargetGroup GroupOf(Computation c) => Reached[c];

    public static bool Handles(Computation c) => DocumentFacts.Handles(c) || CommuneFacts.Handles(c) || Reached.ContainsKey(c) || IsShare(c) || c is Computation.TrainedCityStaff or Computation.TrainedLocalStaff;

    public static bool IsShare(Computation c) => DocumentFacts.Handles(c) || CommuneFacts.IsShare(c) ||
        c is Computation.CommunicationMaintainedShare or Computation.TrainedShareCity or Computation.TrainedShareCommune;

    public static IQueryable<Fact> Facts(PcmdDbContext db, Computation c, int? area, DateOnly from, DateOnly to, int? planId = null) => c switch
    {
        _ when DocumentFacts.Handles(c) => DocumentFacts.Facts(db, c, area, from, to, planId),
        _ when CommuneFacts.Handles(c) => CommuneFacts.Facts(db, c, area, from, to),
        Computation.CommunicationMaintainedShare => CommunicationMaintained(db, area, from, to),
        Computation.TrainedShareCity => TrainedShare(db, area, from, to, OrgUnitLevel.Province),
        Computation.TrainedShareCommune => TrainedShare(db, area, from, to, OrgUnitLevel.Commune),
        Computation.TrainedCityStaff => Trained(db, area, from, to, [OrgUnitLevel.Province]),
        Computation.TrainedLocalStaff => Trained(db, area, from, to, [OrgUnitLevel.District, OrgUnitLevel.Commune]),
        _ => PeopleReached(db, area, from, to, Reached[c]),
    };

    /// <summary>Where the records behind a figure are listed.</summary>
    public static string Link(Computation c, int unitId, MeasureWindow w, int? planId = null) => CommuneFacts.Handles(c) ? CommuneFacts.Link(c, unitId, w)
        : DocumentFacts.Handles(c)
        ? $"/documents?unit={unitId}&year={w.To.Year}" + (IndicatorComputations.ReadsPlan(c) && planId is { } p ? $"&plan={p}" : "")
        : c is Computation.TrainedShareCity or Computation.TrainedShareCommune
        or Computation.TrainedCityStaff or Computation.TrainedLocalStaff
        ? $"/training?unit={unitId}&from={w.From:yyyy-MM-dd}&to={w.To:yyyy-MM-dd}"
        : $"/communication?unit={unitId}&from={w.From:yyyy-MM-dd}&to={w.To:yyyy-MM-dd}";

    /// <summary>The calendar quarters that meet the window, each cut to it: 1/1–31/3, 1/4–30/6, 1/7–30/9, 1/10–31/12.</summary>
    public static List<(DateOnly From, DateOnly To)> Quarters(DateOnly from, DateOnly to)
    {
        var result = new List<(DateOnly, DateOnly)>();
        var start = new DateOnly(from.Year, (from.Month - 1) / 3 * 3 + 1, 1);
        for (var q = start; q <= to; q = q.AddMonths(3))
        {
            var end = q.AddMonths(3).AddDays(-1);
            result.Add((q < from ? from : q, end > to ? to : end));
        }
        return result;
    }

    /// <summary>3.1.2: every commune existing on the window's last day is one in the denominator; it is in the numerator when
    /// in each quarter of the window its area (itself and the old communes merged into it) held at least the rule's number of
    /// events (<see cref="CommunicationRule"/>, one when none is set). A commune that met the rule only by events of
    /// an old ward merged into it on 1/7/2025 meets it: those are its people's events.</summary>
    static IQueryable<Fact> CommunicationMaintained(PcmdDbContext db, int? area, DateOnly from, DateOnly to)
    {
        var communes = db.OrgUnits.Where(u => u.Level == OrgUnitLevel.Commune
            && (u.ValidFrom == null || u.ValidFrom <= to) && (u.ValidTo == null || u.ValidTo >= to));
        if (area is { } a) communes = communes.InAreaOf(db, a, u => u.Id);
        Expression<Func<OrgUnit, bool>>? met = null;
        foreach (var (qs, qe) in Quarters(from, to))
        {
            Expression<Func<OrgUnit, bool>> inQuarter = u => db.CommunicationEvents.Count(e => e.Date >= qs && e.Date <= qe
                    && db.OrgUnitAreas.Any(x => x.AreaId == u.Id && !x.Above && x.UnitId == e.OrgUnitId))
                >= (db.CommunicationRules.Select(r => (int?)r.EventsPerQuarter).Max() ?? CommunicationRules.DefaultEventsPerQuarter);
            met = met is null ? inQuarter : And(met, inQuarter);
        }
        var den = communes.Select(u => new Fact { UnitId = u.Id, Num = 0, Den = 1 });
        return met is null ? den : den.Concat(communes.Where(met).Select(u => new Fact { UnitId = u.Id, Num = 1, Den = 0 }));
    }

    static IQueryable<Fact> PeopleReached(PcmdDbContext db, int? area, DateOnly from, DateOnly to, TargetGroup group)
    {
        var events = db.CommunicationEvents.Where(e => e.Date >= from && e.Date <= to);
        if (area is { } a) events = events.InAreaOf(db, a, e => e.OrgUnitId);
        return events.Join(db.EventAudiences.Where(x => x.Group == group), e => e.Id, x => x.EventId,
            (e, x) => new Fact { UnitId = e.OrgUnitId, Num = x.PeopleReached, Den = 0 });
    }

    /// <summary>3.2.3.a/b, for a unit and agency that keep counts: per roster row in force on the window's last day (the latest
    /// of its unit and agency dated on or before it), of a unit of the level that exists then: the headcount in the
    /// denominator, and in the numerator the people of that unit's area, agency and level first trained by a course ended in
    /// the window, never more than the headcount. A unit and agency that keep named staff by then count people instead
    /// (<see cref="NamedStaffFacts"/>): their count rows and the participant rows linked to a person are left out here.</summary>
    static IQueryable<Fact> TrainedShare(PcmdDbContext db, int? area, DateOnly from, DateOnly to, OrgUnitLevel level)
    {
        var rosters = db.StaffRosters.Where(r => r.AsOf <= to
            && !db.StaffRosters.Any(r2 => r2.OrgUnitId == r.OrgUnitId && r2.AgencyId == r.AgencyId && r2.AsOf <= to
                && (r2.AsOf > r.AsOf || (r2.AsOf == r.AsOf && r2.Id > r.Id)))
            && !db.StaffMembers.Any(m => m.OrgUnitId == r.OrgUnitId && m.AgencyId == r.AgencyId && m.FromDate <= to)
            && db.OrgUnits.Any(u => u.Id == r.OrgUnitId && u.Level == level
                && (u.ValidFrom == null || u.ValidFrom <= to) && (u.ValidTo == null || u.ValidTo >= to)));
        if (area is { } a) rosters = rosters.InAreaOf(db, a, r => r.OrgUnitId);
        var participants = db.TrainingParticipants.Where(p => p.StaffMemberId == null
            && db.TrainingCourses.Any(c => c.Id == p.CourseId && c.EndDate >= from && c.EndDate <= to)
            && db.OrgUnits.Any(u => u.Id == p.OrgUnitId && u.Level == level));
        return rosters.Select(r => new
        {
            r.OrgUnitId, r.Headcount,
            Trained = participants.Where(p => p.AgencyId == r.AgencyId
                    && db.OrgUnitAreas.Any(x => x.AreaId == r.OrgUnitId && !x.Above && x.UnitId == p.OrgUnitId))
                .Sum(p => (int?)(p.Count - p.AlreadyTrained)) ?? 0,
        }).Select(x => new Fact { UnitId = x.OrgUnitId, Den = x.Headcount, Num = x.Trained > x.Headcount ? x.Headcount : x.Trained })
            .Concat(NamedStaffFacts.TrainedShare(db, area, from, to, level));
    }

    /// <summary>11.1/11.2 of the 2024 city plan: people of units of these levels who attended a course ended in the window.</summary>
    static IQueryable<Fact> Trained(PcmdDbContext db, int? area, DateOnly from, DateOnly to, OrgUnitLevel[] levels)
    {
        var q = db.TrainingParticipants.Where(p => db.TrainingCourses.Any(c => c.Id == p.CourseId && c.EndDate >= from && c.EndDate <= to)
            && db.OrgUnits.Any(u => u.Id == p.OrgUnitId && levels.Contains(u.Level)));
        if (area is { } a) q = q.InAreaOf(db, a, p => p.OrgUnitId);
        return q.Select(p => new Fact { UnitId = p.OrgUnitId, Num = p.Count, Den = 0 });
    }

    static Expression<Func<T, bool>> And<T>(Expression<Func<T, bool>> left, Expression<Func<T, bool>> right) =>
        Expression.Lambda<Func<T, bool>>(Expression.AndAlso(left.Body, new Rebind(right.Parameters[0], left.Parameters[0]).Visit(right.Body)),
            left.Parameters);

    sealed class Rebind(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}
