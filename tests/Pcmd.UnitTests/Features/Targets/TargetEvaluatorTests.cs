using Pcmd.Web.Features.Targets;

namespace Pcmd.UnitTests.Features.Targets;

/// <summary>How each kind of target the seed plans use is judged against an actual value.</summary>
public class TargetEvaluatorTests
{
    [Theory]
    [InlineData(180, 180, TargetStatus.Achieved, 100.0)]   // "180 vụ" (KH 08/2014)
    [InlineData(180, 200, TargetStatus.Achieved, 111.1)]
    [InlineData(180, 90, TargetStatus.Missed, 50.0)]
    public void A_count_is_achieved_from_its_value_up(decimal target, decimal actual, TargetStatus status, double percent)
    {
        var e = TargetEvaluator.Evaluate(new Target(TargetKind.Count, Value: target), new Actual(actual));
        Assert.Equal(status, e.Status);
        Assert.Equal((decimal)percent, e.PercentOfTarget);
    }

    [Fact]
    public void A_percentage_is_measured_as_numerator_over_denominator()
    {
        // "95 % cơ sở … được kiểm tra": 1,900 of 2,000 establishments = 95 %.
        var e = TargetEvaluator.Evaluate(new Target(TargetKind.Percentage, Value: 95), Actual.Ratio(1900, 2000));
        Assert.Equal(TargetStatus.Achieved, e.Status);
        Assert.Equal(95m, e.ActualMeasure);
        Assert.Equal(100m, e.PercentOfTarget);
        var short1 = TargetEvaluator.Evaluate(new Target(TargetKind.Percentage, Value: 60), Actual.Ratio(1100, 2000));
        Assert.Equal(TargetStatus.Missed, short1.Status);
        Assert.Equal(55m, short1.ActualMeasure);
        Assert.Equal(91.7m, short1.PercentOfTarget);
    }

    [Fact]
    public void A_percentage_over_no_items_cannot_be_measured()
    {
        var e = TargetEvaluator.Evaluate(new Target(TargetKind.Percentage, Value: 100), Actual.Ratio(0, 0));
        Assert.Equal(TargetStatus.NotMeasurable, e.Status);
    }

    [Fact]
    public void All_of_X_needs_every_item()
    {
        var target = new Target(TargetKind.Percentage, Value: 100);   // "100 % tin báo được xử lý"
        Assert.Equal(TargetStatus.Missed, TargetEvaluator.Evaluate(target, Actual.Ratio(99, 100)).Status);
        Assert.Equal(TargetStatus.Achieved, TargetEvaluator.Evaluate(target, Actual.Ratio(100, 100)).Status);
    }

    [Theory]
    [InlineData(79, TargetStatus.Missed)]       // "80–100 vụ án"
    [InlineData(80, TargetStatus.Achieved)]
    [InlineData(100, TargetStatus.Achieved)]
    [InlineData(101, TargetStatus.Exceeded)]
    public void A_range_is_achieved_from_its_minimum_and_exceeded_above_its_maximum(decimal actual, TargetStatus status)
    {
        Assert.Equal(status, TargetEvaluator.Evaluate(new Target(TargetKind.Range, Min: 80, Max: 100), new Actual(actual)).Status);
    }

    [Theory]
    [InlineData(100, 104, TargetStatus.Missed, 4.0)]      // "tăng 5–8 %" against the previous year
    [InlineData(100, 105, TargetStatus.Achieved, 5.0)]
    [InlineData(100, 108, TargetStatus.Achieved, 8.0)]
    [InlineData(100, 110, TargetStatus.Exceeded, 10.0)]
    public void A_rise_is_measured_against_the_previous_year(decimal previous, decimal current, TargetStatus status, double change)
    {
        var e = TargetEvaluator.Evaluate(new Target(TargetKind.Change, Min: 5, Max: 8), Actual.ChangeFrom(previous, current));
        Assert.Equal(status, e.Status);
        Assert.Equal((decimal)change, e.ActualMeasure);
    }

    [Theory]
    [InlineData(200, 190, TargetStatus.Achieved)]   // "giảm 5 %" = min -5
    [InlineData(200, 195, TargetStatus.Missed)]
    public void A_fall_is_a_negative_change(decimal previous, decimal current, TargetStatus status)
    {
        Assert.Equal(status, TargetEvaluator.Evaluate(new Target(TargetKind.Change, Min: -5), Actual.ChangeFrom(previous, current)).Status);
    }

    [Fact]
    public void A_change_without_a_previous_value_cannot_be_measured()
    {
        Assert.Equal(TargetStatus.NotMeasurable, TargetEvaluator.Evaluate(new Target(TargetKind.Change, Min: 5, Max: 8), Actual.ChangeFrom(0, 12)).Status);
    }

    [Theory]
    [InlineData(0, TargetStatus.Achieved)]   // "không để phát sinh tụ điểm mới"
    [InlineData(1, TargetStatus.Missed)]
    public void Zero_means_none_at_all(decimal actual, TargetStatus status)
    {
        Assert.Equal(status, TargetEvaluator.Evaluate(new Target(TargetKind.Zero), new Actual(actual)).Status);
    }

    [Fact]
    public void At_least_once_without_a_share_means_every_item_within_the_window()
    {
        var target = new Target(TargetKind.AtLeastOnce);
        Assert.Equal(TargetStatus.Missed, TargetEvaluator.Evaluate(target, Actual.Ratio(49, 50)).Status);
        Assert.Equal(TargetStatus.Achieved, TargetEvaluator.Evaluate(target, Actual.Ratio(50, 50)).Status);
        Assert.Equal(TargetStatus.Achieved, TargetEvaluator.Evaluate(target with { Value = 95 }, Actual.Ratio(48, 50)).Status);
    }
}
