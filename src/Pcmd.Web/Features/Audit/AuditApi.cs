using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Data;
using Pcmd.Web.Security;

namespace Pcmd.Web.Features.Audit;

public sealed record AuditPage(int Total, int Page, int PageSize, List<AuditEntry> Items);

public sealed class AuditQuery(PcmdDbContext db)
{
    public async Task<AuditPage> Page(UserScope scope, string? entityType, string? entityId, string? user, int page, int pageSize, CancellationToken ct = default)
    {
        if (!scope.Can(Permission.ReadAudit)) throw new ForbiddenException("Chỉ quản trị hệ thống được xem nhật ký thay đổi.");
        pageSize = Math.Clamp(pageSize, 1, 200);
        page = Math.Max(page, 1);
        var q = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(entityType)) q = q.Where(a => a.EntityType == entityType);
        if (!string.IsNullOrWhiteSpace(entityId)) q = q.Where(a => a.EntityId == entityId);
        if (!string.IsNullOrWhiteSpace(user)) q = q.Where(a => a.UserName == user);
        var total = await q.CountAsync(ct);
        var items = await q.OrderByDescending(a => a.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new AuditPage(total, page, pageSize, items);
    }
}

public static class AuditApi
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("", ListAuditEntries).WithName(nameof(ListAuditEntries)).WithSummary("Nhật ký thay đổi (quản trị hệ thống)");

    public static async Task<Ok<AuditPage>> ListAuditEntries(string? entityType, string? entityId, string? user, int? page, int? pageSize,
        UserScope scope, AuditQuery q, CancellationToken ct) =>
        TypedResults.Ok(await q.Page(scope, entityType, entityId, user, page ?? 1, pageSize ?? 50, ct));
}
