using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace Pcmd.Web.Features.Plans.Files;

// The plan file, format version 1 (docs/plan-file.md). Enumerations and dates are kept as strings
// here so that every bad value is reported with its path instead of failing the whole parse.

public sealed class PlanFileDocument
{
    public int FormatVersion { get; set; }
    public PlanFileDto? Plan { get; set; }

    public const int CurrentFormatVersion = 1;

    /// <summary>The file as users name it, in messages.</summary>
    public const string FileKind = "tệp kế hoạch";

    public static readonly JsonSerializerOptions Json = Shared.DataFiles.Json;
}

public sealed class PlanFileDto
{
    public string? Key { get; set; }
    public string? Title { get; set; }
    public string? Number { get; set; }
    public string? IssuedOn { get; set; }
    public string? Level { get; set; }
    public string? IssuingUnit { get; set; }
    public string? IssuingAgency { get; set; }
    public string? CoordinatingAgency { get; set; }
    public string? ConsolidatingAgency { get; set; }
    public List<string>? ReportRecipients { get; set; }
    public bool? RequestedBodiesReport { get; set; }
    public PeriodDto? Period { get; set; }
    public string? ParentKey { get; set; }
    public ParentPlanDto? ParentPlan { get; set; }
    public List<string>? LegalBasis { get; set; }
    public List<string>? Purpose { get; set; }
    public List<string>? Requirements { get; set; }
    public List<ObjectiveDto>? Objectives { get; set; }
    public List<IndicatorDto>? Indicators { get; set; }
    public List<TaskDto>? Tasks { get; set; }
    public List<BudgetItemDto>? Budget { get; set; }
    public List<AppendixDto>? Appendices { get; set; }
    public List<ScheduleDto>? ReportSchedule { get; set; }
    public SignerDto? Signer { get; set; }
    public List<string>? Recipients { get; set; }
}

public sealed class SignerDto
{
    public List<string>? Form { get; set; }
    public string? Title { get; set; }
    public string? Name { get; set; }
}

/// <summary>A parent plan cited by number, date and issuer, when it is not in PCMD.</summary>
public sealed class ParentPlanDto
{
    public string? Number { get; set; }
    public string? IssuedOn { get; set; }
    public string? Issuer { get; set; }
}

public sealed class PeriodDto
{
    public int? From { get; set; }
    public int? To { get; set; }
}

public sealed class ObjectiveDto
{
    public string? Kind { get; set; }
    public string? Text { get; set; }
}

public sealed class IndicatorDto
{
    public string? Number { get; set; }
    public string? Text { get; set; }
    public string? UnitOfMeasure { get; set; }
    public TargetDto? Target { get; set; }
    public string? Window { get; set; }
    public List<AssignmentDto>? Lead { get; set; }
    public List<AssignmentDto>? Cooperating { get; set; }
    public string? Note { get; set; }
}

public sealed class TargetDto
{
    public string? Kind { get; set; }
    public decimal? Value { get; set; }
    public decimal? Min { get; set; }
    public decimal? Max { get; set; }
    public string? Numerator { get; set; }
    public string? Denominator { get; set; }
    public List<YearTargetDto>? ByYear { get; set; }
    public List<UnitTargetDto>? ByUnit { get; set; }
}

public sealed class YearTargetDto
{
    public int? Year { get; set; }
    public decimal? Value { get; set; }
    public decimal? Min { get; set; }
    public decimal? Max { get; set; }
}

public sealed class UnitTargetDto
{
    public string? Unit { get; set; }
    public int? Year { get; set; }
    public decimal? Value { get; set; }
    public decimal? Min { get; set; }
    public decimal? Max { get; set; }
}

public sealed class AssignmentDto
{
    public string? Agency { get; set; }
    public bool? Requested { get; set; }
}

public sealed class TaskDto
{
    public string? Number { get; set; }
    public string? Section { get; set; }
    public string? Text { get; set; }
    public List<AssignmentDto>? Lead { get; set; }
    public List<AssignmentDto>? Cooperating { get; set; }
    public TimingDto? Timing { get; set; }
}

public sealed class TimingDto
{
    public string? Kind { get; set; }
    public string? Frequency { get; set; }
    public string? DueDate { get; set; }
    public int? DueMonth { get; set; }
    public int? DueDay { get; set; }
    public string? Text { get; set; }
}

/// <summary>A line of the plan's Kinh phí: a source with amounts, or the plan's own words naming its sources.</summary>
public sealed class BudgetItemDto
{
    public int? Year { get; set; }
    public string? Agency { get; set; }
    public string? Unit { get; set; }
    public string? Task { get; set; }
    public string? Source { get; set; }
    public string? SourceText { get; set; }
    public string? Purpose { get; set; }
    public long? Estimate { get; set; }
    public long? Allocated { get; set; }
    public long? Spent { get; set; }
    public string? OverspendNote { get; set; }
}

public sealed class AppendixDto
{
    public string? Number { get; set; }
    public string? Title { get; set; }
    public string? Kind { get; set; }
    public List<AppendixItemDto>? Items { get; set; }
}

public sealed class AppendixItemDto
{
    public string? Name { get; set; }
    public string? Unit { get; set; }
    public string? UnitName { get; set; }
    public string? Complexity { get; set; }
    public string? Status { get; set; }
    public string? Note { get; set; }
}

public sealed class ScheduleDto
{
    public string? Kind { get; set; }
    public int? DueDay { get; set; }
    public int? DueMonth { get; set; }
    public int? ConsolidationDueDay { get; set; }
    public int? ConsolidationDueMonth { get; set; }
    public string? Recipient { get; set; }
    public string? Note { get; set; }
}
