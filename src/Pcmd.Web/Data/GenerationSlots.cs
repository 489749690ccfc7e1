using Microsoft.Extensions.Caching.Memory;

namespace Pcmd.Web.Data;

/// <summary>What a node keeps of what it computed or read, ONE slot per thing (a figure, a list page, a home's list), valid at one
/// stamp: the generations of the registers it was made from (<see cref="FigureGenerations"/>, read before it was made) and
/// whatever else it depends on. A read at another stamp misses; the thing made at the newer stamp replaces the superseded one,
/// so a steady stream of writes does not fill the memory with things never asked again (issue 9's soak). Used by the figure
/// cache (Features/Indicators/FigureCache) and the list cache (<see cref="ListCache"/>).</summary>
public sealed class GenerationSlots(long sizeLimit, TimeSpan slidingExpiration)
{
    readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = sizeLimit, CompactionPercentage = 0.25 });
    long hits, misses;

    sealed record Entry(string Stamp, object? Value);

    public long Hits => Interlocked.Read(ref hits);
    public long Misses => Interlocked.Read(ref misses);

    /// <summary>Slots held now.</summary>
    public int Count => cache.Count;

    public bool TryGet<T>(object slot, string stamp, out T value)
    {
        if (cache.TryGetValue(slot, out var v) && v is Entry e && e.Stamp == stamp && e.Value is T t)
        {
            Interlocked.Increment(ref hits);
            value = t;
            return true;
        }
        Interlocked.Increment(ref misses);
        value = default!;
        return false;
    }

    /// <summary>What the slot holds, at whatever stamp (a figure made before a write, to bring up to date rather than remake).</summary>
    public bool TryGetHeld<T>(object slot, out string stamp, out T value)
    {
        if (cache.TryGetValue(slot, out var v) && v is Entry e && e.Value is T t)
        {
            (stamp, value) = (e.Stamp, t);
            return true;
        }
        (stamp, value) = ("", default!);
        return false;
    }

    /// <summary>Keeps <paramref name="value"/> in <paramref name="slot"/> at <paramref name="stamp"/>; <paramref name="size"/> counts
    /// against the size limit (at least 1). The value is shared by every reader: callers only read it.</summary>
    public void Set<T>(object slot, string stamp, T value, long size) =>
        cache.Set(slot, new Entry(stamp, value), new MemoryCacheEntryOptions { Size = Math.Max(1, size), SlidingExpiration = slidingExpiration });

    /// <summary>Empties the slots (a benchmark's cold reads).</summary>
    public void Clear() => cache.Compact(1.0);
}
