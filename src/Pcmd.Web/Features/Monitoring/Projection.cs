using Pcmd.Web.Features.Targets;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.Monitoring;

/// <summary>How a year-end value was projected (the page says which, in words).</summary>
public enum ProjectionMethod
{
    /// <summary>The year is over: the value is final.</summary>
    Final,
    /// <summary>The value so far divided by the share of a whole year the previous years had reached by the same day.</summary>
    Seasonal,
    /// <summary>No previous year with records: the value so far divided by the share of the year elapsed.</summary>
    Linear,
    /// <summary>The year has not begun.</summary>
    NotStarted,
}

/// <summary>One previous year of a computation: its value from 1 January to the same day as today, and its whole year.</summary>
public readonly record struct SeasonYear(int Year, decimal ToSameDay, decimal WholeYear);

/// <summary>A projected year-end value and how it was reached; <see cref="ShareOfYearDone"/> is the part of a year's
/// activity taken as done by today (seasonal) or the part of the year elapsed (linear).</summary>
public sealed record YearEndProjection(decimal Value, ProjectionMethod Method, decimal ShareOfYearDone);

/// <summary>Early warning (issue 14, seed 001 §6.2.b "dự báo tình hình"): the year-end value of a figure projected from its
/// pace so far and the seasonality of the previous years, kept simple enough to be explained on the page. The previous
/// years are pooled (their values to the same day over their whole years), so one odd year weighs by its size only; a
/// pooled share under <see cref="MinSeasonalShare"/> is too thin to divide by and the pace of the calendar is used instead.</summary>
public sealed class Projection(TimeProvider clock)
{
    public const decimal MinSeasonalShare = 0.05m;

    public DateOnly Today => VietnamTime.Today(clock);

    /// <param name="baseValue">What the window held before 1 January of <paramref name="year"/> (a window over the whole plan period
    /// counts the earlier years; a yearly window starts at zero).</param>
    /// <param name="soFar">What the year has added up to today.</param>
    /// <param name="previous">The same figure in previous years (the unit's own, or its area's when the unit has none).</param>
    /// <param name="cap">An upper bound (a share's denominator: no more establishments inspected than there are).</param>
    public YearEndProjection YearEnd(decimal baseValue, decimal soFar, IReadOnlyList<SeasonYear> previous, int year, decimal? cap = null)
    {
        var today = Today;
        if (year < today.Year) return new(baseValue + soFar, ProjectionMethod.Final, 1m);
        if (year > today.Year) return new(baseValue, ProjectionMethod.NotStarted, 0m);
        var whole = previous.Where(p => p.WholeYear > 0).Sum(p => p.WholeYear);
        var same = previous.Where(p => p.WholeYear > 0).Sum(p => Math.Min(p.ToSameDay, p.WholeYear));
        var (share, method) = whole > 0 && same / whole >= MinSeasonalShare
            ? (same / whole, ProjectionMethod.Seasonal)
            : ((decimal)today.DayOfYear / (DateTime.IsLeapYear(year) ? 366 : 365), ProjectionMethod.Linear);
        var projected = baseValue + soFar / share;
        if (cap is { } c) projected = Math.Min(projected, Math.Max(c, baseValue + soFar));
        return new(Math.Round(projected, 2), method, Math.Round(share, 4));
    }

    /// <summary>The projected value as the target reads it, and whether the target would be missed at that pace, with the gap
    /// (in the target's terms: per cent points for a share or a change, units for a count) to rank the units that would miss.</summary>
    public static (TargetStatus Status, decimal? Measure, decimal Gap) Judge(Target target, Actual projected)
    {
        var e = TargetEvaluator.Evaluate(target, projected);
        var measure = e.ActualMeasure ?? TargetEvaluator.Measure(target.Kind, projected);
        if (e.Status != TargetStatus.Missed || measure is not { } m) return (e.Status, measure, 0m);
        decimal? wanted = target.Kind switch
        {
            TargetKind.Range => target.Min,
            TargetKind.AtLeastOnce => target.Value ?? 100m,
            TargetKind.Change => target.Min < 0 || target.Max is < 0 ? target.Max ?? target.Min : target.Min,
            TargetKind.Zero => 0m,
            _ => target.Value,
        };
        return (e.Status, measure, wanted is { } w ? Math.Round(Math.Abs(w - m), 2) : 0m);
    }
}
