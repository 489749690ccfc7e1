using System.Globalization;

namespace Pcmd.Web.Data;

/// <summary>Pages of lists and their totals already read, in this node's memory (issue 10, item 3: the coordinator's first page
/// of establishments asked PostgreSQL for a count of Hà Nội's 14,390 rows and a sorted page on every load, ≈ 3.6 ms of the
/// database's CPU, for a list that changes far less often than it is opened). Live like the figure cache
/// (Features/Indicators/FigureCache): an entry's key holds the generations of the registers the list reads
/// (<see cref="FigureGenerations"/>), read from the database at the start of each request and BEFORE the list, so the first
/// load after any write, through any node, misses and reads afresh, and a stored entry is never older than the generation it is
/// stored under. Each list page has ONE slot, and a page read at newer generations replaces the superseded one (as the figure
/// cache does since the soak of issue 9), so writes do not fill the cache with pages never asked again. <c>Pcmd:ListCache:Enabled=false</c> turns it off.</summary>
public sealed class ListCache(IConfiguration config)
{
    /// <summary>Sizes count a page as its rows and a total as 1: at a few hundred bytes a row, a few MB in all.</summary>
    readonly GenerationSlots slots = new(20_000, TimeSpan.FromMinutes(10));

    public bool Enabled { get; set; } = config.GetValue("Pcmd:ListCache:Enabled", true);
    public long Hits => slots.Hits;
    public long Misses => slots.Misses;

    /// <summary>The generations of <paramref name="kinds"/> as this request sees them (one small query), or null when the cache is off.</summary>
    public async Task<string?> Stamp(PcmdDbContext db, IReadOnlyList<RecordKind> kinds, CancellationToken ct)
    {
        if (!Enabled) return null;
        var gens = await FigureGenerations.Read(db, ct);
        return string.Join('.', kinds.Select(k => gens.GetValueOrDefault(k).ToString(CultureInfo.InvariantCulture)));
    }

    /// <summary>The entry of <paramref name="key"/> at <paramref name="stamp"/>, or <paramref name="read"/>'s answer, kept. The
    /// value is shared by every request that asks the same: callers only read it. A failure is not kept.</summary>
    public async Task<T> Get<T>(string? stamp, string key, Func<Task<T>> read, Func<T, long> size)
    {
        if (stamp is null) return await read();
        if (slots.TryGet(key, stamp, out T kept)) return kept;
        var value = await read();
        slots.Set(key, stamp, value, size(value));
        return value;
    }

    /// <summary>Empties the cache (a benchmark's cold reads).</summary>
    public void Clear() => slots.Clear();
}
