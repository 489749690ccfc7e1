using Pcmd.Web.Features.OrgUnits;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.Indicators;

/// <summary>Where an indicator is measured. The area of a unit is its subtree plus, recursively, the units merged into
/// any of them on 1/7/2025 and their subtrees (OrgUnitSuccession): records of Phường Phú Lãm (old 09568) count for
/// Phường Phú Lương (new 09568), and the city's area is everything under it, old and new.</summary>
public sealed class IndicatorAreas(OrgUnitTree tree)
{
    public async Task<HashSet<int>> Area(int unitId)
    {
        var area = await tree.Subtree(unitId);
        var pending = new Queue<int>(area);
        while (pending.Count > 0)
            foreach (var old in await tree.Predecessors(pending.Dequeue()))
            {
                if (area.Contains(old)) continue;
                foreach (var id in await tree.Subtree(old))
                    if (area.Add(id)) pending.Enqueue(id);
            }
        return area;
    }

    /// <summary>The area for a query: null when it is every unit there is (the country), so that the figure is one plain
    /// aggregate without a list of units.</summary>
    public async Task<IReadOnlyCollection<int>?> ForQuery(int unitId)
    {
        var area = await Area(unitId);
        return area.Count >= (await tree.All()).Count ? null : area;
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
