using Pcmd.Web.Features.Plans;
using Pcmd.Web.Features.Targets;

namespace Pcmd.UnitTests.Features.Plans;

/// <summary>Which target applies for a year and a unit: the schedule (60/70/80/90/95 %) and giao chỉ tiêu.</summary>
public class IndicatorTargetTests
{
    static Indicator Inspection() => new()
    {
        TargetKind = TargetKind.AtLeastOnce,
        TargetValue = 95,
        Targets =
        [
            new() { Year = 2026, Value = 60 }, new() { Year = 2027, Value = 70 }, new() { Year = 2028, Value = 80 },
            new() { Year = 2029, Value = 90 }, new() { Year = 2030, Value = 95 },
            new() { OrgUnitId = 7, Value = 100 }, new() { OrgUnitId = 7, Year = 2026, Value = 75 },
        ],
    };

    [Theory]
    [InlineData(2026, 60)]
    [InlineData(2028, 80)]
    [InlineData(2030, 95)]
    [InlineData(2031, 95)]   // no schedule row: the indicator's own value
    public void The_yearly_schedule_sets_the_target_of_each_year(int year, decimal expected)
    {
        Assert.Equal(expected, Inspection().TargetFor(year)!.Value);
    }

    [Fact]
    public void A_unit_target_overrides_the_plan_wide_schedule()
    {
        var i = Inspection();
        Assert.Equal(75, i.TargetFor(2026, orgUnitId: 7)!.Value);
        Assert.Equal(100, i.TargetFor(2027, orgUnitId: 7)!.Value);
        Assert.Null(i.TargetFor(2027, orgUnitId: 8));
    }

    [Fact]
    public void A_heading_row_has_no_target()
    {
        Assert.Null(new Indicator { Number = "3" }.TargetFor(2026));
    }
}
