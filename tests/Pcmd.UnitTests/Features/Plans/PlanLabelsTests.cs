using Pcmd.Web.Features.Plans;
using Pcmd.Web.Features.Targets;

namespace Pcmd.UnitTests.Features.Plans;

public class PlanLabelsTests
{
    [Theory]
    [InlineData(TargetKind.Range, null, 80.0, 100.0, "vụ", "80–100 vụ")]
    [InlineData(TargetKind.Percentage, 95.0, null, null, "%", "95 %")]
    [InlineData(TargetKind.Count, 1500.0, null, null, "lượt người", "1.500 lượt người")]
    [InlineData(TargetKind.Change, null, 5.0, 8.0, null, "tăng 5–8 %")]
    [InlineData(TargetKind.Change, null, -10.0, -5.0, null, "giảm 5–10 %")]
    [InlineData(TargetKind.Zero, null, null, null, null, "Không có (0)")]
    public void Targets_read_as_the_plans_write_them(TargetKind kind, double? value, double? min, double? max, string? unit, string expected)
    {
        Assert.Equal(expected, PlanLabels.Target(kind, (decimal?)value, (decimal?)min, (decimal?)max, unit));
    }
}
