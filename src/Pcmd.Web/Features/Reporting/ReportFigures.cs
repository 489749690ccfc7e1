using Pcmd.Web.Shared;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Indicators;
using Pcmd.Web.Features.Plans;
using Pcmd.Web.Features.Targets;

namespace Pcmd.Web.Features.Reporting;

/// <summary>A figure PCMD computed from its own records for a report: the value, the denominator of a share, the words
/// saying where it comes from and the link to the records behind it.</summary>
public sealed record ComputedFigure(decimal Value, decimal? Denominator, string Source, string Link);

/// <summary>The figures a report is pre-filled with. A commune's report is computed over the commune's area (with the
/// old communes merged into it); the consolidated report over the plan's whole area. An agency of the plan's own level
/// (police, a department) gets no computed figure: the registries do not say which records are its work, so it types
/// its own figures in.</summary>
public sealed class ReportFigures(PcmdDbContext db, IndicatorFigures figures)
{
    static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>The unit a report's figures are computed over, or null when none is computed.</summary>
    public static int? AreaOf(Report r, Plan plan) =>
        r.IsConsolidated ? plan.IssuingUnitId : r.OrgUnitId != plan.IssuingUnitId ? r.OrgUnitId : null;

    public async Task<Dictionary<int, ComputedFigure>> Compute(Report r, ReportPeriod period, Plan plan, IEnumerable<int> indicatorIds,
        CancellationToken ct, CultureInfo? culture = null)
    {
        var result = new Dictionary<int, ComputedFigure>();
        if (AreaOf(r, plan) is not { } unit) return result;
        var ids = indicatorIds.ToList();
        var bindings = await db.IndicatorBindings.AsNoTracking().Where(b => ids.Contains(b.IndicatorId)).ToListAsync(ct);
        if (bindings.Count == 0) return result;
        // Every bound indicator's figure in one pass over the report's area.
        var asked = bindings.Select(b => (Binding: b, Indicator: plan.Indicators.FirstOrDefault(i => i.Id == b.IndicatorId)))
            .Where(x => x.Indicator is not null)
            .Select(x => (x.Binding, Request: new FigureRequest(Key(x.Binding.Computation, Window(x.Indicator!, period, plan), plan.Id), unit)))
            .ToList();
        var computed = await figures.Compute(asked.Select(x => x.Request).ToList(), unit, ct);
        foreach (var (b, request) in asked)
        {
            var actual = computed[request];
            result[b.IndicatorId] = new ComputedFigure(actual.Value, actual.Denominator, IndicatorLabels.Source(b.Computation, actual, culture ?? Vi),
                IndicatorLabels.Link(b.Computation, unit, new MeasureWindow(request.Key.From, request.Key.To), plan.Id));
        }
        return result;
    }

    static FigureKey Key(Computation c, (DateOnly From, DateOnly To) w, int planId) => FigureKey.Of(c, w.From, w.To, planId);

    /// <summary>The period's data window; an indicator measured over the whole plan ("at least once in the period")
    /// counts from the start of the plan's first data window to the period's cut-off.</summary>
    public static (DateOnly From, DateOnly To) Window(Indicator i, ReportPeriod p, Plan plan) =>
        i.Window == MeasurementWindow.Period ? (new DateOnly(plan.PeriodFrom - 1, 12, 15), p.DataTo) : (p.DataFrom, p.DataTo);

    /// <summary>The target the report's figure is compared with: the unit's own share of the year's target where the plan
    /// splits it, else the plan's where it applies to every unit (a share, a "zero").</summary>
    public static Target? TargetOf(Report r, Plan plan, Indicator i, int year) =>
        IndicatorResultsService.TargetFor(plan, i, Math.Clamp(year, plan.PeriodFrom, plan.PeriodTo),
            r.IsConsolidated ? plan.IssuingUnitId : r.OrgUnitId, r.IsConsolidated || r.OrgUnitId == plan.IssuingUnitId);

    /// <summary>The target as the plan writes it; a year's share of "at least once" reads "60 %".</summary>
    public static string TargetText(Target? target, Indicator i, CultureInfo? culture = null) => target is null ? ""
        : PlanLabels.Target(target.Kind == TargetKind.AtLeastOnce ? TargetKind.Percentage : target.Kind,
            target.Value ?? (target.Kind == TargetKind.AtLeastOnce ? 100 : null), target.Min, target.Max, i.UnitOfMeasure, culture ?? Vi);

    public static bool IsShare(Indicator i) => i.TargetKind is TargetKind.Percentage or TargetKind.AtLeastOnce
        || (i.TargetKind is null && i.Denominator is not null);

    /// <summary>The actual, the per cent of target and the status words of a reported figure. A share typed as its per cent
    /// (<paramref name="typedPercent"/>) is judged as that rate and written as typed, never as a fraction.</summary>
    public static (string Actual, string Percent, string Status) Judge(Target? target, Indicator i, decimal? value, decimal? denominator,
        decimal? typedPercent, int year, DateOnly today, CultureInfo? culture = null)
    {
        var c = culture ?? Vi;
        var share = IsShare(i);
        if (share && value is null && typedPercent is { } typed)
        {
            var rate = Actual.Ratio(typed, 100);
            var judged = IndicatorStatus.Judge(target, rate, year, new MeasureWindow(new DateOnly(year - 1, 12, 15), new DateOnly(year, 12, 14)), today);
            return (IndicatorLabels.Number(typed, c) + " %", judged.PercentOfTarget is { } p ? IndicatorLabels.Number(Math.Round(p, 1), c) + " %" : "—",
                IndicatorLabels.Status(judged.Status, c));
        }
        if (value is not { } v) return ("—", "—", UiText.T("Reporting.NoFigure", c));
        var actual = share ? (denominator is { } d ? Actual.Ratio(v, d) : null) : new Actual(v);
        var outcome = IndicatorStatus.Judge(target, actual, year, new MeasureWindow(new DateOnly(year - 1, 12, 15), new DateOnly(year, 12, 14)), today);
        var text = IndicatorLabels.Measure(target?.Kind ?? i.TargetKind, outcome.Measure, actual, c);
        if (share && denominator is { } dd) text = $"{text} ({IndicatorLabels.Number(v, c)}/{IndicatorLabels.Number(dd, c)})";
        var percent = outcome.PercentOfTarget is { } pc ? IndicatorLabels.Number(Math.Round(pc, 1), c) + " %" : "—";
        return (text, percent, IndicatorLabels.Status(outcome.Status, c));
    }
}
