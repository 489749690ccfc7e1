using Pcmd.Web.Data;
using Pcmd.Web.Features.Establishments;
using Pcmd.Web.Features.Hotspots;
using Pcmd.Web.Features.OrgUnits;
using Pcmd.Web.Features.Support;
using Pcmd.Web.Security;
using Pcmd.Web.Shared;
using Tip = Pcmd.Web.Features.Tips.Tip;
using TipState = Pcmd.Web.Features.Tips.TipState;
using Inspection = Pcmd.Web.Features.Inspections.Inspection;
using SanctionKind = Pcmd.Web.Features.Inspections.SanctionKind;

namespace Pcmd.Web.Features.Indicators;

/// <summary>A record's part in every window of a series at once: it enters the denominator (and, for a count, the numerator) on
/// <see cref="On"/>, and the numerator on the later of <see cref="On"/> and <see cref="NumOn"/>; null: never. A window
/// counts it when those days fall inside it (<see cref="DatedShape.Flow"/>) or up to its end (<see cref="DatedShape.FromStart"/>).</summary>
public sealed class DatedFact
{
    public int UnitId { get; set; }
    public int Num { get; set; }
    public int Den { get; set; }
    public DateOnly? On { get; set; }
    public DateOnly? NumOn { get; set; }
    /// <summary>The numerator holds only in windows judged on or before this day (a window is judged on its end, or today while it
    /// runs): an open tip is on time until its next deadline passes. Null: in every window.</summary>
    public DateOnly? NumUntil { get; set; }
}

/// <summary>How a computation's windows relate to its records' days.</summary>
public enum DatedShape
{
    /// <summary>A record counts in any window holding its day (inspections, cases, sanctions…): one query answers windows of any start.</summary>
    Flow,
    /// <summary>A record counts once its day is reached from the window's start ("inspected at least once since 1 January", "under
    /// management in the window"): one query per start answers windows of any end.</summary>
    FromStart,
}

/// <summary>The facts of the computations whose windows are folded from one grouped query (issues 10 and 14: a trend and a
/// projection ask about twenty windows of each figure; per window, each was a scan of its register). Each query is the
/// computation of <see cref="IndicatorComputations.Facts"/> with the window's end left open up to <c>last</c> and each record's
/// day kept; <see cref="WindowSeries"/> groups them by unit and period and folds the periods into windows in memory. The unit
/// tests prove every window equal to the per-window computation. The computations not listed (states of a day: rosters, plans
/// in force, commune rules; keep one query per window.</summary>
public static class DatedFacts
{
    public static DatedShape? ShapeOf(Computation c) => c switch
    {
        Computation.InspectedShare or Computation.HighRiskInspectedShare or Computation.EstablishmentsInspected or Computation.CommitmentShare
            or Computation.CommitmentCount or Computation.HotspotsEliminated or Computation.PeopleReferred or Computation.SupportReachedShare => DatedShape.FromStart,
        Computation.InspectionCount or Computation.PeopleInformed or Computation.HotspotsReEmerged or Computation.NewHotspots
            or Computation.CriminalCasesDetected or Computation.CriminalCasesTried or Computation.DefendantsTried or Computation.TriedShareOfIndicted
            or Computation.PeopleSanctioned or Computation.SellersSanctioned or Computation.FinesTotal or Computation.OutreachContacts
            or Computation.ReachedResidents or Computation.ReachedMigrantWorkers or Computation.ReachedHighSchoolStudents
            or Computation.ReachedUniversityStudents or Computation.ReachedVocationalStudents or Computation.ReachedEstablishmentOwners
            or Computation.ReachedEstablishmentWorkers or Computation.TrainedCityStaff or Computation.TrainedLocalStaff
            or Computation.TipsReceived or Computation.TipsHandledOnTimeShare => DatedShape.Flow,
        _ => null,
    };

    /// <summary>Whether the facts of <paramref name="c"/> set <see cref="DatedFact.NumUntil"/>.</summary>
    public static bool HoldsUntil(Computation c) => c == Computation.TipsHandledOnTimeShare;

    /// <summary>The dated facts of <paramref name="c"/> for windows starting on <paramref name="from"/> (a flow: on or after it)
    /// and ending on or before <paramref name="last"/>.</summary>
    public static IQueryable<DatedFact> Facts(PcmdDbContext db, Computation c, int? area, DateOnly from, DateOnly last) => c switch
    {
        Computation.InspectedShare => Inspected(db, Managed(db, area, from, last), from, last),
        Computation.HighRiskInspectedShare => Inspected(db, Managed(db, area, from, last).Where(e => e.RiskClass == RiskClass.High), from, last),
        Computation.EstablishmentsInspected => In(db, db.Establishments, area, e => e.OrgUnitId).Select(e => new DatedFact
        {
            UnitId = e.OrgUnitId, Num = 1, Den = 0, On = from,
            NumOn = db.Inspections.Where(i => i.EstablishmentId == e.Id && i.Date >= from && i.Date <= last).Min(i => (DateOnly?)i.Date),
        }),
        // Signed, counted from the day it was signed (or from the start, undated).
        Computation.CommitmentShare => Managed(db, area, from, last).Select(e => new DatedFact
        {
            UnitId = e.OrgUnitId, Den = 1, Num = e.CommitmentSigned ? 1 : 0, On = e.ManagedFrom ?? from, NumOn = e.CommitmentDate ?? from,
        }),
        Computation.CommitmentCount => Managed(db, area, from, last).Where(e => e.CommitmentSigned).Select(e => new DatedFact
        {
            UnitId = e.OrgUnitId, Den = 0, Num = 1, On = e.ManagedFrom ?? from, NumOn = e.CommitmentDate ?? from,
        }),
        Computation.HotspotsEliminated => In(db, db.Hotspots, area, h => h.OrgUnitId).Select(h => new DatedFact
        {
            UnitId = h.OrgUnitId, Num = 1, Den = 0, On = from,
            NumOn = db.HotspotEvents.Where(ev => ev.HotspotId == h.Id && ev.Kind == HotspotEventKind.Eliminated && ev.Date >= from && ev.Date <= last)
                .Min(ev => (DateOnly?)ev.Date),
        }),
        Computation.HotspotsReEmerged => db.HotspotEvents.Where(ev => ev.Kind == HotspotEventKind.ReEmerged && ev.Date >= from && ev.Date <= last)
            .Join(In(db, db.Hotspots, area, h => h.OrgUnitId), ev => ev.HotspotId, h => h.Id,
                (ev, h) => new DatedFact { UnitId = h.OrgUnitId, Num = 1, Den = 0, On = ev.Date, NumOn = ev.Date }),
        // The hotspot's first event, when it is its identification: the same day whatever the window.
        Computation.NewHotspots => In(db, db.Hotspots, area, h => h.OrgUnitId).Select(h => new { h.OrgUnitId,
                Day = db.HotspotEvents.Where(ev => ev.HotspotId == h.Id && ev.Kind == HotspotEventKind.Identified && ev.Date >= from && ev.Date <= last
                    && !db.HotspotEvents.Any(e2 => e2.HotspotId == h.Id && e2.Date < ev.Date)).Min(ev => (DateOnly?)ev.Date) })
            .Select(x => new DatedFact { UnitId = x.OrgUnitId, Num = 1, Den = 0, On = x.Day, NumOn = x.Day }),
        Computation.PeopleReferred => In(db, db.SupportCases, area, s => s.OrgUnitId).Select(s => new DatedFact
        {
            UnitId = s.OrgUnitId, Num = 1, Den = 0, On = from,
            NumOn = db.Referrals.Where(r => r.CaseId == s.Id && r.ReferredOn >= from && r.ReferredOn <= last).Min(r => (DateOnly?)r.ReferredOn),
        }),
        Computation.SupportReachedShare => SupportReached(db, area, from, last),
        Computation.InspectionCount => Inspections(db, area, from, last).Select(i => new DatedFact { UnitId = i.OrgUnitId, Num = 1, Den = 0, On = i.Date, NumOn = i.Date }),
        Computation.PeopleInformed => Inspections(db, area, from, last)
            .Select(i => new DatedFact { UnitId = i.OrgUnitId, Num = i.OwnersInformed + i.WorkersInformed, Den = 0, On = i.Date, NumOn = i.Date }),
        Computation.CriminalCasesDetected => In(db, db.CriminalCases, area, x => x.OrgUnitId).Where(x => x.DetectedOn >= from && x.DetectedOn <= last)
            .Select(x => new DatedFact { UnitId = x.OrgUnitId, Num = 1, Den = 0, On = x.DetectedOn, NumOn = x.DetectedOn }),
        Computation.CriminalCasesTried => In(db, db.CriminalCases, area, x => x.OrgUnitId).Where(x => x.TriedOn >= from && x.TriedOn <= last)
            .Select(x => new DatedFact { UnitId = x.OrgUnitId, Num = 1, Den = 0, On = x.TriedOn, NumOn = x.TriedOn }),
        Computation.DefendantsTried => In(db, db.CriminalCases, area, x => x.OrgUnitId).Where(x => x.TriedOn >= from && x.TriedOn <= last)
            .Select(x => new DatedFact { UnitId = x.OrgUnitId, Num = x.DefendantsCount, Den = 0, On = x.TriedOn, NumOn = x.TriedOn }),
        // Of the cases sent for prosecution in the window, those tried since (whenever): in the numerator from the same day.
        Computation.TriedShareOfIndicted => In(db, db.CriminalCases, area, x => x.OrgUnitId).Where(x => x.IndictedOn >= from && x.IndictedOn <= last)
            .Select(x => new DatedFact { UnitId = x.OrgUnitId, Num = 1, Den = 1, On = x.IndictedOn, NumOn = x.TriedOn != null ? x.IndictedOn : null }),
        Computation.PeopleSanctioned => Sanctions(db, area, from, last).Where(s => s.Target != Enforcement.SanctionTarget.Premises)
            .Select(s => new DatedFact { UnitId = s.OrgUnitId, Num = 1, Den = 0, On = s.Date, NumOn = s.Date }),
        Computation.SellersSanctioned => Sanctions(db, area, from, last).Where(s => s.Target == Enforcement.SanctionTarget.Seller)
            .Select(s => new DatedFact { UnitId = s.OrgUnitId, Num = 1, Den = 0, On = s.Date, NumOn = s.Date }),
        Computation.FinesTotal => Sanctions(db, area, from, last).Where(s => s.Kind == SanctionKind.Fine && s.Amount != null)
            .Select(s => new DatedFact { UnitId = s.OrgUnitId, Num = (int)(s.Amount!.Value / 1000), Den = 0, On = s.Date, NumOn = s.Date }),
        Computation.OutreachContacts => In(db, db.OutreachContacts.Where(x => x.Date >= from && x.Date <= last), area, x => x.OrgUnitId)
            .Select(x => new DatedFact { UnitId = x.OrgUnitId, Num = x.People, Den = 0, On = x.Date, NumOn = x.Date }),
        Computation.TipsReceived => Tips(db, area, from, last).Select(t => new DatedFact
        {
            UnitId = t.OrgUnitId, Num = 1, Den = 0,
            On = DateOnly.FromDateTime(t.ReceivedAt.AddHours(VietnamTime.OffsetHours)), NumOn = DateOnly.FromDateTime(t.ReceivedAt.AddHours(VietnamTime.OffsetHours)),
        }),
        // As TipFacts.HandledOnTime: every recorded step on time, and an open tip only until its next deadline passes.
        Computation.TipsHandledOnTimeShare => Tips(db, area, from, last).Select(t => new DatedFact
        {
            UnitId = t.OrgUnitId, Den = 1, Num = db.TipSteps.Any(s => s.TipId == t.Id && !s.OnTime) ? 0 : 1,
            On = DateOnly.FromDateTime(t.ReceivedAt.AddHours(VietnamTime.OffsetHours)), NumOn = DateOnly.FromDateTime(t.ReceivedAt.AddHours(VietnamTime.OffsetHours)),
            NumUntil = t.State != TipState.Closed ? t.NextDueOn : null,
        }),
        Computation.TrainedCityStaff => Trained(db, area, from, last, [OrgUnitLevel.Province]),
        Computation.TrainedLocalStaff => Trained(db, area, from, last, [OrgUnitLevel.District, OrgUnitLevel.Commune]),
        _ => Reached(db, area, from, last, ActivityFacts.GroupOf(c)),
    };

    static IQueryable<T> In<T>(PcmdDbContext db, IQueryable<T> q, int? area, System.Linq.Expressions.Expression<Func<T, int>> unit) =>
        area is { } a ? q.InAreaOf(db, a, unit) : q;

    /// <summary>Under management at some time in a window from <paramref name="from"/>: entered by the window's end (<see cref="DatedFact.On"/>),
    /// not left before its start.</summary>
    static IQueryable<Establishment> Managed(PcmdDbContext db, int? area, DateOnly from, DateOnly last) =>
        In(db, db.Establishments, area, e => e.OrgUnitId).Where(e => (e.ManagedFrom == null || e.ManagedFrom <= last)
            && ((e.ManagedTo == null && e.Status == ManagementStatus.UnderManagement) || e.ManagedTo >= from));

    static IQueryable<DatedFact> Inspected(PcmdDbContext db, IQueryable<Establishment> managed, DateOnly from, DateOnly last) =>
        managed.Select(e => new DatedFact
        {
            UnitId = e.OrgUnitId, Den = 1, Num = 1, On = e.ManagedFrom ?? from,
            NumOn = db.Inspections.Where(i => i.EstablishmentId == e.Id && i.Date >= from && i.Date <= last).Min(i => (DateOnly?)i.Date),
        });

    /// <summary>3.1.3: in the denominator once opened and screened eligible for a need; in the numerator once a service was given
    /// for an eligible need on a day from the window's start.</summary>
    static IQueryable<DatedFact> SupportReached(PcmdDbContext db, int? area, DateOnly from, DateOnly last) =>
        In(db, db.SupportCases, area, s => s.OrgUnitId)
            .Where(s => s.TargetGroup == TargetGroup.SexWorker && s.OpenedOn <= last && (s.ClosedOn == null || s.ClosedOn >= from))
            .Select(s => new
            {
                s.OrgUnitId, s.OpenedOn,
                Screened = db.CaseNeeds.Where(n => n.CaseId == s.Id && n.Eligible).Min(n => (DateOnly?)n.ScreenedOn),
                Served = db.Referrals.Where(r => r.CaseId == s.Id && r.Outcome == ReferralOutcome.ServiceGiven && r.OutcomeOn >= from && r.OutcomeOn <= last
                    && db.CaseNeeds.Any(n => n.CaseId == s.Id && n.NeedKindId == r.NeedKindId && n.Eligible)).Min(r => r.OutcomeOn),
            })
            .Select(x => new DatedFact
            {
                UnitId = x.OrgUnitId, Num = 1, Den = 1,
                On = x.Screened == null ? null : x.Screened > x.OpenedOn ? x.Screened : x.OpenedOn,
                NumOn = x.Served,
            });

    /// <summary>Tips received (Vietnamese days) from <paramref name="from"/> to <paramref name="last"/>, as TipFacts reads them.</summary>
    static IQueryable<Tip> Tips(PcmdDbContext db, int? area, DateOnly from, DateOnly last)
    {
        var start = VietnamTime.StartOf(from).UtcDateTime;
        var end = VietnamTime.StartOf(last.AddDays(1)).UtcDateTime;
        return In(db, db.Tips.Where(t => t.ReceivedAt >= start && t.ReceivedAt < end), area, t => t.OrgUnitId);
    }

    static IQueryable<Inspection> Inspections(PcmdDbContext db, int? area, DateOnly from, DateOnly last) =>
        In(db, db.Inspections.Where(i => i.Date >= from && i.Date <= last), area, i => i.OrgUnitId);

    static IQueryable<Enforcement.AdministrativeSanction> Sanctions(PcmdDbContext db, int? area, DateOnly from, DateOnly last) =>
        In(db, db.AdministrativeSanctions.Where(s => s.Date >= from && s.Date <= last), area, s => s.OrgUnitId);

    static IQueryable<DatedFact> Trained(PcmdDbContext db, int? area, DateOnly from, DateOnly last, OrgUnitLevel[] levels) =>
        In(db, db.TrainingParticipants.Where(p => db.OrgUnits.Any(u => u.Id == p.OrgUnitId && levels.Contains(u.Level))), area, p => p.OrgUnitId)
            .Join(db.TrainingCourses.Where(c => c.EndDate >= from && c.EndDate <= last), p => p.CourseId, c => c.Id,
                (p, c) => new DatedFact { UnitId = p.OrgUnitId, Num = p.Count, Den = 0, On = c.EndDate, NumOn = c.EndDate });

    static IQueryable<DatedFact> Reached(PcmdDbContext db, int? area, DateOnly from, DateOnly last, Communication.TargetGroup group) =>
        In(db, db.CommunicationEvents.Where(e => e.Date >= from && e.Date <= last), area, e => e.OrgUnitId)
            .Join(db.EventAudiences.Where(x => x.Group == group), e => e.Id, x => x.EventId,
                (e, x) => new DatedFact { UnitId = e.OrgUnitId, Num = x.PeopleReached, Den = 0, On = e.Date, NumOn = e.Date });
}
