using System.Security.Claims;

namespace Pcmd.Web.Features.Notifications;

/// <summary>The signed-in user's own notifications. Nothing here takes a user id from the request: it is always the
/// cookie's.</summary>
public static class NotificationsApi
{
    public static void MapNotificationsApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1/notifications").WithTags("Thông báo").RequireAuthorization();
        api.MapGet("/", async (bool? unread, int? take, ClaimsPrincipal user, Notifier svc, CancellationToken ct) =>
            Results.Ok(await svc.ForUser(UserId(user), unread == true, take ?? 50, ct)));
        api.MapGet("/unread-count", async (ClaimsPrincipal user, Notifier svc, CancellationToken ct) =>
            Results.Ok(new { count = await svc.UnreadCount(UserId(user), ct) }));
        api.MapPost("/{id:int}/read", async (int id, ClaimsPrincipal user, Notifier svc, CancellationToken ct) =>
        {
            await svc.MarkRead(UserId(user), id, ct);
            return Results.NoContent();
        });
        api.MapPost("/read-all", async (ClaimsPrincipal user, Notifier svc, CancellationToken ct) =>
        {
            await svc.MarkAllRead(UserId(user), ct);
            return Results.NoContent();
        });
    }

    /// <summary>Identity's user id claim (the cookie carries it). Endpoints here require sign-in, so it is there.</summary>
    public static string UserId(ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("Signed-in user without an id claim");
}
