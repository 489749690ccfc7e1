using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Data;
using Pcmd.Web.Security;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.Audit;

/// <summary>A page; <c>Next</c>, <c>Prev</c>, <c>Last</c> are cursors for <c>after</c> / <c>before</c> (null where there is no such page),
/// <c>Total</c> is counted on the first page and carried by them.</summary>
public sealed record AuditPage(int Total, int Page, int PageSize, List<AuditEntry> Items, string? Next = null, string? Prev = null, string? Last = null);

/// <summary><c>From</c> and <c>To</c> are Vietnamese days, both included.</summary>
public sealed record AuditFilter(string? EntityType = null, string? EntityId = null, string? User = null, string? Kind = null,
    DateOnly? From = null, DateOnly? To = null);

public sealed class AuditQuery(PcmdDbContext db, AuditTrail trail)
{
    public const int MaxPageSize = 200;
    /// <summary>The queue is normally written within milliseconds; if the database is stuck, the page still shows what is there.</summary>
    static readonly TimeSpan FlushWait = TimeSpan.FromSeconds(10);

    public Task<AuditPage> Page(UserScope scope, string? entityType, string? entityId, string? user, int page, int pageSize, CancellationToken ct = default) =>
        Page(scope, new AuditFilter(entityType, entityId, user), page, pageSize, ct);

    /// <summary>Newest first. The trail only grows: a cursor keeps its place however many entries are written meanwhile.</summary>
    static readonly Keyset<AuditEntry> Newest = new Keyset<AuditEntry>().By(a => a.Id, descending: true);

    public async Task<AuditPage> Page(UserScope scope, AuditFilter f, int page, int pageSize, CancellationToken ct = default,
        string? after = null, string? before = null)
    {
        if (!scope.Can(Permission.ReadAudit)) throw new ForbiddenException("Chỉ quản trị hệ thống được xem nhật ký thay đổi.");
        var errors = new ErrorList();
        if (page < 1) errors.Add("page", "Số trang phải từ 1 trở lên.");
        if (pageSize is < 1 or > MaxPageSize) errors.Add("pageSize", $"Số dòng mỗi trang phải từ 1 đến {MaxPageSize}.");
        AuditAction? kind = null;
        if (!string.IsNullOrWhiteSpace(f.Kind))
        {
            if (Enum.TryParse<AuditAction>(f.Kind.Trim(), ignoreCase: true, out var k) && Enum.IsDefined(k) && !int.TryParse(f.Kind, out _)) kind = k;
            else errors.Add("kind", "Loại sự kiện không hợp lệ (" + string.Join(", ", Enum.GetNames<AuditAction>().Select(Camel)) + ").");
        }
        if (f.From is { } from && f.To is { } to && to < from) errors.Add("to", "Ngày kết thúc phải từ ngày bắt đầu trở đi.");
        errors.ThrowIfAny();
        var fingerprint = PageCursor.Fingerprint(string.Join("|", f.EntityType, f.EntityId, f.User, kind, f.From, f.To, pageSize));
        var cursor = PageCursor.Parse(after, before, fingerprint);
        var offset = cursor is null ? PageCursor.Offset(page, pageSize) : 0;
        // Whoever reads the trail sees every event recorded before (reads and refusals are queued, not yet inserted).
        try { await trail.Flush(ct).WaitAsync(FlushWait, ct); }
        catch (TimeoutException) { }
        var q = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(f.EntityType)) q = q.Where(a => a.EntityType == f.EntityType);
        if (!string.IsNullOrWhiteSpace(f.EntityId)) q = q.Where(a => a.EntityId == f.EntityId);
        if (!string.IsNullOrWhiteSpace(f.User)) q = q.Where(a => a.UserName == f.User);
        if (kind is { } action) q = q.Where(a => a.Action == action);
        if (f.From is { } first) { var start = VietnamTime.StartOf(first).UtcDateTime; q = q.Where(a => a.AtUtc >= start); }
        if (f.To is { } last) { var end = VietnamTime.StartOf(last.AddDays(1)).UtcDateTime; q = q.Where(a => a.AtUtc < end); }
        var result = await Newest.Page(q, rows => rows, a => [a.Id], cursor, fingerprint, offset, pageSize, ct);
        return new AuditPage(result.Total, result.Page, pageSize, result.Items, result.Next, result.Prev, result.Last);
    }

    static string Camel(string s) => char.ToLowerInvariant(s[0]) + s[1..];

    /// <summary>The kinds of record the audit trail covers (every entity of the features), for the filter's suggestions.</summary>
    public List<string> EntityTypes() => db.Model.GetEntityTypes()
        .Where(t => t.ClrType.Namespace?.StartsWith("Pcmd.Web.Features", StringComparison.Ordinal) == true && t.ClrType != typeof(AuditEntry))
        .Select(t => t.ClrType.Name).Concat(EventSubjects).Distinct().Order(StringComparer.Ordinal).ToList();

    /// <summary>What events name that is not an entity: the files of the imports.</summary>
    static readonly string[] EventSubjects = ["EstablishmentImport", "SanctionImport", "CriminalCaseImport", "PlanFile", "AgencyCatalogue"];
}
