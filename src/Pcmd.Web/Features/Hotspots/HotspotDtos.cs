using Pcmd.Web.Features.Plans;

namespace Pcmd.Web.Features.Hotspots;

public sealed record HotspotSummary(int Id, string Name, HotspotKind Kind, int OrgUnitId, string OrgUnitName, ComplexityLevel Complexity,
    HotspotEventKind State, DateOnly? LastEventOn, double? Latitude, double? Longitude, int Version);

public sealed record HotspotPage(int Total, int Page, int PageSize, List<HotspotSummary> Items);

/// <summary>The plan appendix row an event links to, shown only when the user may read the plan.</summary>
public sealed record AppendixItemRef(int ItemId, string ItemName, string AppendixNumber, int PlanId, string PlanTitle);

public sealed record HotspotEventDto(int Id, DateOnly Date, HotspotEventKind Kind, ComplexityLevel? ComplexityObserved, int? AppendixItemId,
    AppendixItemRef? AppendixItem, string? Note);

public sealed record HotspotDetail(int Id, string Name, string? Description, HotspotKind Kind, int? EstablishmentId, string? EstablishmentName,
    int OrgUnitId, string OrgUnitName, double? Latitude, double? Longitude, ComplexityLevel Complexity, HotspotEventKind State, int Version,
    bool CanEdit, List<HotspotEventDto> Events);

public sealed record HotspotEventInput(DateOnly? Date, HotspotEventKind? Kind, ComplexityLevel? ComplexityObserved = null, int? AppendixItemId = null,
    string? Note = null, int Version = 0);

/// <summary>A hotspot's description. On creation <see cref="FirstEvent"/> is required (usually "identified"; a hotspot
/// known only from its elimination, as in Phụ lục III of the 2024 plan, may start with "eliminated").</summary>
public sealed record HotspotInput(string? Name, string? Description, HotspotKind? Kind, int? EstablishmentId, int? OrgUnitId,
    double? Latitude, double? Longitude, HotspotEventInput? FirstEvent = null, int Version = 0);

public sealed record HotspotFilter(int? OrgUnitId = null, HotspotKind? Kind = null, ComplexityLevel? Complexity = null, HotspotEventKind? State = null,
    string? Search = null, int? AppendixItemId = null, int Page = 1, int PageSize = 50);

/// <summary>A hotspot linked to a plan appendix row, for the plan page.</summary>
public sealed record HotspotLink(int Id, string Name, ComplexityLevel Complexity, HotspotEventKind State, string Url);
