using System.Globalization;

namespace Pcmd.Web.Features.Reporting.Documents;

/// <summary>What the documents say, in Vietnamese, from their models alone (no database): a report's
/// <see cref="ReportDocumentModel"/> becomes the <see cref="ReportDocument"/> that <see cref="ReportDocx"/> lays out
/// (Nghị định 30/2020/NĐ-CP), a period's <see cref="PeriodWorkbookModel"/> the <see cref="ReportWorkbook"/> of
/// <see cref="ReportXlsx"/>.</summary>
public static class ReportWording
{
    static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    public static ReportDocument Document(ReportDocumentModel m)
    {
        var issuer = m.Issuer;
        var about = m.Period.Title.StartsWith("Báo cáo ", StringComparison.Ordinal) ? m.Period.Title["Báo cáo ".Length..] : m.Period.Title;
        // "Kế hoạch" stays capitalised: it names a particular document.
        var subject = $"Kết quả thực hiện {m.Plan.Title} — {about}";
        var figures = m.Figures.ToList();
        var sections = new List<ReportSection>
        {
            new("", [$"Thực hiện {(m.Plan.Number is { } n ? $"Kế hoạch số {n} " : "")}{LowerFirst(m.Plan.Title)}, {issuer.Name} báo cáo kết quả thực hiện "
                + $"{about} (số liệu từ ngày {ReportLabels.Date(m.Period.DataFrom)} đến ngày {ReportLabels.Date(m.Period.DataTo)}) như sau:"]),
            new("I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ", m.Tasks.Count == 0 ? ["Không có nhiệm vụ được giao trong kỳ."] : [],
                m.Tasks.Select(TaskSection).ToList()),
            new("II. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU", figures.Count == 0 ? ["Không có chỉ tiêu được giao."]
                : new[] { $"Kết quả thực hiện {figures.Count} chỉ tiêu chi tiết tại Phụ lục kèm theo Báo cáo này." }
                  .Concat(figures.Select(v => $"- Chỉ tiêu {v.Number}: {v.ActualText}" + (v.TargetText.Length > 0 ? $" (kế hoạch: {v.TargetText}; đạt {v.PercentText})" : "") + "."))
                  .ToList()),
        };
        if (m.Questions.Count > 0)
            sections.Add(new("III. NỘI DUNG THEO YÊU CẦU", [], m.Questions.Select((q, i) => new ReportSection($"Câu {i + 1}. {q.Question}", Lines(q.Answer))).ToList()));
        var next = m.Questions.Count > 0 ? 4 : 3;
        sections.Add(new($"{ReportCalendar.Roman(next)}. KHÓ KHĂN, VƯỚNG MẮC", Lines(m.Difficulties)));
        sections.Add(new($"{ReportCalendar.Roman(next + 1)}. ĐỀ XUẤT, KIẾN NGHỊ", Lines(m.Proposals)));
        // The year's budget and commendations follow, numbered on (issue 13), as the report page shows them.
        foreach (var (part, k) in (m.Parts ?? []).Select((p, k) => (p, k)))
            sections.Add(new($"{ReportCalendar.Roman(next + 2 + k)}. {part.Title.ToUpper(Vi)}", part.Paragraphs.Count == 0 ? ["Không."] : part.Paragraphs));
        sections.Add(new("", [$"Trên đây là báo cáo {about} của {issuer.Name}./."]));

        // A unit reports to the plan's recipient; the consolidated report goes up to the issuer and out to the members.
        var recipients = (m.IsConsolidated ? new[] { m.ReportTo, "Các cơ quan, đơn vị thành viên" } : [m.ReportTo])
            .Where(r => r is not null).Select(r => r!).Append($"Lãnh đạo {issuer.ShortName ?? issuer.Name}").ToList();
        var rows = m.Indicators.Select(i => new AppendixRow(i.Number, i.Text, i.IsHeading, i.TargetText, i.ActualText, i.PercentText, i.StatusText, i.Note))
            .ToList();
        return new ReportDocument(
            issuer.IsPeoplesCommittee ? null : issuer.UnitName is null ? null : "UBND " + issuer.UnitName.ToUpper(Vi),
            Expand(issuer.Name).ToUpper(Vi), $"Số:        /BC-{issuer.Symbol}", issuer.Province, m.Date, "BÁO CÁO", subject, sections, recipients,
            m.Signer.Authority, m.Signer.Title, m.Signer.Name,
            new IndicatorAppendix($"PHỤ LỤC\nKẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU {about.ToUpper(Vi)}", $"(Kèm theo Báo cáo số       /BC-{issuer.Symbol} "
                + $"{ReportDocx.DateText(m.Date)} của {issuer.Name})", rows));
    }

    public static ReportWorkbook Workbook(PeriodWorkbookModel m) => new($"{m.PeriodTitle} — {m.PlanTitle}",
        $"Số liệu từ {ReportLabels.Date(m.DataFrom)} đến {ReportLabels.Date(m.DataTo)}; hạn nộp {ReportLabels.Date(m.DueOn)}. "
        + "Chỉ tổng hợp số liệu của báo cáo đã được chấp nhận.", m.Units.Select(u => u.Unit).ToList(), m.Indicators, m.Units, m.Parts);

    static ReportSection TaskSection(DocumentTask t)
    {
        var paragraphs = t.Progress is null ? new List<string>() : [$"Tình hình thực hiện: {ReportLabels.Progress(t.Progress)}."];
        paragraphs.AddRange(Lines(t.Narrative, empty: false));
        paragraphs.AddRange(t.Gathered.Select(g => $"- {g.Unit}: {g.Text.ReplaceLineEndings(" ")}"));
        return new ReportSection($"Nhiệm vụ {t.Number}: {Short(t.Text)}", paragraphs);
    }

    static string Expand(string name) => name.StartsWith("UBND ", StringComparison.Ordinal) ? "Ủy ban nhân dân " + name[5..] : name;
    static string LowerFirst(string s) => s.Length > 1 && char.IsUpper(s[0]) && !char.IsUpper(s[1]) ? char.ToLower(s[0], Vi) + s[1..] : s;
    static string Short(string s) => ReportSynthesis.Shortened(s, 160);
    static List<string> Lines(string? text, bool empty = true) => string.IsNullOrWhiteSpace(text)
        ? (empty ? ["Không."] : [])
        : text.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Trim().Length > 0).ToList();
}
