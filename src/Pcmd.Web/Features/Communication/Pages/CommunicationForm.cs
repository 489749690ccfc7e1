using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.Communication.Pages;

/// <summary>What the event form posts (static server rendering binds it by field name): one row per target group, in the
/// order of <see cref="TargetGroup"/>, so that a phone shows a short column of numbers.</summary>
public sealed class CommunicationForm
{
    /// <summary>As typed, dd/mm/yyyy (Shared/DateInput reads it).</summary>
    public string? Date { get; set; }
    public int? OrgUnitId { get; set; }
    public CommunicationKind? Kind { get; set; } = CommunicationKind.DirectTalk;
    public string? Title { get; set; }
    public string? Note { get; set; }
    public int? MaterialsDistributed { get; set; }
    public List<AudienceRow> Audiences { get; set; } = Enum.GetValues<TargetGroup>().Select(g => new AudienceRow { Group = g }).ToList();
    public int Version { get; set; }

    /// <summary>The groups with a number: an empty box is a group the event did not address (a negative number is sent, and refused).</summary>
    public CommunicationEventInput ToInput(int? agencyId) => new(DateInput.OptionalOrThrow(Date, "date"), OrgUnitId, agencyId, Kind, Title, Note, MaterialsDistributed ?? 0,
        Audiences.Where(a => a.PeopleReached is not null and not 0).Select(a => new AudienceInput(a.Group, a.PeopleReached)).ToList(), Version);

    public static CommunicationForm From(CommunicationEventDto e) => new()
    {
        Date = DateInput.Text(e.Date), OrgUnitId = e.OrgUnitId, Kind = e.Kind, Title = e.Title, Note = e.Note, MaterialsDistributed = e.MaterialsDistributed,
        Version = e.Version,
        Audiences = Enum.GetValues<TargetGroup>()
            .Select(g => new AudienceRow { Group = g, PeopleReached = e.Audiences.FirstOrDefault(a => a.Group == g)?.PeopleReached }).ToList(),
    };
}

public sealed class AudienceRow
{
    public TargetGroup Group { get; set; }
    public int? PeopleReached { get; set; }
}

public static class CommunicationLabels
{
    public static string Kind(CommunicationKind k) => "Communication.Kind." + k;
    public static string Group(TargetGroup g) => "Communication.Group." + g;
}
