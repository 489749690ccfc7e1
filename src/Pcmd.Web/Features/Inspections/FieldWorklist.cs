using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Establishments;
using Pcmd.Web.Features.OrgUnits;
using Pcmd.Web.Security;

namespace Pcmd.Web.Features.Inspections;

/// <summary>An establishment as the inspector's phone lists it. <see cref="PlanItemId"/> when an inspection plan schedules it
/// for today; <see cref="DistanceKm"/> when the phone gave its position.</summary>
public sealed record FieldEstablishment(int Id, string Name, string Address, string Unit, RiskClass Risk, DateOnly? LastInspection,
    int? PlanItemId = null, double? DistanceKm = null);

/// <summary>What an inspector in the field chooses from (issue 15, item 2): establishments found by part of their name or
/// address, nearest first when the phone gives a position; the day's worklist — the inspection plans' items scheduled for
/// today and not yet recorded, then the establishments under management not inspected this year, high risk first. Always
/// within the team's area and the user's writable scope.</summary>
public sealed class FieldWorklist(PcmdDbContext db, OrgUnitTree tree)
{
    public const int Size = 20;

    IQueryable<Establishment> InReach(UserScope scope, int teamUnitId) =>
        db.Establishments.AsNoTracking().InAreaOf(db, teamUnitId, e => e.OrgUnitId).InWritableScope(db, scope, e => e.OrgUnitId);

    public async Task<List<FieldEstablishment>> Find(UserScope scope, int teamUnitId, string text, double? lat, double? lon,
        CancellationToken ct = default)
    {
        var q = InReach(scope, teamUnitId);
        if (!string.IsNullOrWhiteSpace(text)) q = EstablishmentQuery.Matching(db, q, text);
        var near = lat is { } la && lon is { } lo && Math.Abs(la) <= 90 && Math.Abs(lo) <= 180;
        // An equirectangular distance orders the few kilometres of a ward well enough; the shown distance is the great circle.
        var k = Math.Cos((lat ?? 0) * Math.PI / 180);
        var ordered = near
            ? q.OrderBy(e => e.Latitude == null || e.Longitude == null ? 1 : 0)
                .ThenBy(e => (e.Latitude!.Value - lat!.Value) * (e.Latitude!.Value - lat!.Value)
                    + (e.Longitude!.Value - lon!.Value) * k * ((e.Longitude!.Value - lon!.Value) * k))
            : q.OrderBy(e => e.Name);
        var rows = await ordered.ThenBy(e => e.Id).Take(Size).Select(e => new { e.Id, e.Name, e.Address, e.OrgUnitId, e.RiskClass,
            e.Latitude, e.Longitude, Last = db.Inspections.Where(i => i.EstablishmentId == e.Id).Max(i => (DateOnly?)i.Date) }).ToListAsync(ct);
        var list = new List<FieldEstablishment>();
        foreach (var e in rows)
            list.Add(new(e.Id, e.Name, e.Address, await UnitName(e.OrgUnitId), e.RiskClass, e.Last, null,
                near && e.Latitude is { } a && e.Longitude is { } b ? Kilometres(lat!.Value, lon!.Value, a, b) : null));
        return list;
    }

    /// <summary>Today's planned visits of the teams the user may record for, then the establishments due this year.</summary>
    public async Task<(List<FieldEstablishment> Planned, List<FieldEstablishment> Due, int DueCount)> Today(UserScope scope, int teamUnitId,
        DateOnly today, CancellationToken ct = default)
    {
        var reach = InReach(scope, teamUnitId);
        var planned = await db.InspectionPlanItems.AsNoTracking().Where(p => p.PlannedOn == today
                && !db.Inspections.Any(i => i.InspectionPlanItemId == p.Id) && reach.Any(e => e.Id == p.EstablishmentId))
            .Join(db.Establishments, p => p.EstablishmentId, e => e.Id, (p, e) => new { ItemId = p.Id, e.Id, e.Name, e.Address, e.OrgUnitId,
                e.RiskClass, Last = db.Inspections.Where(i => i.EstablishmentId == e.Id).Max(i => (DateOnly?)i.Date) })
            .OrderBy(x => x.RiskClass == RiskClass.High ? 0 : x.RiskClass == RiskClass.Medium ? 1 : 2).ThenBy(x => x.Name).ThenBy(x => x.ItemId)
            .Take(Size).ToListAsync(ct);
        var from = new DateOnly(today.Year, 1, 1);
        var due = reach.Where(e => e.Status == ManagementStatus.UnderManagement)
            .Where(e => !db.Inspections.Any(i => i.EstablishmentId == e.Id && i.Date >= from && i.Date <= today));
        var count = await due.CountAsync(ct);
        var dueRows = await due.OrderBy(e => e.RiskClass == RiskClass.High ? 0 : e.RiskClass == RiskClass.Medium ? 1 : 2).ThenBy(e => e.Name)
            .ThenBy(e => e.Id).Take(Size).Select(e => new { e.Id, e.Name, e.Address, e.OrgUnitId, e.RiskClass,
                Last = db.Inspections.Where(i => i.EstablishmentId == e.Id).Max(i => (DateOnly?)i.Date) }).ToListAsync(ct);
        var plannedList = new List<FieldEstablishment>();
        foreach (var p in planned) plannedList.Add(new(p.Id, p.Name, p.Address, await UnitName(p.OrgUnitId), p.RiskClass, p.Last, p.ItemId));
        var dueList = new List<FieldEstablishment>();
        foreach (var e in dueRows) dueList.Add(new(e.Id, e.Name, e.Address, await UnitName(e.OrgUnitId), e.RiskClass, e.Last));
        return (plannedList, dueList, count);
    }

    async Task<string> UnitName(int id) => (await tree.Find(id))?.Name ?? "";

    static double Kilometres(double lat1, double lon1, double lat2, double lon2)
    {
        const double R = 6371;
        double Rad(double d) => d * Math.PI / 180;
        var a = Math.Pow(Math.Sin(Rad(lat2 - lat1) / 2), 2) + Math.Cos(Rad(lat1)) * Math.Cos(Rad(lat2)) * Math.Pow(Math.Sin(Rad(lon2 - lon1) / 2), 2);
        return 2 * R * Math.Asin(Math.Sqrt(a));
    }
}
