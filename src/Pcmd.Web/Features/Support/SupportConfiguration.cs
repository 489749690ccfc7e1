using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pcmd.Web.Features.Users;
using Pcmd.Web.Security;

namespace Pcmd.Web.Features.Support;

public class SupportConfiguration : IEntityTypeConfiguration<SupportCase>, IEntityTypeConfiguration<CaseWorkerAssignment>,
    IEntityTypeConfiguration<Consent>, IEntityTypeConfiguration<NeedKind>, IEntityTypeConfiguration<CaseNeed>,
    IEntityTypeConfiguration<CaseNote>, IEntityTypeConfiguration<OutreachContact>
{
    /// <summary>An encrypted value is about 4/3 of its UTF-8 bytes plus 43 characters; a 200-character Vietnamese name is
    /// at most 600 bytes.</summary>
    public const int EncryptedLength = 1000;
    public const int NoteLength = 2000;

    public void Configure(EntityTypeBuilder<SupportCase> b)
    {
        b.ToTable("support_cases");
        b.Property(x => x.Code).HasMaxLength(12).IsRequired();
        b.HasIndex(x => x.Code).IsUnique();
        b.Property(x => x.TargetGroup).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.ClosureReason).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.SupervisorId).HasMaxLength(450).IsRequired();
        b.Property(x => x.Name).HasMaxLength(EncryptedLength).HasConversion(PersonalData.Converter);
        b.Property(x => x.BirthYear).HasMaxLength(EncryptedLength).HasConversion(PersonalData.Converter);
        b.Property(x => x.Phone).HasMaxLength(EncryptedLength).HasConversion(PersonalData.Converter);
        b.Property(x => x.Residence).HasMaxLength(EncryptedLength).HasConversion(PersonalData.Converter);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => x.OrgUnitId);
        b.HasIndex(x => x.SupervisorId);
        b.HasOne(x => x.OrgUnit).WithMany().HasForeignKey(x => x.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<PcmdUser>().WithMany().HasForeignKey(x => x.SupervisorId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Workers).WithOne().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Consents).WithOne().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Needs).WithOne().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Notes).WithOne().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.Ignore(x => x.IsClosed);
    }

    public void Configure(EntityTypeBuilder<CaseWorkerAssignment> b)
    {
        b.ToTable("support_case_workers");
        b.Property(x => x.UserId).HasMaxLength(450).IsRequired();
        b.HasIndex(x => new { x.CaseId, x.UserId }).IsUnique();
        // The caseload: a worker's cases.
        b.HasIndex(x => x.UserId);
        b.HasOne<PcmdUser>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<Consent> b)
    {
        b.ToTable("support_consents");
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Method).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(x => new { x.CaseId, x.Kind });
        b.HasIndex(x => x.ProviderId);
        b.HasOne<ServiceDirectory.SupportService>().WithMany().HasForeignKey(x => x.ProviderId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(x => x.IsActive);
    }

    public void Configure(EntityTypeBuilder<NeedKind> b)
    {
        b.ToTable("support_need_kinds");
        b.Property(x => x.Code).HasMaxLength(40).IsRequired();
        b.Property(x => x.Name).HasMaxLength(200).IsRequired();
        b.HasIndex(x => x.Code).IsUnique();
    }

    public void Configure(EntityTypeBuilder<CaseNeed> b)
    {
        b.ToTable("support_case_needs");
        b.HasIndex(x => new { x.CaseId, x.NeedKindId }).IsUnique();
        b.HasIndex(x => x.NeedKindId);
        b.HasOne<NeedKind>().WithMany().HasForeignKey(x => x.NeedKindId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<CaseNote> b)
    {
        b.ToTable("support_case_notes");
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.Text).HasMaxLength(12000).IsRequired().HasConversion(PersonalData.Converter!);
        b.Property(x => x.Author).HasMaxLength(256).IsRequired();
        b.HasIndex(x => new { x.CaseId, x.Date });
    }

    public void Configure(EntityTypeBuilder<OutreachContact> b)
    {
        b.ToTable("support_outreach_contacts");
        b.Property(x => x.Channel).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.RecordedBy).HasMaxLength(256).IsRequired();
        b.HasIndex(x => new { x.OrgUnitId, x.Date });
        b.HasIndex(x => x.CaseId);
        b.HasOne<SupportCase>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<OrgUnits.OrgUnit>().WithMany().HasForeignKey(x => x.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Establishments.Establishment>().WithMany().HasForeignKey(x => x.EstablishmentId).OnDelete(DeleteBehavior.Restrict);
    }
}
