using Pcmd.Web.Shared;
using System.Globalization;
using Pcmd.Web.Features.Plans;

namespace Pcmd.Web.Features.Reporting;

/// <summary>Words for a report's states, through the resources (Reporting.* in strings.tsv): Vietnamese by default (services,
/// the API, the documents under Nghị định 30/2020), the reader's language on the pages.</summary>
public static class ReportLabels
{
    static readonly CultureInfo Vi = UiText.Vi;

    public static string Kind(ReportKind k) => Kind(k, Vi);
    public static string Kind(ReportKind k, CultureInfo c) => UiText.T("Reporting.Kind." + k, c);

    /// <summary>A report returned after a submission reads "Bị trả lại"; one never opened reads "Chưa nộp".</summary>
    public static string Status(ReportStatus s, bool everSubmitted = true) => Status(s, everSubmitted, Vi);

    public static string Status(ReportStatus s, bool everSubmitted, CultureInfo c) =>
        UiText.T("Reporting.Status." + (s == ReportStatus.Draft && !everSubmitted ? "NotSubmitted" : s.ToString()), c);

    public static string Badge(ReportStatus s) => s switch
    {
        ReportStatus.Accepted => "text-bg-success",
        ReportStatus.Submitted => "text-bg-primary",
        ReportStatus.Returned => "text-bg-warning",
        _ => "text-bg-light border",
    };

    public static string Progress(TaskProgress? p) => Progress(p, Vi);
    public static string Progress(TaskProgress? p, CultureInfo c) => p is { } v ? UiText.T("Reporting.Progress." + v, c) : "—";

    public static string Event(ReportEventKind k, CultureInfo c) => UiText.T("Reporting.Event." + k, c);

    public static string Role(AssignmentRole? r, CultureInfo c) => r is { } v ? UiText.T("Reporting.Role." + v, c) : "";

    /// <summary>The reading culture of the reporting pages: the reader's words with numbers written the Vietnamese way
    /// (1.500; 12,5), because the form's number boxes read them that way (ReportPageText.TryParseNumber, report-form.js)
    /// and a page must write numbers as its boxes read them. Vietnamese readers get vi-VN itself.</summary>
    public static CultureInfo Reading(CultureInfo ui)
    {
        if (ui.TwoLetterISOLanguageName == "vi") return Vi;
        var c = (CultureInfo)ui.Clone();
        c.NumberFormat = (NumberFormatInfo)Vi.NumberFormat.Clone();
        return CultureInfo.ReadOnly(c);
    }

    static readonly ReportKind[] Titled = [ReportKind.Semiannual, ReportKind.Annual, ReportKind.Quarterly, ReportKind.Monthly, ReportKind.Final];

    /// <summary>A period's title in the reader's language: the titles PCMD gives the schedule's periods ("Báo cáo năm 2026",
    /// see <see cref="ReportCalendar"/>) are recognised and reworded; an ad hoc request's title is the coordinator's own words.</summary>
    public static string PeriodTitle(string stored, CultureInfo c)
    {
        if (c.TwoLetterISOLanguageName == "vi") return stored;
        foreach (var kind in Titled)
        {
            var key = "Reporting.Title." + kind;
            var pattern = "^" + System.Text.RegularExpressions.Regex.Escape(UiText.T(key, Vi)).Replace(@"\{0}", "(.+?)").Replace(@"\{1}", "(.+?)") + "$";
            var m = System.Text.RegularExpressions.Regex.Match(stored, pattern);
            if (m.Success) return string.Format(c, UiText.T(key, c), m.Groups.Values.Skip(1).Select(g => (object)g.Value).ToArray());
        }
        return stored;
    }

    public static string Date(DateOnly d) => ViFormat.Date(d);
    public static string Date(DateTime? d) => d is { } v ? ViFormat.DateTime(VietnamTime.ToLocal(v)) : "—";
    public static string Number(decimal? v) => v is { } x ? x.ToString("#,##0.##", Vi) : "—";
}
