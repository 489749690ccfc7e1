using Microsoft.Extensions.Localization;
using Pcmd.Web.Features.OrgUnits;
using Pcmd.Web.Security;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.Hotspots.Pages;

public sealed record UnitChoice(int Id, string Label);

/// <summary>The units offered by the hotspot and map pages: today's communes, and the old districts (and, for a ward
/// officer, the old wards merged into theirs) that the records of the 2024 plans name. The city's 500-odd old
/// communes are left out of a city user's list: their records count for their successors and for their district.</summary>
public sealed class UnitChoices
{
    public List<UnitChoice> Current { get; init; } = [];
    public List<UnitChoice> Old { get; init; } = [];

    public bool Contains(int id) => Current.Any(u => u.Id == id) || Old.Any(u => u.Id == id);

    /// <param name="writableOnly">For a form: only units where the user may record a hotspot.</param>
    /// <param name="include">A unit to offer whatever the rules (the record's present unit).</param>
    public static async Task<UnitChoices> Load(UserScope scope, OrgUnitTree tree, IStringLocalizer L, bool writableOnly, int? include = null)
    {
        var all = await tree.All();
        var byId = all.ToDictionary(n => n.Id);
        var ownLevel = scope.OrgUnitId is { } own && byId.TryGetValue(own, out var ownNode) ? ownNode.Level : OrgUnitLevel.Province;
        var today = PageText.Today();
        bool InScope(OrgUnitTree.Node n) => writableOnly ? scope.CanWriteUnit(n.Id) : scope.IsGlobal || scope.WritableUnits.Contains(n.Id);
        string OldLabel(OrgUnitTree.Node n)
        {
            var parts = new List<string>();
            if (n.ParentId is { } p && byId.TryGetValue(p, out var parent) && parent.Level == OrgUnitLevel.District) parts.Add(parent.Name);
            if (n.ValidTo is { } t) parts.Add(L["OU_Until", PageText.Date(t)]);
            return parts.Count == 0 ? n.Name : $"{n.Name} ({string.Join(", ", parts)})";
        }

        var current = new List<UnitChoice>();
        var old = new List<UnitChoice>();
        foreach (var n in all)
        {
            var forced = n.Id == include && scope.CanReadUnit(n.Id);
            if (!forced && !InScope(n)) continue;
            var ended = n.ValidTo is { } to && to < today;
            if (n.Level == OrgUnitLevel.Commune && !ended) current.Add(new(n.Id, n.Name));
            else if (n.Level == OrgUnitLevel.District || forced || (n.Level == OrgUnitLevel.Commune && ownLevel >= OrgUnitLevel.District))
                old.Add(new(n.Id, OldLabel(n)));
        }
        return new UnitChoices
        {
            Current = current.OrderBy(u => u.Label, VietnameseText.Comparer).ToList(),
            Old = old.OrderBy(u => u.Label, VietnameseText.Comparer).ToList(),
        };
    }

    /// <summary>For a record kept per year (the commune model, the healthy-commune rating): the communes of the user's writable area
    /// that existed at some time in <paramref name="year"/>, the same rule the services check. Before 1/7/2025 those are the old
    /// communes (abolished that day), offered as "old units" with their end date; in 2025 both the old and the new.</summary>
    public static async Task<UnitChoices> CommunesIn(UserScope scope, OrgUnitTree tree, IStringLocalizer L, int year, int? include = null)
    {
        var all = await tree.All();
        var byId = all.ToDictionary(n => n.Id);
        var today = PageText.Today();
        var current = new List<UnitChoice>();
        var old = new List<UnitChoice>();
        foreach (var n in all.Where(n => n.Level == OrgUnitLevel.Commune))
        {
            var forced = n.Id == include && scope.CanReadUnit(n.Id);
            var existed = (n.ValidFrom is null || n.ValidFrom.Value.Year <= year) && (n.ValidTo is null || n.ValidTo.Value.Year >= year);
            if (!forced && !(existed && scope.CanWriteUnit(n.Id))) continue;
            if (n.ValidTo is { } to && to < today)
            {
                var district = n.ParentId is { } p && byId.TryGetValue(p, out var parent) && parent.Level == OrgUnitLevel.District ? parent.Name + ", " : "";
                old.Add(new(n.Id, $"{n.Name} ({district}{L["OU_Until", PageText.Date(to)]})"));
            }
            else current.Add(new(n.Id, n.Name));
        }
        return new UnitChoices
        {
            Current = current.OrderBy(u => u.Label, VietnameseText.Comparer).ToList(),
            Old = old.OrderBy(u => u.Label, VietnameseText.Comparer).ToList(),
        };
    }
}
