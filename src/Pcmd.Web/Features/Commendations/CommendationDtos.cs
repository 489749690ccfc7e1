namespace Pcmd.Web.Features.Commendations;

public sealed record CommendationInput(int? OrgUnitId, Recipient? Recipient, string? Name, string? Workplace, CommendationLevel? Level,
    CommendationForm? Form, string? DecisionNumber, DateOnly? DecisionDate, int? Year, int? PlanId, string? Achievement, int Version = 0);

public sealed record CommendationDto(int Id, int OrgUnitId, string OrgUnitName, Recipient Recipient, string Name, string? Workplace,
    CommendationLevel Level, CommendationForm Form, string DecisionNumber, DateOnly DecisionDate, int Year, int? PlanId, string? Achievement,
    int Version, bool CanEdit);

/// <summary>A year's commendations in an area, with the counts of collectives and individuals a yearly report gives.</summary>
public sealed record CommendationList(int Year, int Collectives, int Individuals, List<CommendationDto> Items);

public sealed record CommendationSaved(int Id, int Version);
