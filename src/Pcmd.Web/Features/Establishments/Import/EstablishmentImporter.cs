using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Audit;
using Pcmd.Web.Features.OrgUnits;
using Pcmd.Web.Security;

namespace Pcmd.Web.Features.Establishments.Import;

public enum ImportMode { AllOrNothing, SkipBadRows }

/// <summary>Where a running import is: reading (rows read of about <see cref="Total"/>), checking, saving.</summary>
public sealed record ImportStatus(string Phase, int Processed, int Total);

/// <summary>The outcome of one import file. <see cref="FileRejected"/>: the file as a whole was refused (not the
/// template's columns, too many rows, a concurrent duplicate) and nothing was saved.</summary>
public sealed record ImportResult(bool FileRejected, int Total, int Accepted, int Rejected, int IssueCount, List<ImportIssue> Issues, string Message);

/// <summary>Imports an .xlsx of establishments (docs/establishment-import.md): streams the rows, checks every one
/// (types, dates, codes, communes in the user's writable scope, licence numbers unique in the file and in the
/// database), then saves the accepted rows in one transaction — or none of them when the mode is all-or-nothing
/// and a row is bad.</summary>
public sealed class EstablishmentImporter(PcmdDbContext db, OrgUnitTree tree, EstablishmentBulkWriter writer, TimeProvider clock,
    IOptions<Shared.ArchiveLimits> limits) : ISpreadsheetImport
{
    public ImportKind Kind => ImportKind.Establishments;
    public string AuditName => ImportJobs.AuditName;
    public bool CanImport(UserScope scope) => EstablishmentAccess.CanWrite(scope);

    /// <summary>The report keeps the first 10,000 problems; the count says how many there were.</summary>
    public const int MaxIssues = 10_000;

    public async Task<ImportResult> ImportAsync(Stream stream, string fileName, ImportMode mode, UserScope scope,
        IProgress<ImportStatus>? progress, CancellationToken ct, bool archiveChecked = false)
    {
        if (!EstablishmentAccess.CanWrite(scope)) throw new ForbiddenException();
        var today = EstablishmentRules.Today(clock);
        Stream? copy = null;
        if (!stream.CanSeek)
        {
            copy = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose);
            await stream.CopyToAsync(copy, ct);
            stream = copy;
        }
        try
        {
            using var sheet = XlsxSheetReader.Open(stream, ImportColumns.DataSheet, limits.Value, archiveChecked);
            return await Run(sheet, fileName, mode, scope, today, progress, ct);
        }
        finally
        {
            if (copy is not null) await copy.DisposeAsync();
        }
    }

    sealed class Lookups
    {
        public Dictionary<string, (int Id, bool Active)> Types = new(StringComparer.OrdinalIgnoreCase);
        public Dictionary<string, OrgUnitTree.Node> Current = new();
        public Dictionary<string, OrgUnitTree.Node> Former = new();
    }

    async Task<ImportResult> Run(XlsxSheetReader sheet, string fileName, ImportMode mode, UserScope scope, DateOnly today,
        IProgress<ImportStatus>? progress, CancellationToken ct)
    {
        var issues = new List<ImportIssue>();
        var issueCount = 0;
        void Report(IEnumerable<ImportIssue> found)
        {
            foreach (var i in found) { if (issueCount++ < MaxIssues) issues.Add(i); }
        }
        ImportResult FileError(int rows, string message) => new(true, rows, 0, 0, issueCount, issues, message);

        using var rows = sheet.Rows().GetEnumerator();
        if (!rows.MoveNext()) { Report([new ImportIssue(null, null, "Tệp không có dữ liệu.")]); return FileError(0, "Tệp trống: không có dòng tiêu đề."); }
        var (headerRow, headerCells) = rows.Current;
        var positions = ImportHeader.Read(headerRow, headerCells, ImportColumns.All, out var headerIssues);
        if (headerIssues.Count > 0)
        {
            Report(headerIssues);
            return FileError(0, "Tệp không đúng mẫu: " + string.Join(" ", headerIssues.Select(i => i.Message)) + " Không dòng nào được nhập.");
        }

        var lookups = await Load(today, ct);
        var total = Math.Max(0, (sheet.DeclaredLastRow ?? 0) - headerRow);
        var good = new List<ParsedRow>();
        var licences = new List<(int Row, string Licence, ParsedRow? Good)>();
        var firstRowOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var badRows = new HashSet<int>();
        var dataRows = 0;
        progress?.Report(new ImportStatus("reading", 0, total));
        while (rows.MoveNext())
        {
            ct.ThrowIfCancellationRequested();
            var (rowNumber, cells) = rows.Current;
            if (cells.All(c => c.IsEmpty)) continue;
            if (++dataRows > ImportColumns.RowLimit)
            {
                issues.Clear();
                issueCount = 0;
                var limit = Shared.ViFormat.Number(ImportColumns.RowLimit);
                Report([new ImportIssue(rowNumber, null, $"Tệp có hơn {limit} dòng dữ liệu (dòng {rowNumber} vượt giới hạn mỗi tệp).")]);
                return FileError(dataRows, $"Tệp có hơn {limit} dòng dữ liệu, vượt giới hạn mỗi tệp. Hãy chia thành nhiều tệp. Không dòng nào được nhập.");
            }
            var row = EstablishmentRowParser.Parse(rowNumber, c => ImportHeader.Cell(positions, cells, c), today);
            Resolve(row, lookups, scope, today);
            if (row.Values.LicenceNumber is { } licence)
            {
                if (firstRowOf.TryGetValue(licence, out var first)) row.Add(ImportColumns.Licence, $"Số giấy phép {licence} trùng với dòng {first} của tệp.");
                else firstRowOf[licence] = rowNumber;
            }
            if (row.IsValid) good.Add(row);
            else { badRows.Add(rowNumber); Report(row.Issues); }
            if (row.Values.LicenceNumber is { } l) licences.Add((rowNumber, l, row.IsValid ? row : null));
            if (dataRows % 1000 == 0) progress?.Report(new ImportStatus("reading", dataRows, Math.Max(total, dataRows)));
        }
        progress?.Report(new ImportStatus("checking", dataRows, dataRows));

        // Licence numbers already in the database: one query per 5,000 numbers, on the unique index.
        var taken = new Dictionary<string, (string Name, int OrgUnitId)>(StringComparer.Ordinal);
        foreach (var chunk in licences.Select(l => l.Licence).Distinct().Chunk(5000))
        {
            var list = chunk.ToList();
            foreach (var e in await db.Establishments.AsNoTracking().Where(e => list.Contains(e.LicenceNumber!))
                         .Select(e => new { e.LicenceNumber, e.Name, e.OrgUnitId }).ToListAsync(ct))
                taken[e.LicenceNumber!] = (e.Name, e.OrgUnitId);
        }
        foreach (var (rowNumber, licence, parsed) in licences)
        {
            if (!taken.TryGetValue(licence, out var holder)) continue;
            var message = EstablishmentRules.LicenceTaken(licence, scope.CanReadUnit(holder.OrgUnitId) ? holder.Name : null);
            if (parsed is null) Report([new ImportIssue(rowNumber, ImportColumns.Licence.Header, message)]);
            else { parsed.Add(ImportColumns.Licence, message); Report(parsed.Issues); badRows.Add(rowNumber); }
        }
        good.RemoveAll(g => !g.IsValid);
        issues.Sort((a, b) => (a.Row ?? 0).CompareTo(b.Row ?? 0));

        var rejected = badRows.Count;
        if (dataRows == 0) return new ImportResult(false, 0, 0, 0, issueCount, issues, "Tệp không có dòng dữ liệu nào (chỉ có dòng tiêu đề).");
        if (rejected > 0 && mode == ImportMode.AllOrNothing)
            return new ImportResult(false, dataRows, 0, rejected, issueCount, issues,
                $"Có {N(rejected)} dòng lỗi trên {N(dataRows)} dòng. Theo lựa chọn \"tất cả hoặc không\", không dòng nào được lưu; hãy sửa các dòng lỗi rồi nhập lại.");
        if (good.Count == 0)
            return new ImportResult(false, dataRows, 0, rejected, issueCount, issues, "Không có dòng hợp lệ nào để lưu.");

        progress?.Report(new ImportStatus("saving", 0, good.Count));
        var audit = new AuditEntry
        {
            AtUtc = clock.GetUtcNow().UtcDateTime, UserName = scope.UserName, EntityType = "EstablishmentImport",
            EntityId = Guid.NewGuid().ToString("N"), Action = AuditAction.Created,
            Changes = JsonSerializer.Serialize(new Dictionary<string, object?[]>
            {
                ["FileName"] = [null, fileName], ["Mode"] = [null, mode.ToString()], ["Rows"] = [null, dataRows],
                ["Accepted"] = [null, good.Count], ["Rejected"] = [null, rejected],
            }),
        };
        try
        {
            await writer.Insert(good.Select(g => g.Values).ToList(), audit, n => progress?.Report(new ImportStatus("saving", n, good.Count)), ct);
        }
        catch (Exception e) when (EstablishmentBulkWriter.IsUniqueViolation(e))
        {
            return FileError(dataRows, "Trong lúc nhập, một số giấy phép trong tệp vừa được lưu ở cơ sở khác. Không dòng nào được lưu; hãy nhập lại tệp.");
        }
        return new ImportResult(false, dataRows, good.Count, rejected, issueCount, issues, rejected == 0
            ? $"Đã nhập {N(good.Count)} cơ sở."
            : $"Đã nhập {N(good.Count)} cơ sở; bỏ qua {N(rejected)} dòng lỗi.");
    }

    static string N(int n) => Shared.ViFormat.Number(n);

    async Task<Lookups> Load(DateOnly today, CancellationToken ct)
    {
        var l = new Lookups();
        foreach (var t in await db.EstablishmentTypes.AsNoTracking().Select(t => new { t.Id, t.Code, t.IsActive }).ToListAsync(ct))
            l.Types[t.Code] = (t.Id, t.IsActive);
        foreach (var n in await tree.All())
        {
            var current = (n.ValidFrom is null || n.ValidFrom <= today) && (n.ValidTo is null || today <= n.ValidTo);
            if (current) l.Current[n.Code] = n;
            else if (!l.Former.TryGetValue(n.Code, out var f) || f.ValidTo < n.ValidTo) l.Former[n.Code] = n;
        }
        return l;
    }

    static void Resolve(ParsedRow row, Lookups l, UserScope scope, DateOnly today)
    {
        if (row.TypeCode is { } code)
        {
            if (!l.Types.TryGetValue(code, out var type)) row.Add(ImportColumns.Type, $"Không có loại hình mã '{code}' (xem sheet {ImportColumns.CatalogueSheet} của tệp mẫu).");
            else if (!type.Active) row.Add(ImportColumns.Type, $"Loại hình '{code}' đã ngừng sử dụng.");
            else row.Values.TypeId = type.Id;
        }
        if (row.CommuneCode is { } unit)
        {
            if (l.Current.TryGetValue(unit, out var node))
            {
                if (EstablishmentAccess.CommuneProblem(node, scope, today) is { } problem) row.Add(ImportColumns.Commune, problem);
                else row.Values.OrgUnitId = node.Id;
            }
            else if (l.Former.TryGetValue(unit, out var former))
                row.Add(ImportColumns.Commune, $"Mã '{unit}' là {former.Name}, không còn hiệu lực (đã sắp xếp lại); hãy dùng mã xã/phường hiện nay.");
            else row.Add(ImportColumns.Commune, $"Không có xã/phường mã '{unit}'.");
        }
    }
}
