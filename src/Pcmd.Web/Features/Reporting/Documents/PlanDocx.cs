using System.Globalization;
using DocumentFormat.OpenXml.Wordprocessing;
using Pcmd.Web.Features.Plans;
using static Pcmd.Web.Features.Reporting.Documents.DocxParts;

namespace Pcmd.Web.Features.Reporting.Documents;

/// <summary>Who issues the plan as its header prints it: "UBND THÀNH PHỐ HÀ NỘI" above "SỞ Y TẾ" (null above a People's
/// Committee), and the place of the date line ("Hà Nội").</summary>
public sealed record PlanIssuer(string? SuperiorBody, string IssuingBody, string Place);

/// <summary>A plan as the document it was (issue 16, item 1): the layout of the reports (Nghị định 30/2020/NĐ-CP, Phụ lục I,
/// <see cref="ReportDocx"/>) with the plan's own header, Mục đích and Yêu cầu, objectives, tasks, report schedule, Nơi nhận
/// and signature as written, then the indicator table and the plan's appendices on landscape pages.</summary>
public static class PlanDocx
{
    static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");
    // STT, Chỉ tiêu, Đơn vị tính, Chỉ tiêu kế hoạch, Chủ trì, Phối hợp, Ghi chú: 14287 twips between the landscape margins.
    static readonly int[] IndicatorWidths = [850, 5103, 1134, 2268, 1984, 1984, 964];
    static readonly string[] IndicatorHeaders = ["STT", "Chỉ tiêu", "Đơn vị tính", "Chỉ tiêu kế hoạch", "Cơ quan chủ trì", "Cơ quan phối hợp", "Ghi chú"];
    static readonly int[] ItemWidths = [850, 5953, 3402, 2268, 1814];
    static readonly string[] ItemHeaders = ["STT", "Tên", "Địa bàn", "Mức độ, tình trạng", "Ghi chú"];

    public static void Write(PlanDetailDto p, PlanIssuer issuer, Stream output)
    {
        var d = p.Document;
        var doc = new ReportDocument(issuer.SuperiorBody, issuer.IssuingBody.ToUpper(Vi), NumberLine(p.Number), issuer.Place,
            p.IssuedOn ?? new DateOnly(p.PeriodFrom, 1, 1), "KẾ HOẠCH", p.Title, Sections(p), d.Recipients,
            string.Join('\n', d.SignerForm), d.SignerTitle ?? "", d.SignerName, null,
            DateWords: DateWords(p.IssuedOn, d.IssuedPrecision), RecipientsAsWritten: true);
        ReportDocx.Write(doc, output, p.Indicators.Count + p.Appendices.Count == 0 ? null : body =>
        {
            var of = $"(Kèm theo Kế hoạch{(p.Number is { } n && !n.StartsWith('/') ? " số " + n : "")} "
                + $"{(p.IssuedOn is null ? "" : DateWords(p.IssuedOn, d.IssuedPrecision) + " ")}của {issuer.IssuingBody})";
            if (p.Indicators.Count > 0)
                Table(body, "PHỤ LỤC\nCÁC CHỈ TIÊU CỤ THỂ", of, IndicatorHeaders, IndicatorWidths, p.Indicators.Select(i => (i.TargetKind is null,
                    new[] { i.Number, i.Text, i.UnitOfMeasure ?? "", PlanLabels.Target(i), Agencies(i.Assignments, AssignmentRole.Lead),
                        Agencies(i.Assignments, AssignmentRole.Cooperating), i.Note ?? "" })));
            foreach (var a in p.Appendices)
                Table(body, $"PHỤ LỤC {a.Number}\n{a.Title.ToUpper(Vi)}", of, ItemHeaders, ItemWidths, a.Items.Select((x, k) => (false,
                    new[] { (k + 1).ToString(Vi), x.Name, x.UnitName ?? x.OrgUnitName ?? "",
                        x.Complexity is { } c ? PlanLabels.Complexity(c) : PlanLabels.AppendixStatus(x.Status), x.Note ?? "" })));
        });
    }

    /// <summary>"Số: 46/KH-UBND"; a draft's blank number keeps its suffix ("Số:        /KH-UBND").</summary>
    public static string NumberLine(string? number) => number switch
    {
        null => "Số:        /KH",
        _ when number.StartsWith('/') => "Số:        " + number,
        _ => "Số: " + number,
    };

    /// <summary>"ngày 05 tháng 02 năm 2024", or for a date known in part "ngày … tháng 5 năm 2021", "ngày … tháng … năm 2021".</summary>
    public static string DateWords(DateOnly? d, DatePrecision? precision) => (d, precision) switch
    {
        (null, _) => "ngày … tháng … năm …",
        ({ } x, DatePrecision.Year) => $"ngày … tháng … năm {x.Year.ToString(CultureInfo.InvariantCulture)}",
        ({ } x, DatePrecision.Month) => "ngày … " + ReportDocx.DateText(x)[(ReportDocx.DateText(x).IndexOf(" tháng", StringComparison.Ordinal) + 1)..],
        ({ } x, _) => ReportDocx.DateText(x),
    };

    static List<ReportSection> Sections(PlanDetailDto p)
    {
        var d = p.Document;
        var list = new List<ReportSection> { new("", p.LegalBasis) };
        var n = 0;
        string Next(string heading) => $"{Reporting.ReportCalendar.Roman(++n)}. {heading}";
        if (d.Purpose.Count + d.Requirements.Count > 0)
            list.Add(new(Next("MỤC ĐÍCH, YÊU CẦU"), [], [new("1. Mục đích", d.Purpose), new("2. Yêu cầu", d.Requirements)]));
        var general = p.Objectives.Where(o => o.Kind == ObjectiveKind.General).Select(o => o.Text).ToList();
        var specific = p.Objectives.Where(o => o.Kind == ObjectiveKind.Specific).Select(o => o.Text).ToList();
        if (p.Indicators.Count > 0) specific.Add("Các chỉ tiêu cụ thể tại Phụ lục kèm theo Kế hoạch này.");
        if (general.Count + specific.Count > 0)
            list.Add(new(Next("MỤC TIÊU"), [], [new("1. Mục tiêu chung", general), new("2. Mục tiêu cụ thể", specific)]));
        if (p.Tasks.Count > 0)
            list.Add(new(Next("NHIỆM VỤ, GIẢI PHÁP"), [], p.Tasks.GroupBy(t => t.Section ?? "")
                .Select(g => new ReportSection(g.Key, g.Select(TaskLine).ToList())).ToList()));
        if (p.ReportSchedule.Count > 0)
            list.Add(new(Next("CHẾ ĐỘ BÁO CÁO"), p.ReportSchedule.Select(r => $"- {PlanLabels.Report(r.Kind)}"
                + (r.Note is { Length: > 0 } note ? $": {note}" : r.DueDay is { } day ? $": trước ngày {day}{(r.DueMonth is { } m ? "/" + m : "")}" : "")
                + (r.Recipient is { } to ? $", gửi {to.Name}" : "") + ".").ToList()));
        return list;
    }

    static string TaskLine(TaskView t)
    {
        var lead = Agencies(t.Assignments, AssignmentRole.Lead);
        var coop = Agencies(t.Assignments, AssignmentRole.Cooperating);
        var who = string.Join("; ", new[] { lead.Length > 0 ? "Chủ trì: " + lead : "", coop.Length > 0 ? "phối hợp: " + coop : "",
            t.TimingText is { Length: > 0 } tt ? "thời gian: " + tt : "" }.Where(s => s.Length > 0));
        return $"{t.Number}. {t.Text}" + (who.Length > 0 ? $" ({who})." : "");
    }

    static string Agencies(List<AssignmentView> all, AssignmentRole role) => string.Join(", ",
        all.Where(a => a.Role == role).Select(a => a.Requested ? $"đề nghị {a.AgencyName}" : a.AgencyName));

    static void Table(Body body, string title, string subtitle, string[] headers, int[] widths, IEnumerable<(bool Heading, string[] Cells)> rows)
    {
        foreach (var line in title.Split('\n')) body.Append(Para(line, 14, Look.Bold, keepNext: true));
        body.Append(Para(subtitle, 14, Look.Italic, keepNext: true));
        body.Append(Blank(12));
        var t = DocxParts.Table(widths, borders: true);
        var header = new TableRow(new TableRowProperties(new CantSplit(), new TableHeader()));
        for (var i = 0; i < headers.Length; i++) header.Append(Cell(widths[i], [Para(headers[i], 12, Look.Bold)], middle: true));
        t.Append(header);
        foreach (var (heading, cells) in rows)
        {
            var tr = new TableRow(new TableRowProperties(new CantSplit()));
            for (var i = 0; i < cells.Length; i++)
                tr.Append(Cell(widths[i], [Para(cells[i], 12, heading ? Look.Bold : Look.None, i == 1 ? JustificationValues.Left : JustificationValues.Center)]));
            t.Append(tr);
        }
        body.Append(t);
        body.Append(Blank(12));
    }
}
