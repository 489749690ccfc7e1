using Pcmd.Web.Features.Audit;

namespace Pcmd.Web.Features.Notifications;

/// <summary>A message for one user in the app ("Thông báo"). Times are UTC, as the audit trail's: SQLite cannot compare
/// or sort DateTimeOffset, DateTime it can.</summary>
public class Notification : INotAudited
{
    public const int SubjectLength = 300, TextLength = 4000, LinkLength = 500, DedupKeyLength = 200;

    public int Id { get; set; }
    /// <summary>The Identity user's id.</summary>
    public string UserId { get; set; } = "";
    public string Subject { get; set; } = "";
    public string Text { get; set; } = "";
    /// <summary>A local path such as /reports/12, never an absolute URL (no open redirect through a notification).</summary>
    public string? Link { get; set; }
    /// <summary>What the notification is about ("report-due:12:2026-06"): one notification per user and key, so a reminder job
    /// that runs again does not repeat itself.</summary>
    public string DedupKey { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime? ReadAt { get; set; }
}

/// <summary>An e-mail waiting to be sent (or sent) by <see cref="OutboxSender"/>. Written in the same transaction as the
/// change that caused it, so no mail goes out for a change that was rolled back, and none is lost if SMTP is down.</summary>
public class OutboxMessage : INotAudited
{
    public const int ToLength = 256, SubjectLength = 300, ErrorLength = 1000, DedupKeyLength = 200;

    public long Id { get; set; }
    public string To { get; set; } = "";
    public string Subject { get; set; } = "";
    /// <summary>Plain text.</summary>
    public string Body { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public int Attempts { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public DateTime? SentAt { get; set; }
    public string? LastError { get; set; }
    public string? DedupKey { get; set; }
}
