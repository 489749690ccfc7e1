using Pcmd.Web.Features.Plans;
using Pcmd.Web.Security;

namespace Pcmd.Web.Features.Reporting;

/// <summary>What a yearly or final report's documents ask another feature for: the plan, the year, and the reporting agency
/// (null for the consolidated report and the period's workbook, which cover the whole plan).</summary>
public sealed record ReportPartRequest(int PlanId, int Year, int? AgencyId, ReportKind Kind);

/// <summary>A part another feature adds to a yearly (or final) report's .docx and to the period's .xlsx, as the report page
/// shows it through its <see cref="ReportPageSection"/> (issue 13: the budget with totals per source, the commendations).
/// Worded in Vietnamese: the documents are official ones (Nghị định 30/2020/NĐ-CP) in every UI language.
/// <see cref="Paragraphs"/> are the .docx section's lines; <see cref="Columns"/> and <see cref="Rows"/> the .xlsx sheet
/// (a number as <c>long</c> or <c>decimal</c> is written as a number, so the sheet sums).</summary>
public sealed record ReportDocumentPart(string Title, IReadOnlyList<string> Paragraphs, IReadOnlyList<string> Columns,
    IReadOnlyList<IReadOnlyList<object?>> Rows);

/// <summary>Implemented by the features whose records a yearly report accounts for (Budget, Commendations), so that Reporting
/// depends on none of them. <see cref="Part"/> reads through the user's scope (and audits what it must) and answers null
/// when it has nothing to add.</summary>
public interface IReportDocumentParts
{
    int Order { get; }
    Task<ReportDocumentPart?> Part(UserScope scope, ReportPartRequest request, CancellationToken ct);
}

public static class ReportDocumentParts
{
    /// <summary>The documents carry the parts only for a yearly or final report: the year's funds and commendations are
    /// accounted for once a year.</summary>
    public static bool Carries(ReportKind kind) => kind is ReportKind.Annual or ReportKind.Final;

    public static async Task<List<ReportDocumentPart>> Collect(IEnumerable<IReportDocumentParts> parts, UserScope scope, ReportPartRequest request,
        CancellationToken ct)
    {
        var result = new List<ReportDocumentPart>();
        if (!Carries(request.Kind)) return result;
        foreach (var p in parts.OrderBy(p => p.Order))
            if (await p.Part(scope, request, ct) is { } part) result.Add(part);
        return result;
    }
}
