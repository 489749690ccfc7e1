using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Pcmd.Web.Features.Agencies;

public class AgencyConfiguration : IEntityTypeConfiguration<Agency>
{
    public void Configure(EntityTypeBuilder<Agency> b)
    {
        b.ToTable("agencies");
        b.Property(x => x.Code).HasMaxLength(60).IsRequired();
        b.Property(x => x.Name).HasMaxLength(300).IsRequired();
        b.Property(x => x.ShortName).HasMaxLength(100);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(40);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => x.Code).IsUnique();
        b.HasIndex(x => x.OrgUnitId);
        b.HasOne(x => x.OrgUnit).WithMany().HasForeignKey(x => x.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Parent).WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Successor).WithMany().HasForeignKey(x => x.SuccessorId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Members).WithOne(x => x.Body).HasForeignKey(x => x.BodyId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class AgencyMembershipConfiguration : IEntityTypeConfiguration<AgencyMembership>
{
    public void Configure(EntityTypeBuilder<AgencyMembership> b)
    {
        b.ToTable("agency_memberships");
        b.HasIndex(x => new { x.BodyId, x.MemberId }).IsUnique();
        b.HasOne(x => x.Member).WithMany().HasForeignKey(x => x.MemberId).OnDelete(DeleteBehavior.Restrict);
    }
}
