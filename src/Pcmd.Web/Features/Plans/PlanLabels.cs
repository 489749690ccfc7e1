using System.Globalization;
using Pcmd.Web.Features.Targets;

namespace Pcmd.Web.Features.Plans;

/// <summary>How plan parts read in Vietnamese, the way the printed plans say them.</summary>
public static class PlanLabels
{
    static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    public static string Level(PlanLevel l) => l switch
    {
        PlanLevel.National => "Trung ương",
        PlanLevel.City => "Thành phố",
        PlanLevel.District => "Quận, huyện",
        PlanLevel.Commune => "Xã, phường",
        _ => "Cơ quan, đơn vị",
    };

    public static string Report(ReportKind k) => k switch
    {
        ReportKind.Semiannual => "Báo cáo 6 tháng",
        ReportKind.Annual => "Báo cáo năm",
        ReportKind.Quarterly => "Báo cáo quý",
        ReportKind.Monthly => "Báo cáo tháng",
        ReportKind.Adhoc => "Báo cáo đột xuất",
        _ => "Báo cáo tổng kết giai đoạn",
    };

    public static string Complexity(ComplexityLevel? c) => c switch
    {
        ComplexityLevel.Complex => "Phức tạp",
        ComplexityLevel.Active => "Có hoạt động",
        ComplexityLevel.Low => "Ít hoạt động",
        ComplexityLevel.Inactive => "Không hoạt động",
        _ => "",
    };

    public static string AppendixStatus(string? s) => s switch
    {
        "maintain" => "Duy trì",
        "new" => "Áp dụng mới",
        null => "",
        _ => s,
    };

    public static string Timing(TaskView t)
    {
        if (!string.IsNullOrWhiteSpace(t.TimingText)) return t.TimingText;
        return t.TimingKind switch
        {
            TimingKind.Recurring => t.Frequency switch
            {
                Frequency.Monthly => "Hằng tháng",
                Frequency.Quarterly => "Hằng quý",
                Frequency.Semiannual => "6 tháng một lần",
                Frequency.Yearly => "Hằng năm",
                _ => "Thường xuyên",
            },
            TimingKind.Due => t.DueDate is { } d ? "Trước ngày " + d.ToString("dd/MM/yyyy", Vi) : "",
            TimingKind.Period => "Cả giai đoạn",
            _ => "",
        };
    }

    public static string Number(decimal? v) => v is null ? "" : v.Value.ToString("#,##0.##", Vi);

    /// <summary>"95 %", "80–100 vụ", "tăng 5–8 %", "Không có".</summary>
    public static string Target(TargetKind? kind, decimal? value, decimal? min, decimal? max, string? unit)
    {
        var u = string.IsNullOrWhiteSpace(unit) || unit == "%" ? "" : " " + unit;
        return kind switch
        {
            null => "",
            TargetKind.Zero => "Không có (0)",
            TargetKind.Percentage => $"{Number(value)} %",
            TargetKind.AtLeastOnce => $"{Number(value ?? 100)} % (ít nhất một lần)",
            TargetKind.Count => $"{Number(value)}{u}",
            TargetKind.Range => max is null ? $"Từ {Number(min)}{u}" : $"{Number(min)}–{Number(max)}{u}",
            TargetKind.Change => (min < 0 || max < 0)
                ? $"giảm {Number(-(max ?? min))}–{Number(-min)} %"
                : max is null ? $"tăng ít nhất {Number(min)} %" : $"tăng {Number(min)}–{Number(max)} %",
            _ => "",
        };
    }

    public static string Target(IndicatorView i) => Target(i.TargetKind, i.Value, i.Min, i.Max, i.UnitOfMeasure);

    /// <summary>One row of a schedule or a unit's share: "95 %" (the kind is already said on the indicator).</summary>
    public static string Target(IndicatorView i, TargetRow r) => Target(i.TargetKind == TargetKind.AtLeastOnce ? TargetKind.Percentage : i.TargetKind,
        r.Value ?? (r.Min is null ? i.Value : null), r.Min, r.Max, i.UnitOfMeasure);

    /// <summary>Depth of a row number ("3", "3.2", "3.2.b") for indenting the indicator table.</summary>
    public static int Depth(string number) => Math.Min(2, number.Count(c => c == '.'));
}
