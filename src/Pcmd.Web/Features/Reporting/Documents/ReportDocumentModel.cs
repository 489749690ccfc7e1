namespace Pcmd.Web.Features.Reporting.Documents;

/// <summary>What an official report (văn bản hành chính, Nghị định 30/2020/NĐ-CP, Phụ lục I) says, already worded in
/// Vietnamese: the writer only lays it out. Built by the reporting service from a unit's or a consolidated report.</summary>
/// <param name="SuperiorBody">The body above the issuer, upper case ("UBND THÀNH PHỐ HÀ NỘI"); null for a People's Committee.</param>
/// <param name="IssuingBody">The issuer, upper case ("SỞ Y TẾ", "ỦY BAN NHÂN DÂN PHƯỜNG PHÚ LƯƠNG").</param>
/// <param name="NumberSymbol">"Số:       /BC-SYT" (the number is left blank for the clerk, as on paper).</param>
/// <param name="Place">"Hà Nội".</param>
/// <param name="Kind">"BÁO CÁO".</param>
/// <param name="Subject">"Kết quả thực hiện công tác phòng, chống mại dâm 6 tháng đầu năm 2026".</param>
/// <param name="Recipients">The "Nơi nhận:" lines; the writer adds "- Lưu: VT." at the end.</param>
/// <param name="SigningAuthority">"TM. ỦY BAN NHÂN DÂN", "KT. GIÁM ĐỐC" or "" when the head signs.</param>
/// <param name="SignerTitle">"CHỦ TỊCH", "PHÓ GIÁM ĐỐC".</param>
/// <param name="DateWords">Instead of <c>Date</c>, a date known only in part ("ngày … tháng 5 năm 2021"), for a plan's draft.</param>
/// <param name="RecipientsAsWritten">Print the "Nơi nhận" lines as the document wrote them, its own "Lưu" line included
/// (a plan entered from paper), instead of adding "- Lưu: VT.".</param>
public sealed record ReportDocument(
    string? SuperiorBody,
    string IssuingBody,
    string NumberSymbol,
    string Place,
    DateOnly Date,
    string Kind,
    string Subject,
    IReadOnlyList<ReportSection> Sections,
    IReadOnlyList<string> Recipients,
    string SigningAuthority,
    string SignerTitle,
    string? SignerName,
    IndicatorAppendix? Appendix,
    string? DateWords = null,
    bool RecipientsAsWritten = false);

/// <summary>A numbered part of the body ("I. KẾT QUẢ THỰC HIỆN"); a paragraph may itself start with a number ("1.a ...").
/// <see cref="Subsections"/> hold a heading per task or per unit ("Nhiệm vụ 1.a: …") with their paragraphs.</summary>
public sealed record ReportSection(string Heading, IReadOnlyList<string> Paragraphs, IReadOnlyList<ReportSection>? Subsections = null);

/// <summary>The indicator table appended to the report, in the shape of Phụ lục I of the city's plan (number, indicator)
/// plus target, actual and per cent of target columns. Texts are formatted already (vi-VN).</summary>
public sealed record IndicatorAppendix(string Title, string Subtitle, IReadOnlyList<AppendixRow> Rows);

public sealed record AppendixRow(string Number, string Text, bool IsHeading, string TargetText, string ActualText, string PercentText,
    string StatusText, string? Note);

/// <summary>The workbook for a period: sheet "Chỉ tiêu theo đơn vị" (one row per indicator, one column per unit, then the
/// total) and sheet "Tính kịp thời" (one row per unit).</summary>
public sealed record ReportWorkbook(string Title, string PeriodText, IReadOnlyList<string> Units, IReadOnlyList<WorkbookIndicator> Indicators,
    IReadOnlyList<TimelinessRow> Timeliness, IReadOnlyList<ReportDocumentPart>? Parts = null);

/// <summary><see cref="Values"/> has one entry per unit in the order of <see cref="ReportWorkbook.Units"/> (null: no figure).
/// Numbers are written as numbers (not text), so the sheet sums; a share is written as its per cent.</summary>
public sealed record WorkbookIndicator(string Number, string Text, string? UnitOfMeasure, string TargetText, IReadOnlyList<decimal?> Values,
    decimal? Total);

/// <summary>One reporting unit's timeliness: status text ("Đã chấp nhận", "Chưa nộp"…), due date, submission time, days late
/// (0 when on time, null when not submitted).</summary>
public sealed record TimelinessRow(string Unit, string Status, DateOnly Due, DateTimeOffset? SubmittedAt, int? DaysLate);

// ----- What the documents are made from: loaded once (ReportDocumentQuery), worded by ReportWording, laid out by the writers. -----

/// <summary>Everything a report's .docx says, by name, loaded once by <see cref="ReportDocumentQuery.Report"/>: who reports
/// (<see cref="Issuer"/>), on which plan and period, the date, the tasks with their narratives, the indicators with their
/// figures (formatted as the form shows them), the answers, the difficulties and proposals, and who signs.
/// <see cref="ReportWording.Document"/> words it; nothing else is read from the database.</summary>
public sealed record ReportDocumentModel(
    DocumentIssuer Issuer,
    DocumentPlan Plan,
    DocumentPeriod Period,
    bool IsConsolidated,
    DateOnly Date,
    IReadOnlyList<DocumentTask> Tasks,
    IReadOnlyList<DocumentIndicator> Indicators,
    IReadOnlyList<DocumentQuestion> Questions,
    string? Difficulties,
    string? Proposals,
    /// <summary>The agency the report goes to: the plan's recipient for a unit's report (else its coordinating or
    /// issuing agency); the issuing agency for the consolidated one, unless the issuer consolidates it itself.</summary>
    string? ReportTo,
    DocumentSigner Signer,
    /// <summary>What other features add to a yearly or final report (budget, commendations), worded by them.</summary>
    IReadOnlyList<ReportDocumentPart>? Parts = null)
{
    /// <summary>The indicators with figures (not the plan's heading rows), in the plan's order.</summary>
    public IEnumerable<DocumentIndicator> Figures => Indicators.Where(i => !i.IsHeading);
}

/// <summary>The reporting agency: its name ("UBND phường Phú Lương", "Sở Y tế"), its symbol after "/BC-" ("UBND", "SYT"),
/// whether it is a People's Committee, the name of its unit ("Phường Phú Lương", null if the unit is unknown) and of
/// its province without "Thành phố"/"Tỉnh" ("Hà Nội").</summary>
public sealed record DocumentIssuer(string Name, string? ShortName, string Symbol, bool IsPeoplesCommittee, string? UnitName, string Province);

/// <summary>The plan: its title and its number ("123/KH-UBND").</summary>
public sealed record DocumentPlan(string Title, string? Number);

/// <summary>The period: title ("Báo cáo 6 tháng đầu năm 2026") and the dates its figures cover.</summary>
public sealed record DocumentPeriod(string Title, DateOnly DataFrom, DateOnly DataTo);

/// <summary>A task assigned to the agency: what it wrote (progress, narrative) and, on a consolidated report, what each
/// unit wrote (<see cref="Gathered"/>: unit name, text).</summary>
public sealed record DocumentTask(string Number, string Text, TaskProgress? Progress, string? Narrative, IReadOnlyList<(string Unit, string Text)> Gathered);

/// <summary>A row of the indicator appendix, in the plan's order: an indicator with its figures, or one of the plan's
/// heading rows (<see cref="IsHeading"/>, no figures) above indicators reported under it.</summary>
public sealed record DocumentIndicator(string Number, string Text, bool IsHeading, string TargetText, string ActualText, string PercentText,
    string StatusText, string? Note);

public sealed record DocumentQuestion(string Question, string? Answer);

/// <summary>"TM. ỦY BAN NHÂN DÂN" / "CHỦ TỊCH", "KT. GIÁM ĐỐC" / "PHÓ GIÁM ĐỐC", or "" / "THỦ TRƯỞNG ĐƠN VỊ"; the name is
/// left for the signer to write.</summary>
public sealed record DocumentSigner(string Authority, string Title, string? Name);

/// <summary>Everything a period's .xlsx says, loaded once by <see cref="ReportDocumentQuery.Period"/>: the plan and the
/// period, the units that have a report of it (in Vietnamese order) with their timeliness, and each indicator's accepted
/// figure per unit and in total.</summary>
public sealed record PeriodWorkbookModel(
    string PlanTitle,
    string PeriodTitle,
    DateOnly DataFrom,
    DateOnly DataTo,
    DateOnly DueOn,
    IReadOnlyList<TimelinessRow> Units,
    IReadOnlyList<WorkbookIndicator> Indicators,
    IReadOnlyList<ReportDocumentPart>? Parts = null);
