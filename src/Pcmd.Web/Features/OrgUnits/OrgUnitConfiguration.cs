using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Pcmd.Web.Features.OrgUnits;

public class OrgUnitConfiguration : IEntityTypeConfiguration<OrgUnit>
{
    public void Configure(EntityTypeBuilder<OrgUnit> b)
    {
        b.ToTable("org_units");
        b.Property(x => x.Code).HasMaxLength(40).IsRequired();
        b.Property(x => x.Name).HasMaxLength(200).IsRequired();
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.Code, x.ValidFrom }).IsUnique();
        b.HasIndex(x => x.ParentId);
        b.HasOne(x => x.Parent).WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}

public class OrgUnitSuccessionConfiguration : IEntityTypeConfiguration<OrgUnitSuccession>
{
    public void Configure(EntityTypeBuilder<OrgUnitSuccession> b)
    {
        b.ToTable("org_unit_successions");
        b.Property(x => x.Note).HasMaxLength(500);
        b.HasIndex(x => new { x.OldUnitId, x.NewUnitId }).IsUnique();
        b.HasIndex(x => x.NewUnitId);
        b.HasOne(x => x.OldUnit).WithMany().HasForeignKey(x => x.OldUnitId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(x => x.NewUnit).WithMany().HasForeignKey(x => x.NewUnitId).OnDelete(DeleteBehavior.Cascade);
    }
}
