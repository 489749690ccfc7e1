using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Indicators;
using Pcmd.Web.Features.Targets;
using Pcmd.Web.Security;

namespace Pcmd.Web.Features.Monitoring;

public sealed record DashboardIndicator(IndicatorResult Result, SourcedFigure Figure, Outlook Outlook);

public sealed record PlanDashboard(int PlanId, string PlanTitle, int PeriodFrom, int PeriodTo, int Year, ResultUnit PlanUnit, ResultUnit Unit,
    List<ResultUnit> Units, List<DashboardIndicator> Indicators);

/// <summary>A unit's figure; <see cref="Outside"/>: records kept in a unit that was not among those below in the year (a commune created
/// on 1/7/2025 holding records of 2024, or the parent unit itself), listed so that the units add up to their parent.</summary>
public sealed record UnitRow(ResultUnit Unit, IndicatorResult Result, Outlook Outlook, bool Outside = false);

public sealed record IndicatorDashboard(int PlanId, string PlanTitle, int PeriodFrom, int PeriodTo, int Year, ResultUnit Unit, IndicatorResult Total,
    Outlook Outlook, string Sort, List<UnitRow> Units);

/// <summary>The indicator dashboards of issue 14 over the Indicators feature as it is: <see cref="IndicatorResultsService"/> gives
/// each indicator's target, actual, per cent and pace status (and the drill-down per unit); this adds each figure's small trend
/// and year-end projection, asked of <see cref="IndicatorFigures"/> in one more statement whatever the number of indicators,
/// so a computation added to <see cref="Computation"/> appears here with no change. Nothing is cached: every load reads the
/// registers as they are.</summary>
public sealed class DashboardService(PcmdDbContext db, IndicatorResultsService results, IndicatorFigures figures, IndicatorAreas areas,
    SourcedFigures sourced, Projection projection)
{
    public static readonly string[] Sorts = ["name", "actual", "percent", "gap"];

    public async Task<PlanDashboard> ForPlan(UserScope scope, int planId, int? year, int? unitId, CancellationToken ct = default)
    {
        var planUnit = await MonitoringScope.PlanUnit(db, planId, ct);
        var unit = MonitoringScope.Default(scope, unitId, planUnit);
        // The plan's own unit is asked as "no unit", so that an indicator bound to another unit keeps its binding's area.
        var r = await results.ForPlan(scope, planId, year, unit == planUnit ? null : unit, ct);
        var culture = CultureInfo.CurrentCulture;
        var today = projection.Today;
        var rows = r.Indicators.Where(i => !i.IsHeading).Select(i => (Result: i,
            Keys: i.Computation is { } c ? OutlookKeys.For(c, i.From, i.To, r.Year, today, r.PlanId) : null,
            Area: unit == planUnit ? i.BindingUnitId ?? planUnit : unit)).ToList();
        var asked = rows.Where(x => x.Keys is not null && scope.CanReadUnit(x.Area))
            .SelectMany(x => x.Keys!.All.Select(k => new FigureRequest(k, x.Area))).ToList();
        // One statement per computation, not one for the whole page: a trend and a projection ask about twenty windows of each
        // figure, and the commune-level shares (3.1.1, 3.1.2, 3.2.1, 3.2.3) each probe every commune per window; two hundred
        // such branches in one UNION ALL ran past PostgreSQL's 30 s command timeout, while each computation alone takes < 3 s.
        var computed = new Dictionary<FigureRequest, Actual>();
        foreach (var group in asked.GroupBy(a => a.Key.Computation))
            foreach (var (k, v) in await figures.Compute(group.ToList(), planUnit, ct)) computed[k] = v;
        var reported = await sourced.Totals(planId, r.Year, unit, ct);
        var list = rows.Select(x =>
        {
            var outlook = x.Keys is { } keys && computed.Count > 0 && computed.ContainsKey(new FigureRequest(keys.Now, x.Area))
                ? keys.Evaluate(k => computed[new FigureRequest(k, x.Area)], x.Result.Target, x.Result.TargetKind, projection, culture)
                : new Outlook([], null);
            return new DashboardIndicator(x.Result, SourcedFigures.For(x.Result, reported.GetValueOrDefault(x.Result.IndicatorId), r.Year, today, culture), outlook);
        }).ToList();
        return new PlanDashboard(r.PlanId, r.PlanTitle, r.PeriodFrom, r.PeriodTo, r.Year, r.PlanUnit, r.Unit,
            r.Units.Where(u => MonitoringScope.Reaches(scope, u.Id)).ToList(), list);
    }

    /// <summary>One indicator per unit below <paramref name="unitId"/> (the drill-down of the Indicators feature, whose figures
    /// add up to the parent's), each with its trend and projection, sorted as asked.</summary>
    public async Task<IndicatorDashboard> ForIndicator(UserScope scope, int indicatorId, int? year, int? unitId, string? sort, CancellationToken ct = default)
    {
        var s = string.IsNullOrWhiteSpace(sort) ? "name" : sort.Trim().ToLowerInvariant();
        var descending = s.StartsWith('-');
        if (!Sorts.Contains(s.TrimStart('-')))
            throw ValidationException.One("sort", "Cách sắp xếp không hợp lệ (name, actual, percent, gap; thêm dấu - để xếp giảm dần).");
        var unit = MonitoringScope.Default(scope, unitId, await BindingUnit(indicatorId, ct));
        var r = await results.ForIndicator(scope, indicatorId, year, unit, ct);
        var culture = CultureInfo.CurrentCulture;
        var units = r.Units.Where(u => MonitoringScope.Reaches(scope, u.Unit.Id)).ToList();
        Outlook total = new([], null);
        var rows = units.Select(u => new UnitRow(u.Unit, u.Result, new Outlook([], null))).ToList();
        if (r.Total.Computation is { } c && scope.CanReadUnit(unit))
        {
            var keys = OutlookKeys.For(c, r.Total.From, r.Total.To, r.Year, projection.Today, r.PlanId);
            var byUnit = await figures.ByUnit(keys.All.Distinct().ToList(), unit, ct);
            var areaOf = new Dictionary<int, HashSet<int>>();
            foreach (var id in units.Select(u => u.Unit.Id).Append(unit)) areaOf[id] = await areas.Area(id);
            Func<FigureKey, Actual> In(int id) => k => IndicatorComputations.Sum(c, byUnit[k], areaOf[id]);
            total = keys.Evaluate(In(unit), r.Total.Target, r.Total.TargetKind, projection, culture);
            var fallback = keys.Seasons(In(unit));
            rows = units.Select(u => new UnitRow(u.Unit, u.Result,
                keys.Evaluate(In(u.Unit.Id), u.Result.Target, u.Result.TargetKind, projection, culture, fallback))).ToList();
            if (units.Count > 0) rows.AddRange(await Outside(scope, c, r.Total, unit, units.Select(u => u.Unit.Id), areaOf, byUnit[keys.Now], culture));
        }
        IEnumerable<UnitRow> ordered = s.TrimStart('-') switch
        {
            "actual" => rows.OrderBy(x => x.Result.Measure ?? decimal.MinValue),
            "percent" => rows.OrderBy(x => x.Result.PercentOfTarget ?? decimal.MinValue),
            "gap" => rows.OrderBy(x => x.Outlook.Projection?.Gap ?? 0),
            _ => rows.OrderBy(x => x.Unit.Name, Shared.VietnameseText.Comparer),
        };
        if (descending) ordered = ordered.Reverse();
        return new IndicatorDashboard(r.PlanId, r.PlanTitle, r.PeriodFrom, r.PeriodTo, r.Year, r.Unit, r.Total, total, s, ordered.ToList());
    }

    /// <summary>The records of the parent's area that no unit below holds in the year, grouped by the unit under the parent they are
    /// kept in (by the unit tree, whatever its validity), or the parent itself.</summary>
    async Task<List<UnitRow>> Outside(UserScope scope, Computation c, IndicatorResult total, int parent, IEnumerable<int> children,
        Dictionary<int, HashSet<int>> areaOf, Dictionary<int, (int Num, int Den)> now, CultureInfo culture)
    {
        var covered = new HashSet<int>();
        foreach (var id in children) covered.UnionWith(areaOf[id]);
        var groups = new Dictionary<int, HashSet<int>>();
        foreach (var id in now.Keys.Where(id => areaOf[parent].Contains(id) && !covered.Contains(id)))
        {
            var top = id;
            for (var n = await areas.Find(id); n?.ParentId is { } p && p != parent; n = await areas.Find(p)) top = p;
            if (await areas.Find(top) is not { ParentId: { } tp } || tp != parent) top = parent;
            (groups.TryGetValue(top, out var g) ? g : groups[top] = []).Add(id);
        }
        var rows = new List<UnitRow>();
        foreach (var (top, ids) in groups)
        {
            if (!MonitoringScope.Reaches(scope, top) || await areas.Find(top) is not { } node) continue;
            var a = IndicatorComputations.Sum(c, now, ids);
            var kind = total.TargetKind == TargetKind.Change ? null : total.TargetKind;
            var measure = IndicatorStatus.Measure(kind, a);
            rows.Add(new UnitRow(new ResultUnit(node.Id, node.Code, node.Name), total with
            {
                Actual = a, Measure = measure, ActualText = IndicatorLabels.Measure(kind, measure, a, culture), PercentOfTarget = null, Target = null,
                TargetText = "", Status = TargetStatus.NotMeasurable, StatusText = IndicatorLabels.Status(TargetStatus.NotMeasurable, culture),
                Source = IndicatorLabels.Source(c, a, culture), Link = IndicatorLabels.Link(c, top, new MeasureWindow(total.From, total.To)),
            }, new Outlook([], null), Outside: true));
        }
        return rows;
    }

    /// <summary>The unit an indicator is measured in: its binding's, else its plan's (404 when there is no such indicator).</summary>
    async Task<int> BindingUnit(int indicatorId, CancellationToken ct)
    {
        var planId = await db.Indicators.Where(i => i.Id == indicatorId).Select(i => (int?)i.PlanId).FirstOrDefaultAsync(ct) ?? throw new NotFoundException();
        return await db.IndicatorBindings.Where(b => b.IndicatorId == indicatorId).Select(b => b.OrgUnitId).FirstOrDefaultAsync(ct)
            ?? await MonitoringScope.PlanUnit(db, planId, ct);
    }
}
