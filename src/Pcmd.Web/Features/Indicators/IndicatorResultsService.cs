using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Data;
using Pcmd.Web.Features.OrgUnits;
using Pcmd.Web.Features.Plans;
using Pcmd.Web.Features.Targets;
using Pcmd.Web.Security;

namespace Pcmd.Web.Features.Indicators;

public sealed record ResultUnit(int Id, string Code, string Name);

/// <summary>One indicator for one year in one area: the target, the computed actual, the per cent of target and the status.</summary>
public sealed record IndicatorResult(
    int IndicatorId, string Number, string Text, bool IsHeading, string? UnitOfMeasure, TargetKind? TargetKind,
    MeasurementWindow Window, DateOnly From, DateOnly To, Target? Target, string TargetText,
    Actual? Actual, decimal? Measure, string ActualText, decimal? PercentOfTarget, TargetStatus Status, string StatusText,
    Computation? Computation, string? ComputationText, int? BindingUnitId, string? Source, string? Link);

/// <summary><see cref="Units"/> are the units directly below <see cref="Unit"/> in the year (for choosing where to look).</summary>
public sealed record PlanResults(int PlanId, string PlanTitle, int PlanVersion, int PeriodFrom, int PeriodTo, int Year, ResultUnit PlanUnit,
    ResultUnit Unit, List<ResultUnit> Units, bool CanEdit, List<IndicatorResult> Indicators);

public sealed record UnitResult(ResultUnit Unit, IndicatorResult Result);

public sealed record IndicatorUnitResults(int PlanId, string PlanTitle, int PeriodFrom, int PeriodTo, int Year, ResultUnit Unit,
    IndicatorResult Total, List<UnitResult> Units);

/// <summary>The plan's indicator table with actuals beside targets, for the whole area or one unit, and one indicator per
/// unit below (the drill-down). The user reads what their scope reaches: a unit outside it is not found.</summary>
public sealed class IndicatorResultsService(PcmdDbContext db, IndicatorFigures figures, IndicatorAreas areas, TimeProvider clock)
{
    DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    public async Task<PlanResults> ForPlan(UserScope scope, int planId, int? year, int? unitId, CancellationToken ct = default)
    {
        var plan = await LoadPlan(scope, planId, ct);
        var y = Year(plan, year);
        var unit = await Unit(scope, plan, unitId ?? plan.IssuingUnitId);
        var bindings = await Bindings(plan.Id, ct);
        var culture = CultureInfo.CurrentCulture;

        // What every indicator asks, then all of it in one pass.
        var rows = plan.Indicators.OrderBy(i => i.Position).Select(i =>
        {
            var binding = bindings.GetValueOrDefault(i.Id);
            var own = binding?.OrgUnitId ?? plan.IssuingUnitId;
            var area = unitId ?? own;
            // An indicator bound to a unit the user does not reach shows its target but not the unit's figures.
            var (now, before) = scope.CanReadUnit(area) ? Asked(plan, i, binding, y, area) : (null, null);
            return (Indicator: i, Binding: binding, Area: area, Target: TargetFor(plan, i, y, area, area == own), Now: now, Before: before);
        }).ToList();
        var asked = rows.SelectMany(r => new[] { r.Now, r.Before }).OfType<FigureRequest>().ToList();
        var computed = await figures.Compute(asked, plan.IssuingUnitId, ct);
        var results = rows.Select(r =>
        {
            var actual = r.Now is not { } now ? null
                : r.Before is { } before ? Actual.ChangeFrom(computed[before].Value, computed[now].Value)
                : computed[now];
            return Result(plan, r.Indicator, r.Binding, y, r.Area, r.Target, actual, culture);
        }).ToList();

        var children = await Children(scope, unit.Id, y);
        var planUnit = await areas.Find(plan.IssuingUnitId) is { } pu ? new ResultUnit(pu.Id, pu.Code, pu.Name) : unit;
        return new PlanResults(plan.Id, plan.Title, plan.Version, plan.PeriodFrom, plan.PeriodTo, y, planUnit, unit, children,
            PlanAccess.CanWrite(scope, plan), results);
    }

    public async Task<IndicatorUnitResults> ForIndicator(UserScope scope, int indicatorId, int? year, int? unitId, CancellationToken ct = default)
    {
        var planId = await db.Indicators.Where(i => i.Id == indicatorId).Select(i => (int?)i.PlanId).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException();
        var plan = await LoadPlan(scope, planId, ct);
        var indicator = plan.Indicators.Single(i => i.Id == indicatorId);
        var y = Year(plan, year);
        var binding = (await Bindings(plan.Id, ct)).GetValueOrDefault(indicatorId);
        var own = binding?.OrgUnitId ?? plan.IssuingUnitId;
        var unit = await Unit(scope, plan, unitId ?? own);
        var children = await Children(scope, unit.Id, y);
        var culture = CultureInfo.CurrentCulture;
        // One grouped query over the unit's area (this year's window and, for a change, last year's, together), added up
        // per child area (a child's area lies inside its parent's).
        Dictionary<int, (int, int)>? now = null, before = null;
        if (Asked(plan, indicator, binding, y, unit.Id) is ({ } n, var b))
        {
            var byUnit = await figures.ByUnit(b is { } bb ? [n.Key, bb.Key] : [n.Key], unit.Id, ct);
            now = byUnit[n.Key];
            before = b is { } b2 ? byUnit[b2.Key] : null;
        }
        async Task<Actual?> ActualOf(int u)
        {
            if (now is null || binding is null) return null;
            var area = await areas.Area(u);
            var a = IndicatorComputations.Sum(binding.Computation, now, area);
            return before is null ? a : Actual.ChangeFrom(IndicatorComputations.Sum(binding.Computation, before, area).Value, a.Value);
        }

        var total = Result(plan, indicator, binding, y, unit.Id, TargetFor(plan, indicator, y, unit.Id, unit.Id == own), await ActualOf(unit.Id), culture);
        var perUnit = new List<UnitResult>();
        foreach (var c in children)
            perUnit.Add(new UnitResult(c, Result(plan, indicator, binding, y, c.Id, TargetFor(plan, indicator, y, c.Id, false), await ActualOf(c.Id), culture)));
        return new IndicatorUnitResults(plan.Id, plan.Title, plan.PeriodFrom, plan.PeriodTo, y, unit, total, perUnit);
    }

    /// <summary>The figures an indicator's actual needs in a unit's area: the year's window, and last year's for a change
    /// target; none when it is not bound or its window has not begun.</summary>
    (FigureRequest? Now, FigureRequest? Before) Asked(Plan plan, Indicator i, IndicatorBinding? binding, int year, int unitId)
    {
        var window = MeasureWindow.For(i.Window, plan.PeriodFrom, year);
        if (binding is null || window.From > Today) return (null, null);
        var now = new FigureRequest(FigureKey.Of(binding.Computation, window.From, window.To, plan.Id), unitId);
        if (i.TargetKind != TargetKind.Change) return (now, null);
        var prev = MeasureWindow.For(i.Window, plan.PeriodFrom, year - 1);
        return (now, new FigureRequest(FigureKey.Of(binding.Computation, prev.From, prev.To, plan.Id), unitId));
    }

    IndicatorResult Result(Plan plan, Indicator i, IndicatorBinding? binding, int year, int unitId, Target? target, Actual? actual, CultureInfo culture)
    {
        var window = MeasureWindow.For(i.Window, plan.PeriodFrom, year);
        var outcome = IndicatorStatus.Judge(target, actual, year, window, Today);
        var c = binding?.Computation;
        return new IndicatorResult(i.Id, i.Number, i.Text, i.TargetKind is null && binding is null, i.UnitOfMeasure, i.TargetKind, i.Window,
            window.From, window.To, target,
            // The year's share reads "60 %"; that it is "at least once" is the indicator's text.
            target is null ? "" : PlanLabels.Target(target.Kind == TargetKind.AtLeastOnce ? TargetKind.Percentage : target.Kind,
                target.Value ?? (target.Kind == TargetKind.AtLeastOnce ? 100 : null), target.Min, target.Max, i.UnitOfMeasure, culture),
            actual, outcome.Measure, IndicatorLabels.Measure(target?.Kind ?? i.TargetKind, outcome.Measure, actual, culture),
            outcome.PercentOfTarget, outcome.Status, IndicatorLabels.Status(outcome.Status, culture),
            c, c is { } cc ? IndicatorLabels.Computation(cc, culture) : null, binding?.OrgUnitId,
            c is { } c1 && actual is not null ? IndicatorLabels.Source(c1, actual, culture) : null,
            c is { } c2 ? IndicatorLabels.Link(c2, unitId, window, plan.Id) : null);
    }

    /// <summary>The target for the year in the area: the plan's own (or the indicator's bound unit's) target, else the
    /// unit's share of it (giao chỉ tiêu); a share or a "zero" applies to every unit below when none is split for it,
    /// a count does not (the city's 2.460 inspections are not each ward's).</summary>
    internal static Target? TargetFor(Plan plan, Indicator i, int year, int unitId, bool indicatorsOwnArea)
    {
        if (unitId == plan.IssuingUnitId) return i.TargetFor(year);
        if (i.TargetFor(year, unitId) is { } split) return split;
        return indicatorsOwnArea || i.TargetKind is TargetKind.Percentage or TargetKind.AtLeastOnce or TargetKind.Zero ? i.TargetFor(year) : null;
    }

    /// <summary>One statement, not one per collection: a plan has tens of indicators and targets, so the join repeats the plan's
    /// row a few tens of times, cheaper than two more round trips on every (warm) load of the results (issue 10, item 3).</summary>
    Task<Plan> LoadPlan(UserScope scope, int planId, CancellationToken ct) =>
        db.Plans.AsNoTracking().AsSingleQuery().Include(p => p.Indicators).ThenInclude(i => i.Targets).ReadableOr404(scope, planId, ct);

    Task<Dictionary<int, IndicatorBinding>> Bindings(int planId, CancellationToken ct) =>
        db.IndicatorBindings.AsNoTracking().Where(b => db.Indicators.Any(i => i.Id == b.IndicatorId && i.PlanId == planId))
            .ToDictionaryAsync(b => b.IndicatorId, ct);

    /// <summary>The year asked, within the plan's period; by default this year, or the nearest year of the period.</summary>
    int Year(Plan plan, int? year)
    {
        var y = year ?? Math.Clamp(Today.Year, plan.PeriodFrom, plan.PeriodTo);
        if (y < plan.PeriodFrom || y > plan.PeriodTo)
            throw ValidationException.One("year", $"Năm {y} nằm ngoài thời kỳ của kế hoạch ({plan.PeriodFrom}–{plan.PeriodTo}).");
        return y;
    }

    /// <summary>A unit the user reads (else not found) inside the plan's area (else refused).</summary>
    async Task<ResultUnit> Unit(UserScope scope, Plan plan, int unitId)
    {
        if (!scope.CanReadUnit(unitId) || await areas.Find(unitId) is not { } node) throw new NotFoundException();
        if (unitId != plan.IssuingUnitId && !(await areas.Area(plan.IssuingUnitId)).Contains(unitId))
            throw ValidationException.One("unitId", $"{node.Name} không thuộc địa bàn của kế hoạch.");
        return new ResultUnit(node.Id, node.Code, node.Name);
    }

    async Task<List<ResultUnit>> Children(UserScope scope, int unitId, int year) =>
        (await areas.ChildrenOn(unitId, new DateOnly(year, 12, 31)))
            .Where(n => scope.CanReadUnit(n.Id)).Select(n => new ResultUnit(n.Id, n.Code, n.Name)).ToList();
}
