using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pcmd.Web.Data;
using Pcmd.Web.Features.OrgUnits;

namespace Pcmd.Web.Features.Support;

/// <summary>Seed 001 §4 (c): "nhóm đồng đẳng, nhóm tự lực" — and the clubs (câu lạc bộ) of KH 2024 run by the Women's Union.</summary>
public enum GroupKind { PeerGroup, SelfHelpGroup, Club }

/// <summary>A peer group, self-help group or club of a ward (issue 12, item 5). Its members are cases, known here by their code
/// only; it is seen by the case workers and supervisors whose area holds its unit (<see cref="GroupService"/>).</summary>
public class SupportGroup : IVersioned
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public GroupKind Kind { get; set; }
    public int OrgUnitId { get; set; }
    /// <summary>The agency that facilitates the group (the Women's Union, a social work centre, a community organisation).</summary>
    public int? FacilitatorAgencyId { get; set; }
    public DateOnly StartedOn { get; set; }
    /// <summary>Null while the group is active.</summary>
    public DateOnly? ClosedOn { get; set; }
    public int Version { get; set; }
    public List<GroupMember> Members { get; set; } = [];
    public List<GroupMeeting> Meetings { get; set; } = [];
}

/// <summary>A case's membership of a group, from the day it joined to the day it left. Shown only while the case's consent to
/// being referred stands (docs/decisions.md, "Merged from docs/decisions-groups.md").</summary>
public class GroupMember
{
    public int Id { get; set; }
    public int GroupId { get; set; }
    public int CaseId { get; set; }
    public DateOnly JoinedOn { get; set; }
    public DateOnly? LeftOn { get; set; }
}

/// <summary>A meeting: where (a commune), about what, the members present (by case) and those who came without giving anything.</summary>
public class GroupMeeting
{
    public int Id { get; set; }
    public int GroupId { get; set; }
    public DateOnly Date { get; set; }
    public int OrgUnitId { get; set; }
    public string Topic { get; set; } = "";
    public int AnonymousAttendees { get; set; }
    public List<MeetingAttendee> Attendees { get; set; } = [];
}

public class MeetingAttendee
{
    public int Id { get; set; }
    public int MeetingId { get; set; }
    public int CaseId { get; set; }
}

public class SupportGroupConfiguration : IEntityTypeConfiguration<SupportGroup>, IEntityTypeConfiguration<GroupMember>,
    IEntityTypeConfiguration<GroupMeeting>, IEntityTypeConfiguration<MeetingAttendee>
{
    public void Configure(EntityTypeBuilder<SupportGroup> b)
    {
        b.ToTable("support_groups");
        b.Property(x => x.Name).HasMaxLength(200).IsRequired();
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => x.OrgUnitId);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Agencies.Agency>().WithMany().HasForeignKey(x => x.FacilitatorAgencyId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Members).WithOne().HasForeignKey(x => x.GroupId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Meetings).WithOne().HasForeignKey(x => x.GroupId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<GroupMember> b)
    {
        b.ToTable("support_group_members");
        b.HasIndex(x => new { x.GroupId, x.CaseId });
        b.HasIndex(x => x.CaseId);
        b.HasOne<SupportCase>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<GroupMeeting> b)
    {
        b.ToTable("support_group_meetings");
        b.Property(x => x.Topic).HasMaxLength(300).IsRequired();
        b.HasIndex(x => new { x.GroupId, x.Date });
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Attendees).WithOne().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<MeetingAttendee> b)
    {
        b.ToTable("support_group_attendees");
        b.HasIndex(x => new { x.MeetingId, x.CaseId }).IsUnique();
        b.HasIndex(x => x.CaseId);
        b.HasOne<SupportCase>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}
