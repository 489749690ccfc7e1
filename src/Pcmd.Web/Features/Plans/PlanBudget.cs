using Pcmd.Web.Security;

namespace Pcmd.Web.Features.Plans;

/// <summary>One line of a plan's <i>Kinh phí</i> section as the plan file carries it (docs/plan-file.md, "Budget"): ids for
/// the agency and unit (the reader and writer turn them into codes), the task by its number, the source by its file code.</summary>
public sealed record PlanBudgetLine(int? Year, int? AgencyId, int? OrgUnitId, string? Task, string? Source, string? SourceText,
    string? Purpose, long? Estimate, long? Allocated, long? Spent, string? OverspendNote);

/// <summary>The budget of a plan is kept by the Budget feature, which depends on Plans: the plan file reaches it through this
/// interface (issue 16, item 2), so that Plans knows nothing of budget lines and the features keep one direction.</summary>
public interface IPlanBudget
{
    /// <summary>The plan's lines in their stored order, for the plan file.</summary>
    Task<List<PlanBudgetLine>> Lines(int planId, CancellationToken ct);

    /// <summary>The checks of a line that are the budget's own (source, amounts, the overspend note, lengths), with errors
    /// under <paramref name="path"/>; codes and the task number are checked by the reader.</summary>
    void Check(PlanBudgetLine line, string path, ErrorList errors);

    /// <summary>Replaces the plan's lines by those of its file, inside the caller's transaction, once the plan's tasks are
    /// saved (<paramref name="taskIds"/> by number).</summary>
    Task Replace(int planId, IReadOnlyList<PlanBudgetLine> lines, IReadOnlyDictionary<string, int> taskIds, CancellationToken ct);
}
