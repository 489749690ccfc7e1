using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pcmd.Web.Data;
using Pcmd.Web.Features.OrgUnits;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.ServiceDirectory;

/// <summary>The kinds of help the plans ask the city to refer people to (KH 2026–2030 §4: y tế — STI, HIV/ARV, Methadone;
/// tư vấn tâm lý; trợ giúp pháp lý; dạy nghề; giới thiệu việc làm; vay vốn NHCSXH; phòng, chống bạo lực trên cơ sở giới).</summary>
public enum SupportServiceKind
{
    Health, Psychological, LegalAid, VocationalTraining, Employment, Loans, Shelter, Protection, Hotline, SocialWork, Other,
}

/// <summary>A place that gives one kind of help: the directory the public portal lists and case workers refer people to.
/// An organisation's public contact, not personal data: stored in clear and shown to anyone.</summary>
public class SupportService : IVersioned
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public SupportServiceKind Kind { get; set; }
    /// <summary>The commune where it is (or the city, for a city-wide service such as a hotline).</summary>
    public int OrgUnitId { get; set; }
    public OrgUnit? OrgUnit { get; set; }
    public string Address { get; set; } = "";
    public string? Hours { get; set; }
    public string? Phone { get; set; }
    [MultiLine] public string? Description { get; set; }
    /// <summary>A service that closed stays for the referrals that name it, hidden from the portal and new referrals.</summary>
    public bool Active { get; set; } = true;
    public int Version { get; set; }
}

public class SupportServiceConfiguration : IEntityTypeConfiguration<SupportService>
{
    public const int NameMax = 200, AddressMax = 300, HoursMax = 200, PhoneMax = 50, DescriptionMax = 1000;

    public void Configure(EntityTypeBuilder<SupportService> b)
    {
        b.ToTable("support_services");
        b.Property(x => x.Name).HasMaxLength(NameMax).IsRequired();
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(30);
        b.Property(x => x.Address).HasMaxLength(AddressMax).IsRequired();
        b.Property(x => x.Hours).HasMaxLength(HoursMax);
        b.Property(x => x.Phone).HasMaxLength(PhoneMax);
        b.Property(x => x.Description).HasMaxLength(DescriptionMax);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.OrgUnitId, x.Kind });
        b.HasOne(x => x.OrgUnit).WithMany().HasForeignKey(x => x.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
