using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Agencies;
using Pcmd.Web.Features.OrgUnits;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.Training;

/// <summary>Who a course is organised for: the city's staff or the communes' (3.2.3.a and 3.2.3.b of the 2026–2030 plan).</summary>
public enum TrainingLevel { City, Commune }

/// <summary>A training course (lớp tập huấn, bồi dưỡng kiến thức, kỹ năng nghiệp vụ) with its participants by unit and agency.</summary>
public class TrainingCourse : IVersioned, IHeldByUnit
{
    int IHeldByUnit.HeldByUnitId => OrgUnitId;
    DateOnly? IHeldByUnit.HeldOn => StartDate;
    public int Id { get; set; }
    public string Title { get; set; } = "";
    public TrainingLevel Level { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly EndDate { get; set; }
    /// <summary>The unit that holds the course (the city for a city course, the commune for its own); scope follows it.</summary>
    public int OrgUnitId { get; set; }
    public OrgUnit? OrgUnit { get; set; }
    /// <summary>Who organised it, as written (Sở Y tế, Chi cục…).</summary>
    public string Organiser { get; set; } = "";
    public decimal Hours { get; set; }
    [MultiLine] public string? Note { get; set; }
    public int Version { get; set; }
    public List<TrainingParticipant> Participants { get; set; } = [];
}

/// <summary>The people of one unit and agency in one role who attended (counts, not names: the roster is counts too).
/// <see cref="AlreadyTrained"/> of them had been trained earlier in the period, so that "trained at least once" counts each
/// person once.</summary>
[Data.CountedInItsUnit]
public class TrainingParticipant
{
    public int Id { get; set; }
    public int CourseId { get; set; }
    public int OrgUnitId { get; set; }
    public int? AgencyId { get; set; }
    public string Role { get; set; } = "";
    public int Count { get; set; }
    public int AlreadyTrained { get; set; }
    /// <summary>A named person of the roster (<see cref="StaffMember"/>): the row is that one person (count 1), and 3.2.3.a/b
    /// count them once however many courses they attended.</summary>
    public int? StaffMemberId { get; set; }
}

/// <summary>The staff doing the programme's work in a unit and agency (đội ngũ cán bộ, công chức, viên chức, chiến sĩ) on a
/// date: the denominator of 3.2.3.a/b. The level is the unit's: a row of the city is city staff, a row of a commune commune staff.</summary>
public class StaffRoster : IVersioned
{
    public int Id { get; set; }
    public int OrgUnitId { get; set; }
    public OrgUnit? OrgUnit { get; set; }
    /// <summary>Null: the commune's own staff (UBND and its sections), not a named agency.</summary>
    public int? AgencyId { get; set; }
    public Agency? Agency { get; set; }
    public DateOnly AsOf { get; set; }
    public int Headcount { get; set; }
    [MultiLine] public string? Note { get; set; }
    public int Version { get; set; }
}

public class TrainingConfiguration : IEntityTypeConfiguration<TrainingCourse>, IEntityTypeConfiguration<TrainingParticipant>,
    IEntityTypeConfiguration<StaffRoster>
{
    public void Configure(EntityTypeBuilder<TrainingCourse> b)
    {
        b.ToTable("training_courses");
        b.Property(x => x.Title).HasMaxLength(300).IsRequired();
        b.Property(x => x.Level).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.Organiser).HasMaxLength(300).IsRequired();
        b.Property(x => x.Hours).HasPrecision(6, 1);
        b.Property(x => x.Note).HasMaxLength(2000);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.OrgUnitId, x.EndDate });
        b.HasIndex(x => x.EndDate);
        b.HasOne(x => x.OrgUnit).WithMany().HasForeignKey(x => x.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Participants).WithOne().HasForeignKey(x => x.CourseId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<TrainingParticipant> b)
    {
        b.ToTable("training_participants");
        b.Property(x => x.Role).HasMaxLength(200).IsRequired();
        b.HasIndex(x => x.CourseId);
        b.HasIndex(x => x.OrgUnitId);
        b.HasIndex(x => x.StaffMemberId);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Agency>().WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<StaffMember>().WithMany().HasForeignKey(x => x.StaffMemberId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<StaffRoster> b)
    {
        b.ToTable("staff_rosters");
        b.Property(x => x.Note).HasMaxLength(1000);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.OrgUnitId, x.AsOf });
        b.HasOne(x => x.OrgUnit).WithMany().HasForeignKey(x => x.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Agency).WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}
