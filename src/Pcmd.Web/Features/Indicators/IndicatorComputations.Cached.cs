using Pcmd.Web.Data;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.Indicators;

/// <summary>The figure cache's side of <see cref="IndicatorComputations"/>: which figures are kept, under which generations, and how
/// one held at older generations is brought up to date after a write (<see cref="FigureChanges"/>).</summary>
public sealed partial class IndicatorComputations
{
    /// <summary>A figure held per unit with the units a write changed replaced by their fresh figures (absent: nothing left there).</summary>
    static Dictionary<int, (int Num, int Den)> Patched(Dictionary<int, (int Num, int Den)> held, Dictionary<int, (int Num, int Den)> fresh, int[] units)
    {
        var result = new Dictionary<int, (int Num, int Den)>(held);
        foreach (var u in units) result.Remove(u);
        foreach (var (u, v) in fresh) result[u] = v;
        return result;
    }

    /// <summary>Whether a figure of <paramref name="c"/> is kept per unit and brought up to date after a write by recomputing the
    /// units it changed (<see cref="FigureChanges"/>): the computations of <see cref="DatedFacts"/>, whose every fact is counted
    /// in the unit of its record (or of the record it belongs to), the types they read marked <see cref="CountedInItsUnitAttribute"/>.</summary>
    public static bool Patchable(Computation c) => DatedFacts.ShapeOf(c) is not null;

    bool ByUnitFirst(Computation c) => cache is { Enabled: true } && !PerWindow && Patching && Patchable(c);

    /// <summary>Off: every figure a write made stale is computed afresh over its whole area, totals kept as totals, as before the
    /// units' log (<see cref="FigureChanges"/>): for the benchmark to compare with. Nothing in the app sets it.</summary>
    public bool Patching { get; set; } = true;

    /// <summary>The registers' generations this request's figures are read at (read once, before any figure): what anything
    /// computed from those figures is kept under in <see cref="FigureCache"/>.</summary>
    public async Task<IReadOnlyDictionary<RecordKind, long>> Generations(CancellationToken ct = default) =>
        generations ??= await FigureGenerations.Read(db, ct);

    /// <summary>Per-unit figures a total's computation produced on the way, kept in the cache beside the totals.</summary>
    Dictionary<FigureKey, Dictionary<int, (int Num, int Den)>>? spare;

    /// <summary>The units changed since a held figure's generations, per kind and generation it was held at (this request's).</summary>
    Dictionary<(RecordKind Kind, long From), HashSet<int>?> changes = [];

    /// <summary>The figures of <paramref name="keys"/> from the cache, the missing ones computed together by <paramref name="compute"/>
    /// and kept under the generations this request read (<see cref="FigureCache"/>). The generations are read before any figure,
    /// so a figure is never older than the generation it is stored under. The values are shared: callers only read them. With
    /// <paramref name="patch"/>, a figure held at older generations of the same day, whose writes since changed a few known units,
    /// is brought up to date by <paramref name="patch"/> (those units recomputed) instead.</summary>
    async Task<Dictionary<FigureKey, T>> Cached<T>(List<FigureKey> keys, int? area, bool byUnit,
        Func<List<FigureKey>, Task<Dictionary<FigureKey, T>>> compute, Func<T, long> size, CancellationToken ct,
        Func<List<(FigureKey Key, T Held)>, int[], Task<Dictionary<FigureKey, T>>>? patch = null)
    {
        if (cache is not { Enabled: true }) return await compute(keys);
        var gens = generations ??= await FigureGenerations.Read(db, ct);
        var today = VietnamTime.Today(TimeProvider.System);
        var result = new Dictionary<FigureKey, T>();
        var missing = new Dictionary<FigureKey, FigureCacheKey>();
        var patches = new Dictionary<string, (int[] Units, List<(FigureKey Key, T Held)> Held)>();
        foreach (var k in keys)
        {
            // Only a share of tips handled on time reads the day (an open tip is late once its deadline passes); every other
            // figure depends on its window alone, and stays valid past midnight.
            var day = DatedFacts.HoldsUntil(k.Computation) ? today : default;
            var ck = new FigureCacheKey(k.Computation, k.From, k.To, k.PlanId, area, byUnit, day, FigureCache.Stamp(k.Computation, gens));
            if (cache.TryGet(ck, out T v)) result[k] = v;
            else
            {
                missing[k] = ck;
                if (patch is null || !Patching || !Patchable(k.Computation) || !cache.TryGetEarlier(ck, out var held, out T old)) continue;
                if (await ChangedSince(k.Computation, held, gens, ct) is not { } units) continue;
                var group = string.Join(',', units);
                if (!patches.TryGetValue(group, out var p)) patches[group] = p = (units, []);
                p.Held.Add((k, old));
            }
        }
        foreach (var (units, held) in patches.Values)
        {
            cache.CountPatched(held.Count);
            foreach (var (k, v) in await patch!(held, units))
            {
                result[k] = v;
                cache.Set(missing[k], v, size(v));
                missing.Remove(k);
            }
        }
        if (missing.Count == 0) return result;
        spare = null;
        foreach (var (k, v) in await compute([.. missing.Keys]))
        {
            result[k] = v;
            cache.Set(missing[k], v, size(v));
        }
        foreach (var (k, v) in spare ?? []) cache.Set(missing[k] with { ByUnit = true }, v, v.Count);
        spare = null;
        return result;
    }

    /// <summary>The units the writes since <paramref name="held"/> (the generations of <see cref="RecordKinds.Of"/>) changed, in
    /// order; null when they may have changed any unit or too many.</summary>
    async Task<int[]?> ChangedSince(Computation c, long[] held, IReadOnlyDictionary<RecordKind, long> now, CancellationToken ct)
    {
        var kinds = RecordKinds.Of(c);
        if (held.Length != kinds.Length) return null;
        var units = new SortedSet<int>();
        for (var i = 0; i < kinds.Length; i++)
        {
            var current = now.GetValueOrDefault(kinds[i]);
            if (held[i] == current) continue;
            if (!changes.TryGetValue((kinds[i], held[i]), out var changed))
                changes[(kinds[i], held[i])] = changed = await FigureChanges.UnitsBetween(db, kinds[i], held[i], current, ct);
            if (changed is null) return null;
            units.UnionWith(changed);
        }
        return units.Count is > 0 and <= FigureChanges.MaxUnits ? [.. units] : null;
    }

}
