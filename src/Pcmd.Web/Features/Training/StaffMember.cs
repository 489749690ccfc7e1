using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pcmd.Web.Features.Agencies;
using Pcmd.Web.Features.OrgUnits;
using Pcmd.Web.Security;
using Pcmd.Web.Data;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.Training;

/// <summary>A named person on the staff roster of a unit and agency (issue 13, item 2: "named staff where a unit keeps them"),
/// on the roster from <see cref="FromDate"/> to <see cref="ToDate"/>. Once a unit and agency keep names, these people, not the
/// typed headcount, are its roster for 3.2.3.a/b; training participants linked to a person count people, once each.
/// The record follows the person: when a ward merges (1/7/2025), its people's records move to the new ward and keep their
/// from date and their training. The name and the phone are personal data (encrypted at rest, each read of a record audited).</summary>
public class StaffMember : IVersioned
{
    public int Id { get; set; }
    /// <summary>The unit the person works in (the city for city staff, a commune for commune staff): the level is the unit's.</summary>
    public int OrgUnitId { get; set; }
    public OrgUnit? OrgUnit { get; set; }
    /// <summary>Null: the commune's own staff (UBND and its sections), as on <see cref="StaffRoster"/>.</summary>
    public int? AgencyId { get; set; }
    public Agency? Agency { get; set; }
    public string FullName { get; set; } = "";
    public string JobTitle { get; set; } = "";
    public string? Phone { get; set; }
    public DateOnly FromDate { get; set; }
    /// <summary>Null: still on the roster.</summary>
    public DateOnly? ToDate { get; set; }
    public int Version { get; set; }

    /// <summary>On the roster on a day: the day a window's figures are counted on (its last).</summary>
    public bool OnRosterOn(DateOnly d) => FromDate <= d && (ToDate is null || ToDate >= d);
}

public class StaffMemberConfiguration : IEntityTypeConfiguration<StaffMember>
{
    /// <summary>As for support cases: an encrypted value is about 4/3 of its UTF-8 bytes plus 43 characters.</summary>
    public const int EncryptedLength = 1000;

    public void Configure(EntityTypeBuilder<StaffMember> b)
    {
        b.ToTable("staff_members");
        b.Property(x => x.FullName).HasMaxLength(EncryptedLength).IsRequired().HasConversion(PersonalData.Converter!);
        b.Property(x => x.Phone).HasMaxLength(EncryptedLength).HasConversion(PersonalData.Converter);
        b.Property(x => x.JobTitle).HasMaxLength(200).IsRequired();
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.OrgUnitId, x.AgencyId, x.FromDate });
        b.HasIndex(x => x.AgencyId);
        b.HasOne(x => x.OrgUnit).WithMany().HasForeignKey(x => x.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Agency).WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}
