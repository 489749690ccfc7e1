using Pcmd.Web.Features.Reporting.Documents;
using Pcmd.Web.Security;

namespace Pcmd.Web.Features.Reporting;

/// <summary>A report as an official document (Nghị định 30/2020/NĐ-CP) and a period as a workbook, as files: the model
/// is loaded once (<see cref="ReportDocumentQuery"/>), worded (<see cref="ReportWording"/>) and laid out by the writers
/// (<see cref="ReportDocx"/>, <see cref="ReportXlsx"/>).</summary>
public sealed class ReportDocuments(ReportDocumentQuery query)
{
    /// <summary><paramref name="withUnits"/>: the consolidated report lists what each unit wrote under each task (the
    /// city's runs to well over a hundred pages: the annex); without it, the consolidated text alone, drafted from the
    /// units' texts where the coordinator wrote none (<see cref="ReportSynthesis"/>).</summary>
    public async Task<(byte[] Content, string FileName)> Docx(UserScope scope, int reportId, CancellationToken ct, bool withUnits = false)
    {
        var model = await query.Report(scope, reportId, withUnits, ct);
        using var ms = new MemoryStream();
        ReportDocx.Write(model, ms);
        return (ms.ToArray(), FileName(!model.IsConsolidated ? "BC" : withUnits ? "BC-tong-hop-kem-don-vi" : "BC-tong-hop", model.Period.Title, model.Issuer.Name) + ".docx");
    }

    public async Task<(byte[] Content, string FileName)> Xlsx(UserScope scope, int periodId, CancellationToken ct)
    {
        var model = await query.Period(scope, periodId, ct);
        using var ms = new MemoryStream();
        ReportXlsx.Write(model, ms);
        return (ms.ToArray(), FileName("Phu-luc", model.PeriodTitle, "") + ".xlsx");
    }

    static string FileName(string kind, string period, string agency) =>
        string.Join("-", new[] { kind, Shared.VietnameseText.Slug(period), Shared.VietnameseText.Slug(agency) }.Where(s => s.Length > 0));
}
