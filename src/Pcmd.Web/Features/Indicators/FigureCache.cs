using Pcmd.Web.Data;

namespace Pcmd.Web.Features.Indicators;

/// <summary>What a cached figure is: a computation over a window in an area (null: everywhere), as a total or per unit, on a day
/// (a share of tips handled on time depends on today; the default day for every other figure, which its window alone decides),
/// at the generations of the registers it reads (<see cref="Stamp"/>).</summary>
public readonly record struct FigureCacheKey(Computation Computation, DateOnly From, DateOnly To, int? PlanId, int? Area, bool ByUnit, DateOnly Today, string Stamp)
{
    /// <summary>The figure itself, whatever day and generations it was computed at: the slot it lives in.</summary>
    internal FigureCacheKey Slot => this with { Today = default, Stamp = "" };
}

/// <summary>The figures already computed, in this node's memory (issues 10 and 14: a plan's results, its dashboard, the home
/// pages, trends and the drill-down ask the same figures again and again). A figure stays LIVE: its key holds the generation
/// of every register it reads (<see cref="FigureGenerations"/>), read from the database at the start of each request, so the
/// first read after any write, through any node, misses and computes afresh. Each figure has ONE slot, and a figure computed
/// at newer generations replaces the superseded one in it: the cache holds at most one entry per figure that pages ask for,
/// so under a steady stream of writes its memory stays flat instead of filling with stale generations until they expire
/// (issue 9's soak). <c>Pcmd:FigureCache:Enabled=false</c> turns it off.</summary>
public sealed class FigureCache(IConfiguration config)
{
    /// <summary>Sizes count a total as 1 and a per-unit figure as its number of units: about 100 bytes each, 200 MB at worst.</summary>
    readonly GenerationSlots slots = new(2_000_000, TimeSpan.FromMinutes(30));

    public bool Enabled { get; set; } = config.GetValue("Pcmd:FigureCache:Enabled", true);
    public long Hits => slots.Hits;
    public long Misses => slots.Misses;
    long patched;

    /// <summary>Figures brought up to date unit by unit after a write rather than computed afresh (the tests watch it happen).</summary>
    public long Patched => Interlocked.Read(ref patched);

    internal void CountPatched(int figures) => Interlocked.Add(ref patched, figures);

    /// <summary>Entries held now (the soak and the unit tests watch that superseded generations do not pile up).</summary>
    public int Count => slots.Count;

    public bool TryGet<T>(FigureCacheKey key, out T value) => TryGet(key.Slot, key.Today, key.Stamp, out value);

    public void Set<T>(FigureCacheKey key, T value, long size) => Set(key.Slot, key.Today, key.Stamp, value, size);

    /// <summary>The figure of <paramref name="key"/> as held at other generations of the same day, and those generations (in the
    /// order of <see cref="RecordKinds.Of"/>): what a write since then may have left to bring up to date (<see cref="Data.FigureChanges"/>).</summary>
    public bool TryGetEarlier<T>(FigureCacheKey key, out long[] generations, out T value)
    {
        generations = [];
        if (!slots.TryGetHeld(key.Slot, out var stamp, out value)) return false;
        var parts = stamp.Split(':');
        if (parts.Length != 2 || parts[0] != key.Today.DayNumber.ToString(System.Globalization.CultureInfo.InvariantCulture)) return false;
        generations = [.. parts[1].Split('.').Select(long.Parse)];
        return true;
    }

    /// <summary>Anything computed from figures alone (a home's units likely to miss), in its own <paramref name="slot"/> (a record
    /// of what it is for), valid for one day at the generations in <paramref name="stamp"/>, as a figure is.</summary>
    public bool TryGet<T>(object slot, DateOnly today, string stamp, out T value) => slots.TryGet(slot, Dated(today, stamp), out value);

    public void Set<T>(object slot, DateOnly today, string stamp, T value, long size) => slots.Set(slot, Dated(today, stamp), value, size);

    /// <summary>Empties the cache (the benchmark's cold reads).</summary>
    public void Clear() => slots.Clear();

    static string Dated(DateOnly today, string stamp) => $"{today.DayNumber.ToString(System.Globalization.CultureInfo.InvariantCulture)}:{stamp}";

    public static string Stamp(Computation c, IReadOnlyDictionary<RecordKind, long> generations) => Stamp(RecordKinds.Of(c), generations);

    public static string Stamp(IEnumerable<RecordKind> kinds, IReadOnlyDictionary<RecordKind, long> generations) =>
        string.Join('.', kinds.Select(k => generations.GetValueOrDefault(k)));
}
