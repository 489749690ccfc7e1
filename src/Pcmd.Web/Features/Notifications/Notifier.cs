using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Pcmd.Web.Data;
using Pcmd.Web.Security;

namespace Pcmd.Web.Features.Notifications;

/// <summary>One notification as its user sees it. Times are UTC.</summary>
public sealed record NotificationView(int Id, string Subject, string Text, string? Link, DateTime CreatedAt, DateTime? ReadAt)
{
    public bool IsRead => ReadAt is not null;
}

/// <summary>Notifies users in the app and, where they have an e-mail address, by mail through the outbox.
/// <see cref="Notify"/> only adds to the DbContext: the caller's one SaveChanges commits the notification with the change
/// that caused it. Reads and marks always filter by the user's own id, never by the id alone.</summary>
public sealed class Notifier(PcmdDbContext db, TimeProvider clock, IOptions<SmtpOptions> smtp)
{
    public async Task<int> Notify(IReadOnlyCollection<string> userIds, string subject, string text, string? link, string dedupKey,
        CancellationToken ct)
    {
        CheckArguments(subject, text, link, dedupKey);
        var ids = userIds.Where(id => !string.IsNullOrEmpty(id)).Distinct().ToList();
        if (ids.Count == 0) return 0;
        var already = await db.Notifications.Where(n => n.DedupKey == dedupKey && ids.Contains(n.UserId))
            .Select(n => n.UserId).ToListAsync(ct);
        // Two calls with the same key before one SaveChanges must not add twice either.
        already.AddRange(db.Notifications.Local.Where(n => n.DedupKey == dedupKey).Select(n => n.UserId));
        var fresh = ids.Except(already).ToList();
        if (fresh.Count == 0) return 0;

        var users = await db.Users.AsNoTracking().Where(u => fresh.Contains(u.Id))
            .Select(u => new { u.Id, u.Email, u.FullName }).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var u in users)
        {
            db.Notifications.Add(new Notification
            {
                UserId = u.Id, Subject = subject, Text = text, Link = link, DedupKey = dedupKey, CreatedAt = now,
            });
            // Identity keeps unconfirmed addresses too; PCMD's addresses are entered by administrators, so they count.
            if (!string.IsNullOrWhiteSpace(u.Email))
                db.OutboxMessages.Add(new OutboxMessage
                {
                    To = u.Email.Trim(), Subject = subject, Body = MailText.Body(u.FullName, text, link, smtp.Value.LinkBaseUrl),
                    CreatedAt = now, NextAttemptAt = now, DedupKey = dedupKey,
                });
        }
        return users.Count;
    }

    public async Task<int> NotifyAgency(int agencyId, string subject, string text, string? link, string dedupKey, CancellationToken ct)
    {
        var ids = await db.Users.AsNoTracking().Where(u => u.AgencyId == agencyId).Select(u => u.Id).ToListAsync(ct);
        return await Notify(ids, subject, text, link, dedupKey, ct);
    }

    public async Task<List<NotificationView>> ForUser(string userId, bool unreadOnly, int take, CancellationToken ct)
    {
        var q = Mine(userId).AsNoTracking();
        if (unreadOnly) q = q.Where(n => n.ReadAt == null);
        var rows = await q.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).Take(Math.Clamp(take, 1, 200))
            .Select(n => new NotificationView(n.Id, n.Subject, n.Text, n.Link, n.CreatedAt, n.ReadAt)).ToListAsync(ct);
        // SQLite gives the times back without their kind; they were written as UTC.
        return rows.Select(n => n with { CreatedAt = Utc(n.CreatedAt), ReadAt = n.ReadAt is { } r ? Utc(r) : null }).ToList();
    }

    public Task<int> UnreadCount(string userId, CancellationToken ct) => Mine(userId).CountAsync(n => n.ReadAt == null, ct);

    /// <summary>Marking is not a change worth an audit entry, so it is one UPDATE outside SaveChanges. Marking a read
    /// notification again keeps its first time.</summary>
    public async Task MarkRead(string userId, int id, CancellationToken ct)
    {
        DateTime? now = clock.GetUtcNow().UtcDateTime;
        var changed = await Mine(userId).Where(n => n.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, n => n.ReadAt ?? now), ct);
        if (changed == 0) throw new NotFoundException("Không có thông báo này.");
    }

    public async Task MarkAllRead(string userId, CancellationToken ct)
    {
        DateTime? now = clock.GetUtcNow().UtcDateTime;
        await Mine(userId).Where(n => n.ReadAt == null).ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
    }

    IQueryable<Notification> Mine(string userId) => db.Notifications.Where(n => n.UserId == userId);

    static DateTime Utc(DateTime d) => DateTime.SpecifyKind(d, DateTimeKind.Utc);

    /// <summary>These come from code, not from a user: a wrong one is a programming error.</summary>
    static void CheckArguments(string subject, string text, string? link, string dedupKey)
    {
        if (string.IsNullOrWhiteSpace(subject) || subject.Length > Notification.SubjectLength || subject.Any(char.IsControl))
            throw new ArgumentException($"The subject must be one line of 1–{Notification.SubjectLength} characters.", nameof(subject));
        if (string.IsNullOrWhiteSpace(text) || text.Length > Notification.TextLength)
            throw new ArgumentException($"The text must have 1–{Notification.TextLength} characters.", nameof(text));
        if (string.IsNullOrWhiteSpace(dedupKey) || dedupKey.Length > Notification.DedupKeyLength)
            throw new ArgumentException($"The dedup key must have 1–{Notification.DedupKeyLength} characters.", nameof(dedupKey));
        if (link is not null && !IsLocalPath(link))
            throw new ArgumentException("The link must be a local path such as /reports/12.", nameof(link));
    }

    public static bool IsLocalPath(string link) =>
        link.Length <= Notification.LinkLength && link.StartsWith('/') && !link.StartsWith("//") && !link.Contains('\\')
        && !link.Any(char.IsControl);
}
