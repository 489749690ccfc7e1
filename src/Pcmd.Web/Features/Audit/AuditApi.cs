using Microsoft.AspNetCore.Http.HttpResults;
using Pcmd.Web.Security;

namespace Pcmd.Web.Features.Audit;

public static class AuditApi
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("", ListAuditEntries).WithName(nameof(ListAuditEntries)).WithSummary("Nhật ký thay đổi (quản trị hệ thống)");

    public static async Task<Ok<AuditPage>> ListAuditEntries(string? entityType, string? entityId, string? user, int? page, int? pageSize,
        UserScope scope, AuditQuery q, CancellationToken ct) =>
        TypedResults.Ok(await q.Page(scope, entityType, entityId, user, page ?? 1, pageSize ?? 50, ct));
}
