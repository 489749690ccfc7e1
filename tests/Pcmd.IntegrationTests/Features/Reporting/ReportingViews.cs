namespace Pcmd.IntegrationTests.Features.Reporting;

// What the reporting endpoints answer, as the tests read it. Statuses, kinds and dates stay the strings on the wire
// ("submitted", "2025-06-17"), so the tests check the API's words, not the app's enums.

/// <summary>A report's form (GET /api/v1/reports/{id}, and the answer of a save, a submission or a review).</summary>
public sealed record ReportView(int Id, int Version, string Status, string StatusText, bool CanEdit, string DueOn, int? DaysLate,
    DateTime? SavedAt, string? ReturnComment, string? Difficulties, List<ReportTaskView> Tasks, List<ReportValueView> Indicators,
    List<QuestionView> Questions, List<AttachmentView> Attachments, List<ReportEventView> History)
{
    public ReportTaskView Task(string number) => Tasks.First(t => t.Number == number);
    public ReportValueView Indicator(string number) => Indicators.First(v => v.Number == number);
}

/// <summary><see cref="Gathered"/>: on the consolidated report, what each unit wrote on the task.</summary>
public sealed record ReportTaskView(int TaskId, string Number, string? Progress, string? Narrative, List<UnitTextView> Gathered);

public sealed record UnitTextView(string Unit, string Text);

public sealed record ReportValueView(int IndicatorId, string Number, bool IsShare, decimal? Value, decimal? Denominator, bool Prefilled, decimal? Computed, decimal? Live,
    string? Link, string ActualText, string PercentText, decimal? UnitsSum, decimal? UnitsSumDenominator, int UnitsCounted);

public sealed record QuestionView(string Question, string? Answer);

public sealed record AttachmentView(int Id, string FileName);

public sealed record ReportEventView(string Kind);

/// <summary>A reporting period as opened from a plan's schedule or asked ad hoc.</summary>
public sealed record PeriodView(int Id, int PlanId, string Kind, int Year, string DataFrom, string DataTo, string DueOn,
    string? ConsolidationDueOn, int Version);

/// <summary>The matrix of a period or a plan: the rates per period, and per unit a cell per period.</summary>
public sealed record MatrixView(List<RatesView> Periods, List<MatrixUnitView> Units);

public sealed record RatesView(int Expected, int Submitted, int OnTime, int Accepted, decimal Completeness, decimal Timeliness,
    int? ConsolidatedReportId);

public sealed record MatrixUnitView(string Name, List<MatrixCellView?> Cells);

public sealed record MatrixCellView(string Status, string StatusText, int? DaysLate, bool Overdue);

public sealed record RemindersSent(int Sent);

/// <summary>A report in the user's list (GET /api/v1/reports/mine).</summary>
public sealed record MyReportRow(int Id, int PeriodId, bool IsConsolidated);

public sealed record VersionView(int Version);
