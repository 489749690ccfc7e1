using Pcmd.Web.Features.Targets;

namespace Pcmd.Web.Features.Indicators;

/// <summary>One figure asked of a pass: what it counts, in the area of which unit.</summary>
public readonly record struct FigureRequest(FigureKey Key, int UnitId);

/// <summary>The figures of many indicators in one pass (issue 10): every (computation, window) asked goes into one SQL
/// statement, so a plan's results, a report's pre-filled figures and a drill-down cost one query whatever the number of
/// bound indicators. Over one area the statement sums each figure; over several (indicators bound to different units)
/// it sums the facts per unit over an area holding them all, added up into each area in memory (areas are in memory).
/// The area enters only through <see cref="IndicatorAreas.ForQuery"/>.</summary>
public sealed class IndicatorFigures(IndicatorComputations computations, IndicatorAreas areas)
{
    /// <summary>Each figure by a query of its own, as before issue 10: kept for the tests and the benchmark to compare the
    /// pass with. Nothing in the app sets it.</summary>
    public bool OneQueryPerFigure { get; set; }

    /// <param name="asked">The figures; the same one may be asked twice.</param>
    /// <param name="within">A unit whose area holds every unit asked (the plan's issuing unit): the query's area when the
    /// units differ. A unit outside it (a binding left behind by a change of the tree) makes the query country-wide, still right.</param>
    public async Task<Dictionary<FigureRequest, Actual>> Compute(IReadOnlyCollection<FigureRequest> asked, int within, CancellationToken ct = default)
    {
        var result = new Dictionary<FigureRequest, Actual>();
        if (asked.Count == 0) return result;
        if (OneQueryPerFigure)
        {
            foreach (var r in asked)
                result[r] = await computations.Compute(r.Key.Computation, await areas.ForQuery(r.UnitId), r.Key.From, r.Key.To, ct);
            return result;
        }
        var keys = asked.Select(r => r.Key).Distinct().ToList();
        var units = asked.Select(r => r.UnitId).Distinct().ToList();
        if (units.Count == 1)
        {
            var totals = await computations.Compute(keys, await areas.ForQuery(units[0]), ct);
            foreach (var r in asked) result[r] = totals[r.Key];
            return result;
        }
        var outer = await areas.Area(within);
        var byUnit = await computations.ComputeByUnit(keys, units.All(outer.Contains) ? await areas.ForQuery(within) : null, ct);
        var areaOf = new Dictionary<int, HashSet<int>>();
        foreach (var u in units) areaOf[u] = await areas.Area(u);
        foreach (var r in asked) result[r] = IndicatorComputations.Sum(r.Key.Computation, byUnit[r.Key], areaOf[r.UnitId]);
        return result;
    }

    /// <summary>The figures per recorded unit over the area of <paramref name="unitId"/>, for the drill-down (a change target
    /// asks this year's window and last year's together).</summary>
    public async Task<Dictionary<FigureKey, Dictionary<int, (int Num, int Den)>>> ByUnit(IReadOnlyCollection<FigureKey> keys, int unitId,
        CancellationToken ct = default)
    {
        var area = await areas.ForQuery(unitId);
        if (!OneQueryPerFigure) return await computations.ComputeByUnit(keys, area, ct);
        var result = new Dictionary<FigureKey, Dictionary<int, (int Num, int Den)>>();
        foreach (var k in keys) result[k] = await computations.ComputeByUnit(k.Computation, area, k.From, k.To, ct);
        return result;
    }
}
