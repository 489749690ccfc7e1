using Pcmd.Web.Features.OrgUnits;
using Pcmd.Web.Shared;
using Pcmd.Web.Security;

namespace Pcmd.Web.Features.Inspections;

/// <summary>Where a team works and what "today" is for the rules of this feature.</summary>
public sealed class InspectionAccess(OrgUnitTree tree, TimeProvider clock)
{
    /// <summary>Today in Việt Nam: an inspection cannot be recorded for a later day.</summary>
    public DateOnly Today() => DateOnly.FromDateTime(PageText.ToVietnamTime(clock.GetUtcNow().UtcDateTime));

    /// <summary>A team's area: its unit's subtree, plus the old units merged into any of them on 1/7/2025, whose
    /// establishments the successor's team now inspects.</summary>
    public Task<HashSet<int>> Area(int teamUnitId) => tree.Area(teamUnitId);

    /// <summary>Current communes the user may record inspections in, and the old units merged into the user's own,
    /// for the filters of the lists.</summary>
    public async Task<List<OrgUnitTree.Node>> WritableCommunes(UserScope scope)
    {
        var result = (await tree.All()).Where(n => n.Level == OrgUnitLevel.Commune && n.ValidTo is null && scope.CanWriteUnit(n.Id))
            .OrderBy(n => n.Name, Shared.VietnameseText.Comparer).ToList();
        if (scope.OrgUnitId is { } mine)
            foreach (var old in await tree.Predecessors(mine))
                if (await tree.Find(old) is { } node && scope.CanWriteUnit(old)) result.Add(node);
        return result;
    }

    public Task<OrgUnitTree.Node?> Unit(int id) => tree.Find(id);
}
