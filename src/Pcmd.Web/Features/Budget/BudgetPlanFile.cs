using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Plans;
using Pcmd.Web.Features.Plans.Files;
using Pcmd.Web.Security;

namespace Pcmd.Web.Features.Budget;

/// <summary>A plan's budget lines in its plan file (the <i>Kinh phí</i> section, issue 16 item 2): written in the order they
/// were entered, checked with the same rules as the form, and replaced with the plan when it is imported or replaced.</summary>
public sealed class BudgetPlanFile(PcmdDbContext db) : IPlanBudget
{
    public async Task<List<PlanBudgetLine>> Lines(int planId, CancellationToken ct) =>
        (await db.BudgetLines.AsNoTracking().Where(l => l.PlanId == planId).OrderBy(l => l.Id)
            .Select(l => new { l, Task = l.Task == null ? null : l.Task.Number }).ToListAsync(ct))
        .Select(x => new PlanBudgetLine(x.l.Year, x.l.AgencyId, x.l.OrgUnitId, x.Task, x.l.Source is { } s ? FileCodes.Of(s) : null, x.l.SourceText,
            x.l.Purpose, x.l.Estimate, x.l.Allocated, x.l.Spent, x.l.OverspendNote))
        .ToList();

    public void Check(PlanBudgetLine line, string path, ErrorList errors)
    {
        if (line.Source is { } code && !FileCodes.TryParse<FundingSource>(code, out _))
            errors.Add(path + ".source", $"Giá trị '{code}' không hợp lệ cho nguồn kinh phí; chỉ nhận: {FileCodes.Allowed<FundingSource>()}.");
        BudgetService.CheckValues(errors, path, line.Source is not null, line.SourceText, line.Purpose, line.OverspendNote, line.Estimate, line.Allocated, line.Spent);
    }

    public async Task Replace(int planId, IReadOnlyList<PlanBudgetLine> lines, IReadOnlyDictionary<string, int> taskIds, CancellationToken ct)
    {
        await db.BudgetLines.Where(l => l.PlanId == planId).ExecuteDeleteAsync(ct);
        if (lines.Count == 0) return;
        foreach (var l in lines)
            db.BudgetLines.Add(new BudgetLine
            {
                PlanId = planId, Year = l.Year, AgencyId = l.AgencyId, OrgUnitId = l.OrgUnitId,
                TaskId = l.Task is { } t && taskIds.TryGetValue(t, out var id) ? id : null,
                Source = l.Source is { } code && FileCodes.TryParse<FundingSource>(code, out var s) ? s : null,
                SourceText = BudgetService.Clean(l.SourceText), Purpose = BudgetService.Clean(l.Purpose),
                Estimate = l.Estimate, Allocated = l.Allocated, Spent = l.Spent, OverspendNote = BudgetService.Clean(l.OverspendNote),
            });
        await db.SaveChangesAsync(ct);
    }
}
