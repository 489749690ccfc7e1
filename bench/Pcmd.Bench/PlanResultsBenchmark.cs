using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Indicators;
using Pcmd.Web.Features.Plans;
using Pcmd.Web.Security;

namespace Pcmd.Bench;

/// <summary>Issue 10, item 2: a plan's results with all ten measurable indicators of hn-2026-2030 bound, computed one query
/// per figure (before) and in one pass (after), interleaved in one run, each run a new DI scope as a request has.
/// The city: the Hà Nội plan as its coordinator reads it. The country: a copy of the plan issued by the country unit (made
/// here, in the benchmark's database only), as the administrator reads it, so that its area is every unit.</summary>
public static class PlanResultsBenchmark
{
    const string CountryKey = "vn-2026-2030-bench";
    const string Heading = "## Plan results in one pass (issue 10)";

    /// <summary>Only 3.2.2 has a computation of its own (the demo binds it). The other nine are bound to PLACEHOLDERS of the
    /// right shape (a share for a share, a count for a count) in the benchmark's database only: the plan's results then run
    /// ten aggregates, as they will when the other issues add tips, training and communication.</summary>
    static readonly (string Number, Computation Computation)[] Bindings =
    [
        ("3.1.1", Computation.CommitmentShare), ("3.1.2", Computation.HighRiskInspectedShare), ("3.1.3", Computation.InspectedShare),
        ("3.1.4", Computation.CommitmentShare), ("3.1.5.a", Computation.InspectionCount), ("3.1.5.b", Computation.HighRiskInspectedShare),
        ("3.2.1", Computation.CommitmentShare), ("3.2.2", Computation.InspectedShare), ("3.2.3.a", Computation.HighRiskInspectedShare),
        ("3.2.3.b", Computation.InspectedShare),
    ];

    public static async Task<int> Run(Args o)
    {
        var connection = o.Connection;
        var runs = o.Int("runs", 20);
        var warmups = o.Int("warmups", 3);
        var loadAtStart = BenchHost.LoadAverage();
        await using var host = await BenchHost.OpenPostgres(connection);
        // Before and after compare the SQL of the two paths: nothing may come from the figure cache (see figure-cache for it).
        host.Services.GetRequiredService<FigureCache>().Enabled = false;
        var progress = new SyncProgress(m => Console.WriteLine(m));

        int cityPlan, countryPlan;
        string dataLine;
        using (var scope = host.Services.CreateScope())
        {
            var sp = scope.ServiceProvider;
            cityPlan = await ReportingData.EnsureDemoPlans(sp, progress);
            countryPlan = await CountryCopy(sp, cityPlan);
            var db = sp.GetRequiredService<PcmdDbContext>();
            dataLine = $"{await db.Establishments.CountAsync():N0} establishments, {await db.Inspections.CountAsync():N0} inspections, " +
                $"{await db.Hotspots.CountAsync():N0} hotspots, {await db.OrgUnits.CountAsync():N0} units";
        }
        foreach (var plan in new[] { cityPlan, countryPlan }) await Bind(host, plan);
        Console.WriteLine(dataLine);
        var coordinator = await ReportingData.CoordinatorScope(host);
        var admin = await ReportingData.ScopeOf(host, "admin");

        var rows = new List<string>();
        foreach (var (label, scope, plan, target) in new[]
        {
            ($"city: hn-2026-2030 as the coordinator ({ReportingData.Coordinator})", coordinator, cityPlan, 50.0),
            ("country: the copy issued by the country unit, as the administrator", admin, countryPlan, 1000.0),
        })
        {
            var m = await Measure(host, scope, plan, warmups, runs);
            var keys = await Keys(host, plan, warmups, runs);
            var line = $"| {label} | ≤ {Ms(target)} | before (one query per figure): p50 {Ms(m.Before.P50)}, p95 {Ms(m.Before.P95)}; " +
                $"**after (one statement): p50 {Ms(m.After.P50)}**, p95 {Ms(m.After.P95)}; {m.Bound} bound indicators, {m.Keys} distinct (computation, window); " +
                $"figures alone over the plan's area: one query per (computation, window) {Ms(keys.PerKey)}, one UNION ALL {Ms(keys.OneStatement)} | " +
                $"{(m.After.P50 <= target ? "met" : "**missed**")} |";
            Console.WriteLine(line);
            rows.Add(line);
        }

        var sb = new StringBuilder();
        sb.AppendLine(Heading);
        sb.AppendLine();
        sb.AppendLine($"- when: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; load average (1 min) at the start and the end: {loadAtStart} → {BenchHost.LoadAverage()} " +
            "(the machine is shared with other sessions: every figure is slowed by them)");
        sb.AppendLine($"- data set: {dataLine}; year: the default (this year, clamped to the period)");
        var args = string.Join(" ", Environment.GetCommandLineArgs().Skip(1)).Replace(connection, "<connection>", StringComparison.Ordinal);
        sb.AppendLine($"- command: `dotnet run -c Release --project bench/Pcmd.Bench -- plan-results` (arguments `{args}`); `IndicatorResultsService.ForPlan`, " +
            $"medians (p50) and p95 of {runs} after {warmups} warm-ups, before and after interleaved, a new DI scope per call; the answers of both are checked equal");
        sb.AppendLine("- bindings: 3.2.2 → inspectedShare (its own); the nine others are **placeholders** bound in the benchmark only: " +
            string.Join(", ", Bindings.Where(b => b.Number != "3.2.2").Select(b => $"{b.Number} → {b.Computation}")));
        sb.AppendLine();
        sb.AppendLine("| plan's results | target (p50) | measured | |");
        sb.AppendLine("|---|---|---|---|");
        foreach (var r in rows) sb.AppendLine(r);
        var markdown = sb.ToString();
        Console.WriteLine();
        Console.WriteLine(markdown);
        var output = o.Get("out") ?? Path.Combine(BenchHost.RepoRoot(), "bench", "results", "latest.md");
        await AppendSection(output, markdown);
        Console.WriteLine($"Appended to {output}");
        return 0;
    }

    sealed record Times(double P50, double P95);
    sealed record Measured(Times Before, Times After, int Bound, int Keys);

    static async Task<Measured> Measure(BenchHost host, UserScope user, int planId, int warmups, int runs)
    {
        var before = new List<double>();
        var after = new List<double>();
        string? a = null, b = null;
        var bound = 0;
        for (var i = 0; i < warmups + runs; i++)
            foreach (var perFigure in new[] { true, false })
            {
                using var scope = host.Services.CreateScope();
                var sp = scope.ServiceProvider;
                sp.GetRequiredService<IndicatorFigures>().OneQueryPerFigure = perFigure;
                var clock = Stopwatch.StartNew();
                var results = await sp.GetRequiredService<IndicatorResultsService>().ForPlan(user, planId, null, null);
                var ms = clock.Elapsed.TotalMilliseconds;
                if (i >= warmups) (perFigure ? before : after).Add(ms);
                var json = JsonSerializer.Serialize(results);
                if (perFigure) b = json; else a = json;
                bound = results.Indicators.Count(r => r.Computation is not null);
            }
        if (a != b) throw new InvalidOperationException("The plan's results differ between one query per figure and one pass.");
        if (bound < Bindings.Length) throw new InvalidOperationException($"Only {bound} indicators are bound.");
        var keys = await DistinctKeys(host, planId);
        return new Measured(new Times(Median(before), P95(before)), new Times(Median(after), P95(after)), bound, keys.Keys.Count);
    }

    /// <summary>The figures alone over the plan's area: one query per (computation, window) against one UNION ALL statement.</summary>
    static async Task<(double PerKey, double OneStatement)> Keys(BenchHost host, int planId, int warmups, int runs)
    {
        var (keys, unit) = await DistinctKeys(host, planId);
        var perKey = new List<double>();
        var one = new List<double>();
        for (var i = 0; i < warmups + runs; i++)
        {
            using var scope = host.Services.CreateScope();
            var sp = scope.ServiceProvider;
            var computations = sp.GetRequiredService<IndicatorComputations>();
            var area = await sp.GetRequiredService<IndicatorAreas>().ForQuery(unit);
            var clock = Stopwatch.StartNew();
            var separate = new Dictionary<FigureKey, Pcmd.Web.Features.Targets.Actual>();
            foreach (var k in keys) separate[k] = await computations.Compute(k.Computation, area, k.From, k.To);
            var t1 = clock.Elapsed.TotalMilliseconds;
            var together = await computations.Compute(keys, area);
            var t2 = clock.Elapsed.TotalMilliseconds;
            if (i >= warmups) { perKey.Add(t1); one.Add(t2 - t1); }
            if (keys.Any(k => separate[k] != together[k])) throw new InvalidOperationException("The UNION ALL and the separate queries disagree.");
        }
        return (Median(perKey), Median(one));
    }

    static async Task<(List<FigureKey> Keys, int Unit)> DistinctKeys(BenchHost host, int planId)
    {
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PcmdDbContext>();
        var plan = await db.Plans.AsNoTracking().SingleAsync(p => p.Id == planId);
        var year = Math.Clamp(DateTime.Today.Year, plan.PeriodFrom, plan.PeriodTo);
        var bound = await db.IndicatorBindings.AsNoTracking().Where(b => db.Indicators.Any(i => i.Id == b.IndicatorId && i.PlanId == planId))
            .Select(b => new { b.Computation, b.Indicator!.Window }).ToListAsync();
        var keys = bound.Select(b => MeasureWindow.For(b.Window, plan.PeriodFrom, year) is var w ? new FigureKey(b.Computation, w.From, w.To) : default)
            .Distinct().ToList();
        return (keys, plan.IssuingUnitId);
    }

    /// <summary>The Hà Nội plan copied as a plan of the country unit (key <see cref="CountryKey"/>), once.</summary>
    internal static async Task<int> CountryCopy(IServiceProvider sp, int cityPlan)
    {
        var db = sp.GetRequiredService<PcmdDbContext>();
        if (await db.Plans.Where(p => p.Key == CountryKey).Select(p => (int?)p.Id).SingleOrDefaultAsync() is { } id) return id;
        var plans = sp.GetRequiredService<PlanService>();
        var doc = await plans.Export(UserScope.System, cityPlan);
        doc.Plan!.Key = CountryKey;
        doc.Plan.IssuingUnit = "VN";
        doc.Plan.ParentKey = null;
        doc.Plan.Title = "(benchmark) " + doc.Plan.Title;
        return (await plans.Import(UserScope.System, doc)).Id;
    }

    static async Task Bind(BenchHost host, int planId)
    {
        using var scope = host.Services.CreateScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<PcmdDbContext>();
        var indicators = await db.Indicators.AsNoTracking().Where(i => i.PlanId == planId).ToDictionaryAsync(i => i.Number);
        var bound = await db.IndicatorBindings.AsNoTracking().Where(b => db.Indicators.Any(i => i.Id == b.IndicatorId && i.PlanId == planId))
            .ToDictionaryAsync(b => b.IndicatorId, b => b.Computation);
        var service = sp.GetRequiredService<IndicatorBindingService>();
        foreach (var (number, computation) in Bindings)
        {
            var indicator = indicators.GetValueOrDefault(number) ?? throw new InvalidOperationException($"The plan has no indicator {number}.");
            if (bound.TryGetValue(indicator.Id, out var c) && c == computation) continue;
            await service.Bind(UserScope.System, indicator.Id, new BindingInput(computation.ToString(), null), null);
        }
    }

    /// <summary>After the other sections of the file, replacing an earlier one of its kind.</summary>
    internal static async Task AppendSection(string path, string section, string heading = Heading)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var text = File.Exists(path) ? await File.ReadAllTextAsync(path) : "# Benchmark results\n";
        var at = text.IndexOf(heading, StringComparison.Ordinal);
        if (at >= 0)
        {
            var next = text.IndexOf("\n## ", at + heading.Length, StringComparison.Ordinal);
            text = text[..at] + (next >= 0 ? text[(next + 1)..] : "");
        }
        await File.WriteAllTextAsync(path, text.TrimEnd() + "\n\n" + section);
    }

    static string Ms(double ms) => ReportingBenchmark.Ms(ms);
    static double Median(List<double> xs) => Benchmarks.Median(xs);
    static double P95(List<double> xs) => ReportingBenchmark.P95(xs);
}
