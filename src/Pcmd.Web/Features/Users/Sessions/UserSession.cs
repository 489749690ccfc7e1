using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pcmd.Web.Features.Audit;

namespace Pcmd.Web.Features.Users.Sessions;

/// <summary>One sign-in of one user, from the sign-in until logout, idle timeout or an administrator's change ends it. The
/// cookie names its session (<see cref="SessionCookie.SessionKey"/>); a cookie whose session has ended is refused, however
/// long its own expiry. Times are UTC (SQLite compares DateTime, not DateTimeOffset). Not audited: sessions are not changes
/// to the records, and the audit trail would get a row per minute per user.</summary>
public class UserSession : INotAudited
{
    public const int IdLength = 64, ReasonLength = 30;

    /// <summary>Random (256 bits, base64url); unguessable, and useless without a cookie signed by the app's keys.</summary>
    public string Id { get; set; } = "";
    public string UserId { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    /// <summary>Written at most once a minute (<see cref="SessionStore"/>); the idle timeout counts from it.</summary>
    public DateTime LastSeenAt { get; set; }
    public DateTime? EndedAt { get; set; }
    /// <summary>Why it ended: <see cref="SessionEnd"/>.</summary>
    public string? EndReason { get; set; }
}

/// <summary>The reasons a session ends, as stored in <see cref="UserSession.EndReason"/>.</summary>
public static class SessionEnd
{
    public const string SignedOut = "signed-out", Idle = "idle", Locked = "locked", Password = "password", Reach = "reach",
        TwoFactor = "two-factor";
}

public sealed class UserSessionConfiguration : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> b)
    {
        b.ToTable("user_sessions");
        b.Property(x => x.Id).HasMaxLength(UserSession.IdLength);
        b.Property(x => x.UserId).HasMaxLength(450).IsRequired();
        b.Property(x => x.EndReason).HasMaxLength(UserSession.ReasonLength);
        // Ending every session of a user (lock, new password, new unit) finds them by user.
        b.HasIndex(x => x.UserId);
        b.HasOne<PcmdUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
