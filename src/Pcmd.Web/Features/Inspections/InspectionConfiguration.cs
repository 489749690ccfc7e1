using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pcmd.Web.Security;

namespace Pcmd.Web.Features.Inspections;

public class InspectionConfiguration :
    IEntityTypeConfiguration<InspectionTeam>, IEntityTypeConfiguration<TeamMember>, IEntityTypeConfiguration<Decree>,
    IEntityTypeConfiguration<ViolationType>, IEntityTypeConfiguration<InspectionPlan>, IEntityTypeConfiguration<InspectionPlanItem>,
    IEntityTypeConfiguration<Inspection>, IEntityTypeConfiguration<InspectionMember>, IEntityTypeConfiguration<InspectionViolation>,
    IEntityTypeConfiguration<Sanction>
{
    public void Configure(EntityTypeBuilder<InspectionTeam> b)
    {
        b.ToTable("inspection_teams");
        b.Property(x => x.Name).HasMaxLength(300).IsRequired();
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => x.OrgUnitId);
        b.HasOne(x => x.OrgUnit).WithMany().HasForeignKey(x => x.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Agency).WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Members).WithOne().HasForeignKey(x => x.TeamId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<TeamMember> b)
    {
        b.ToTable("inspection_team_members");
        b.Property(x => x.FullName).HasMaxLength(400).IsRequired().HasConversion(PersonalData.Converter!);
        b.Property(x => x.Role).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.CardNumber).HasMaxLength(40);
        b.HasOne(x => x.Agency).WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<Decree> b)
    {
        b.ToTable("decrees");
        b.Property(x => x.Code).HasMaxLength(40).IsRequired();
        b.Property(x => x.Title).HasMaxLength(500).IsRequired();
        b.HasIndex(x => x.Code).IsUnique();
    }

    public void Configure(EntityTypeBuilder<ViolationType> b)
    {
        b.ToTable("violation_types");
        b.Property(x => x.Code).HasMaxLength(40).IsRequired();
        b.Property(x => x.Name).HasMaxLength(500).IsRequired();
        b.HasIndex(x => x.Code).IsUnique();
    }

    public void Configure(EntityTypeBuilder<InspectionPlan> b)
    {
        b.ToTable("inspection_plans");
        b.Property(x => x.Title).HasMaxLength(300).IsRequired();
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne(x => x.Team).WithMany().HasForeignKey(x => x.TeamId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Items).WithOne().HasForeignKey(x => x.InspectionPlanId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<InspectionPlanItem> b)
    {
        b.ToTable("inspection_plan_items");
        b.HasIndex(x => x.EstablishmentId);
        b.HasOne<Establishments.Establishment>().WithMany().HasForeignKey(x => x.EstablishmentId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<Inspection> b)
    {
        b.ToTable("inspections");
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Reason).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.ReasonNote).HasMaxLength(1000);
        b.Property(x => x.Findings).HasMaxLength(4000);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.EstablishmentId, x.Date });
        b.HasIndex(x => new { x.OrgUnitId, x.Date });
        b.HasIndex(x => x.Date);
        b.HasOne(x => x.Establishment).WithMany().HasForeignKey(x => x.EstablishmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Team).WithMany().HasForeignKey(x => x.TeamId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<OrgUnits.OrgUnit>().WithMany().HasForeignKey(x => x.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Inspection>().WithMany().HasForeignKey(x => x.FollowUpOfId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<InspectionPlanItem>().WithMany().HasForeignKey(x => x.InspectionPlanItemId).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(x => x.Members).WithOne().HasForeignKey(x => x.InspectionId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Violations).WithOne().HasForeignKey(x => x.InspectionId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Sanctions).WithOne().HasForeignKey(x => x.InspectionId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<InspectionMember> b)
    {
        b.ToTable("inspection_members");
        b.HasIndex(x => new { x.InspectionId, x.TeamMemberId }).IsUnique();
        b.HasOne(x => x.TeamMember).WithMany().HasForeignKey(x => x.TeamMemberId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<InspectionViolation> b)
    {
        b.ToTable("inspection_violations");
        b.Property(x => x.Note).HasMaxLength(1000);
        b.HasOne(x => x.ViolationType).WithMany().HasForeignKey(x => x.ViolationTypeId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<Sanction> b)
    {
        b.ToTable("sanctions");
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.Amount).HasPrecision(18, 0);
        b.Property(x => x.LegalBasis).HasMaxLength(300);
        b.Property(x => x.Measures).HasMaxLength(1000);
        b.HasOne(x => x.Decree).WithMany().HasForeignKey(x => x.DecreeId).OnDelete(DeleteBehavior.Restrict);
    }
}
