using Pcmd.Web.Shared;
using System.Globalization;
using Pcmd.Web.Features.Plans;

namespace Pcmd.Web.Features.Reporting;

public static class ReportLabels
{
    static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    public static string Kind(ReportKind k) => k switch
    {
        ReportKind.Semiannual => "6 tháng",
        ReportKind.Annual => "Năm",
        ReportKind.Quarterly => "Quý",
        ReportKind.Monthly => "Tháng",
        ReportKind.Adhoc => "Đột xuất",
        ReportKind.Final => "Tổng kết",
        _ => k.ToString(),
    };

    /// <summary>A report returned after a submission reads "Bị trả lại"; one never opened reads "Chưa nộp".</summary>
    public static string Status(ReportStatus s, bool everSubmitted = true) => s switch
    {
        ReportStatus.Draft => everSubmitted ? "Đang soạn" : "Chưa nộp",
        ReportStatus.Submitted => "Đã nộp, chờ duyệt",
        ReportStatus.Returned => "Bị trả lại",
        ReportStatus.Accepted => "Đã chấp nhận",
        _ => s.ToString(),
    };

    public static string Badge(ReportStatus s) => s switch
    {
        ReportStatus.Accepted => "text-bg-success",
        ReportStatus.Submitted => "text-bg-primary",
        ReportStatus.Returned => "text-bg-warning",
        _ => "text-bg-light border",
    };

    public static string Progress(TaskProgress? p) => p switch
    {
        TaskProgress.NotStarted => "Chưa triển khai",
        TaskProgress.InProgress => "Đang thực hiện",
        TaskProgress.Done => "Đã hoàn thành",
        TaskProgress.Recurring => "Thực hiện thường xuyên",
        _ => "—",
    };

    public static string Date(DateOnly d) => ViFormat.Date(d);
    public static string Date(DateTime? d) => d is { } v ? ViFormat.DateTime(VietnamTime.ToLocal(v)) : "—";
    public static string Number(decimal? v) => v is { } x ? x.ToString("#,##0.##", Vi) : "—";
}
