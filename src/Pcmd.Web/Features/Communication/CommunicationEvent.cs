using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Agencies;
using Pcmd.Web.Features.OrgUnits;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.Communication;

/// <summary>The forms of communication the programme's plans name (KH 2024 of Hà Nội, §3; QĐ 732/QĐ-TTg, giải pháp 2).</summary>
public enum CommunicationKind { DirectTalk, Meeting, Loudspeaker, Leaflets, PressArticle, Broadcast, SocialMedia, SchoolActivity }

/// <summary>Who an event reached. The groups follow the counts the 2024 city plan sets (3.1 residents, 3.2 workers of the
/// industrial zones, 3.3 high-school pupils, 3.4 university and college students, 3.5 vocational students, 3.7.1/3.7.2
/// owners and workers of establishments).</summary>
public enum TargetGroup
{
    EstablishmentOwners, EstablishmentWorkers, MigrantWorkers, HighSchoolStudents, UniversityStudents, VocationalStudents,
    Youth, Residents, Other,
}

/// <summary>One communication activity in a commune (hoạt động truyền thông, tuyên truyền), recorded by the ward or by an
/// agency that held it there: 3.1.2 of the 2026–2030 plan counts communes where such events are "duy trì thường xuyên".</summary>
[Data.CountedInItsUnit]
public class CommunicationEvent : IVersioned, IHeldByUnit
{
    int IHeldByUnit.HeldByUnitId => OrgUnitId;
    DateOnly? IHeldByUnit.HeldOn => Date;
    public int Id { get; set; }
    public DateOnly Date { get; set; }
    public int OrgUnitId { get; set; }
    public OrgUnit? OrgUnit { get; set; }
    /// <summary>The agency that held it, when not the commune itself (Sở Y tế, Đoàn Thanh niên…).</summary>
    public int? AgencyId { get; set; }
    public Agency? Agency { get; set; }
    public CommunicationKind Kind { get; set; }
    public string Title { get; set; } = "";
    [MultiLine] public string? Note { get; set; }
    /// <summary>Leaflets, posters, booklets handed out (tờ rơi, áp phích, tài liệu).</summary>
    public int MaterialsDistributed { get; set; }
    public int Version { get; set; }
    public List<EventAudience> Audiences { get; set; } = [];
}

/// <summary>People of one target group reached by an event.</summary>
[Data.CountedInItsUnit]
public class EventAudience
{
    public int Id { get; set; }
    public int EventId { get; set; }
    public TargetGroup Group { get; set; }
    public int PeopleReached { get; set; }
}

/// <summary>What "được duy trì thường xuyên" means, kept as data because no text defines it: at least
/// <see cref="EventsPerQuarter"/> events in every quarter of the window. One row for the installation; none means one a quarter.</summary>
public class CommunicationRule : IVersioned
{
    public int Id { get; set; }
    public int EventsPerQuarter { get; set; } = CommunicationRules.DefaultEventsPerQuarter;
    public int Version { get; set; }
}

public static class CommunicationRules
{
    public const int DefaultEventsPerQuarter = 1;
    public const int MaxEventsPerQuarter = 100;
}

public class CommunicationConfiguration : IEntityTypeConfiguration<CommunicationEvent>, IEntityTypeConfiguration<EventAudience>,
    IEntityTypeConfiguration<CommunicationRule>
{
    public void Configure(EntityTypeBuilder<CommunicationEvent> b)
    {
        b.ToTable("communication_events");
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Title).HasMaxLength(300).IsRequired();
        b.Property(x => x.Note).HasMaxLength(2000);
        b.Property(x => x.Version).IsConcurrencyToken();
        // 3.1.2 probes each commune's events by quarter: (unit, date) answers it.
        b.HasIndex(x => new { x.OrgUnitId, x.Date });
        b.HasOne(x => x.OrgUnit).WithMany().HasForeignKey(x => x.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Agency).WithMany().HasForeignKey(x => x.AgencyId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Audiences).WithOne().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<EventAudience> b)
    {
        b.ToTable("communication_audiences");
        b.Property(x => x.Group).HasConversion<string>().HasMaxLength(30);
        b.HasIndex(x => new { x.EventId, x.Group }).IsUnique();
    }

    public void Configure(EntityTypeBuilder<CommunicationRule> b)
    {
        b.ToTable("communication_rules");
        b.Property(x => x.Version).IsConcurrencyToken();
    }
}
