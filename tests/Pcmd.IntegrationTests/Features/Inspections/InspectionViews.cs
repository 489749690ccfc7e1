namespace Pcmd.IntegrationTests.Features.Inspections;

// What the inspection endpoints answer, as the tests read it; kinds, roles and dates stay the strings on the wire.

/// <summary>An inspection as GET /api/v1/inspections/{id} answers it.</summary>
public sealed record InspectionView(int Id, int Version, int EstablishmentId, int TeamId, int OrgUnitId, string Date, string Kind, string? Reason,
    string? Findings, int WorkersInformed, List<InspectionMemberView> Members, List<ViolationView> Violations, List<SanctionView> Sanctions,
    List<int> FollowUpIds);

public sealed record InspectionMemberView(int TeamMemberId, string FullName);

public sealed record ViolationView(string? Note);

public sealed record SanctionView(string Kind, decimal? Amount, string? DecreeCode, string? LegalBasis);

/// <summary>The answer of an inspection recorded: its id and the unit it was recorded in.</summary>
public sealed record InspectionCreated(int Id, int OrgUnitId);

/// <summary>A row of the inspections list.</summary>
public sealed record InspectionRow(int Id, string Date, decimal FineTotal);

/// <summary>A team in the list (<see cref="AgencyCode"/> is the team's own agency, if it has one) or on its own page.</summary>
public sealed record TeamView(int Id, int Version, string Name, string Kind, int OrgUnitId, string? AgencyCode, List<TeamMemberView>? Members);

public sealed record TeamMemberView(int Id, string FullName, string Role, string? AgencyName, bool IsActive);

public sealed record InspectionPlanView(int Id, int Version, string Title, List<InspectionPlanItemView> Items);

public sealed record InspectionPlanItemView(int Id, int EstablishmentId, string? InspectedOn);
