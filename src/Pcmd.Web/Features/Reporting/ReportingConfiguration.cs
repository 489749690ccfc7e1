using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Pcmd.Web.Features.Reporting;

public class ReportingConfiguration :
    IEntityTypeConfiguration<ReportPeriod>, IEntityTypeConfiguration<Report>, IEntityTypeConfiguration<ReportTaskEntry>,
    IEntityTypeConfiguration<ReportIndicatorValue>, IEntityTypeConfiguration<ReportAttachment>, IEntityTypeConfiguration<ReportEvent>
{
    public void Configure(EntityTypeBuilder<ReportPeriod> b)
    {
        b.ToTable("report_periods");
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Title).HasMaxLength(500).IsRequired();
        b.Property(x => x.OpenedBy).HasMaxLength(256);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.PlanId, x.Kind, x.Year, x.Sequence }).IsUnique();
        b.HasOne(x => x.Plan).WithMany().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Reports).WithOne(x => x.Period).HasForeignKey(x => x.PeriodId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<Report> b)
    {
        b.ToTable("reports");
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Difficulties).HasMaxLength(20000);
        b.Property(x => x.Proposals).HasMaxLength(20000);
        b.Property(x => x.ReturnComment).HasMaxLength(4000);
        b.Property(x => x.SubmittedBy).HasMaxLength(256);
        b.Property(x => x.ReviewedBy).HasMaxLength(256);
        b.Property(x => x.SavedBy).HasMaxLength(256);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.PeriodId, x.AgencyId, x.IsConsolidated }).IsUnique();
        b.HasIndex(x => x.AgencyId);
        b.HasOne(x => x.Agency).WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<OrgUnits.OrgUnit>().WithMany().HasForeignKey(x => x.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Tasks).WithOne().HasForeignKey(x => x.ReportId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Values).WithOne().HasForeignKey(x => x.ReportId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Attachments).WithOne().HasForeignKey(x => x.ReportId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Events).WithOne().HasForeignKey(x => x.ReportId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<ReportTaskEntry> b)
    {
        b.ToTable("report_tasks");
        b.Property(x => x.Progress).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Narrative).HasMaxLength(20000);
        b.HasIndex(x => new { x.ReportId, x.TaskId }).IsUnique();
        // A task removed from the plan takes its narratives with it; a submitted report keeps the rest.
        b.HasOne<Plans.PlanTask>().WithMany().HasForeignKey(x => x.TaskId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<ReportIndicatorValue> b)
    {
        b.ToTable("report_values");
        b.Property(x => x.Value).HasPrecision(18, 2);
        b.Property(x => x.Denominator).HasPrecision(18, 2);
        b.Property(x => x.Percent).HasPrecision(18, 2);
        b.Property(x => x.Computed).HasPrecision(18, 2);
        b.Property(x => x.ComputedDenominator).HasPrecision(18, 2);
        b.Property(x => x.Source).HasMaxLength(500);
        b.Property(x => x.Note).HasMaxLength(2000);
        b.HasIndex(x => new { x.ReportId, x.IndicatorId }).IsUnique();
        b.HasIndex(x => x.IndicatorId);
        b.HasOne<Plans.Indicator>().WithMany().HasForeignKey(x => x.IndicatorId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<ReportAttachment> b)
    {
        b.ToTable("report_attachments");
        b.Property(x => x.FileName).HasMaxLength(260).IsRequired();
        b.Property(x => x.ContentType).HasMaxLength(120).IsRequired();
        b.Property(x => x.UploadedBy).HasMaxLength(256);
    }

    public void Configure(EntityTypeBuilder<ReportEvent> b)
    {
        b.ToTable("report_events");
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.By).HasMaxLength(256);
        b.Property(x => x.Comment).HasMaxLength(4000);
        b.HasIndex(x => x.ReportId);
    }
}
