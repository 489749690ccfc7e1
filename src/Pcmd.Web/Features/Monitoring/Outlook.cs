using Pcmd.Web.Features.Indicators;
using Pcmd.Web.Features.Targets;

namespace Pcmd.Web.Features.Monitoring;

/// <summary>One point of a small trend: the figure as measured from the window's start to the end of a month.</summary>
public sealed record TrendPoint(string Label, decimal? Value);

/// <summary>The projection of one figure to the end of the year, as the page shows it.</summary>
public sealed record ProjectionView(decimal Value, string ValueText, ProjectionMethod Method, TargetStatus? Status, bool LikelyToMiss, decimal Gap);

/// <summary>A figure's small trend (the year month by month) and, for the current year, its projection.</summary>
public sealed record Outlook(List<TrendPoint> Trend, ProjectionView? Projection);

/// <summary>The extra figures a trend and a projection need beside an indicator's own (<see cref="Now"/>), all answered by the
/// same one-pass statement of <see cref="IndicatorFigures"/>: the window up to the end of each month of the year, the window
/// before the year (for a window over the plan's period), and the three previous years to the same day and whole.</summary>
public sealed record OutlookKeys(Computation Computation, int Year, FigureKey Now, FigureKey? Before, List<FigureKey> Months,
    List<(int Year, FigureKey ToSameDay, FigureKey Whole)> Previous)
{
    public const int PreviousYears = 3;

    public static OutlookKeys For(Computation c, DateOnly from, DateOnly to, int year, DateOnly today, int? planId = null)
    {
        // Every computation has its months and previous years: the shares of units meeting a rule over a window, which would
        // probe every commune (about 580 before 1/7/2025) once per window, are folded from a few grouped statements — 3.1.2
        // (MaintainedSeries), 3.1.1 and 3.2.1 (DocumentSeries), the commune model and healthy communes (CommuneSeries), 3.2.3
        // staff trained (TrainedShareSeries). Every key carries the plan where the computation reads it (3.1.1: its agencies).
        var months = year > today.Year ? 0 : year < today.Year ? 12 : today.Month;
        var monthKeys = Enumerable.Range(1, months).Select(m =>
        {
            var end = new DateOnly(year, m, DateTime.DaysInMonth(year, m));
            return FigureKey.Of(c, from, end < to ? end : to, planId);
        }).ToList();
        var start = new DateOnly(year, 1, 1);
        var previous = Enumerable.Range(1, PreviousYears).Select(k =>
        {
            var y = year - k;
            var same = new DateOnly(y, today.Month, Math.Min(today.Day, DateTime.DaysInMonth(y, today.Month)));
            return (y, FigureKey.Of(c, new DateOnly(y, 1, 1), same, planId), FigureKey.Of(c, new DateOnly(y, 1, 1), new DateOnly(y, 12, 31), planId));
        }).ToList();
        return new(c, year, FigureKey.Of(c, from, to, planId), from < start ? FigureKey.Of(c, from, start.AddDays(-1), planId) : null, monthKeys, previous);
    }

    public IEnumerable<FigureKey> All =>
        Months.Append(Now).Concat(Before is { } b ? [b] : []).Concat(Previous.SelectMany(p => new[] { p.ToSameDay, p.Whole }));

    /// <summary>The trend and projection from the figures (<paramref name="get"/> answers every key of <see cref="All"/>).
    /// <paramref name="fallback"/>: the previous years of the enclosing area, for a unit that has none of its own.</summary>
    public Outlook Evaluate(Func<FigureKey, Actual> get, Target? target, TargetKind? kind, Projection projection, System.Globalization.CultureInfo culture,
        IReadOnlyList<SeasonYear>? fallback = null)
    {
        if (Months.Count == 0 && Previous.Count == 0) return new([], null);
        var measureKind = kind == TargetKind.Change ? null : kind;
        var trend = Months.Select((k, i) => new TrendPoint($"{i + 1:00}/{Year}", IndicatorStatus.Measure(measureKind, get(k)))).ToList();
        if (Year != projection.Today.Year) return new(trend, null);
        var now = get(Now);
        var before = Before is { } b ? get(b).Value : 0m;
        IReadOnlyList<SeasonYear> seasons = Seasons(get);
        if (seasons.All(s => s.WholeYear == 0) && fallback is not null) seasons = fallback;
        var share = IndicatorComputations.IsShare(Computation);
        var p = projection.YearEnd(before, now.Value - before, seasons, Year, share ? now.Denominator : null);
        var projected = share ? Actual.Ratio(p.Value, now.Denominator ?? 0)
            : kind == TargetKind.Change ? Actual.ChangeFrom(get(Previous[0].Whole).Value, p.Value) : new Actual(p.Value);
        var text = IndicatorLabels.Measure(kind, IndicatorStatus.Measure(kind, projected), projected, culture);
        if (target is null || target.Kind == TargetKind.Zero) return new(trend, new(p.Value, text, p.Method, null, false, 0));
        var (status, _, gap) = Projection.Judge(target, projected);
        return new(trend, new(p.Value, text, p.Method, status, status == TargetStatus.Missed, gap));
    }

    public List<SeasonYear> Seasons(Func<FigureKey, Actual> get) =>
        Previous.Select(p => new SeasonYear(p.Year, get(p.ToSameDay).Value, get(p.Whole).Value)).ToList();
}
