using Pcmd.Web.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Pcmd.Web.Security;

namespace Pcmd.Web.Features.Audit;

public static class AuditApi
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("", ListAuditEntries).WithName(nameof(ListAuditEntries))
            .WithSummary("Nhật ký thay đổi và sự kiện (quản trị hệ thống); kind: created, modified, deleted, read, exported, signedIn, signInFailed, lockedOut, accessDenied, importFailed");

    /// <summary><c>after</c> / <c>before</c>: the <c>next</c> / <c>prev</c> (or <c>last</c>) cursor of a page of the same list;
    /// <c>from</c> / <c>to</c>: Vietnamese days (dd/mm/yyyy or yyyy-mm-dd), both included.</summary>
    public static async Task<Ok<AuditPage>> ListAuditEntries(string? entityType, string? entityId, string? user, string? kind, DateQuery? from,
        DateQuery? to, int? page, int? pageSize, string? after, string? before, UserScope scope, AuditQuery q, CancellationToken ct) =>
        TypedResults.Ok(await q.Page(scope, new AuditFilter(entityType, entityId, user, kind, from.Day(), to.Day()), page ?? 1, pageSize ?? 50, ct, after, before));
}
