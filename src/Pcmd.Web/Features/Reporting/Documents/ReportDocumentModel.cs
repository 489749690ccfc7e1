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
    IndicatorAppendix? Appendix);

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
    IReadOnlyList<TimelinessRow> Timeliness);

/// <summary><see cref="Values"/> has one entry per unit in the order of <see cref="ReportWorkbook.Units"/> (null: no figure).
/// Numbers are written as numbers (not text), so the sheet sums; a share is written as its per cent.</summary>
public sealed record WorkbookIndicator(string Number, string Text, string? UnitOfMeasure, string TargetText, IReadOnlyList<decimal?> Values,
    decimal? Total);

/// <summary>One reporting unit's timeliness: status text ("Đã chấp nhận", "Chưa nộp"…), due date, submission time, days late
/// (0 when on time, null when not submitted).</summary>
public sealed record TimelinessRow(string Unit, string Status, DateOnly Due, DateTimeOffset? SubmittedAt, int? DaysLate);
