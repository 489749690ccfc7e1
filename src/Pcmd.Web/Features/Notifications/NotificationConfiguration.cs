using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Pcmd.Web.Features.Notifications;

public class NotificationConfiguration : IEntityTypeConfiguration<Notification>, IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.ToTable("notifications");
        b.Property(x => x.UserId).HasMaxLength(450).IsRequired();
        b.Property(x => x.Subject).HasMaxLength(Notification.SubjectLength).IsRequired();
        b.Property(x => x.Text).HasMaxLength(Notification.TextLength).IsRequired();
        b.Property(x => x.Link).HasMaxLength(Notification.LinkLength);
        b.Property(x => x.DedupKey).HasMaxLength(Notification.DedupKeyLength).IsRequired();
        // The backstop of Notifier's check: a reminder job running twice at once fails rather than notifying twice.
        b.HasIndex(x => new { x.UserId, x.DedupKey }).IsUnique();
        // A deleted account takes its notifications with it.
        b.HasOne<Users.PcmdUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.ToTable("outbox_messages");
        b.Property(x => x.To).HasMaxLength(OutboxMessage.ToLength).IsRequired();
        b.Property(x => x.Subject).HasMaxLength(OutboxMessage.SubjectLength).IsRequired();
        b.Property(x => x.Body).IsRequired();
        b.Property(x => x.LastError).HasMaxLength(OutboxMessage.ErrorLength);
        b.Property(x => x.DedupKey).HasMaxLength(OutboxMessage.DedupKeyLength);
        b.HasIndex(x => new { x.SentAt, x.NextAttemptAt });
    }
}
