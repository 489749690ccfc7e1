using Pcmd.Web.Data;
using Pcmd.Web.Features.Agencies;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.Reporting;

public enum ReportStatus { Draft, Submitted, Returned, Accepted }

/// <summary>Tình hình thực hiện of a task in the period.</summary>
public enum TaskProgress { NotStarted, InProgress, Done, Recurring }

/// <summary>One unit's report for a period, or (<see cref="IsConsolidated"/>) the consolidating agency's report that adds
/// them up. Submitted figures are frozen in <see cref="Values"/>: records changed later do not change what was reported.</summary>
public class Report : IVersioned
{
    public int Id { get; set; }
    public int PeriodId { get; set; }
    public ReportPeriod? Period { get; set; }
    public int AgencyId { get; set; }
    public Agency? Agency { get; set; }
    /// <summary>The agency's unit, copied so that scope checks and the matrix need no join.</summary>
    public int OrgUnitId { get; set; }
    public bool IsConsolidated { get; set; }
    public ReportStatus Status { get; set; }
    /// <summary>Khó khăn, vướng mắc.</summary>
    [MultiLine] public string? Difficulties { get; set; }
    /// <summary>Đề xuất, kiến nghị.</summary>
    [MultiLine] public string? Proposals { get; set; }
    /// <summary>Answers to an ad hoc request's questions, in their order.</summary>
    [MultiLine] public List<string> Answers { get; set; } = [];
    [MultiLine] public string? ReturnComment { get; set; }
    public DateTime? SubmittedAt { get; set; }
    public string? SubmittedBy { get; set; }
    public DateTime? ReviewedAt { get; set; }
    public string? ReviewedBy { get; set; }
    public DateTime? SavedAt { get; set; }
    public string? SavedBy { get; set; }
    public int Version { get; set; }
    public List<ReportTaskEntry> Tasks { get; set; } = [];
    public List<ReportIndicatorValue> Values { get; set; } = [];
    public List<ReportAttachment> Attachments { get; set; } = [];
    public List<ReportEvent> Events { get; set; } = [];
}

public class ReportTaskEntry
{
    public int Id { get; set; }
    public int ReportId { get; set; }
    public int TaskId { get; set; }
    public TaskProgress? Progress { get; set; }
    [MultiLine] public string? Narrative { get; set; }
}

/// <summary>A figure for an indicator. <see cref="Value"/> is the count or, for a share, the numerator over
/// <see cref="Denominator"/>. <see cref="Computed"/> is what PCMD's records gave when the report was last saved
/// (frozen with the report on submission); <see cref="Note"/> explains a typed value that differs from it.</summary>
public class ReportIndicatorValue
{
    public int Id { get; set; }
    public int ReportId { get; set; }
    public int IndicatorId { get; set; }
    public decimal? Value { get; set; }
    public decimal? Denominator { get; set; }
    /// <summary>A share typed as a per cent (85,5) by a unit that knows only the rate, not its parts; then
    /// <see cref="Value"/> and <see cref="Denominator"/> are empty and the figure is not added into the units' sums.</summary>
    public decimal? Percent { get; set; }
    public decimal? Computed { get; set; }
    public decimal? ComputedDenominator { get; set; }
    public string? Source { get; set; }
    [MultiLine] public string? Note { get; set; }
}

public class ReportAttachment
{
    public int Id { get; set; }
    public int ReportId { get; set; }
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long Size { get; set; }
    public byte[] Content { get; set; } = [];
    public DateTime UploadedAt { get; set; }
    public string? UploadedBy { get; set; }
}

public enum ReportEventKind { Submitted, Returned, Accepted }

/// <summary>The history of a report: who submitted, returned (with the comment) or accepted it, and when.</summary>
public class ReportEvent
{
    public int Id { get; set; }
    public int ReportId { get; set; }
    public ReportEventKind Kind { get; set; }
    public DateTime At { get; set; }
    public string? By { get; set; }
    [MultiLine] public string? Comment { get; set; }
    /// <summary>Days after the deadline (0 on time), for a submission.</summary>
    public int? DaysLate { get; set; }
}
