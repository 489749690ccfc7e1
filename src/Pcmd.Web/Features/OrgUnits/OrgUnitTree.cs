using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Data;

namespace Pcmd.Web.Features.OrgUnits;

/// <summary>The whole unit tree and the old→new mapping, held in memory: scope checks need
/// subtrees and ancestors on every request, and even the country (≈15,000 units with history) fits
/// easily. Rebuilt after any change to units or mappings — on every node: <see cref="Changed"/> tells the others through
/// PostgreSQL NOTIFY (<see cref="ClusterListener"/>), so a unit added through one node is known at once to all.</summary>
public sealed class OrgUnitTree(IServiceScopeFactory scopes) : IClusterSignal
{
    public const string Channel = "pcmd_units";
    public sealed record Node(int Id, int? ParentId, string Code, string Name, OrgUnitLevel Level, DateOnly? ValidFrom, DateOnly? ValidTo);

    sealed record Snapshot(
        Dictionary<int, Node> Nodes,
        ILookup<int, int> Children,
        ILookup<int, int> Predecessors,
        ILookup<int, int> Successors)
    {
        /// <summary>Each unit's reach as <see cref="Reach"/> worked it out, kept as long as the tree is unchanged.</summary>
        public readonly System.Collections.Concurrent.ConcurrentDictionary<int, (IReadOnlySet<int> Area, IReadOnlySet<int> Readable)> Reaches = new();
    }

    volatile Snapshot? _snapshot;
    readonly SemaphoreSlim _gate = new(1, 1);

    public void Invalidate() => _snapshot = null;

    /// <summary>After a saved change to units or mappings: this node and every other rebuild the tree on next use.</summary>
    public async Task Changed(PcmdDbContext db)
    {
        Invalidate();
        await ClusterListener.Publish(db, Channel, "");
    }

    public string ChannelName => Channel;
    void IClusterSignal.Heard(string payload) => Invalidate();
    void IClusterSignal.Reconnected() => Invalidate();

    async Task<Snapshot> Get()
    {
        if (_snapshot is { } s) return s;
        await _gate.WaitAsync();
        try
        {
            if (_snapshot is { } again) return again;
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<PcmdDbContext>();
            var nodes = await db.OrgUnits.AsNoTracking()
                .Select(u => new Node(u.Id, u.ParentId, u.Code, u.Name, u.Level, u.ValidFrom, u.ValidTo))
                .ToDictionaryAsync(n => n.Id);
            var maps = await db.OrgUnitSuccessions.AsNoTracking().Select(m => new { m.OldUnitId, m.NewUnitId }).ToListAsync();
            _snapshot = new Snapshot(
                nodes,
                nodes.Values.Where(n => n.ParentId != null).ToLookup(n => n.ParentId!.Value, n => n.Id),
                maps.ToLookup(m => m.NewUnitId, m => m.OldUnitId),
                maps.ToLookup(m => m.OldUnitId, m => m.NewUnitId));
            return _snapshot;
        }
        finally { _gate.Release(); }
    }

    public async Task<Node?> Find(int id) => (await Get()).Nodes.GetValueOrDefault(id);

    public async Task<IReadOnlyCollection<Node>> All() => (await Get()).Nodes.Values;

    /// <summary>The unit and everything below it, at any depth.</summary>
    public async Task<HashSet<int>> Subtree(int id) => Walk(await Get(), id, intoMerged: false);

    /// <summary>The unit's area: what is reachable from it going down to children and from a new unit to the old units
    /// merged into it (OrgUnitSuccession), at any depth. Records of Phường Phú Lãm (old 09568) are in the area of Phường
    /// Phú Lương (new 09568); the city's area is everything under it, old and new. The same set as the rows of
    /// <c>org_unit_areas</c> for this unit not marked Above (<see cref="OrgUnitAreas"/>), which queries use instead.</summary>
    public async Task<HashSet<int>> Area(int id) => Walk(await Get(), id, intoMerged: true);

    /// <summary>Everything reachable from <paramref name="id"/> through children and, if asked, through the old units merged
    /// into a new one.</summary>
    static HashSet<int> Walk(Snapshot s, int id, bool intoMerged)
    {
        var result = new HashSet<int>();
        var stack = new Stack<int>([id]);
        while (stack.Count > 0)
        {
            var n = stack.Pop();
            if (!result.Add(n)) continue;
            foreach (var c in s.Children[n]) stack.Push(c);
            if (intoMerged) foreach (var old in s.Predecessors[n]) stack.Push(old);
        }
        return result;
    }

    /// <summary>What a user of the unit writes (its <see cref="Area"/>) and reads (that and every unit above any of it), worked
    /// out once per unit while the tree is unchanged: a coordinator's scope is built on every request (issue 10, item 3), and
    /// for a city it walks ≈ 690 units and their ancestors. The sets are shared: never change them.</summary>
    public async Task<(IReadOnlySet<int> Area, IReadOnlySet<int> Readable)> Reach(int id)
    {
        var s = await Get();
        return s.Reaches.GetOrAdd(id, root =>
        {
            var area = Walk(s, root, intoMerged: true);
            var readable = new HashSet<int>(area);
            foreach (var unit in area)
                foreach (var anc in AncestorsIn(s, unit)) readable.Add(anc.Id);
            return (area, readable);
        });
    }

    public async Task<List<Node>> Ancestors(int id) => AncestorsIn(await Get(), id);

    static List<Node> AncestorsIn(Snapshot s, int id)
    {
        var result = new List<Node>();
        var seen = new HashSet<int>();
        var current = s.Nodes.GetValueOrDefault(id)?.ParentId;
        while (current is { } c && seen.Add(c) && s.Nodes.TryGetValue(c, out var node))
        {
            result.Add(node);
            current = node.ParentId;
        }
        return result;
    }

    public async Task<IReadOnlyList<int>> Children(int id) => (await Get()).Children[id].ToList();

    public async Task<IReadOnlyList<int>> Predecessors(int id) => (await Get()).Predecessors[id].ToList();

    public async Task<IReadOnlyList<int>> Successors(int id) => (await Get()).Successors[id].ToList();

    /// <summary>The unit a record of <paramref name="unitId"/> dated <paramref name="day"/> belongs to: the unit itself while
    /// it exists, else the unit it was merged into (followed through later successions; the first by code when it was split).
    /// What writers of generated records use so that none is dated after its unit ended (issue 15, item 9).</summary>
    public async Task<int> UnitOn(int unitId, DateOnly day)
    {
        var s = await Get();
        var current = unitId;
        for (var hops = 0; hops < 8 && s.Nodes.TryGetValue(current, out var n) && n.ValidTo is { } end && day > end; hops++)
        {
            var next = s.Successors[current].Select(id => s.Nodes.GetValueOrDefault(id)).OfType<Node>().OrderBy(x => x.Code, StringComparer.Ordinal).FirstOrDefault();
            if (next is null) break;
            current = next.Id;
        }
        return current;
    }

    /// <summary>The unit with this code valid on the day: codes were reused in 2025 (old 09568 Phú Lãm,
    /// new 09568 Phú Lương).</summary>
    public async Task<Node?> Resolve(string code, DateOnly day) =>
        (await Get()).Nodes.Values
            .Where(n => n.Code == code && (n.ValidFrom is null || n.ValidFrom <= day) && (n.ValidTo is null || day <= n.ValidTo))
            .OrderByDescending(n => n.ValidFrom)
            .FirstOrDefault();
}
