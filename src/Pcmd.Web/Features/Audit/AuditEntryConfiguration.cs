using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Pcmd.Web.Features.Audit;

public class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public const int UserNameLength = 256, EntityLength = 100, ClientIpLength = 64;

    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("audit_entries");
        b.Property(x => x.UserName).HasMaxLength(UserNameLength);
        b.Property(x => x.EntityType).HasMaxLength(EntityLength);
        b.Property(x => x.EntityId).HasMaxLength(EntityLength);
        b.Property(x => x.Action).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.ClientIp).HasMaxLength(ClientIpLength);
        b.HasIndex(x => new { x.EntityType, x.EntityId });
        b.HasIndex(x => x.AtUtc);
        // The page filters by kind, newest first: reads will outnumber every other kind, and a rare kind (a lockout)
        // must not be found by walking them all.
        b.HasIndex(x => new { x.Action, x.Id });
    }
}
