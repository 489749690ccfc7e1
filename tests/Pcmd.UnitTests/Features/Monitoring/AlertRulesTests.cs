using Pcmd.UnitTests.Features.Indicators;
using Pcmd.Web.Features.Monitoring;
using Pcmd.Web.Features.Targets;

namespace Pcmd.UnitTests.Features.Monitoring;

/// <summary>The early-warning rules with a clock stopped at a known moment, and the tolerance between the two sources of a figure.</summary>
public sealed class AlertRulesTests
{
    static readonly DateOnly Today = new(2026, 12, 6);
    static readonly AlertRules Rules = new(new FixedClock(new DateTimeOffset(2026, 12, 6, 3, 0, 0, TimeSpan.Zero)));

    [Fact]
    public void A_ward_with_something_to_inspect_and_no_inspection_in_90_days_raises_an_alert()
    {
        Assert.False(Rules.NoRecentInspection(Today.AddDays(-90), 3));
        Assert.True(Rules.NoRecentInspection(Today.AddDays(-91), 3));
        Assert.True(Rules.NoRecentInspection(null, 1));
        Assert.False(Rules.NoRecentInspection(null, 0));   // nothing under management: nothing to inspect
        Assert.False(Rules.NoRecentInspection(Today.AddDays(-400), 0));
    }

    [Fact]
    public void A_re_emergence_is_news_for_90_days_and_never_from_the_future()
    {
        Assert.True(Rules.ReEmergedRecently(Today));
        Assert.True(Rules.ReEmergedRecently(Today.AddDays(-90)));
        Assert.False(Rules.ReEmergedRecently(Today.AddDays(-91)));
        Assert.False(Rules.ReEmergedRecently(Today.AddDays(1)));
    }

    [Fact]
    public void A_rise_is_sharp_at_half_again_as_many_and_at_least_five_more()
    {
        Assert.True(AlertRules.SharpRise(15, 10));
        Assert.True(AlertRules.SharpRise(6, 1));
        Assert.True(AlertRules.SharpRise(5, 0));
        Assert.False(AlertRules.SharpRise(4, 0));     // too few to mean anything
        Assert.False(AlertRules.SharpRise(20, 14));   // under half again
        Assert.False(AlertRules.SharpRise(3, 10));
    }

    [Fact]
    public void Today_is_the_Vietnamese_day_and_last_year_the_same_calendar_day()
    {
        // 18:00 UTC on 31 December is 1 January in Hà Nội.
        Assert.Equal(new DateOnly(2027, 1, 1), new AlertRules(new FixedClock(new DateTimeOffset(2026, 12, 31, 18, 0, 0, TimeSpan.Zero))).Today);
        Assert.Equal(new DateOnly(2027, 2, 28), AlertRules.SameDayYearBefore(new DateOnly(2028, 2, 29)));
        Assert.Equal(new DateOnly(2025, 12, 6), AlertRules.SameDayYearBefore(Today));
    }

    [Fact]
    public void The_computed_and_the_reported_figure_differ_beyond_five_points_or_ten_per_cent()
    {
        Assert.True(SourcedFigures.Differ(true, Actual.Ratio(80, 100), Actual.Ratio(86, 100)));
        Assert.False(SourcedFigures.Differ(true, Actual.Ratio(80, 100), Actual.Ratio(84, 100)));
        Assert.True(SourcedFigures.Differ(false, new Actual(100), new Actual(112)));
        Assert.False(SourcedFigures.Differ(false, new Actual(100), new Actual(109)));
        Assert.False(SourcedFigures.Differ(false, new Actual(1), new Actual(2)));   // one case apart is not a discrepancy
    }
}
