using Pcmd.Web.Security;

namespace Pcmd.Web.Features.Establishments.Import;

/// <summary>What an import job holds: establishments (issue 17), or the enforcement figures (issue 11 item 5). Stored as its
/// number in <c>import_jobs."Kind"</c>; rows from before script 0031 are establishments (0).</summary>
public enum ImportKind { Establishments = 0, Sanctions = 1, CriminalCases = 2 }

/// <summary>One kind of spreadsheet the import jobs run (<see cref="ImportJobs"/>, <see cref="ImportJobWorker"/>): the feature
/// that owns the records implements it, so the queue, the archive limits, the progress and the pages stay one and the
/// Establishments feature need not know Enforcement (features depend one way).</summary>
public interface ISpreadsheetImport
{
    ImportKind Kind { get; }

    /// <summary>The audit trail's name of the import (a failed import is recorded under it).</summary>
    string AuditName { get; }

    bool CanImport(UserScope scope);

    /// <param name="archiveChecked">The upload has passed the archive limits already (<see cref="ImportJobs.Start"/>).</param>
    Task<ImportResult> ImportAsync(Stream stream, string fileName, ImportMode mode, UserScope scope, IProgress<ImportStatus>? progress,
        CancellationToken ct, bool archiveChecked = false);
}

/// <summary>Reads the header row of a template: header → position of each column (-1 when absent). Required columns must be
/// there; a header that is not in the template (a renamed column) is an error too, so that no data is silently dropped.</summary>
public static class ImportHeader
{
    public static int[] Read(int row, XlsxCell[] cells, IReadOnlyList<ImportColumn> columns, out List<ImportIssue> issues)
    {
        issues = [];
        var byHeader = columns.ToDictionary(c => EstablishmentLabels.Fold(c.Header));
        var positions = Enumerable.Repeat(-1, columns.Count).ToArray();
        for (var i = 0; i < cells.Length; i++)
        {
            var text = EstablishmentRowParser.Text(cells[i]);
            if (text is null) continue;
            var cell = ImportColumns.Letter(i) + row;
            if (!byHeader.TryGetValue(EstablishmentLabels.Fold(text), out var column))
                issues.Add(new ImportIssue(row, text, $"Cột '{text}' (ô {cell}) không có trong mẫu (cột bị đổi tên?)."));
            else if (positions[column.Index] >= 0)
                issues.Add(new ImportIssue(row, column.Header, $"Cột '{column.Header}' xuất hiện hai lần (ô {cell})."));
            else positions[column.Index] = i;
        }
        foreach (var c in columns.Where(c => c.Required && positions[c.Index] < 0))
            issues.Add(new ImportIssue(row, c.Header, $"Thiếu cột bắt buộc '{c.Header}'."));
        return positions;
    }

    /// <summary>The cell of a column in a row read with <paramref name="positions"/>.</summary>
    public static XlsxCell Cell(int[] positions, XlsxCell[] cells, ImportColumn c) =>
        positions[c.Index] is var i && i >= 0 && i < cells.Length ? cells[i] : XlsxCell.Empty;
}
