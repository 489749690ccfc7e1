using Pcmd.Web.Features.Establishments;
using Pcmd.Web.Features.Hotspots;
using Pcmd.Web.Security;

namespace Pcmd.Web.Features.Indicators;

/// <summary>The SQL every figure of <see cref="IndicatorComputations"/> is built on, one query of facts per computation.</summary>
public sealed partial class IndicatorComputations
{
    /// <summary>The facts of a computation: the SQL every figure is built on.</summary>
    public IQueryable<Fact> Facts(Computation c, int? areaUnitId, DateOnly from, DateOnly to, int? planId = null)
    {
        return c switch
        {
            // COUNT over establishments with EXISTS on inspections: the (EstablishmentId, Date) index answers each probe.
            Computation.InspectedShare => Managed(areaUnitId, from, to).Select(e => new Fact
            {
                UnitId = e.OrgUnitId, Den = 1,
                Num = db.Inspections.Any(i => i.EstablishmentId == e.Id && i.Date >= from && i.Date <= to) ? 1 : 0,
            }),
            Computation.HighRiskInspectedShare => Managed(areaUnitId, from, to).Where(e => e.RiskClass == RiskClass.High).Select(e => new Fact
            {
                UnitId = e.OrgUnitId, Den = 1,
                Num = db.Inspections.Any(i => i.EstablishmentId == e.Id && i.Date >= from && i.Date <= to) ? 1 : 0,
            }),
            Computation.EstablishmentsInspected => InArea(db.Establishments, areaUnitId)
                .Where(e => db.Inspections.Any(i => i.EstablishmentId == e.Id && i.Date >= from && i.Date <= to))
                .Select(e => new Fact { UnitId = e.OrgUnitId, Num = 1, Den = 0 }),
            Computation.CommitmentShare => Managed(areaUnitId, from, to).Select(e => new Fact
            {
                UnitId = e.OrgUnitId, Den = 1,
                Num = e.CommitmentSigned && (e.CommitmentDate == null || e.CommitmentDate <= to) ? 1 : 0,
            }),
            Computation.CommitmentCount => Managed(areaUnitId, from, to)
                .Where(e => e.CommitmentSigned && (e.CommitmentDate == null || e.CommitmentDate <= to))
                .Select(e => new Fact { UnitId = e.OrgUnitId, Num = 1, Den = 0 }),
            Computation.InspectionCount => Inspections(areaUnitId, from, to).Select(i => new Fact { UnitId = i.OrgUnitId, Num = 1, Den = 0 }),
            Computation.PeopleInformed => Inspections(areaUnitId, from, to)
                .Select(i => new Fact { UnitId = i.OrgUnitId, Num = i.OwnersInformed + i.WorkersInformed, Den = 0 }),
            Computation.HotspotsEliminated => InArea(db.Hotspots, areaUnitId)
                .Where(h => db.HotspotEvents.Any(ev => ev.HotspotId == h.Id && ev.Kind == HotspotEventKind.Eliminated && ev.Date >= from && ev.Date <= to))
                .Select(h => new Fact { UnitId = h.OrgUnitId, Num = 1, Den = 0 }),
            Computation.HotspotsReEmerged => db.HotspotEvents
                .Where(ev => ev.Kind == HotspotEventKind.ReEmerged && ev.Date >= from && ev.Date <= to)
                .Join(InArea(db.Hotspots, areaUnitId), ev => ev.HotspotId, h => h.Id, (ev, h) => new Fact { UnitId = h.OrgUnitId, Num = 1, Den = 0 }),
            // New: the hotspot's first event is its identification, inside the window (an old hotspot taken over from a
            // plan's appendix starts with "targeted" and is not new).
            Computation.NewHotspots => InArea(db.Hotspots, areaUnitId)
                .Where(h => db.HotspotEvents.Any(ev => ev.HotspotId == h.Id && ev.Kind == HotspotEventKind.Identified && ev.Date >= from && ev.Date <= to
                    && !db.HotspotEvents.Any(e2 => e2.HotspotId == h.Id && e2.Date < ev.Date)))
                .Select(h => new Fact { UnitId = h.OrgUnitId, Num = 1, Den = 0 }),
            Computation.SupportReachedShare => SupportFacts.ReachedShare(db, areaUnitId, from, to),
            Computation.OutreachContacts => SupportFacts.OutreachContacts(db, areaUnitId, from, to),
            Computation.PeopleReferred => SupportFacts.PeopleReferred(db, areaUnitId, from, to),
            Computation.TipsReceived => TipFacts.Received(db, areaUnitId, from, to),
            Computation.TipsHandledOnTimeShare => TipFacts.HandledOnTime(db, areaUnitId, from, to),
            Computation.CriminalCasesDetected => EnforcementFacts.CasesDetected(db, areaUnitId, from, to),
            Computation.CriminalCasesTried => EnforcementFacts.CasesTried(db, areaUnitId, from, to),
            Computation.DefendantsTried => EnforcementFacts.DefendantsTried(db, areaUnitId, from, to),
            Computation.TriedShareOfIndicted => EnforcementFacts.TriedShareOfIndicted(db, areaUnitId, from, to),
            Computation.PeopleSanctioned => EnforcementFacts.PeopleSanctioned(db, areaUnitId, from, to),
            Computation.SellersSanctioned => EnforcementFacts.SellersSanctioned(db, areaUnitId, from, to),
            Computation.FinesTotal => EnforcementFacts.FinesTotal(db, areaUnitId, from, to),
            _ when ActivityFacts.Handles(c) => ActivityFacts.Facts(db, c, areaUnitId, from, to, planId),
            _ => throw new ArgumentOutOfRangeException(nameof(c), c, "Unknown computation"),
        };
    }

    /// <summary>Establishments under management at some time in the window (rà soát, phân loại, đưa vào diện quản lý):
    /// entered on or before its end (or at an unknown date) and either still managed or left on or after its start, so that
    /// an establishment closed later still counts for the years it was managed.</summary>
    IQueryable<Establishment> Managed(int? area, DateOnly from, DateOnly to) =>
        InArea(db.Establishments, area).Where(e =>
            (e.ManagedFrom == null || e.ManagedFrom <= to)
            && ((e.ManagedTo == null && e.Status == ManagementStatus.UnderManagement) || e.ManagedTo >= from));

    IQueryable<Inspections.Inspection> Inspections(int? area, DateOnly from, DateOnly to)
    {
        var q = db.Inspections.Where(i => i.Date >= from && i.Date <= to);
        return area is { } a ? q.InAreaOf(db, a, i => i.OrgUnitId) : q;
    }

    IQueryable<Establishment> InArea(IQueryable<Establishment> q, int? area) => area is { } a ? q.InAreaOf(db, a, e => e.OrgUnitId) : q;

    IQueryable<Hotspot> InArea(IQueryable<Hotspot> q, int? area) => area is { } a ? q.InAreaOf(db, a, h => h.OrgUnitId) : q;

    /// <summary>The country-wide "inspected at least once" written by hand, for the benchmark to compare with
    /// <see cref="Compute"/>(<see cref="Computation.InspectedShare"/>, null, from, to). The same text runs on SQLite and
    /// PostgreSQL; parameters <c>@from</c> and <c>@to</c> are dates. Columns: <c>total</c>, <c>inspected</c>.</summary>
    public const string CountryInspectedShareSql = """
        SELECT COUNT(*) AS total,
               COALESCE(SUM(CASE WHEN EXISTS (
                   SELECT 1 FROM inspections i
                   WHERE i."EstablishmentId" = e."Id" AND i."Date" >= @from AND i."Date" <= @to) THEN 1 ELSE 0 END), 0) AS inspected
        FROM establishments e
        WHERE (e."ManagedFrom" IS NULL OR e."ManagedFrom" <= @to)
          AND ((e."ManagedTo" IS NULL AND e."Status" = 'UnderManagement') OR e."ManagedTo" >= @from)
        """;
}
