namespace Pcmd.IntegrationTests.Features.Hotspots;

// What the hotspot and map endpoints answer, as the tests read it; kinds, states and levels stay the strings on the wire.

/// <summary>A hotspot as GET /api/v1/hotspots/{id} answers it (and the answer of a create, an update or an event).</summary>
public sealed record HotspotView(int Id, int Version, string Name, string State, string Complexity, int? EstablishmentId, double? Latitude,
    List<HotspotEventView> Events);

public sealed record HotspotEventView(string Date, string Kind, string? ComplexityObserved, int? AppendixItemId, AppendixItemRefView? AppendixItem);

public sealed record AppendixItemRefView(string AppendixNumber);

/// <summary>A hotspot in the list.</summary>
public sealed record HotspotRow(int Id, string Name);

/// <summary>A hotspot linked to an appendix row of a plan.</summary>
public sealed record HotspotLinkView(int Id, string Name, string Url);

/// <summary>The answer of a hotspot created or changed, or of an event recorded: where it now stands.</summary>
public sealed record HotspotSaved(int Id, int Version, string State, string Complexity);
