using Pcmd.Web.Features.OrgUnits;
using Pcmd.Web.Features.Users;
using Pcmd.Web.Security;

namespace Pcmd.Web.Features.Hotspots;

/// <summary>The units whose records belong to a unit: its subtree and the subtrees of the old units merged into
/// it on 1/7/2025 (Nghị quyết 202/2025/QH15), so a filter on Phường Phú Lương also finds Phú Lãm's hotspots
/// (<see cref="OrgUnitTree.Area"/>; queries use the closure table through <see cref="ScopeFilter"/>).</summary>
public static class UnitArea
{
    public static Task<HashSet<int>> Of(OrgUnitTree tree, int unitId) => tree.Area(unitId);

    /// <summary>The area of the unit and of the units it was merged into: an establishment registered in the new
    /// ward may host a hotspot recorded under the old one.</summary>
    public static async Task<HashSet<int>> Related(OrgUnitTree tree, int unitId)
    {
        var area = await Of(tree, unitId);
        foreach (var next in await tree.Successors(unitId)) area.UnionWith(await Of(tree, next));
        return area;
    }

    /// <summary>Who records hotspots: the commune's officers, the coordinating agency and administrators, within
    /// the units they may write in.</summary>
    public static bool CanEditHotspots(UserScope s) =>
        s.IsGlobal || s.IsInRole(Roles.Coordinator) || s.IsInRole(Roles.CommuneOfficer);

    public static bool CanEditHotspotIn(UserScope s, int unitId) => CanEditHotspots(s) && s.CanWriteUnit(unitId);
}
