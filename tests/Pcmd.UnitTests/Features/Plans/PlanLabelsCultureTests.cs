using System.Globalization;
using Pcmd.Web.Features.Plans;
using Pcmd.Web.Features.Targets;

namespace Pcmd.UnitTests.Features.Plans;

/// <summary>The culture-aware overloads: Vietnamese exactly as the plans write it, English for the second language.</summary>
public class PlanLabelsCultureTests
{
    static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");
    static readonly CultureInfo En = CultureInfo.GetCultureInfo("en-US");

    [Theory]
    [InlineData(TargetKind.Range, null, 80.0, 100.0, "vụ", "80–100 vụ", "80–100 vụ")]
    [InlineData(TargetKind.Range, null, 80.0, null, "vụ", "Từ 80 vụ", "At least 80 vụ")]
    [InlineData(TargetKind.Percentage, 95.0, null, null, "%", "95 %", "95 %")]
    [InlineData(TargetKind.AtLeastOnce, null, null, null, null, "100 % (ít nhất một lần)", "100 % (at least once)")]
    [InlineData(TargetKind.Count, 1500.0, null, null, "lượt người", "1.500 lượt người", "1,500 lượt người")]
    [InlineData(TargetKind.Change, null, 5.0, 8.0, null, "tăng 5–8 %", "increase 5–8 %")]
    [InlineData(TargetKind.Change, null, 5.0, null, null, "tăng ít nhất 5 %", "increase of at least 5 %")]
    [InlineData(TargetKind.Change, null, -10.0, -5.0, null, "giảm 5–10 %", "decrease 5–10 %")]
    [InlineData(TargetKind.Zero, null, null, null, null, "Không có (0)", "None (0)")]
    public void Targets_follow_the_culture(TargetKind kind, double? value, double? min, double? max, string? unit, string vi, string en)
    {
        Assert.Equal(vi, PlanLabels.Target(kind, (decimal?)value, (decimal?)min, (decimal?)max, unit, Vi));
        Assert.Equal(en, PlanLabels.Target(kind, (decimal?)value, (decimal?)min, (decimal?)max, unit, En));
    }

    [Fact]
    public void Labels_are_Vietnamese_by_default_and_English_in_English()
    {
        Assert.Equal("Báo cáo 6 tháng", PlanLabels.Report(ReportKind.Semiannual));
        Assert.Equal("Báo cáo 6 tháng", PlanLabels.Report(ReportKind.Semiannual, Vi));
        Assert.Equal("Six-monthly report", PlanLabels.Report(ReportKind.Semiannual, En));
        Assert.Equal("Tỉnh, thành phố", PlanLabels.Level(PlanLevel.City));
        // Issue 16, item 5: a province is a "Tỉnh"; only the centrally-run cities are "Thành phố".
        var vi = System.Globalization.CultureInfo.GetCultureInfo("vi-VN");
        Assert.Equal("Tỉnh", PlanLabels.Level(PlanLevel.City, "Tỉnh Bắc Ninh", vi));
        Assert.Equal("Thành phố", PlanLabels.Level(PlanLevel.City, "Thành phố Hà Nội", vi));
        Assert.Equal("Quận, huyện", PlanLabels.Level(PlanLevel.District, "Quận Hà Đông", vi));
        Assert.Equal("Province, city", PlanLabels.Level(PlanLevel.City, En));
        Assert.Equal("Phức tạp", PlanLabels.Complexity(ComplexityLevel.Complex));
        Assert.Equal("Complex", PlanLabels.Complexity(ComplexityLevel.Complex, En));
        Assert.Equal("Áp dụng mới", PlanLabels.AppendixStatus("new"));
        Assert.Equal("Newly applied", PlanLabels.AppendixStatus("new", En));
        Assert.Equal("khác", PlanLabels.AppendixStatus("khác", En));
    }

    [Fact]
    public void Timing_uses_the_culture_s_short_date_and_keeps_the_plan_s_own_words()
    {
        var due = new TaskView(1, "1", null, "x", TimingKind.Due, null, new DateOnly(2026, 6, 17), null, []);
        Assert.Equal("Trước ngày 17/06/2026", PlanLabels.Timing(due));
        Assert.Equal("Trước ngày 17/06/2026", PlanLabels.Timing(due, Vi));
        Assert.Equal("By 6/17/2026", PlanLabels.Timing(due, En));
        var yearly = due with { TimingKind = TimingKind.Recurring, Frequency = Frequency.Yearly, DueDate = null };
        Assert.Equal("Hằng năm", PlanLabels.Timing(yearly));
        Assert.Equal("Yearly", PlanLabels.Timing(yearly, En));
        Assert.Equal("Quý I/2026", PlanLabels.Timing(yearly with { TimingText = "Quý I/2026" }, En));
    }
}
