using Pcmd.Web.Features.Reporting;
using Pcmd.Web.Security;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.Budget;

/// <summary>The year's budget in a yearly report's documents, as the report page shows it (<see cref="Pages.BudgetReportSection"/>):
/// the reporting agency's lines, or the whole plan's in the consolidated report and the period's workbook, with totals per
/// source. Worded in Vietnamese: the documents are official ones.</summary>
public sealed class BudgetDocumentPart(BudgetService budget) : IReportDocumentParts
{
    public int Order => 10;

    public async Task<ReportDocumentPart?> Part(UserScope scope, ReportPartRequest request, CancellationToken ct)
    {
        BudgetSummary s;
        try { s = await budget.ForPlan(scope, request.PlanId, request.Year, request.AgencyId, ct); }
        catch (AppProblemException) { return null; }
        var lines = s.Lines.Where(l => l.Source is not null).ToList();
        if (lines.Count == 0) return null;
        static string T(string key) => UiText.T(key, UiText.Vi);
        static string Amounts(BudgetTotals t) => $"{T("Budget.Estimate").ToLowerInvariant()} {ViFormat.Number(t.Estimate)} đồng; "
            + $"{T("Budget.Allocated").ToLowerInvariant()} {ViFormat.Number(t.Allocated)} đồng; {T("Budget.Spent").ToLowerInvariant()} {ViFormat.Number(t.Spent)} đồng";
        var paragraphs = s.BySource.Where(x => x.Source is not null).Select(x => $"- {T("Budget.Source." + x.Source)}: {Amounts(x.Totals)}.").ToList();
        paragraphs.Add($"{T("Budget.Total")}: {Amounts(s.Total)}.");
        paragraphs.AddRange(s.Lines.Where(l => l.Source is null && l.SourceText is not null).Select(l => l.SourceText!));
        paragraphs.AddRange(lines.Where(l => l.OverspendNote is not null)
            .Select(l => $"Giải trình chi vượt ({l.AgencyName ?? l.OrgUnitName}{(l.Purpose is { } p ? ", " + p : "")}): {l.OverspendNote}"));

        var rows = lines.Select((l, i) => (IReadOnlyList<object?>)[(i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
            T("Budget.Source." + l.Source), l.AgencyName ?? l.OrgUnitName, l.TaskNumber, l.Purpose, l.Estimate ?? 0L, l.Allocated ?? 0L, l.Spent ?? 0L]).ToList();
        rows.Add(["", T("Budget.Total"), "", "", "", s.Total.Estimate, s.Total.Allocated, s.Total.Spent]);
        return new ReportDocumentPart(T("Budget.ReportTitle").Replace("{0}", request.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            paragraphs, ["STT", T("Budget.Source"), T("Budget.Agency"), T("Budget.Task"), T("Budget.Purpose"),
                T("Budget.Estimate") + " (đồng)", T("Budget.Allocated") + " (đồng)", T("Budget.Spent") + " (đồng)"], rows);
    }
}
