using Pcmd.Web.Features.Plans;

namespace Pcmd.Web.Features.Hotspots.Pages;

/// <summary>Keys of the Vietnamese words (Resources/strings.tsv) and the colours of levels and states, the same on the
/// list, the record and the map (wwwroot/js/map.js uses the same colours).</summary>
public static class HotspotLabels
{
    public static string Kind(HotspotKind k) => "Hotspots.Kind." + k;
    public static string Event(HotspotEventKind k) => "Hotspots.Event." + k;
    public static string Level(ComplexityLevel c) => "Plans.Complexity." + c;

    public static string LevelBadge(ComplexityLevel c) => c switch
    {
        ComplexityLevel.Complex => "text-bg-danger",
        ComplexityLevel.Active => "text-bg-warning",
        ComplexityLevel.Low => "text-bg-info",
        _ => "text-bg-success",
    };

    public static string StateBadge(HotspotEventKind k) => k switch
    {
        HotspotEventKind.Identified => "text-bg-secondary",
        HotspotEventKind.Targeted => "text-bg-primary",
        HotspotEventKind.ReEmerged => "text-bg-danger",
        HotspotEventKind.Checked => "text-bg-light border",
        _ => "text-bg-success",
    };
}
