using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Establishments;
using Pcmd.Web.Features.Hotspots;
using Pcmd.Web.Features.Targets;
using Pcmd.Web.Security;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.Indicators;

/// <summary>One record's part in a computation: the unit it is recorded in, what it adds to the numerator and to the
/// denominator. Every computation is a query of facts, so that the same query gives the whole area's figure (one
/// plain aggregate) and the figure per unit (the same aggregate grouped by unit) for the drill-down.</summary>
public sealed class Fact
{
    public int UnitId { get; set; }
    public int Num { get; set; }
    public int Den { get; set; }
    /// <summary>Which figure of a batch the fact belongs to: its position in the keys of <see cref="IndicatorComputations.Tagged"/>.</summary>
    public int Tag { get; set; }
}

/// <summary>What a figure counts: a computation over a window of dates (inclusive), and for a computation that reads its plan
/// (<see cref="IndicatorComputations.ReadsPlan"/>: which agencies the plan assigns) the plan; null for every other, so that
/// plans asking the same figure share it.</summary>
public readonly record struct FigureKey(Computation Computation, DateOnly From, DateOnly To, int? PlanId = null)
{
    /// <summary>The key of a plan's indicator: the plan kept only where the computation reads it.</summary>
    public static FigureKey Of(Computation c, DateOnly from, DateOnly to, int? planId) =>
        new(c, from, to, IndicatorComputations.ReadsPlan(c) ? planId : null);
}

/// <summary>The actual value of an indicator computed from the registries, in SQL (one query each, on SQLite and
/// PostgreSQL; no rows are loaded). The area is given by a unit (its subtree and the units merged into them, through the
/// closure table <c>org_unit_areas</c>; see <see cref="IndicatorAreas"/>), or null for everything. Later sources (tips,
/// support cases, communication, training) add a <see cref="Computation"/> member and its facts in <see cref="Facts"/>.</summary>
public sealed partial class IndicatorComputations
{
    readonly PcmdDbContext db;
    readonly FigureCache? cache;
    /// <summary>The registers' generations as this request saw them first; forgotten when this context saves (its own write).</summary>
    Dictionary<RecordKind, long>? generations;

    /// <param name="cache">Null (the unit tests, the benchmark's uncached reads): every figure is computed.</param>
    public IndicatorComputations(PcmdDbContext db, FigureCache? cache = null)
    {
        this.db = db;
        this.cache = cache;
        db.SavedChanges += (_, _) => (generations, changes) = (null, []);
    }

    /// <summary>Whether the computation's facts depend on the plan whose indicator it measures (3.1.1: the agencies it assigns).</summary>
    public static bool ReadsPlan(Computation c) => c == Computation.AssignedPlanShare;

    /// <summary>Whether the computation is a share (numerator over denominator) rather than a count.</summary>
    public static bool IsShare(Computation c) =>
        c is Computation.InspectedShare or Computation.CommitmentShare or Computation.HighRiskInspectedShare or Computation.SupportReachedShare
        or Computation.TipsHandledOnTimeShare or Computation.TriedShareOfIndicted || ActivityFacts.IsShare(c);

    /// <summary>The actual over the whole area (null: everywhere) for records dated from <paramref name="from"/> to
    /// <paramref name="to"/> inclusive.</summary>
    public async Task<Actual> Compute(Computation c, int? areaUnitId, DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        var key = new FigureKey(c, from, to);
        if (ByUnitFirst(c)) return (await Compute([key], areaUnitId, ct))[key];
        return (await Cached([key], areaUnitId, false, async missing =>
        {
            var row = await Facts(c, areaUnitId, from, to)
                .GroupBy(f => 1)
                .Select(g => new Fact { Num = g.Sum(f => f.Num), Den = g.Sum(f => f.Den) })
                .FirstOrDefaultAsync(ct);
            return new Dictionary<FigureKey, Actual> { [key] = ToActual(c, row?.Num ?? 0, row?.Den ?? 0) };
        }, _ => 1, ct))[key];
    }

    /// <summary>The numerator and denominator per recorded unit, for adding up into several areas at once (the drill-down).</summary>
    public async Task<Dictionary<int, (int Num, int Den)>> ComputeByUnit(Computation c, int? areaUnitId, DateOnly from, DateOnly to,
        CancellationToken ct = default)
    {
        var key = new FigureKey(c, from, to);
        return (await ComputeByUnit([key], areaUnitId, ct))[key];
    }

    /// <summary>Adds the per-unit figures of <see cref="ComputeByUnit"/> over one area.</summary>
    public static Actual Sum(Computation c, Dictionary<int, (int Num, int Den)> byUnit, IEnumerable<int> area)
    {
        long num = 0, den = 0;
        foreach (var id in area)
            if (byUnit.TryGetValue(id, out var v)) { num += v.Num; den += v.Den; }
        return ToActual(c, num, den);
    }

    /// <summary>Several figures over one area in ONE SQL statement: the facts of every (computation, window) tagged with
    /// its position, put together with UNION ALL and summed per tag. Each key gets what <see cref="Compute"/> gives it alone,
    /// so a plan's results cost one query whatever the number of its bound indicators.</summary>
    public async Task<Dictionary<FigureKey, Actual>> Compute(IReadOnlyCollection<FigureKey> keys, int? areaUnitId,
        CancellationToken ct = default)
    {
        var distinct = keys.Distinct().ToList();
        if (distinct.Count == 0) return [];
        // A figure brought up to date unit by unit after a write is kept per unit; its total is the sum of its units.
        var perUnit = distinct.Where(k => ByUnitFirst(k.Computation)).ToList();
        if (perUnit.Count > 0)
        {
            var totals = (await ComputeByUnit(perUnit, areaUnitId, ct)).ToDictionary(x => x.Key, x => Sum(x.Key.Computation, x.Value, x.Value.Keys));
            var others = distinct.Except(perUnit).ToList();
            if (others.Count > 0) foreach (var (k, v) in await Compute(others, areaUnitId, ct)) totals[k] = v;
            return totals;
        }
        return await Cached(distinct, areaUnitId, false, async asked =>
        {
            var (series, missing) = await Series(asked, areaUnitId, ct);
            // A series' totals are its units' sums; its per-unit figures are kept too, for the drill-down that follows.
            var result = series.ToDictionary(x => x.Key, x => Sum(x.Key.Computation, x.Value, x.Value.Keys));
            spare = series;
            if (missing.Count == 0) return result;
            var rows = (await Tagged(missing, areaUnitId, null)
                .GroupBy(f => f.Tag)
                .Select(g => new Fact { Tag = g.Key, Num = g.Sum(f => f.Num), Den = g.Sum(f => f.Den) })
                .ToListAsync(ct)).ToDictionary(r => r.Tag);
            foreach (var (k, tag) in missing.Select((k, tag) => (k, tag)))
                result[k] = ToActual(k.Computation, rows.GetValueOrDefault(tag)?.Num ?? 0, rows.GetValueOrDefault(tag)?.Den ?? 0);
            return result;
        }, _ => 1, ct);
    }

    /// <summary>Several figures per recorded unit in ONE SQL statement (tagged facts grouped by tag and unit): for adding up
    /// into several areas at once with <see cref="Sum"/>, as <see cref="ComputeByUnit(Computation, int?, DateOnly, DateOnly, CancellationToken)"/> does for one.</summary>
    public async Task<Dictionary<FigureKey, Dictionary<int, (int Num, int Den)>>> ComputeByUnit(IReadOnlyCollection<FigureKey> keys,
        int? areaUnitId, CancellationToken ct = default)
    {
        var distinct = keys.Distinct().ToList();
        if (distinct.Count == 0) return [];
        return await Cached(distinct, areaUnitId, true, asked => ByUnit(asked, areaUnitId, null, ct), d => d.Count, ct,
            async (held, units) =>
            {
                var fresh = await ByUnit([.. held.Select(h => h.Key)], areaUnitId, units, ct);
                return held.ToDictionary(h => h.Key, h => Patched(h.Held, fresh[h.Key], units));
            });
    }

    /// <summary>The keys' figures per unit (only those of <paramref name="units"/> when given): the grouped series where they
    /// fold, the rest tagged in one statement.</summary>
    internal async Task<Dictionary<FigureKey, Dictionary<int, (int Num, int Den)>>> ByUnit(List<FigureKey> keys, int? area, int[]? units, CancellationToken ct)
    {
        var (result, missing) = await Series(keys, area, units, ct);
        if (missing.Count == 0) return result;
        var rows = await Tagged(missing, area, units)
            .GroupBy(f => new { f.Tag, f.UnitId })
            .Select(g => new Fact { Tag = g.Key.Tag, UnitId = g.Key.UnitId, Num = g.Sum(f => f.Num), Den = g.Sum(f => f.Den) })
            .ToListAsync(ct);
        var byTag = rows.ToLookup(r => r.Tag);
        foreach (var (k, tag) in missing.Select((k, tag) => (k, tag))) result[k] = byTag[tag].ToDictionary(r => r.UnitId, r => (r.Num, r.Den));
        return result;
    }

    /// <summary>Each computation's figures over one window per query, as before the grouped series: kept for the tests and the
    /// benchmark to compare <see cref="WindowSeries"/> with. Nothing in the app sets it.</summary>
    public bool PerWindow { get; set; }

    /// <summary>The keys folded from a grouped query per computation (<see cref="WindowSeries"/>: several windows of one computation;
    /// <see cref="MaintainedSeries"/>, <see cref="DocumentSeries"/>, <see cref="CommuneSeries"/> and <see cref="TrainedShareSeries"/>: the
    /// rules judged per unit in memory), per unit; and the keys
    /// left to the per-window union.</summary>
    async Task<(Dictionary<FigureKey, Dictionary<int, (int Num, int Den)>> Series, List<FigureKey> Others)> Series(List<FigureKey> keys, int? area,
        CancellationToken ct) => await Series(keys, area, null, ct);

    async Task<(Dictionary<FigureKey, Dictionary<int, (int Num, int Den)>> Series, List<FigureKey> Others)> Series(List<FigureKey> keys, int? area,
        int[]? units, CancellationToken ct)
    {
        if (PerWindow) return ([], keys);
        if (units is not null)
        {
            // Only patchable computations are recomputed for some units, and none of them is a rule judged over communes.
            var (windows, others) = WindowSeries.Plan(keys);
            return (windows.Count == 0 ? [] : await WindowSeries.ByUnit(db, windows, area, ct, units: units), others);
        }
        var maintained = keys.Where(MaintainedSeries.Folds).ToList();
        if (maintained.Count < WindowSeries.MinWindows) maintained = [];
        var documents = DocumentSeries.Foldable(keys);
        var (communes, trained) = (CommuneSeries.Foldable(keys), TrainedShareSeries.Foldable(keys));
        var (batches, rest) = WindowSeries.Plan(keys.Except(maintained).Except(documents).Except(communes).Except(trained));
        var series = batches.Count == 0 ? [] : await WindowSeries.ByUnit(db, batches, area, ct);
        if (maintained.Count > 0)
            foreach (var (k, v) in await MaintainedSeries.ByUnit(db, maintained, area, ct)) series[k] = v;
        foreach (var (k, v) in await DocumentSeries.ByUnit(db, documents, area, ct)) series[k] = v;
        foreach (var (k, v) in await CommuneSeries.ByUnit(db, communes, area, ct)) series[k] = v;
        foreach (var (k, v) in await TrainedShareSeries.ByUnit(db, trained, area, ct)) series[k] = v;
        return (series, rest);
    }

    /// <summary>The facts of every key, each tagged with the key's position, as one UNION ALL.</summary>
    IQueryable<Fact> Tagged(List<FigureKey> keys, int? areaUnitId, int[]? units)
    {
        IQueryable<Fact>? all = null;
        for (var i = 0; i < keys.Count; i++)
        {
            var (tag, k) = (i, keys[i]);
            var facts = Facts(k.Computation, areaUnitId, k.From, k.To, k.PlanId);
            if (units is not null) facts = facts.Where(f => units.Contains(f.UnitId));
            var q = facts.Select(f => new Fact { Tag = tag, UnitId = f.UnitId, Num = f.Num, Den = f.Den });
            all = all is null ? q : all.Concat(q);
        }
        return all!;
    }

    static Actual ToActual(Computation c, long num, long den) => IsShare(c) ? Actual.Ratio(num, den) : new Actual(num);

}
