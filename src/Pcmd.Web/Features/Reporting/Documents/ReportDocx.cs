using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using static Pcmd.Web.Features.Reporting.Documents.DocxParts;

namespace Pcmd.Web.Features.Reporting.Documents;

/// <summary>Writes a <see cref="ReportDocument"/> as a .docx laid out as Nghị định 30/2020/NĐ-CP, Phụ lục I asks: A4
/// portrait, Times New Roman, the two-column header (issuer | national title), the kind and subject, the body, the
/// "Nơi nhận" and signature block, then the indicator appendix on A4 landscape pages.</summary>
public static class ReportDocx
{
    const int BodySize = 14, HeaderSize = 13;
    const int BodyLine = 276, BodyAfter = 120; // 1,15 lines, 6 pt after
    static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    // Header and signature blocks: the issuer's column is narrower than the national title's, which must fit on one line.
    static readonly int[] HeaderColumns = [3685, PortraitWidth - 3685];
    static readonly int[] ClosingColumns = [4536, PortraitWidth - 4536];
    // STT, Chỉ tiêu, Chỉ tiêu kế hoạch, Thực hiện, Tỷ lệ, Đánh giá, Ghi chú: 14287 twips between the landscape margins.
    static readonly int[] AppendixColumns = [850, 5103, 1701, 1701, 1417, 1843, 1672];
    static readonly string[] AppendixHeaders = ["STT", "Chỉ tiêu", "Chỉ tiêu kế hoạch", "Thực hiện", "Tỷ lệ so với kế hoạch", "Đánh giá", "Ghi chú"];

    /// <summary>The report's model, worded (<see cref="ReportWording.Document"/>) and laid out.</summary>
    public static void Write(ReportDocumentModel model, Stream output) => Write(ReportWording.Document(model), output);

    /// <summary><paramref name="landscapeParts"/> appends further landscape pages after the indicator appendix (a plan's
    /// own appendices).</summary>
    public static void Write(ReportDocument doc, Stream output, Action<Body>? landscapeParts = null)
    {
        using var package = WordprocessingDocument.Create(output, WordprocessingDocumentType.Document);
        var main = package.AddMainDocumentPart();
        DocxPackage.AddStyles(main);
        DocxPackage.AddSettings(main);
        var headers = DocxPackage.AddPageNumberHeaders(main);

        var body = new Body();
        body.Append(HeaderBlock(doc));
        body.Append(Para(doc.Kind.ToUpper(Vi), BodySize, Look.Bold, before: 360));
        body.Append(Para(doc.Subject, BodySize, Look.Bold));
        body.Append(ShortRule(PortraitWidth, 1800));
        body.Append(Blank(BodySize));
        foreach (var section in doc.Sections) AppendSection(body, section, 0);
        body.Append(Blank(BodySize));
        body.Append(ClosingBlock(doc));

        if (doc.Appendix is not null || landscapeParts is not null)
        {
            // The portrait section ends at a paragraph carrying its sectPr; the body's own sectPr (last child) is the landscape one.
            var end = new Paragraph(new ParagraphProperties(Section(landscape: false, headers)));
            body.Append(end);
            if (doc.Appendix is { } appendix) AppendAppendix(body, appendix);
            landscapeParts?.Invoke(body);
            body.Append(Section(landscape: true));
        }
        else body.Append(Section(landscape: false, headers));

        main.Document = new Document(body);
        main.Document.Save();
    }

    /// <summary>"ngày 05 tháng 01 năm 2026", "ngày 17 tháng 6 năm 2026": Nghị định 30 writes a leading zero for days
    /// below 10 and for months 1 and 2 (so "tháng 01" cannot be misread as "tháng 10"-something when filled in by hand).</summary>
    public static string DateText(DateOnly d)
    {
        var day = d.Day < 10 ? "0" + d.Day : d.Day.ToString(CultureInfo.InvariantCulture);
        var month = d.Month <= 2 ? "0" + d.Month : d.Month.ToString(CultureInfo.InvariantCulture);
        return $"ngày {day} tháng {month} năm {d.Year.ToString(CultureInfo.InvariantCulture)}";
    }

    static Table HeaderBlock(ReportDocument doc)
    {
        var t = Table(HeaderColumns, borders: false);
        var issuer = new List<Paragraph>();
        if (!string.IsNullOrWhiteSpace(doc.SuperiorBody)) issuer.Add(Para(doc.SuperiorBody.ToUpper(Vi), HeaderSize));
        issuer.Add(Para(doc.IssuingBody.ToUpper(Vi), HeaderSize, Look.Bold));
        issuer.Add(ShortRule(HeaderColumns[0], 1300));
        var nation = new List<Paragraph>
        {
            Para("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", HeaderSize, Look.Bold),
            Para("Độc lập - Tự do - Hạnh phúc", 14, Look.Bold | Look.Underline),
        };
        t.Append(new TableRow(Cell(HeaderColumns[0], issuer), Cell(HeaderColumns[1], nation)));
        // "Số" and the place and date sit on one line, hence a second row rather than more paragraphs in the first.
        t.Append(new TableRow(
            Cell(HeaderColumns[0], [Para(doc.NumberSymbol, HeaderSize, before: 120)]),
            Cell(HeaderColumns[1], [Para($"{doc.Place}, {doc.DateWords ?? DateText(doc.Date)}", 14, Look.Italic, before: 120)])));
        return t;
    }

    static void AppendSection(Body body, ReportSection section, int depth)
    {
        if (!string.IsNullOrWhiteSpace(section.Heading))
            body.Append(Para(section.Heading, BodySize, depth == 0 ? Look.Bold : Look.Bold | Look.Italic, JustificationValues.Both,
                BodyAfter, BodyLine, FirstLineIndent, keepNext: true));
        foreach (var text in section.Paragraphs)
            body.Append(Para(text, BodySize, Look.None, JustificationValues.Both, BodyAfter, BodyLine, FirstLineIndent));
        foreach (var sub in section.Subsections ?? []) AppendSection(body, sub, depth + 1);
    }

    static Table ClosingBlock(ReportDocument doc)
    {
        var recipients = new List<Paragraph> { Para("Nơi nhận:", 12, Look.Bold | Look.Italic, JustificationValues.Left) };
        foreach (var r in doc.RecipientsAsWritten ? [] : doc.Recipients)
        {
            var name = r.Trim().TrimStart('-', ' ').TrimEnd(';', '.', ' ');
            if (name.Length == 0 || name.StartsWith("Lưu", StringComparison.OrdinalIgnoreCase)) continue; // added below, once
            recipients.Add(Para($"- {name};", 11, align: JustificationValues.Left));
        }
        if (doc.RecipientsAsWritten) recipients.AddRange(doc.Recipients.Select(r => Para(r, 11, align: JustificationValues.Left)));
        else recipients.Add(Para("- Lưu: VT.", 11, align: JustificationValues.Left));

        var signer = new List<Paragraph>();
        // "TM. ỦY BAN NHÂN DÂN" above "KT. CHỦ TỊCH": one line each.
        foreach (var line in doc.SigningAuthority.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            signer.Add(Para(line.ToUpper(Vi), BodySize, Look.Bold));
        signer.Add(Para(doc.SignerTitle.ToUpper(Vi), BodySize, Look.Bold));
        for (var i = 0; i < 4; i++) signer.Add(Blank(BodySize)); // room for the signature and the seal
        signer.Add(Para(doc.SignerName ?? "", BodySize, Look.Bold));

        var t = Table(ClosingColumns, borders: false);
        t.Append(new TableRow(new TableRowProperties(new CantSplit()), Cell(ClosingColumns[0], recipients), Cell(ClosingColumns[1], signer)));
        return t;
    }

    static void AppendAppendix(Body body, IndicatorAppendix appendix)
    {
        // Each line of the title and subtitle is its own centred paragraph (the appendix heading of Phụ lục I is
        // "PHỤ LỤC", the subject in bold, then "(Kèm theo …)" in italics).
        foreach (var line in appendix.Title.Split('\n')) body.Append(Para(line, BodySize, Look.Bold, keepNext: true));
        if (!string.IsNullOrWhiteSpace(appendix.Subtitle))
            foreach (var line in appendix.Subtitle.Split('\n')) body.Append(Para(line, BodySize, Look.Italic, keepNext: true));
        body.Append(Blank(12));

        var t = Table(AppendixColumns, borders: true);
        // Repeated at the top of every page (tblHeader) and never split across two pages.
        var header = new TableRow(new TableRowProperties(new CantSplit(), new TableHeader()));
        for (var i = 0; i < AppendixHeaders.Length; i++)
            header.Append(Cell(AppendixColumns[i], [Para(AppendixHeaders[i], 12, Look.Bold)], middle: true));
        t.Append(header);

        foreach (var row in appendix.Rows)
        {
            var look = row.IsHeading ? Look.Bold : Look.None;
            var tr = new TableRow(new TableRowProperties(new CantSplit()));
            tr.Append(Cell(AppendixColumns[0], [Para(row.Number, 12, look)]));
            var figures = new[] { row.TargetText, row.ActualText, row.PercentText, row.StatusText, row.Note ?? "" };
            if (row.IsHeading && figures.All(string.IsNullOrWhiteSpace))
            {
                // A group heading ("I. Chỉ tiêu về …") with no figures reads better across the whole row.
                tr.Append(Cell(AppendixColumns[1..].Sum(), [Para(row.Text, 12, look, JustificationValues.Left)], span: AppendixColumns.Length - 1));
            }
            else
            {
                tr.Append(Cell(AppendixColumns[1], [Para(row.Text, 12, look, JustificationValues.Left)]));
                for (var i = 0; i < figures.Length; i++)
                    tr.Append(Cell(AppendixColumns[i + 2], [Para(figures[i], 12, look, i == 4 ? JustificationValues.Left : JustificationValues.Center)]));
            }
            t.Append(tr);
        }
        body.Append(t);
        body.Append(Blank(12)); // Word wants a paragraph between a table and the end of a section
    }
}
