using System.Globalization;
using Pcmd.Web.Features.Reporting;
using Pcmd.Web.Security;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.Commendations;

/// <summary>The year's commendations in a yearly report's documents, as the report page lists them
/// (<see cref="Pages.CommendationReportSection"/>): the reader's area, collectives and individuals by name. An individual's
/// name is personal data; the document carries it because a commendation is conferred by a published decision and the
/// yearly report's "biểu dương, khen thưởng" names who was commended (see docs/decisions.md, "Merged from docs/decisions-report15.md"). The names are read
/// through <see cref="CommendationService.List"/>, which records every individual's read in the audit log, as for the page.</summary>
public sealed class CommendationDocumentPart(CommendationService commendations) : IReportDocumentParts
{
    public int Order => 20;

    public async Task<ReportDocumentPart?> Part(UserScope scope, ReportPartRequest request, CancellationToken ct)
    {
        CommendationList list;
        try { list = await commendations.List(scope, request.Year, null, null, ct); }
        catch (AppProblemException) { return null; }
        if (list.Items.Count == 0) return null;
        static string T(string key) => UiText.T(key, UiText.Vi);
        var year = request.Year.ToString(CultureInfo.InvariantCulture);
        var paragraphs = new List<string>
        {
            T("Commendations.Counts").Replace("{0}", list.Collectives.ToString(CultureInfo.InvariantCulture))
                .Replace("{1}", list.Individuals.ToString(CultureInfo.InvariantCulture)).Replace("{2}", year) + ":",
        };
        paragraphs.AddRange(list.Items.Select(c =>
            $"- {T("Commendations.Form." + c.Form)} ({T("Commendations.Level." + c.Level)}) cho {T("Commendations.Recipient." + c.Recipient).ToLowerInvariant()} "
            + $"{c.Name}{(c.Workplace is { } w ? $" ({w})" : "")}, Quyết định số {c.DecisionNumber} ngày {ViFormat.Date(c.DecisionDate)}"
            + (c.Achievement is { Length: > 0 } a ? $": {a.ReplaceLineEndings(" ")}" : "") + "."));
        var rows = list.Items.Select((c, i) => (IReadOnlyList<object?>)[(i + 1).ToString(CultureInfo.InvariantCulture), c.Name,
            T("Commendations.Recipient." + c.Recipient), c.Workplace, T("Commendations.Form." + c.Form), T("Commendations.Level." + c.Level),
            c.DecisionNumber, ViFormat.Date(c.DecisionDate), c.Achievement]).ToList();
        return new ReportDocumentPart(T("Commendations.ReportTitle").Replace("{0}", year), paragraphs,
            ["STT", T("Commendations.Name"), T("Commendations.Recipient"), T("Commendations.Workplace"), T("Commendations.Form"),
                T("Commendations.Level"), T("Commendations.DecisionNumber"), T("Commendations.DecisionDate"), T("Commendations.Achievement")], rows);
    }
}
