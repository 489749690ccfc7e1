using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Inspections;
using Pcmd.Web.Features.OrgUnits;
using Pcmd.Web.Security;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.Enforcement;

/// <summary>Whom an administrative sanction was imposed on: a person in one of these roles, or the premises.</summary>
public enum SanctionTarget { Seller, Buyer, Broker, OwnerManager, OtherPerson, Premises }

/// <summary>An administrative sanction (xử phạt vi phạm hành chính) on a person or on premises, outside an inspection
/// record: police and wards enter them for the programme's figures. The person is identified only as far as the figures
/// require: by the decision's number, never by name (the decision itself, kept by the agency, names them).</summary>
[Data.CountedInItsUnit]
public class AdministrativeSanction : IVersioned, IHeldByUnit
{
    int IHeldByUnit.HeldByUnitId => OrgUnitId;
    DateOnly? IHeldByUnit.HeldOn => Date;
    public int Id { get; set; }
    public int OrgUnitId { get; set; }
    public DateOnly Date { get; set; }
    public SanctionTarget Target { get; set; }
    public int? EstablishmentId { get; set; }
    public SanctionKind Kind { get; set; }
    /// <summary>The fine, in whole đồng.</summary>
    public decimal? Amount { get; set; }
    /// <summary>The other measures taken, for the kind "other".</summary>
    [MultiLine] public string? Measures { get; set; }
    public int DecreeId { get; set; }
    public string? LegalBasis { get; set; }
    public string? DecisionNumber { get; set; }
    [MultiLine] public string? Note { get; set; }
    public int Version { get; set; }
}

/// <summary>The charges of the issue: chứa mại dâm (BLHS art. 327), môi giới mại dâm (art. 328), tổ chức hoạt động mại dâm
/// (art. 327), mua dâm người dưới 18 tuổi (art. 329), mua bán người vì mục đích mại dâm (art. 150–151), other.</summary>
public enum CriminalCharge { Harbouring, Brokering, Organising, BuyingSexFromMinor, Trafficking, Other }

/// <summary>A criminal case through its stages: detected, instituted (khởi tố), sent for prosecution / indicted (truy tố),
/// tried (xét xử), possibly as a mobile trial (xét xử lưu động).</summary>
[Data.CountedInItsUnit]
public class CriminalCase : IVersioned, IHeldByUnit
{
    int IHeldByUnit.HeldByUnitId => OrgUnitId;
    DateOnly? IHeldByUnit.HeldOn => DetectedOn;
    public int Id { get; set; }
    public int OrgUnitId { get; set; }
    public string Reference { get; set; } = "";
    public CriminalCharge Charge { get; set; }
    public DateOnly DetectedOn { get; set; }
    public DateOnly? InstitutedOn { get; set; }
    public DateOnly? IndictedOn { get; set; }
    public DateOnly? TriedOn { get; set; }
    public bool MobileTrial { get; set; }
    /// <summary>Bị can (accused, from institution) and bị cáo (defendants, brought to trial).</summary>
    public int AccusedCount { get; set; }
    public int DefendantsCount { get; set; }
    public bool RingDismantled { get; set; }
    [MultiLine] public string? Note { get; set; }
    public int Version { get; set; }
}

public class EnforcementConfiguration : IEntityTypeConfiguration<AdministrativeSanction>, IEntityTypeConfiguration<CriminalCase>
{
    public void Configure(EntityTypeBuilder<AdministrativeSanction> b)
    {
        b.ToTable("administrative_sanctions");
        b.Property(x => x.Target).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Amount).HasPrecision(14, 0);
        b.Property(x => x.Measures).HasMaxLength(1000);
        b.Property(x => x.LegalBasis).HasMaxLength(300);
        b.Property(x => x.DecisionNumber).HasMaxLength(100);
        b.Property(x => x.Note).HasMaxLength(1000);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.OrgUnitId, x.Date });
        b.HasIndex(x => x.Date);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Decree>().WithMany().HasForeignKey(x => x.DecreeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Establishments.Establishment>().WithMany().HasForeignKey(x => x.EstablishmentId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<CriminalCase> b)
    {
        b.ToTable("criminal_cases");
        b.Property(x => x.Reference).HasMaxLength(200).IsRequired();
        b.Property(x => x.Charge).HasConversion<string>().HasMaxLength(30);
        b.Property(x => x.Note).HasMaxLength(1000);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.OrgUnitId, x.DetectedOn });
        b.HasIndex(x => x.DetectedOn);
        b.HasIndex(x => x.TriedOn);
        b.HasIndex(x => x.IndictedOn);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
