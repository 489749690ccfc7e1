using Pcmd.Web.Security;

namespace Pcmd.Web.Features.Plans.Files;

// The plan's Kinh phí (issue 16, item 2): read here with the file's codes, checked for the budget's own rules by the
// Budget feature (IPlanBudget), stored by it once the plan is saved.
public sealed partial class PlanFileReader
{
    async Task ReadBudget(PlanFileDto p, Plan plan, Context c)
    {
        if (p.Budget is not { Count: > 0 } lines) return;
        var involved = plan.Indicators.SelectMany(i => i.Assignments).Concat(plan.Tasks.SelectMany(t => t.Assignments)).Select(a => a.AgencyId)
            .Append(plan.IssuingAgencyId ?? 0).Append(plan.CoordinatingAgencyId ?? 0).ToHashSet();
        var tasks = plan.Tasks.Select(t => t.Number).ToHashSet();
        var area = plan.IssuingUnitId == 0 ? null : await c.Tree.Area(plan.IssuingUnitId);
        foreach (var (d, i) in lines.Select((d, i) => (d, i)))
        {
            var path = $"plan.budget[{i}]";
            if (d.Year is { } y && !c.InPeriod(y))
                c.Errors.Add(path + ".year", $"Năm ngân sách {y} nằm ngoài thời kỳ của kế hoạch ({c.From}–{c.To}).");
            var agency = c.Agency(d.Agency, path + ".agency");
            if (agency is { } a && !involved.Contains(a))
                c.Errors.Add(path + ".agency", $"Cơ quan '{d.Agency}' không được kế hoạch phân công (không chủ trì, không phối hợp).");
            var unit = await c.Unit(d.Unit, path + ".unit");
            if (unit is { } u && area is not null && !area.Contains(u))
                c.Errors.Add(path + ".unit", $"Đơn vị '{d.Unit}' không thuộc địa bàn của kế hoạch.");
            if (d.Task is { } t && !tasks.Contains(t))
                c.Errors.Add(path + ".task", $"Kế hoạch không có nhiệm vụ số '{t}'.");
            var line = new PlanBudgetLine(d.Year, agency, unit, d.Task, d.Source, d.SourceText, d.Purpose, d.Estimate, d.Allocated, d.Spent, d.OverspendNote);
            foreach (var b in budgets) b.Check(line, path, c.Errors);
            plan.BudgetFromFile.Add(line);
        }
    }
}
