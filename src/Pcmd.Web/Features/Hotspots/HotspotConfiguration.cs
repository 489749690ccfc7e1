using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pcmd.Web.Features.Plans;

namespace Pcmd.Web.Features.Hotspots;

public class HotspotConfiguration : IEntityTypeConfiguration<Hotspot>, IEntityTypeConfiguration<HotspotEvent>
{
    public void Configure(EntityTypeBuilder<Hotspot> b)
    {
        b.ToTable("hotspots");
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Name).HasMaxLength(500).IsRequired();
        b.Property(x => x.Description).HasMaxLength(2000);
        b.Property(x => x.Complexity).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.State).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => x.OrgUnitId);
        b.HasOne(x => x.OrgUnit).WithMany().HasForeignKey(x => x.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Establishments.Establishment>().WithMany().HasForeignKey(x => x.EstablishmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Events).WithOne().HasForeignKey(x => x.HotspotId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<HotspotEvent> b)
    {
        b.ToTable("hotspot_events");
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.ComplexityObserved).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Note).HasMaxLength(1000);
        b.HasIndex(x => new { x.HotspotId, x.Date });
        b.HasIndex(x => new { x.Kind, x.Date });
        b.HasOne<AppendixItem>().WithMany().HasForeignKey(x => x.AppendixItemId).OnDelete(DeleteBehavior.SetNull);
    }
}
