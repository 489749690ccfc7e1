using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Establishments;
using Pcmd.Web.Features.Hotspots;
using Pcmd.Web.Features.Indicators;
using Pcmd.Web.Features.Inspections;
using Pcmd.Web.Features.Plans;
using Pcmd.Web.Features.Reporting;
using Pcmd.Web.Features.Users;
using Pcmd.Web.Security;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.Monitoring;

/// <summary>Which home a user gets: by their role, the most overseeing first.</summary>
public enum HomeKind { Leader, Coordinator, Ward, Inspector, Other }

public sealed record HomePlan(int PlanId, string Title, int Year, ResultUnit Unit, List<DashboardIndicator> Indicators);

public sealed record LikelyMiss(int PlanId, int IndicatorId, string Number, string Indicator, ResultUnit Unit, string ActualText, string ProjectedText,
    string TargetText, decimal Gap);

public sealed record HomeReport(int Id, string Period, string Plan, string Agency, DateOnly DueOn, int? DaysLate);

public sealed record HomeDeadline(int PeriodId, int PlanId, string Plan, string Period, DateOnly DueOn, int Expected, int Submitted);

public sealed record HomeHotspot(int Id, string Name, string Unit, DateOnly ReEmergedOn);

public sealed record RecentInspection(int Id, DateOnly Date, int EstablishmentId, string Establishment, string Unit);

/// <summary>The first screen after sign-in (issue 14, item 1). Every list is within the user's area; those a role does not
/// need are empty.</summary>
public sealed record HomeSummary(HomeKind Kind, int Year, ResultUnit? Unit, List<HomePlan> Plans, List<LikelyMiss> LikelyToMiss,
    List<HomeReport> Overdue, List<HomeDeadline> Deadlines, List<HomeHotspot> ReEmerged, List<Alert> Alerts, List<MyAssignment> Tasks,
    List<HomeReport> MyReports, int DueCount, List<FieldEstablishment> Due, List<RecentInspection> Recent,
    List<FieldEstablishment> Planned);

public sealed class HomeService(PcmdDbContext db, DashboardService dashboards, AlertService alerts, IndicatorAreas areas, MyTasks tasks,
    ReportLists reports, Projection projection, FieldWorklist worklist, IndicatorComputations computations, FigureCache cache)
{
    /// <summary>What one indicator's part of a home's "likely to miss" list is for: the user (their reach), the plan, indicator and
    /// unit drilled into, the language of its texts.</summary>
    sealed record LikelySlot(string? User, int Unit, bool Global, HomeKind Kind, int Plan, int Indicator, int DrilledUnit, string Culture);
    public const int ListSize = 10;

    public static HomeKind KindOf(UserScope s) =>
        s.IsInRole(Roles.Leader) || s.IsGlobal ? HomeKind.Leader
        : s.IsInRole(Roles.Coordinator) ? HomeKind.Coordinator
        : s.IsInRole(Roles.CommuneOfficer) ? HomeKind.Ward
        : s.IsInRole(Roles.Inspector) ? HomeKind.Inspector
        : HomeKind.Other;

    public async Task<HomeSummary> For(UserScope scope, CancellationToken ct = default)
    {
        var kind = KindOf(scope);
        var today = projection.Today;
        var empty = new HomeSummary(kind, today.Year, null, [], [], [], [], [], [], [], [], 0, [], [], []);
        if (scope.OrgUnitId is not { } unitId || await areas.Find(unitId) is not { } node) return empty;
        var home = empty with { Unit = new ResultUnit(node.Id, node.Code, node.Name) };
        if (kind is HomeKind.Other) return home with { Tasks = InForce(await tasks.For(scope, ct), today.Year) };

        home = home with { Alerts = await alerts.For(unitId, ct) };
        if (kind == HomeKind.Inspector) return await Inspector(home, scope, unitId, today, ct);

        var plans = new List<HomePlan>();
        foreach (var p in await PlansInForce(unitId, today.Year, ct))
        {
            var d = await dashboards.ForPlan(scope, p, today.Year, null, ct);
            // The ward's figures against the targets assigned to it; the programme's every indicator with a target or a figure.
            var rows = d.Indicators.Where(i => i.Result.Target is not null || (kind != HomeKind.Ward && i.Result.Computation is not null)).ToList();
            if (rows.Count > 0) plans.Add(new HomePlan(d.PlanId, d.PlanTitle, d.Year, d.Unit, rows));
        }
        var misses = kind == HomeKind.Ward ? [] : await LikelyToMiss(scope, kind, unitId, plans, today, ct);
        home = home with { Plans = plans, LikelyToMiss = misses };
        if (kind == HomeKind.Ward)
            return home with
            {
                Tasks = InForce(await tasks.For(scope, ct), today.Year),
                MyReports = (await reports.Mine(scope, ct)).Where(r => r.Status is ReportStatus.Draft or ReportStatus.Returned)
                    .OrderBy(r => r.DueOn).Select(Row).Take(ListSize).ToList(),
            };
        var planIds = plans.Select(p => p.PlanId).ToList();
        home = home with { Overdue = await Overdue(scope, unitId, planIds, today, ct), ReEmerged = await ReEmerged(unitId, today, ct) };
        return kind == HomeKind.Coordinator ? home with { Deadlines = await Deadlines(planIds, today, ct) } : home;
    }

    /// <summary>The units below likely to miss each bound indicator's target, worst gap first: one drill-down per indicator, the
    /// home's dearest part even when every figure is cached. Each indicator's part is a function of its computation's figures, the
    /// targets, the bindings, the agencies and the unit tree only, so it is kept in the figure cache under the generations of all
    /// of those (<see cref="RecordKinds.AroundFiguresOf"/>) as this request read them (<see cref="IndicatorComputations.Generations"/>,
    /// read before any figure): a write, through any node, recomputes on the next load the parts reading what it wrote, like a
    /// figure (issue 14: no cache older than the last write), and an inspection saved leaves the tips' part alone.</summary>
    async Task<List<LikelyMiss>> LikelyToMiss(UserScope scope, HomeKind kind, int unitId, List<HomePlan> plans, DateOnly today, CancellationToken ct)
    {
        var generations = await computations.Generations(ct);
        var culture = System.Globalization.CultureInfo.CurrentCulture.Name;
        var misses = new List<LikelyMiss>();
        foreach (var p in plans)
            foreach (var i in p.Indicators.Where(i => i.Result.Computation is not null && i.Result.Target is not null))
            {
                var stamp = FigureCache.Stamp(RecordKinds.AroundFiguresOf(i.Result.Computation!.Value), generations);
                var slot = new LikelySlot(scope.UserName, unitId, scope.IsGlobal, kind, p.PlanId, i.Result.IndicatorId, p.Unit.Id, culture);
                if (!cache.Enabled || !cache.TryGet(slot, today, stamp, out List<LikelyMiss> part))
                {
                    var drill = await dashboards.ForIndicator(scope, i.Result.IndicatorId, today.Year, p.Unit.Id, "-gap", ct);
                    part = drill.Units.Where(u => u.Outlook.Projection is { LikelyToMiss: true }).Select(u => new LikelyMiss(p.PlanId,
                        i.Result.IndicatorId, i.Result.Number, i.Result.Text, u.Unit, u.Result.ActualText, u.Outlook.Projection!.ValueText, u.Result.TargetText,
                        u.Outlook.Projection.Gap)).OrderByDescending(m => m.Gap).Take(ListSize).ToList();
                    if (cache.Enabled) cache.Set(slot, today, stamp, part, part.Count + 1);
                }
                misses.AddRange(part);
            }
        return misses.OrderByDescending(m => m.Gap).Take(ListSize).ToList();
    }

    /// <summary>Plans that bind the user's area this year: issued by their unit or a unit above it.</summary>
    async Task<List<int>> PlansInForce(int unitId, int year, CancellationToken ct)
    {
        var units = (await AncestorsAndSelf(unitId)).ToList();
        return await db.Plans.AsNoTracking().Where(p => units.Contains(p.IssuingUnitId) && p.PeriodFrom <= year && p.PeriodTo >= year)
            .OrderBy(p => p.Level).ThenByDescending(p => p.PeriodTo).Select(p => p.Id).ToListAsync(ct);
    }

    async Task<List<int>> AncestorsAndSelf(int unitId)
    {
        var list = new List<int> { unitId };
        for (var n = await areas.Find(unitId); n?.ParentId is { } parent; n = await areas.Find(parent)) list.Add(parent);
        return list;
    }

    static List<MyAssignment> InForce(List<MyAssignment> all, int year) =>
        all.Where(a => a.PeriodFrom <= year && a.PeriodTo >= year).Take(ListSize * 2).ToList();

    static HomeReport Row(ReportRow r) => new(r.Id, r.PeriodTitle, r.PlanTitle, r.AgencyName, r.DueOn, r.DaysLate);

    /// <summary>Unit reports still not in after their deadline, in the plans shown and the user's area.</summary>
    async Task<List<HomeReport>> Overdue(UserScope scope, int unitId, List<int> planIds, DateOnly today, CancellationToken ct)
    {
        if (!ReportAccess.ReadsArea(scope)) return [];
        var q = db.Reports.AsNoTracking().Where(r => planIds.Contains(r.Period!.PlanId) && !r.IsConsolidated
            && (r.Status == ReportStatus.Draft || r.Status == ReportStatus.Returned) && r.Period.DueOn < today && r.Period.DataFrom <= today)
            .InAreaOf(db, unitId, r => r.OrgUnitId);
        return (await ReportQueries.Rows(q, today, ct)).Where(r => r.Overdue).OrderByDescending(r => r.DaysLate).Select(Row).Take(ListSize).ToList();
    }

    async Task<List<HomeDeadline>> Deadlines(List<int> planIds, DateOnly today, CancellationToken ct) =>
        await db.ReportPeriods.AsNoTracking().Where(p => planIds.Contains(p.PlanId) && p.DueOn >= today).OrderBy(p => p.DueOn).Take(5)
            .Select(p => new HomeDeadline(p.Id, p.PlanId, p.Plan!.Title, p.Title, p.DueOn, p.Reports.Count(r => !r.IsConsolidated),
                p.Reports.Count(r => !r.IsConsolidated && (r.Status == ReportStatus.Submitted || r.Status == ReportStatus.Accepted))))
            .ToListAsync(ct);

    /// <summary>Hotspots in the area that re-emerged this year, latest first.</summary>
    async Task<List<HomeHotspot>> ReEmerged(int unitId, DateOnly today, CancellationToken ct)
    {
        var from = new DateOnly(today.Year, 1, 1);
        var rows = await db.HotspotEvents.AsNoTracking().Where(e => e.Kind == HotspotEventKind.ReEmerged && e.Date >= from && e.Date <= today)
            .Join(db.Hotspots.InAreaOf(db, unitId, h => h.OrgUnitId), e => e.HotspotId, h => h.Id, (e, h) => new { h.Id, h.Name, h.OrgUnitId, e.Date })
            .OrderByDescending(x => x.Date).Take(ListSize).ToListAsync(ct);
        var list = new List<HomeHotspot>();
        foreach (var r in rows) list.Add(new(r.Id, r.Name, (await areas.Find(r.OrgUnitId))?.Name ?? "", r.Date));
        return list;
    }

    /// <summary>The day's worklist (today's planned visits, then establishments not inspected this year, high risk first:
    /// <see cref="FieldWorklist"/>, the same list the new-inspection page offers); the area's latest inspections.</summary>
    async Task<HomeSummary> Inspector(HomeSummary home, UserScope scope, int unitId, DateOnly today, CancellationToken ct)
    {
        var (planned, due, count) = await worklist.Today(scope, unitId, today, ct);
        var recent = await db.Inspections.AsNoTracking().Where(i => i.Date <= today).InAreaOf(db, unitId, i => i.OrgUnitId)
            .OrderByDescending(i => i.Date).ThenByDescending(i => i.Id).Take(ListSize)
            .Select(i => new { i.Id, i.Date, i.EstablishmentId, Name = i.Establishment!.Name, i.OrgUnitId }).ToListAsync(ct);
        var recentList = new List<RecentInspection>();
        foreach (var i in recent) recentList.Add(new(i.Id, i.Date, i.EstablishmentId, i.Name, (await areas.Find(i.OrgUnitId))?.Name ?? ""));
        return home with { DueCount = count, Due = due, Planned = planned, Recent = recentList };
    }
}
