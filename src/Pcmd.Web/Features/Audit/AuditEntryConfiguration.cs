using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Pcmd.Web.Features.Audit;

public class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("audit_entries");
        b.Property(x => x.UserName).HasMaxLength(256);
        b.Property(x => x.EntityType).HasMaxLength(100);
        b.Property(x => x.EntityId).HasMaxLength(100);
        b.Property(x => x.Action).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(x => new { x.EntityType, x.EntityId });
        b.HasIndex(x => x.AtUtc);
    }
}
