using System.Globalization;
using Pcmd.UnitTests.Features.Indicators;
using Pcmd.Web.Features.Indicators;
using Pcmd.Web.Features.Monitoring;
using Pcmd.Web.Features.Targets;

namespace Pcmd.UnitTests.Features.Monitoring;

/// <summary>Year-end projections on hand-made series, with a clock stopped at a known Vietnamese day.</summary>
public sealed class ProjectionTests
{
    /// <summary>Noon in Hà Nội on <paramref name="day"/>.</summary>
    static Projection At(DateOnly day) => new(new FixedClock(new DateTimeOffset(day.ToDateTime(new TimeOnly(5, 0)), TimeSpan.Zero)));

    static readonly DateOnly EndOfJune = new(2026, 6, 30);

    [Fact]
    public void The_pace_so_far_is_divided_by_the_share_of_a_year_the_previous_years_had_reached_by_the_same_day()
    {
        // 2025: 40 of 100 by 30 June; 2024: 20 of 50. Pooled: 60/150 = 40 %. 30 so far → 75.
        var p = At(EndOfJune).YearEnd(0, 30, [new(2025, 40, 100), new(2024, 20, 50)], 2026);
        Assert.Equal(ProjectionMethod.Seasonal, p.Method);
        Assert.Equal(0.4m, p.ShareOfYearDone);
        Assert.Equal(75m, p.Value);
        // A year with nothing recorded does not count; a year's value to the day is never more than its whole.
        Assert.Equal(75m, At(EndOfJune).YearEnd(0, 30, [new(2025, 40, 100), new(2023, 0, 0), new(2024, 20, 50)], 2026).Value);
    }

    [Fact]
    public void Without_previous_years_or_with_too_thin_a_share_the_calendar_is_the_pace()
    {
        // 2 July 2026 is day 183 of 365.
        var day = new DateOnly(2026, 7, 2);
        var none = At(day).YearEnd(0, 50, [], 2026);
        Assert.Equal(ProjectionMethod.Linear, none.Method);
        Assert.Equal(Math.Round(50m * 365 / 183, 2), none.Value);
        // 1 of 100 by this day (1 %, under the 5 % floor): dividing by it would multiply by 100.
        var thin = At(day).YearEnd(0, 3, [new(2025, 1, 100)], 2026);
        Assert.Equal(ProjectionMethod.Linear, thin.Method);
        Assert.Equal(Math.Round(3m * 365 / 183, 2), thin.Value);
    }

    [Fact]
    public void A_window_over_the_period_keeps_the_earlier_years_and_a_share_never_passes_its_denominator()
    {
        // 50 before this year, 20 this year at half a year's pace: 50 + 40.
        Assert.Equal(90m, At(EndOfJune).YearEnd(50, 20, [new(2025, 50, 100)], 2026).Value);
        // 8 of 10 establishments inspected at 40 % of the year: 20 projected, but there are 10.
        Assert.Equal(10m, At(EndOfJune).YearEnd(0, 8, [new(2025, 40, 100)], 2026, cap: 10).Value);
    }

    [Fact]
    public void A_past_year_is_final_and_a_future_one_not_started()
    {
        Assert.Equal(new YearEndProjection(70, ProjectionMethod.Final, 1), At(EndOfJune).YearEnd(50, 20, [], 2025));
        Assert.Equal(ProjectionMethod.NotStarted, At(EndOfJune).YearEnd(0, 0, [], 2027).Method);
    }

    [Fact]
    public void A_projection_below_the_target_is_likely_to_miss_by_a_gap_in_the_targets_terms()
    {
        Assert.Equal((TargetStatus.Missed, 45m, 15m), Projection.Judge(new Target(TargetKind.Percentage, 60), Actual.Ratio(45, 100)));
        Assert.Equal((TargetStatus.Achieved, 120m, 0m), Projection.Judge(new Target(TargetKind.Count, 100), new Actual(120)));
        Assert.Equal((TargetStatus.Missed, 80m, 20m), Projection.Judge(new Target(TargetKind.Count, 100), new Actual(80)));
        // "tăng 5–8 %" against 100 last year; 102 projected is a 2 % rise, 3 points short.
        Assert.Equal((TargetStatus.Missed, 2m, 3m), Projection.Judge(new Target(TargetKind.Change, Min: 5, Max: 8), Actual.ChangeFrom(100, 102)));
    }

    [Fact]
    public void An_outlook_draws_the_year_month_by_month_and_projects_it_from_the_same_figures()
    {
        var keys = OutlookKeys.For(Computation.InspectionCount, new(2026, 1, 1), new(2026, 12, 31), 2026, EndOfJune);
        Assert.Equal(6, keys.Months.Count);   // January to June
        Assert.Equal(new FigureKey(Computation.InspectionCount, new(2026, 1, 1), new(2026, 3, 31)), keys.Months[2]);
        Assert.Null(keys.Before);
        Assert.Equal(new FigureKey(Computation.InspectionCount, new(2025, 1, 1), new(2025, 6, 30)), keys.Previous[0].ToSameDay);
        // Five inspections a month this year; last year 40 by the end of June and 100 in all, the years before nothing.
        var values = new Dictionary<FigureKey, Actual>();
        for (var m = 0; m < 6; m++) values[keys.Months[m]] = new Actual(5 * (m + 1));
        values[keys.Now] = new Actual(30);
        values[keys.Previous[0].ToSameDay] = new Actual(40);
        values[keys.Previous[0].Whole] = new Actual(100);
        var o = keys.Evaluate(k => values.GetValueOrDefault(k, new Actual(0)), new Target(TargetKind.Count, 100), TargetKind.Count, At(EndOfJune),
            CultureInfo.GetCultureInfo("vi-VN"));
        Assert.Equal([5m, 10m, 15m, 20m, 25m, 30m], o.Trend.Select(t => t.Value!.Value));
        Assert.Equal("06/2026", o.Trend[^1].Label);
        Assert.Equal(75m, o.Projection!.Value);
        Assert.True(o.Projection.LikelyToMiss);
        Assert.Equal(25m, o.Projection.Gap);
        Assert.Equal(ProjectionMethod.Seasonal, o.Projection.Method);
        // A ward with no earlier records of its own takes the enclosing area's seasonality.
        var ward = keys.Evaluate(k => k == keys.Now ? new Actual(4) : new Actual(0), null, null, At(EndOfJune), CultureInfo.InvariantCulture,
            fallback: [new(2025, 40, 100)]);
        Assert.Equal((10m, ProjectionMethod.Seasonal), (ward.Projection!.Value, ward.Projection.Method));
    }
}
