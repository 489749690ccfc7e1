using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Data;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.Indicators;

/// <summary>A row of the grouped query: the dated facts of one batch (<see cref="Tag"/>) and unit whose days fall in the same
/// periods, a period being the days between two consecutive window boundaries (-1: never).</summary>
public sealed class PeriodFact
{
    public int Tag { get; set; }
    public int UnitId { get; set; }
    public int On { get; set; }
    public int NumOn { get; set; }
    /// <summary>The numerator holds while a window's cut-off period is at most this (<see cref="DatedFact.NumUntil"/>); -1: always.</summary>
    public int Until { get; set; } = -1;
    public int Num { get; set; }
    public int Den { get; set; }
}

/// <summary>Many windows of the same computations from ONE grouped query (issue 14's cold cost: a trend, a projection and a
/// drill-down ask about twenty windows per figure). The facts of each batch (a computation, and for
/// <see cref="DatedShape.FromStart"/> a window start) are read once with their days (<see cref="DatedFacts"/>); SQL groups
/// them by unit and period, the periods cut by every window's start and end; each window is then a sum of periods in memory.
/// Plain SQL on SQLite and PostgreSQL, nothing kept between requests (the figure cache keeps the results), so a record saved
/// is in the next load.</summary>
public static class WindowSeries
{
    public sealed record Batch(Computation Computation, DatedShape Shape, DateOnly From, DateOnly Last, List<FigureKey> Keys);

    /// <summary>The fewest windows of a batch worth a grouped query of their own: a plan's results ask one or two windows per
    /// computation (this year's, last year's for a change) and stay in the one statement of the plan (issue 10, item 2).</summary>
    public const int MinWindows = 3;

    /// <summary>The keys of the computations <paramref name="handles"/> accepts that a series judged in memory folds (DocumentSeries,
    /// CommuneSeries, TrainedShareSeries): at least <see cref="MinWindows"/> windows of the same computation and plan; a plan's
    /// results, one or two windows, stay in its one statement.</summary>
    public static List<FigureKey> Foldable(IEnumerable<FigureKey> keys, Func<Computation, bool> handles) =>
        [.. keys.Where(k => handles(k.Computation) && k.From <= k.To && k.To < DateOnly.MaxValue)
            .GroupBy(k => (k.Computation, k.PlanId)).Where(g => g.Count() >= MinWindows).SelectMany(g => g)];

    /// <summary>The keys one grouped query answers better than a query per window (a batch of <see cref="MinWindows"/> or more), and the rest.</summary>
    public static (List<Batch> Batches, List<FigureKey> Others) Plan(IEnumerable<FigureKey> keys)
    {
        var batches = new List<Batch>();
        var rest = new List<FigureKey>();
        foreach (var g in keys.GroupBy(k => (k.Computation, Start: DatedFacts.ShapeOf(k.Computation) == DatedShape.FromStart ? k.From : DateOnly.MinValue)))
        {
            var shape = DatedFacts.ShapeOf(g.Key.Computation);
            var usable = g.Where(k => k.From <= k.To && k.To < DateOnly.MaxValue).ToList();
            if (shape is null || usable.Count < MinWindows) { rest.AddRange(g); continue; }
            rest.AddRange(g.Except(usable));
            batches.Add(new(g.Key.Computation, shape.Value, usable.Min(k => k.From), usable.Max(k => k.To), usable));
        }
        return (batches, rest);
    }

    /// <summary>Each key's numerator and denominator per recorded unit, as <see cref="IndicatorComputations.ComputeByUnit(IReadOnlyCollection{FigureKey}, int?, CancellationToken)"/>
    /// gives them window by window (a unit is listed when a record of it is in the window).</summary>
    public static async Task<Dictionary<FigureKey, Dictionary<int, (int Num, int Den)>>> ByUnit(PcmdDbContext db, List<Batch> batches, int? area,
        CancellationToken ct, DateOnly? today = null, int[]? units = null)
    {
        // The boundaries of every window: a day d is in period "number of boundaries ≤ d", so window [a, b] is the periods from
        // a's to (b + 1)'s, exclusive (from the first for a window from its batch's start). The day after each window's cut-off
        // (its end, or today if sooner) is one too, for the numerators that hold only until a day (DatedFact.NumUntil).
        var day = today ?? VietnamTime.Today(TimeProvider.System);
        var bounds = batches.SelectMany(b => b.Keys).SelectMany(k => new[] { k.From, k.To.AddDays(1), CutOff(k, day).AddDays(1) })
            .Distinct().Order().ToList();
        // With units: the facts of those units only (a figure brought up to date after a write changed them).
        IQueryable<DatedFact>[] parts = [.. batches.Select(b => DatedFacts.Facts(db, b.Computation, area, b.From, b.Last))
            .Select(q => units is null ? q : q.Where(f => units.Contains(f.UnitId)))];
        IQueryable<TaggedFact>? all = null;
        for (var i = 0; i < parts.Length; i++)
        {
            var tag = i;
            // Only some computations set a day until which their numerator holds; the others' facts leave it out of their
            // projection, so it is null here rather than read from a member they never set.
            var q = DatedFacts.HoldsUntil(batches[i].Computation)
                ? parts[i].Select(f => new TaggedFact { Tag = tag, UnitId = f.UnitId, Num = f.Num, Den = f.Den, On = f.On, NumOn = f.NumOn, NumUntil = f.NumUntil })
                : parts[i].Select(f => new TaggedFact { Tag = tag, UnitId = f.UnitId, Num = f.Num, Den = f.Den, On = f.On, NumOn = f.NumOn, NumUntil = null });
            all = all is null ? q : all.Concat(q);
        }
        // The union makes each fact's days columns of a subquery, so that a day computed by a subquery (an establishment's first
        // inspection) is computed once, not once per boundary; a single batch gets an empty partner for that.
        if (parts.Length == 1) all = all!.Concat(all!.Where(f => false).Select(f => new TaggedFact { Tag = -1, UnitId = f.UnitId, Num = f.Num, Den = f.Den, On = f.On, NumOn = f.NumOn, NumUntil = f.NumUntil }));
        var rows = await Grouped(all!, bounds, ct);
        var byTag = rows.ToLookup(r => r.Tag);
        var result = new Dictionary<FigureKey, Dictionary<int, (int Num, int Den)>>();
        for (var i = 0; i < batches.Count; i++)
        {
            var b = batches[i];
            var share = IndicatorComputations.IsShare(b.Computation);
            foreach (var k in b.Keys)
                result[k] = Fold(byTag[i], b.Shape == DatedShape.FromStart ? 0 : Period(bounds, k.From), Period(bounds, k.To.AddDays(1)), share,
                    Period(bounds, CutOff(k, day).AddDays(1)));
        }
        return result;
    }

    /// <summary>The facts summed per batch, unit and periods of their days.</summary>
    internal static Task<List<PeriodFact>> Grouped(IQueryable<TaggedFact> facts, List<DateOnly> bounds, CancellationToken ct) =>
        facts.Select(Periods(bounds))
            .GroupBy(p => new { p.Tag, p.UnitId, p.On, p.NumOn, p.Until })
            .Select(g => new PeriodFact { Tag = g.Key.Tag, UnitId = g.Key.UnitId, On = g.Key.On, NumOn = g.Key.NumOn, Until = g.Key.Until, Num = g.Sum(p => p.Num), Den = g.Sum(p => p.Den) })
            .ToListAsync(ct);

    /// <summary>The window of periods [<paramref name="lo"/>, <paramref name="hi"/>): a fact is in it when its day is (a share's
    /// denominator, a count's numerator), in the numerator when its numerator day is reached too and, for a numerator that holds
    /// only until a day, the window's cut-off (<paramref name="cut"/>: the period after it; the window's end by default) has not
    /// passed that day.</summary>
    public static Dictionary<int, (int Num, int Den)> Fold(IEnumerable<PeriodFact> rows, int lo, int hi, bool share, int? cut = null)
    {
        var result = new Dictionary<int, (int Num, int Den)>();
        var until = cut ?? hi;
        foreach (var r in rows)
        {
            var inWindow = r.On >= lo && r.On < hi;
            var inNum = inWindow && r.NumOn >= 0 && Math.Max(r.On, r.NumOn) < hi && (r.Until < 0 || r.Until >= until);
            if (!(share ? inWindow : inNum)) continue;
            var v = result.GetValueOrDefault(r.UnitId);
            result[r.UnitId] = (v.Num + (inNum ? r.Num : 0), v.Den + (inWindow ? r.Den : 0));
        }
        return result;
    }

    /// <summary>The day a window is judged on: its end, or today while it runs (a tip's next deadline is overdue only once passed).</summary>
    static DateOnly CutOff(FigureKey k, DateOnly today) => k.To < today ? k.To : today;

    /// <summary>The period a day falls in: the number of boundaries on or before it.</summary>
    internal static int Period(List<DateOnly> bounds, DateOnly day)
    {
        var i = bounds.BinarySearch(day);
        return i >= 0 ? i + 1 : ~i;
    }

    /// <summary>The facts with their days turned into periods, in SQL: CASE WHEN day &lt; b0 THEN 0 WHEN day &lt; b1 THEN 1 … END.</summary>
    static Expression<Func<TaggedFact, PeriodFact>> Periods(List<DateOnly> bounds)
    {
        var f = Expression.Parameter(typeof(TaggedFact), "f");
        MemberAssignment Set(string name, Expression value) => Expression.Bind(typeof(PeriodFact).GetProperty(name)!, value);
        Expression Of(string name) => Expression.Property(f, name);
        return Expression.Lambda<Func<TaggedFact, PeriodFact>>(Expression.MemberInit(Expression.New(typeof(PeriodFact)),
            Set(nameof(PeriodFact.Tag), Of(nameof(TaggedFact.Tag))),
            Set(nameof(PeriodFact.UnitId), Of(nameof(TaggedFact.UnitId))),
            Set(nameof(PeriodFact.Num), Of(nameof(TaggedFact.Num))),
            Set(nameof(PeriodFact.Den), Of(nameof(TaggedFact.Den))),
            Set(nameof(PeriodFact.On), PeriodOf(Of(nameof(TaggedFact.On)), bounds)),
            Set(nameof(PeriodFact.NumOn), PeriodOf(Of(nameof(TaggedFact.NumOn)), bounds)),
            // The period of the day after: "the window's cut-off is on or before NumUntil" is "its period is at most this".
            Set(nameof(PeriodFact.Until), PeriodOf(Of(nameof(TaggedFact.NumUntil)), [.. bounds.Select(b => b.AddDays(-1))]))), f);
    }

    static Expression PeriodOf(Expression day, List<DateOnly> bounds)
    {
        Expression e = Expression.Constant(bounds.Count);
        for (var i = bounds.Count - 1; i >= 0; i--)
            e = Expression.Condition(Expression.LessThan(day, Expression.Constant((DateOnly?)bounds[i], typeof(DateOnly?))), Expression.Constant(i), e);
        return Expression.Condition(Expression.Equal(day, Expression.Constant(null, typeof(DateOnly?))), Expression.Constant(-1), e);
    }

    public sealed class TaggedFact
    {
        public int Tag { get; set; }
        public int UnitId { get; set; }
        public int Num { get; set; }
        public int Den { get; set; }
        public DateOnly? On { get; set; }
        public DateOnly? NumOn { get; set; }
        public DateOnly? NumUntil { get; set; }
    }
}
