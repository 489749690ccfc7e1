namespace Pcmd.Web.Features.ServiceDirectory;

/// <summary>What a client sends to add or change a service. <c>Version</c> is the version read (0 for a new one).</summary>
public sealed record SupportServiceInput(string? Name, SupportServiceKind? Kind, int? OrgUnitId, string? Address, string? Hours, string? Phone,
    string? Description, bool? Active, int Version);

/// <summary>A search of the directory: a unit (its area, and the units above it whose services serve it too), a kind and
/// words of the name or address.</summary>
public sealed record SupportServiceFilter(int? OrgUnitId, SupportServiceKind? Kind, string? Search, bool IncludeInactive, int Page, int PageSize);

public sealed record SupportServiceView(int Id, string Name, SupportServiceKind Kind, int OrgUnitId, string OrgUnitName, string Address,
    string? Hours, string? Phone, string? Description, bool Active, int Version);

public sealed record SupportServicePage(int Total, int Page, int PageSize, List<SupportServiceView> Items);

public sealed record SupportServiceSaved(int Id, int Version);

/// <summary>A unit where a service can be: a province or today's commune.</summary>
public sealed record ServiceUnit(int Id, string Name);
