namespace Pcmd.Web.Features.Establishments.Import;

public sealed record ImportJobRow(int? Row, string? Column, string Message);

public sealed record ImportJobView(Guid JobId, ImportKind Kind, ImportJobState State, string Phase, string FileName, ImportMode Mode, int Processed, int Total,
    int Accepted, int Rejected, int IssueCount, string? Message, List<ImportJobRow> Rows)
{
    public static ImportJobView Of(ImportJob j)
    {
        var status = j.Status;
        var r = j.Result;
        return new ImportJobView(j.Id, j.Kind, j.State, j.IsFinished ? "finished" : status.Phase, j.FileName, j.Mode, r?.Total ?? status.Processed,
            r?.Total ?? status.Total, r?.Accepted ?? 0, r?.Rejected ?? 0, r?.IssueCount ?? 0, j.Message,
            r?.Issues.Select(i => new ImportJobRow(i.Row, i.Column, i.Message)).ToList() ?? []);
    }
}
