using Pcmd.Web.Features.OrgUnits;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.Indicators;

/// <summary>Where an indicator is measured. The area of a unit is its subtree plus, recursively, the units merged into
/// any of them on 1/7/2025 and their subtrees (OrgUnitSuccession): records of Phường Phú Lãm (old 09568) count for
/// Phường Phú Lương (new 09568), and the city's area is everything under it, old and new.</summary>
public sealed class IndicatorAreas(OrgUnitTree tree)
{
    public Task<HashSet<int>> Area(int unitId) => tree.Area(unitId);

    /// <summary>The unit whose area a query covers (resolved in SQL through <c>org_unit_areas</c>), or null when the area is
    /// every unit there is (the country), so that the figure is one plain aggregate without a unit condition.</summary>
    public async Task<int?> ForQuery(int unitId)
    {
        // A unit with a parent cannot reach it: only a root can cover everything, and only then is its area counted.
        if (await tree.Find(unitId) is { ParentId: not null }) return unitId;
        return (await tree.Area(unitId)).Count >= (await tree.All()).Count ? null : unitId;
    }

    /// <summary>The units directly under <paramref name="unitId"/> that exist on <paramref name="day"/>: on 31/12/2026
    /// the city's communes, on 31/12/2024 its old districts.</summary>
    public async Task<List<OrgUnitTree.Node>> ChildrenOn(int unitId, DateOnly day)
    {
        var result = new List<OrgUnitTree.Node>();
        foreach (var id in await tree.Children(unitId))
            if (await tree.Find(id) is { } n && (n.ValidFrom is null || n.ValidFrom <= day) && (n.ValidTo is null || day <= n.ValidTo))
                result.Add(n);
        return result.OrderBy(n => n.Name, VietnameseText.Comparer).ToList();
    }

    public Task<OrgUnitTree.Node?> Find(int unitId) => tree.Find(unitId);
}
