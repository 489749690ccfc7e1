using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Data;
using Pcmd.Web.Security;

namespace Pcmd.Web.Features.Audit;

public sealed record AuditPage(int Total, int Page, int PageSize, List<AuditEntry> Items);

public sealed class AuditQuery(PcmdDbContext db)
{
    public const int MaxPageSize = 200;

    public async Task<AuditPage> Page(UserScope scope, string? entityType, string? entityId, string? user, int page, int pageSize, CancellationToken ct = default)
    {
        if (!scope.Can(Permission.ReadAudit)) throw new ForbiddenException("Chỉ quản trị hệ thống được xem nhật ký thay đổi.");
        var errors = new ErrorList();
        if (page < 1) errors.Add("page", "Số trang phải từ 1 trở lên.");
        if (pageSize is < 1 or > MaxPageSize) errors.Add("pageSize", $"Số dòng mỗi trang phải từ 1 đến {MaxPageSize}.");
        errors.ThrowIfAny();
        var q = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(entityType)) q = q.Where(a => a.EntityType == entityType);
        if (!string.IsNullOrWhiteSpace(entityId)) q = q.Where(a => a.EntityId == entityId);
        if (!string.IsNullOrWhiteSpace(user)) q = q.Where(a => a.UserName == user);
        var total = await q.CountAsync(ct);
        var items = await q.OrderByDescending(a => a.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new AuditPage(total, page, pageSize, items);
    }

    /// <summary>The kinds of record the audit trail covers (every entity of the features), for the filter's suggestions.</summary>
    public List<string> EntityTypes() => db.Model.GetEntityTypes()
        .Where(t => t.ClrType.Namespace?.StartsWith("Pcmd.Web.Features", StringComparison.Ordinal) == true && t.ClrType != typeof(AuditEntry))
        .Select(t => t.ClrType.Name).Distinct().Order(StringComparer.Ordinal).ToList();
}
