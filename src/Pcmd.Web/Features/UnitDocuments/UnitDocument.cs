using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Agencies;
using Pcmd.Web.Features.OrgUnits;
using Pcmd.Web.Features.Plans;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.UnitDocuments;

/// <summary>The kinds of document a unit issues under its own authority (Nghị định 30/2020/NĐ-CP, Phụ lục III names them).</summary>
public enum DocumentKind { Plan, Decision, Directive, OfficialLetter }

/// <summary>A document a unit or agency issued (kế hoạch, quyết định, chỉ thị, công văn), recorded instead of entering a whole
/// plan: 3.1.1 counts a commune's plan document in the year, 3.2.1 its documents "ban hành theo thẩm quyền". A document that
/// implements a plan names it (<see cref="PlanId"/>), and the plan's page lists who has one and who has not.</summary>
public class UnitDocument : IVersioned, IHeldByUnit
{
    int IHeldByUnit.HeldByUnitId => OrgUnitId;
    DateOnly? IHeldByUnit.HeldOn => IssuedOn;
    public int Id { get; set; }
    public int OrgUnitId { get; set; }
    public OrgUnit? OrgUnit { get; set; }
    public int? AgencyId { get; set; }
    public Agency? Agency { get; set; }
    public DocumentKind Kind { get; set; }
    /// <summary>Số, ký hiệu: "45/KH-UBND".</summary>
    public string Number { get; set; } = "";
    public DateOnly IssuedOn { get; set; }
    /// <summary>The year of <see cref="IssuedOn"/>, kept so that "one number per unit and year" is a unique index.</summary>
    public int Year { get; set; }
    public string Signer { get; set; } = "";
    [MultiLine] public string Subject { get; set; } = "";
    public int? PlanId { get; set; }
    public Plan? Plan { get; set; }
    public int Version { get; set; }
}

public class UnitDocumentConfiguration : IEntityTypeConfiguration<UnitDocument>
{
    public void Configure(EntityTypeBuilder<UnitDocument> b)
    {
        b.ToTable("unit_documents");
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Number).HasMaxLength(50).IsRequired();
        b.Property(x => x.Signer).HasMaxLength(200).IsRequired();
        b.Property(x => x.Subject).HasMaxLength(1000).IsRequired();
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.OrgUnitId, x.Year, x.Number }).IsUnique();
        b.HasIndex(x => new { x.OrgUnitId, x.IssuedOn });
        b.HasIndex(x => x.PlanId);
        b.HasOne(x => x.OrgUnit).WithMany().HasForeignKey(x => x.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Agency).WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
        // A deleted plan leaves its implementing documents, unlinked.
        b.HasOne(x => x.Plan).WithMany().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.SetNull);
    }
}
