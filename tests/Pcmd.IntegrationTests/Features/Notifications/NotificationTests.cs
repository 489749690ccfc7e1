using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pcmd.IntegrationTests.Infrastructure;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Notifications;
using Pcmd.Web.Shared;

namespace Pcmd.IntegrationTests.Features.Notifications;

/// <summary>Notifications through the API and the page: each user reaches only their own, a dedup key notifies once.</summary>
public abstract class NotificationTests(PcmdApp app)
{
    readonly NotificationTestData data = new(app.Services);

    [Fact]
    public async Task A_user_sees_and_marks_only_their_own_notifications()
    {
        var (a, aName) = await data.NewUser();
        var (b, bName) = await data.NewUser();
        string k1 = data.UniqueKey("k"), k2 = data.UniqueKey("k"), k3 = data.UniqueKey("k");
        await data.Notify([a], "Sắp đến hạn báo cáo quý II", k1, "/reports/12");
        await data.Notify([a], "Báo cáo đã được duyệt", k2);
        await data.Notify([b], "Thông báo riêng của người khác", k3);
        var ca = await app.SignIn(aName);
        var cb = await app.SignIn(bName);

        var list = await Notifications(ca);
        Assert.Equal(["Báo cáo đã được duyệt", "Sắp đến hạn báo cáo quý II"], list.Select(n => n.Subject));
        Assert.Equal("/reports/12", list[1].Link);
        Assert.Equal(2, await UnreadCount(ca));
        Assert.Equal(["Thông báo riêng của người khác"], (await Notifications(cb)).Select(n => n.Subject));

        var theirs = await data.NotificationId(b, k3);
        var refused = await (await ca.PostAsync($"/api/v1/notifications/{theirs}/read", null)).Json<Problem>(HttpStatusCode.NotFound);
        Assert.Equal("Không tìm thấy", refused.Title);
        Assert.Equal(HttpStatusCode.NotFound, (await ca.PostAsync("/api/v1/notifications/2000000000/read", null)).StatusCode);
        Assert.Equal(1, await UnreadCount(cb));

        var first = await data.NotificationId(a, k1);
        Assert.Equal(HttpStatusCode.NoContent, (await ca.PostAsync($"/api/v1/notifications/{first}/read", null)).StatusCode);
        Assert.Equal(1, await UnreadCount(ca));
        var readAt = await data.Db(db => db.Set<Notification>().Where(n => n.Id == first).Select(n => n.ReadAt).SingleAsync());
        Assert.NotNull(readAt);
        // Marking again keeps the first time.
        Assert.Equal(HttpStatusCode.NoContent, (await ca.PostAsync($"/api/v1/notifications/{first}/read", null)).StatusCode);
        Assert.Equal(readAt, await data.Db(db => db.Set<Notification>().Where(n => n.Id == first).Select(n => n.ReadAt).SingleAsync()));
        var unread = await Notifications(ca, "?unread=true");
        Assert.Equal(["Báo cáo đã được duyệt"], unread.Select(n => n.Subject));

        Assert.Equal(HttpStatusCode.NoContent, (await ca.PostAsync("/api/v1/notifications/read-all", null)).StatusCode);
        Assert.Equal(0, await UnreadCount(ca));
        Assert.Empty(await Notifications(ca, "?unread=true"));
        Assert.Equal(1, await UnreadCount(cb));
    }

    [Fact]
    public async Task The_same_dedup_key_notifies_each_user_once_and_mails_those_with_an_address()
    {
        var mail = $"{data.UniqueKey("can-bo")}@pcmd.test";
        var (a, aName) = await data.NewUser(email: mail);
        var (b, _) = await data.NewUser();
        var (c, _) = await data.NewUser();
        var key = data.UniqueKey("report-due");

        Assert.Equal(2, await data.Notify([a, b], "Nhắc hạn báo cáo", key));
        Assert.Equal(0, await data.Notify([a, b], "Nhắc hạn báo cáo", key));
        Assert.Equal(1, await data.Notify([a, b, c, c], "Nhắc hạn báo cáo", key));
        Assert.Equal(1, await data.Db(db => db.Set<Notification>().CountAsync(n => n.UserId == a && n.DedupKey == key)));
        Assert.Equal(1, await UnreadCount(await app.SignIn(aName)));

        // Only a has an address: one mail, addressed by name, however often the reminder ran.
        var outbox = await data.Outbox(mail);
        var m = Assert.Single(outbox);
        Assert.Equal("Nhắc hạn báo cáo", m.Subject);
        Assert.Contains("Kính gửi Nguyễn Thị Thông,", m.Body);
        Assert.Null(m.SentAt);
        Assert.Equal(0, await data.Db(db => db.Set<OutboxMessage>().CountAsync(x => x.DedupKey == key && x.To != mail)));

        // Twice in one unit of work before its SaveChanges: still once.
        var again = data.UniqueKey("same-transaction");
        using var scope = app.Services.CreateScope();
        var notifier = scope.ServiceProvider.GetRequiredService<Notifier>();
        Assert.Equal(1, await notifier.Notify([b], "Một lần", "x", null, again, CancellationToken.None));
        Assert.Equal(0, await notifier.Notify([b], "Một lần", "x", null, again, CancellationToken.None));
        Assert.Equal(0, await data.Db(db => db.Set<Notification>().CountAsync(n => n.DedupKey == again))); // not saved yet
        await scope.ServiceProvider.GetRequiredService<PcmdDbContext>().SaveChangesAsync();
        Assert.Equal(1, await data.Db(db => db.Set<Notification>().CountAsync(n => n.DedupKey == again)));
    }

    [Fact]
    public async Task An_agency_notification_reaches_the_users_of_that_agency_only()
    {
        var agencies = await data.Db(db => db.Agencies.OrderBy(x => x.Id).Select(x => x.Id).Take(2).ToListAsync());
        var (inside, _) = await data.NewUser(agencyId: agencies[0]);
        var (outside, _) = await data.NewUser(agencyId: agencies[1]);
        var key = data.UniqueKey("agency");
        using (var scope = app.Services.CreateScope())
        {
            var added = await scope.ServiceProvider.GetRequiredService<Notifier>()
                .NotifyAgency(agencies[0], "Cơ quan có nhiệm vụ đến hạn", "Nhiệm vụ 1.a đến hạn", "/my-tasks", key, CancellationToken.None);
            await scope.ServiceProvider.GetRequiredService<PcmdDbContext>().SaveChangesAsync();
            Assert.Equal(await data.Db(db => db.Users.CountAsync(u => u.AgencyId == agencies[0])), added);
        }
        var notified = await data.Db(db => db.Set<Notification>().Where(n => n.DedupKey == key).Select(n => n.UserId).ToListAsync());
        Assert.Contains(inside, notified);
        Assert.DoesNotContain(outside, notified);
    }

    [Fact]
    public async Task The_page_highlights_unread_ones_and_its_buttons_mark_them_read()
    {
        var (a, aName) = await data.NewUser();
        string k1 = data.UniqueKey("k"), k2 = data.UniqueKey("k");
        await data.Notify([a], "Báo cáo quý II đến hạn", k1, "/reports/12", "Hạn nộp: 15/07/2026.");
        await data.Notify([a], "Báo cáo tháng đã duyệt", k2);
        var c = await app.SignIn(aName);

        var html = await c.GetStringAsync("/notifications");
        var first = await data.NotificationId(a, k1);
        var created = await data.Db(db => db.Set<Notification>().Where(n => n.Id == first).Select(n => n.CreatedAt).SingleAsync());
        Assert.Contains(PageText.ToVietnamTime(created).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture), html);
        Assert.Matches($"class=\"list-group-item list-group-item-primary\" data-id=\"{first}\" data-read=\"false\"", html);
        Assert.Contains("<a href=\"/reports/12\">Báo cáo quý II đến hạn</a>", html);
        Assert.Contains("Đánh dấu đã đọc", html);
        Assert.Contains("Đánh dấu tất cả đã đọc", html);
        Assert.Matches("data-testid=\"unread-count\">2<", html);

        var read = await c.PostAsync("/notifications", new FormUrlEncodedContent([
            new("_handler", $"notification-read-{first}"), new("__RequestVerificationToken", Token(html))]));
        Assert.Equal(HttpStatusCode.Redirect, read.StatusCode);
        Assert.Equal("/notifications", read.Headers.Location!.PathAndQuery);
        Assert.Equal(1, await UnreadCount(c));
        html = await c.GetStringAsync("/notifications");
        Assert.Contains($"data-id=\"{first}\" data-read=\"true\"", html);
        Assert.Matches("data-testid=\"unread-count\">1<", html);

        var all = await c.PostAsync("/notifications", new FormUrlEncodedContent([
            new("_handler", "notifications-read-all"), new("__RequestVerificationToken", Token(html))]));
        Assert.Equal(HttpStatusCode.Redirect, all.StatusCode);
        Assert.Equal(0, await UnreadCount(c));
        html = await c.GetStringAsync("/notifications");
        Assert.DoesNotContain("data-testid=\"unread-count\"", html);
        Assert.Contains("Không có thông báo chưa đọc.", await c.GetStringAsync("/notifications?unread=true"));
    }

    [Fact]
    public async Task The_API_needs_sign_in_and_is_in_the_OpenAPI_document()
    {
        var anonymous = app.CreateClient(new() { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/notifications")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/api/v1/notifications/read-all", null)).StatusCode);
        var paths = (await (await app.SignIn("hotro")).GetJson("/openapi/v1.json"))["paths"]!.AsObject().Select(p => p.Key).ToList();
        Assert.Contains("/api/v1/notifications", paths);
        Assert.Contains("/api/v1/notifications/unread-count", paths);
        Assert.Contains("/api/v1/notifications/{id}/read", paths);
        Assert.Contains("/api/v1/notifications/read-all", paths);
    }

    static Task<List<NotificationView>> Notifications(HttpClient c, string query = "") => c.GetJson<List<NotificationView>>($"/api/v1/notifications{query}");

    sealed record Unread(int Count);

    static async Task<int> UnreadCount(HttpClient c) => (await c.GetJson<Unread>("/api/v1/notifications/unread-count")).Count;

    static string Token(string html) =>
        Regex.Match(html, "name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"").Groups[1].Value is { Length: > 0 } t
            ? t : throw new InvalidOperationException("No antiforgery token on the page");
}

[Collection(SqliteCollection.Name)]
public sealed class NotificationTestsOnSqlite(SqliteApp app) : NotificationTests(app);

[Collection(PostgresCollection.Name)]
public sealed class NotificationTestsOnPostgres(PostgresApp app) : NotificationTests(app);
