using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.Notifications;

public sealed record UnreadCount(int Count);

/// <summary>The signed-in user's own notifications. Nothing here takes a user id from the request: it is always the
/// cookie's.</summary>
public static class NotificationsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("", ListNotifications).WithName(nameof(ListNotifications)).WithSummary("Thông báo của tôi");
        api.MapGet("/unread-count", CountUnreadNotifications).WithName(nameof(CountUnreadNotifications)).WithSummary("Số thông báo chưa đọc");
        api.MapPost("/{id:int}/read", MarkNotificationRead).WithName(nameof(MarkNotificationRead)).WithSummary("Đánh dấu một thông báo đã đọc")
            .ProducesNotFound();
        api.MapPost("/read-all", MarkAllNotificationsRead).WithName(nameof(MarkAllNotificationsRead)).WithSummary("Đánh dấu mọi thông báo đã đọc");
    }

    public static async Task<Ok<List<NotificationView>>> ListNotifications(bool? unread, int? take, ClaimsPrincipal user, Notifier svc,
        CancellationToken ct) => TypedResults.Ok(await svc.ForUser(UserId(user), unread == true, take ?? 50, ct));

    public static async Task<Ok<UnreadCount>> CountUnreadNotifications(ClaimsPrincipal user, Notifier svc, CancellationToken ct) =>
        TypedResults.Ok(new UnreadCount(await svc.UnreadCount(UserId(user), ct)));

    public static async Task<NoContent> MarkNotificationRead(int id, ClaimsPrincipal user, Notifier svc, CancellationToken ct)
    {
        await svc.MarkRead(UserId(user), id, ct);
        return TypedResults.NoContent();
    }

    public static async Task<NoContent> MarkAllNotificationsRead(ClaimsPrincipal user, Notifier svc, CancellationToken ct)
    {
        await svc.MarkAllRead(UserId(user), ct);
        return TypedResults.NoContent();
    }

    /// <summary>Identity's user id claim (the cookie carries it). Endpoints here require sign-in, so it is there.</summary>
    public static string UserId(ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("Signed-in user without an id claim");
}
