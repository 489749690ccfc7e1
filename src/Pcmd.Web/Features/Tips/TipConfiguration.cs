using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pcmd.Web.Features.OrgUnits;
using Pcmd.Web.Security;

namespace Pcmd.Web.Features.Tips;

public class TipConfiguration : IEntityTypeConfiguration<Tip>, IEntityTypeConfiguration<TipStep>, IEntityTypeConfiguration<TipExtension>,
    IEntityTypeConfiguration<TipReply>, IEntityTypeConfiguration<TipSourceRead>, IEntityTypeConfiguration<PortalGuidance>
{
    public void Configure(EntityTypeBuilder<Tip> b)
    {
        b.ToTable("tips");
        b.Property(x => x.Code).HasMaxLength(20).IsRequired();
        b.HasIndex(x => x.Code).IsUnique();
        b.Property(x => x.SecretHash).HasMaxLength(64);
        b.Property(x => x.Channel).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.ReceivedBy).HasMaxLength(256);
        b.Property(x => x.PassedOnBy).HasMaxLength(300);
        b.Property(x => x.Category).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Place).HasMaxLength(500);
        b.Property(x => x.Description).HasMaxLength(TipRules.MaxDescription).IsRequired();
        b.Property(x => x.ReporterName).HasMaxLength(600).HasConversion(PersonalData.Converter);
        b.Property(x => x.ReporterContact).HasMaxLength(1000).HasConversion(PersonalData.Converter);
        b.Property(x => x.IdentifyingDetails).HasMaxLength(3000).HasConversion(PersonalData.Converter);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Relevance).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.PublicResult).HasMaxLength(1000);
        b.Property(x => x.State).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => x.OrgUnitId);
        b.HasIndex(x => x.AssignedUnitId);
        b.HasIndex(x => x.ReceivingUnitId);
        b.HasIndex(x => x.ReceivedAt);
        b.HasIndex(x => new { x.State, x.NextDueOn });
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.ReceivingUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.AssignedUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Agencies.Agency>().WithMany().HasForeignKey(x => x.ReceivingAgencyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Agencies.Agency>().WithMany().HasForeignKey(x => x.AssignedAgencyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Tip>().WithMany().HasForeignKey(x => x.DuplicateOfId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Establishments.Establishment>().WithMany().HasForeignKey(x => x.EstablishmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Hotspots.Hotspot>().WithMany().HasForeignKey(x => x.HotspotId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Inspections.Inspection>().WithMany().HasForeignKey(x => x.InspectionId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Steps).WithOne().HasForeignKey(x => x.TipId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Extensions).WithOne().HasForeignKey(x => x.TipId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<TipStep> b)
    {
        b.ToTable("tip_steps");
        b.Property(x => x.State).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.By).HasMaxLength(256);
        b.Property(x => x.Note).HasMaxLength(2000);
        b.Property(x => x.MessageToReporter).HasMaxLength(1000);
        b.HasIndex(x => new { x.TipId, x.State });
    }

    public void Configure(EntityTypeBuilder<TipExtension> b)
    {
        b.ToTable("tip_extensions");
        b.Property(x => x.State).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Reason).HasMaxLength(1000).IsRequired();
        b.Property(x => x.By).HasMaxLength(256);
        b.HasIndex(x => x.TipId);
    }

    public void Configure(EntityTypeBuilder<TipReply> b)
    {
        b.ToTable("tip_replies");
        b.Property(x => x.Text).HasMaxLength(TipRules.MaxReply).IsRequired();
        b.HasIndex(x => x.TipId);
        b.HasOne<Tip>().WithMany().HasForeignKey(x => x.TipId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<TipSourceRead> b)
    {
        b.ToTable("tip_source_reads");
        b.Property(x => x.UserName).HasMaxLength(256).IsRequired();
        b.HasIndex(x => x.TipId);
        b.HasOne<Tip>().WithMany().HasForeignKey(x => x.TipId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<PortalGuidance> b)
    {
        b.ToTable("portal_guidance");
        b.Property(x => x.Text).HasMaxLength(TipRules.MaxGuidance).IsRequired();
        b.Property(x => x.Version).IsConcurrencyToken();
    }
}
