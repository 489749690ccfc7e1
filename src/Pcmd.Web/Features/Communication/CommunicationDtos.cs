namespace Pcmd.Web.Features.Communication;

public sealed record AudienceInput(TargetGroup? Group, int? PeopleReached);

/// <summary>An event as the client sends it; <see cref="Version"/> is the one it read (0 on creation).</summary>
public sealed record CommunicationEventInput(DateOnly? Date, int? OrgUnitId, int? AgencyId, CommunicationKind? Kind, string? Title,
    string? Note, int? MaterialsDistributed, List<AudienceInput>? Audiences, int Version = 0);

public sealed record AudienceDto(TargetGroup Group, int PeopleReached);

public sealed record CommunicationEventDto(int Id, DateOnly Date, int OrgUnitId, string OrgUnitName, int? AgencyId, string? AgencyName,
    CommunicationKind Kind, string Title, string? Note, int MaterialsDistributed, int PeopleReached, List<AudienceDto> Audiences, int Version,
    bool CanEdit);

public sealed record CommunicationEventPage(int Total, int Page, int PageSize, List<CommunicationEventDto> Items);

public sealed record CommunicationFilter(int? OrgUnitId = null, DateOnly? From = null, DateOnly? To = null, CommunicationKind? Kind = null,
    int Page = 1, int PageSize = 50);

public sealed record CommunicationRuleDto(int EventsPerQuarter, int Version);

public sealed record CommunicationRuleInput(int? EventsPerQuarter, int Version = 0);

public sealed record CommunicationSaved(int Id, int Version);
