using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Audit;
using Pcmd.Web.Features.Establishments;
using Pcmd.Web.Features.Establishments.Import;
using Pcmd.Web.Features.OrgUnits;
using Pcmd.Web.Security;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.Enforcement.Import;

/// <summary>The spreadsheet import of sanctions or criminal cases (issue 11 item 5), run by the establishments' import jobs:
/// reads every row, checks it with the rules of the form (a decree in force on the day, the stages in order, a unit within
/// the user's writable scope), then saves all rows in one SaveChanges — or none when any row is wrong. These records have no
/// natural key, so a "skip bad rows" import followed by the corrected file would count the good rows twice: the mode is
/// always all-or-nothing (docs/decisions.md, "Merged from docs/decisions-import.md").</summary>
public abstract class EnforcementImport<T>(DbContextOptions<PcmdDbContext> options, PcmdDbContext db, OrgUnitTree tree, TimeProvider clock,
    IOptions<ArchiveLimits> limits) : ISpreadsheetImport where T : class
{
    const int RowLimit = EnforcementColumns.RowLimit;

    public abstract ImportKind Kind { get; }
    public abstract string AuditName { get; }
    public abstract string DataSheet { get; }
    public abstract IReadOnlyList<ImportColumn> Columns { get; }
    public abstract bool CanImport(UserScope scope);
    protected abstract string Noun { get; }

    /// <summary>Loads what the rows are checked against (catalogues) once per file.</summary>
    protected virtual Task Prepare(CancellationToken ct) => Task.CompletedTask;

    /// <summary>Reads and checks one row; null when it has problems (in <paramref name="row"/>).</summary>
    protected abstract T? Read(SheetRow row, UserScope scope, DateOnly today);

    /// <summary>Checks needing the database for all rows at once (e.g. establishments by licence number).</summary>
    protected virtual Task CheckAll(List<(SheetRow Row, T Record)> rows, UserScope scope, CancellationToken ct) => Task.CompletedTask;

    protected PcmdDbContext Db => db;
    Dictionary<string, OrgUnitTree.Node> _current = [], _former = [];

    public async Task<ImportResult> ImportAsync(Stream stream, string fileName, ImportMode mode, UserScope scope, IProgress<ImportStatus>? progress,
        CancellationToken ct, bool archiveChecked = false)
    {
        if (!CanImport(scope)) throw new ForbiddenException();
        using var sheet = XlsxSheetReader.Open(stream, DataSheet, limits.Value, archiveChecked);
        var issues = new List<ImportIssue>();
        ImportResult FileError(int rows, string message) => new(true, rows, 0, 0, issues.Count, issues, message);
        using var rows = sheet.Rows().GetEnumerator();
        if (!rows.MoveNext()) { issues.Add(new ImportIssue(null, null, "Tệp không có dữ liệu.")); return FileError(0, "Tệp trống: không có dòng tiêu đề."); }
        var (headerRow, headerCells) = rows.Current;
        var positions = ImportHeader.Read(headerRow, headerCells, Columns, out var headerIssues);
        if (headerIssues.Count > 0)
        {
            issues.AddRange(headerIssues);
            return FileError(0, "Tệp không đúng mẫu: " + string.Join(" ", headerIssues.Select(i => i.Message)) + " Không dòng nào được nhập.");
        }
        var today = VietnamTime.Today(clock);
        await LoadUnits(today);
        await Prepare(ct);
        var total = Math.Max(0, (sheet.DeclaredLastRow ?? 0) - headerRow);
        var good = new List<(SheetRow Row, T Record)>();
        var bad = new List<SheetRow>();
        var dataRows = 0;
        progress?.Report(new ImportStatus("reading", 0, total));
        while (rows.MoveNext())
        {
            ct.ThrowIfCancellationRequested();
            var (rowNumber, cells) = rows.Current;
            if (cells.All(c => c.IsEmpty)) continue;
            if (++dataRows > RowLimit)
            {
                issues.Clear();
                issues.Add(new ImportIssue(rowNumber, null, $"Tệp có hơn {N(RowLimit)} dòng dữ liệu (dòng {rowNumber} vượt giới hạn mỗi tệp)."));
                return FileError(dataRows, $"Tệp có hơn {N(RowLimit)} dòng dữ liệu, vượt giới hạn mỗi tệp. Hãy chia thành nhiều tệp. Không dòng nào được nhập.");
            }
            var row = new SheetRow(rowNumber, c => ImportHeader.Cell(positions, cells, c));
            var record = Read(row, scope, today);
            if (record is not null && row.IsValid) good.Add((row, record));
            else bad.Add(row);
            if (dataRows % 500 == 0) progress?.Report(new ImportStatus("reading", dataRows, Math.Max(total, dataRows)));
        }
        progress?.Report(new ImportStatus("checking", dataRows, dataRows));
        await CheckAll(good, scope, ct);
        bad.AddRange(good.Where(g => !g.Row.IsValid).Select(g => g.Row));
        issues.AddRange(bad.OrderBy(r => r.Row).SelectMany(r => r.Issues).Take(EstablishmentImporter.MaxIssues));
        var issueCount = bad.Sum(r => r.Issues.Count);
        if (dataRows == 0) return new ImportResult(false, 0, 0, 0, 0, issues, "Tệp không có dòng dữ liệu nào (chỉ có dòng tiêu đề).");
        if (bad.Count > 0)
            return new ImportResult(false, dataRows, 0, bad.Count, issueCount, issues,
                $"Có {N(bad.Count)} dòng lỗi trên {N(dataRows)} dòng. Không dòng nào được lưu; hãy sửa các dòng lỗi rồi nhập lại cả tệp.");

        progress?.Report(new ImportStatus("saving", 0, good.Count));
        // One SaveChanges is one transaction: every row or none. The context audits each record and bumps the figure
        // generations, so the indicators bound to these records count them on their next load.
        // The job runs outside the request: a context of its own records the uploader, not "system", on each record's audit.
        await using var writer = new PcmdDbContext(options, new Uploader(scope.UserName), clock);
        writer.AddRange(good.Select(g => (object)g.Record));
        writer.AuditEntries.Add(new AuditEntry
        {
            AtUtc = clock.GetUtcNow().UtcDateTime, UserName = scope.UserName, EntityType = AuditName, EntityId = Guid.NewGuid().ToString("N"),
            Action = AuditAction.Created,
            Changes = JsonSerializer.Serialize(new Dictionary<string, object?[]>
            {
                ["FileName"] = [null, fileName], ["Rows"] = [null, dataRows], ["Accepted"] = [null, good.Count], ["Rejected"] = [null, 0],
            }),
        });
        await writer.SaveChangesAsync(ct);
        return new ImportResult(false, dataRows, good.Count, 0, 0, issues, $"Đã nhập {N(good.Count)} {Noun}.");
    }

    static string N(int n) => ViFormat.Number(n);

    sealed class Uploader(string? name) : ICurrentUser
    {
        public string? UserName => name;
    }

    async Task LoadUnits(DateOnly today)
    {
        foreach (var n in await tree.All())
        {
            var current = (n.ValidFrom is null || n.ValidFrom <= today) && (n.ValidTo is null || today <= n.ValidTo);
            if (current) _current[n.Code] = n;
            else if (!_former.TryGetValue(n.Code, out var f) || f.ValidTo < n.ValidTo) _former[n.Code] = n;
        }
    }

    /// <summary>The unit of a row: a current commune or province (the form's levels; there are no districts since 1/7/2025)
    /// within the user's writable scope; otherwise the row is refused, naming the unit.</summary>
    protected int? Unit(SheetRow row, ImportColumn column, UserScope scope)
    {
        var code = row.Code(column);
        if (code is null) { row.Add(column, "Thiếu mã đơn vị (xã/phường hoặc tỉnh/thành phố)."); return null; }
        if (_current.TryGetValue(code, out var node))
        {
            if (node.Level is not (OrgUnitLevel.Commune or OrgUnitLevel.District or OrgUnitLevel.Province))
                row.Add(column, $"{node.Name} ({code}) không phải xã, phường hoặc tỉnh, thành phố.");
            else if (!scope.CanWriteUnit(node.Id)) row.Add(column, $"{node.Name} ({code}) nằm ngoài phạm vi bạn được giao.");
            else return node.Id;
        }
        else if (_former.TryGetValue(code, out var former))
            row.Add(column, $"Mã '{code}' là {former.Name}, không còn hiệu lực (đã sắp xếp lại); hãy dùng mã đơn vị hiện nay.");
        else row.Add(column, $"Không có đơn vị hành chính mã '{code}'.");
        return null;
    }
}
