using Pcmd.Web.Features.Plans;
using Pcmd.Web.Features.Targets;

namespace Pcmd.Web.Features.Indicators;

/// <summary>The dates an indicator's actual for one year is measured over.</summary>
public sealed record MeasureWindow(DateOnly From, DateOnly To)
{
    /// <summary>A yearly indicator counts the year; a period indicator ("kiểm tra ít nhất một lần trong giai đoạn")
    /// counts from 1 January of the plan's first year to the end of the year asked, so its actual is cumulative.</summary>
    public static MeasureWindow For(MeasurementWindow window, int planFirstYear, int year) => window == MeasurementWindow.Period
        ? new(new DateOnly(Math.Min(planFirstYear, year), 1, 1), new DateOnly(year, 12, 31))
        : new(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));

    public int Days => To.DayNumber - From.DayNumber + 1;
}

/// <summary>Status, measure and per cent of target of an indicator for one year. Past years are judged by
/// <see cref="TargetEvaluator"/>; the current year by pace (the actual against the target times the elapsed share of
/// the window); a year not begun is not started; a "zero" target is missed as soon as there is one case, whatever the year.</summary>
public static class IndicatorStatus
{
    public sealed record Outcome(TargetStatus Status, decimal? Measure, decimal? PercentOfTarget);

    public static Outcome Judge(Target? target, Actual? actual, int year, MeasureWindow window, DateOnly today)
    {
        if (target is null) return new(TargetStatus.NotMeasurable, Measure(null, actual), null);
        if (year > today.Year) return new(TargetStatus.NotStarted, Measure(target.Kind, actual), null);
        if (actual is null) return new(TargetStatus.NotMeasurable, null, null);
        var e = TargetEvaluator.Evaluate(target, actual);
        var outcome = new Outcome(e.Status, e.ActualMeasure ?? Measure(target.Kind, actual), e.PercentOfTarget);
        if (target.Kind == TargetKind.Zero || year < today.Year) return outcome;
        if (e.Status is TargetStatus.Achieved or TargetStatus.Exceeded or TargetStatus.NotMeasurable) return outcome;
        var elapsed = Math.Clamp((decimal)(today.DayNumber - window.From.DayNumber + 1) / window.Days, 0m, 1m);
        return outcome with { Status = OnPace(target, actual, elapsed) ? TargetStatus.OnTrack : TargetStatus.AtRisk };
    }

    /// <summary>The actual in the target's terms: a share in per cent, a change in per cent, else the count.</summary>
    public static decimal? Measure(TargetKind? kind, Actual? actual) => actual is null ? null
        : kind is { } k ? TargetEvaluator.Measure(k, actual)
        : actual.Denominator is not null ? TargetEvaluator.Measure(TargetKind.Percentage, actual)
        : actual.Value;

    static bool OnPace(Target target, Actual actual, decimal elapsed)
    {
        switch (target.Kind)
        {
            case TargetKind.Change:
                // The year so far against last year's whole figure changed as asked, scaled to the elapsed part.
                if (actual.Previous is not { } previous || target.Min is not { } min) return false;
                var asked = target.Min < 0 || target.Max is < 0 ? target.Max ?? min : min;
                var expected = previous * (1 + asked / 100m) * elapsed;
                return asked < 0 ? actual.Value <= expected : actual.Value >= expected;
            default:
                var measure = TargetEvaluator.Measure(target.Kind, actual);
                var wanted = target.Kind switch
                {
                    TargetKind.Range => target.Min,
                    TargetKind.AtLeastOnce => target.Value ?? 100m,
                    _ => target.Value,
                };
                return measure is not null && wanted is not null && measure >= wanted * elapsed;
        }
    }
}
