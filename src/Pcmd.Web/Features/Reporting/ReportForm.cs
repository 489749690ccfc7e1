using Pcmd.Web.Features.Plans;

namespace Pcmd.Web.Features.Reporting;

/// <summary>A report as its form shows it: pre-filled where nothing is saved yet.</summary>
public sealed record ReportForm(
    int Id, int Version, int PeriodId, string PeriodTitle, ReportKind Kind, DateOnly DataFrom, DateOnly DataTo, DateOnly DueOn,
    int PlanId, string PlanTitle, int AgencyId, string AgencyName, bool IsConsolidated, ReportStatus Status, string StatusText,
    bool CanEdit, bool CanReview, bool CanConsolidate, DateTime? SubmittedAt, int? DaysLate, DateTime? SavedAt, string? SavedBy,
    string? ReturnComment, string? Difficulties, string? Proposals, List<TaskRow> Tasks, List<ValueRow> Indicators, List<QuestionRow> Questions,
    List<AttachmentRow> Attachments, List<EventRow> History);

/// <summary><see cref="Gathered"/>: on the consolidated report, what each unit wrote on the task. <see cref="Drafted"/>: the
/// narrative is the synthesis PCMD drafted from the units' texts, not a text the coordinator saved.</summary>
public sealed record TaskRow(int TaskId, string Number, string Text, string? Section, AssignmentRole? Role, TaskProgress? Progress, string ProgressText,
    string? Narrative, List<UnitText> Gathered, bool Drafted = false);

public sealed record UnitText(int ReportId, string Unit, string Text);

/// <summary>One indicator's figure; <see cref="Percent"/>: a share typed as its per cent, without its parts. <see cref="Computed"/> is what the records give (frozen on submission);
/// <see cref="Live"/> is what they give today, shown beside a submitted figure. On the consolidated report,
/// <see cref="UnitsSum"/> adds up the units' accepted figures and <see cref="Computed"/> is over the whole area.</summary>
public sealed record ValueRow(int IndicatorId, string Number, string Text, string? UnitOfMeasure, bool IsShare, string TargetText,
    decimal? Value, decimal? Denominator, decimal? Percent, bool Prefilled, decimal? Computed, decimal? ComputedDenominator, string? Source, string? Link,
    decimal? Live, decimal? LiveDenominator, string? Note, string ActualText, string PercentText, string StatusText,
    decimal? UnitsSum, decimal? UnitsSumDenominator, int UnitsCounted);

public sealed record QuestionRow(int Index, string Question, string? Answer);

public sealed record AttachmentRow(int Id, string FileName, string ContentType, long Size, DateTime UploadedAt, string? UploadedBy);

public sealed record EventRow(ReportEventKind Kind, string KindText, DateTime At, string? By, string? Comment, int? DaysLate);

/// <summary>A draft as typed. A null list leaves that part unchanged.</summary>
public sealed record ReportDraft(int Version, string? Difficulties, string? Proposals, List<string?>? Answers, List<TaskInput>? Tasks,
    List<ValueInput>? Values);

public sealed record TaskInput(int TaskId, TaskProgress? Progress, string? Narrative);

/// <summary><see cref="Percent"/>: a share's per cent (0–100) when the unit does not know its numerator and denominator.</summary>
public sealed record ValueInput(int IndicatorId, decimal? Value, decimal? Denominator, string? Note, decimal? Percent = null);

public sealed record ReviewInput(int Version, string? Comment);
