using System.Globalization;
using Pcmd.Web.Features.Establishments.Import;

namespace Pcmd.Web.Features.Monitoring;

/// <summary>The tables of the monitoring pages as .xlsx (issue 14, items 3 and 7), written by the app's one forward-only
/// writer (<see cref="XlsxWriter"/>): figures as numbers, so that they can be charted again in a spreadsheet.</summary>
public static class MonitoringWorkbooks
{
    public static byte[] Series(Series s)
    {
        using var ms = new MemoryStream();
        using (var x = new XlsxWriter(ms))
        using (var sheet = x.AddSheet("Xu hướng", [28, .. s.Labels.Select(_ => 10d)]))
        {
            sheet.Row([s.Name], XlsxWriter.HeaderStyle);
            sheet.Row([s.Unit.Name + (s.IsShare ? " (%)" : "")]);
            sheet.Row(s.Granularity == Granularity.Year ? ["", .. s.Labels] : ["Năm", .. s.Labels], XlsxWriter.HeaderStyle);
            foreach (var y in s.Years)
            {
                sheet.BeginRow().Text(s.Granularity == Granularity.Year ? s.Name : y.Year.ToString(CultureInfo.InvariantCulture));
                foreach (var v in y.Values) sheet.Number(v is { } d ? (double)d : null);
                sheet.EndRow();
            }
            sheet.Row([s.Explanation]);
        }
        return ms.ToArray();
    }

    public static byte[] Dashboard(PlanDashboard d)
    {
        using var ms = new MemoryStream();
        using (var x = new XlsxWriter(ms))
        using (var sheet = x.AddSheet("Chỉ tiêu", [8, 60, 16, 16, 12, 22, 16, 40]))
        {
            sheet.Row([d.PlanTitle], XlsxWriter.HeaderStyle);
            sheet.Row([$"{d.Unit.Name} — năm {d.Year}"]);
            sheet.Row(["STT", "Chỉ tiêu", "Chỉ tiêu năm", "Kết quả", "% chỉ tiêu", "Trạng thái", "Dự báo cuối năm", "Nguồn"], XlsxWriter.HeaderStyle);
            foreach (var i in d.Indicators)
            {
                var r = i.Result;
                sheet.BeginRow().Text(r.Number).Text(r.Text, XlsxWriter.WrapStyle).Text(r.TargetText).Text(i.Figure.ActualText)
                    .Number(i.Figure.PercentOfTarget is { } p ? (double)p : null)
                    .Text(Indicators.IndicatorLabels.Status(i.Figure.Status, CultureInfo.CurrentCulture))
                    .Text(i.Outlook.Projection?.ValueText).Text(i.Figure.SourceText + (i.Figure.Differs ? " — " + i.Figure.ReportedText : ""), XlsxWriter.WrapStyle);
                sheet.EndRow();
            }
        }
        return ms.ToArray();
    }
}
