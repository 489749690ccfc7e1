using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pcmd.Web.Security;

namespace Pcmd.Web.Features.Establishments;

public class EstablishmentConfiguration : IEntityTypeConfiguration<Establishment>, IEntityTypeConfiguration<EstablishmentType>
{
    public void Configure(EntityTypeBuilder<Establishment> b)
    {
        b.ToTable("establishments");
        b.Property(x => x.Name).HasMaxLength(300).IsRequired();
        b.Property(x => x.Address).HasMaxLength(500).IsRequired();
        b.Property(x => x.OwnerName).HasMaxLength(400).HasConversion(PersonalData.Converter);
        b.Property(x => x.OwnerPhone).HasMaxLength(200).HasConversion(PersonalData.Converter);
        b.Property(x => x.LicenceNumber).HasMaxLength(60);
        b.Property(x => x.RiskClass).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(24);
        b.Property(x => x.Note).HasMaxLength(2000);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => x.LicenceNumber).IsUnique();
        b.HasIndex(x => new { x.OrgUnitId, x.Status });
        b.HasIndex(x => x.TypeId);
        b.HasIndex(x => new { x.Latitude, x.Longitude }); // the map's visible box (Features/Map)
        b.HasOne(x => x.Type).WithMany().HasForeignKey(x => x.TypeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.OrgUnit).WithMany().HasForeignKey(x => x.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<EstablishmentType> b)
    {
        b.ToTable("establishment_types");
        b.Property(x => x.Code).HasMaxLength(40).IsRequired();
        b.Property(x => x.Name).HasMaxLength(200).IsRequired();
        b.Property(x => x.Group).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(x => x.Code).IsUnique();
    }
}
