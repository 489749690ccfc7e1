using Pcmd.Web.Shared;
using Microsoft.Extensions.Localization;
using Pcmd.Web.Features.OrgUnits;
using Pcmd.Web.Features.Plans;
using Pcmd.Web.Security;

namespace Pcmd.Web.Features.Hotspots.Pages;

/// <summary>What the hotspot form posts (static server rendering binds it by field name).</summary>
public sealed class HotspotForm
{
    public string? Name { get; set; }
    public string? Description { get; set; }
    public HotspotKind? Kind { get; set; } = HotspotKind.PublicPlace;
    public int? EstablishmentId { get; set; }
    public int? OrgUnitId { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public int Version { get; set; }

    public HotspotInput ToInput(HotspotEventInput? first = null) =>
        new(Name, Description, Kind, Kind == HotspotKind.PublicPlace ? null : EstablishmentId, OrgUnitId, Latitude, Longitude, first, Version);

    public static HotspotForm From(HotspotDetail h) => new()
    {
        Name = h.Name, Description = h.Description, Kind = h.Kind, EstablishmentId = h.EstablishmentId, OrgUnitId = h.OrgUnitId,
        Latitude = h.Latitude, Longitude = h.Longitude, Version = h.Version,
    };
}

/// <summary>What the event form posts; on the new-hotspot page it is the first event.</summary>
public sealed class HotspotEventForm
{
    public string? Date { get; set; }
    public HotspotEventKind? Kind { get; set; }
    public ComplexityLevel? ComplexityObserved { get; set; }
    public int? AppendixItemId { get; set; }
    public string? Note { get; set; }
    public int Version { get; set; }

    public HotspotEventInput ToInput() => new(DateInput.OptionalOrThrow(Date, "date"), Kind, ComplexityObserved, AppendixItemId, Note, Version);
}

/// <summary>The new-hotspot page posts both in one form.</summary>
public sealed class NewHotspotForm
{
    public HotspotForm Hotspot { get; set; } = new();
    public HotspotEventForm First { get; set; } = new() { Kind = HotspotEventKind.Identified };
}

/// <summary>The choices of the hotspot forms, all read within the user's scope.</summary>
public sealed class HotspotFormChoices
{
    public UnitChoices Units { get; init; } = new();
    public List<EstablishmentChoice> Establishments { get; init; } = [];
    public List<AppendixItemChoice> AppendixItems { get; init; } = [];

    public static async Task<HotspotFormChoices> Load(UserScope scope, OrgUnitTree tree, HotspotService hotspots, IStringLocalizer L,
        int? unitId, int? establishmentId) => new()
    {
        Units = await UnitChoices.Load(scope, tree, L, writableOnly: true, include: unitId),
        Establishments = await hotspots.EstablishmentChoices(scope, unitId ?? scope.OrgUnitId, establishmentId),
        AppendixItems = await hotspots.AppendixChoices(scope),
    };
}
