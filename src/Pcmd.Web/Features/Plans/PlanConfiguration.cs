using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Pcmd.Web.Features.Plans;

public class PlanConfiguration : IEntityTypeConfiguration<Plan>
{
    public void Configure(EntityTypeBuilder<Plan> b)
    {
        b.ToTable("plans");
        b.Ignore(x => x.BudgetFromFile);
        b.Property(x => x.Key).HasMaxLength(80).IsRequired();
        b.HasIndex(x => x.Key).IsUnique();
        b.Property(x => x.Title).HasMaxLength(1000).IsRequired();
        b.Property(x => x.Number).HasMaxLength(60);
        b.Property(x => x.IssuedPrecision).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.SignerTitle).HasMaxLength(200);
        b.Property(x => x.SignerName).HasMaxLength(200);
        b.Property(x => x.ParentNumber).HasMaxLength(60);
        b.Property(x => x.ParentIssuer).HasMaxLength(300);
        b.Property(x => x.Level).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => x.IssuingUnitId);
        b.HasOne(x => x.IssuingUnit).WithMany().HasForeignKey(x => x.IssuingUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.IssuingAgency).WithMany().HasForeignKey(x => x.IssuingAgencyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.CoordinatingAgency).WithMany().HasForeignKey(x => x.CoordinatingAgencyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Agencies.Agency>().WithMany().HasForeignKey(x => x.ConsolidatingAgencyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Parent).WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Objectives).WithOne().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Indicators).WithOne().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Tasks).WithOne(x => x.Plan).HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Appendices).WithOne().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.ReportSchedule).WithOne().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class PlanPartsConfiguration :
    IEntityTypeConfiguration<PlanObjective>, IEntityTypeConfiguration<Indicator>, IEntityTypeConfiguration<IndicatorTarget>,
    IEntityTypeConfiguration<PlanTask>, IEntityTypeConfiguration<Assignment>, IEntityTypeConfiguration<Appendix>,
    IEntityTypeConfiguration<AppendixItem>, IEntityTypeConfiguration<ReportScheduleEntry>
{
    public void Configure(EntityTypeBuilder<PlanObjective> b)
    {
        b.ToTable("plan_objectives");
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
    }

    public void Configure(EntityTypeBuilder<Indicator> b)
    {
        b.ToTable("indicators");
        b.Property(x => x.Number).HasMaxLength(30);
        b.Property(x => x.UnitOfMeasure).HasMaxLength(60);
        b.Property(x => x.TargetKind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Window).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.TargetValue).HasPrecision(18, 2);
        b.Property(x => x.TargetMin).HasPrecision(18, 2);
        b.Property(x => x.TargetMax).HasPrecision(18, 2);
        b.HasIndex(x => new { x.PlanId, x.Number }).IsUnique();
        b.HasMany(x => x.Targets).WithOne().HasForeignKey(x => x.IndicatorId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Assignments).WithOne().HasForeignKey(x => x.IndicatorId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<IndicatorTarget> b)
    {
        b.ToTable("indicator_targets");
        b.Property(x => x.Value).HasPrecision(18, 2);
        b.Property(x => x.Min).HasPrecision(18, 2);
        b.Property(x => x.Max).HasPrecision(18, 2);
        b.HasOne(x => x.OrgUnit).WithMany().HasForeignKey(x => x.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<PlanTask> b)
    {
        b.ToTable("plan_tasks");
        b.Property(x => x.Number).HasMaxLength(30);
        b.Property(x => x.Section).HasMaxLength(1000);
        b.Property(x => x.TimingKind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Frequency).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.TimingText).HasMaxLength(300);
        b.HasIndex(x => new { x.PlanId, x.Number }).IsUnique();
        b.HasMany(x => x.Assignments).WithOne().HasForeignKey(x => x.TaskId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<Assignment> b)
    {
        b.ToTable("plan_assignments");
        b.Property(x => x.Role).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(x => x.AgencyId);
        b.HasOne(x => x.Plan).WithMany().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(x => x.Agency).WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<Appendix> b)
    {
        b.ToTable("plan_appendices");
        b.Property(x => x.Number).HasMaxLength(20);
        b.Property(x => x.Title).HasMaxLength(1000);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.HasMany(x => x.Items).WithOne().HasForeignKey(x => x.AppendixId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<AppendixItem> b)
    {
        b.ToTable("plan_appendix_items");
        b.Property(x => x.Name).HasMaxLength(1000);
        b.Property(x => x.UnitName).HasMaxLength(300);
        b.Property(x => x.Complexity).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Status).HasMaxLength(40);
        b.HasOne(x => x.OrgUnit).WithMany().HasForeignKey(x => x.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<ReportScheduleEntry> b)
    {
        b.ToTable("plan_report_schedule");
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.HasOne(x => x.RecipientAgency).WithMany().HasForeignKey(x => x.RecipientAgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}
