namespace Pcmd.Web.Features.Budget;

public sealed record BudgetLineInput(int? PlanId, int? Year, int? AgencyId, int? OrgUnitId, int? TaskId, FundingSource? Source, string? SourceText,
    string? Purpose, long? Estimate, long? Allocated, long? Spent, string? OverspendNote, int Version = 0);

public sealed record BudgetLineDto(int Id, int PlanId, int? Year, int? AgencyId, string? AgencyName, int? OrgUnitId, string? OrgUnitName, int? TaskId,
    string? TaskNumber, FundingSource? Source, string? SourceText, string? Purpose, long? Estimate, long? Allocated, long? Spent, string? OverspendNote,
    int Version, bool CanEdit);

/// <summary>Estimate, allocated and spent added up (lines without an amount add nothing).</summary>
public sealed record BudgetTotals(long Estimate, long Allocated, long Spent);

public sealed record SourceTotals(FundingSource? Source, BudgetTotals Totals);

/// <summary>A plan's budget (or the part of one year, agency or unit): its lines, totals per source and the whole.</summary>
public sealed record BudgetSummary(int PlanId, int? Year, List<BudgetLineDto> Lines, List<SourceTotals> BySource, BudgetTotals Total, bool CanAdd);

public sealed record BudgetSaved(int Id, int Version);
