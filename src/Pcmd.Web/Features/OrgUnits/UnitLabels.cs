using Microsoft.Extensions.Localization;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.OrgUnits;

/// <summary>The one way a record's unit is named on a page (issue 15, item 9): a unit abolished on 1/7/2025 (Nghị quyết
/// 1656/NQ-UBTVQH15 for Hà Nội) shows with the unit its records now count under, "Phường Hàng Bông (cũ) → Phường Hoàn
/// Kiếm", so a reader of a 2024 inspection knows both where it happened then and whose figure it is in today. Read from the
/// in-memory <see cref="OrgUnitTree"/>: no query per row.</summary>
public sealed class UnitLabels(OrgUnitTree tree, TimeProvider clock)
{
    /// <summary>The units in force today that an abolished unit's records count under (its successors, followed through
    /// later successions); empty for a unit still in force.</summary>
    public async Task<List<OrgUnitTree.Node>> CurrentOf(int unitId)
    {
        var today = VietnamTime.Today(clock);
        var self = await tree.Find(unitId);
        if (self?.ValidTo is not { } end || end >= today) return [];
        var result = new List<OrgUnitTree.Node>();
        var seen = new HashSet<int> { unitId };
        var queue = new Queue<int>(await tree.Successors(unitId));
        while (queue.Count > 0)
        {
            var id = queue.Dequeue();
            if (!seen.Add(id) || await tree.Find(id) is not { } n) continue;
            if (n.ValidTo is { } e && e < today) foreach (var next in await tree.Successors(id)) queue.Enqueue(next);
            else result.Add(n);
        }
        return result.OrderBy(n => n.Name, VietnameseText.Comparer).ToList();
    }

    /// <summary>"Phường Hàng Bông (cũ) → Phường Hoàn Kiếm"; the plain name for a unit in force (or <paramref name="fallback"/>
    /// when the unit is unknown).</summary>
    public async Task<string> Label(IStringLocalizer L, int unitId, string? fallback = null)
    {
        var self = await tree.Find(unitId);
        var name = self?.Name ?? fallback ?? "";
        if (self?.ValidTo is not { } end || end >= VietnamTime.Today(clock)) return name;
        var current = await CurrentOf(unitId);
        return current.Count == 0
            ? L["OrgUnits.Former", name]
            : L["OrgUnits.FormerNow", name, string.Join(", ", current.Select(c => c.Name))];
    }

    /// <summary>The old units whose records a filter by this unit also finds (merged into it on 1/7/2025, at any depth of
    /// successions); empty for a unit nothing was merged into.</summary>
    public async Task<List<OrgUnitTree.Node>> FormerOf(int unitId)
    {
        var result = new List<OrgUnitTree.Node>();
        var seen = new HashSet<int> { unitId };
        var stack = new Stack<int>(await tree.Predecessors(unitId));
        while (stack.Count > 0)
        {
            var id = stack.Pop();
            if (!seen.Add(id) || await tree.Find(id) is not { } n) continue;
            result.Add(n);
            foreach (var older in await tree.Predecessors(id)) stack.Push(older);
        }
        return result.OrderBy(n => n.Name, VietnameseText.Comparer).ToList();
    }
}
