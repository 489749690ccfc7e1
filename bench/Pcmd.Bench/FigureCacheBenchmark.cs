using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Indicators;
using Pcmd.Web.Features.Monitoring;
using Pcmd.Web.Security;

namespace Pcmd.Bench;

/// <summary>Issues 10 (item 2) and 14 (speed): the pages that read figures, each measured side by side in one run COLD (the
/// figure cache emptied before every call), FIRST AFTER A WRITE (one inspection changed and saved before every call: the
/// figures reading inspections are recomputed, the others come from the cache) and WARM (the same call again). Server time
/// of the service a request calls, a new DI scope per call. The demo binds nine of the ten indicators of hn-2026-2030;
/// 3.1.1 is bound here (benchmark's database only) to communePlanShare, its own computation, so that all ten are.
/// With --country: the plan's results only, the city's and those of a copy of the plan issued by the country unit, as the administrator.</summary>
public static class FigureCacheBenchmark
{
    const string Heading = "## Figure cache: cold, after a write, warm (issues 10 and 14)";

    sealed record Case(string Label, string Target, double Limit, bool P95, Func<IServiceProvider, Task<object>> Call);
    sealed record Times(double P50, double P95);

    static bool perWindow;
    static bool patching = true;

    public static async Task<int> Run(Args o)
    {
        var connection = o.Connection;
        var runs = o.Int("runs", 20);
        var coldRuns = o.Int("cold-runs", 5);
        var country = o.Has("country");
        // --per-window: each figure by a query per window, as before the grouped series (WindowSeries), to compare in one build.
        perWindow = o.Has("per-window");
        // --beside-whole: each case measured twice side by side, its figures made stale by a write brought up to date unit by
        // unit (FigureChanges) and, on the row after, computed afresh over the whole area as before.
        var besideWhole = o.Has("beside-whole");
        var load = BenchHost.LoadAverage();
        await using var host = await BenchHost.OpenPostgres(connection);
        var progress = new SyncProgress(m => Console.WriteLine(m));
        int cityPlan, countryPlan = 0, drill;
        string dataLine;
        using (var scope = host.Services.CreateScope())
        {
            var sp = scope.ServiceProvider;
            cityPlan = await ReportingData.EnsureDemoPlans(sp, progress);
            await BindAll(sp, cityPlan, cityPlan);
            if (country)
            {
                countryPlan = await PlanResultsBenchmark.CountryCopy(sp, cityPlan);
                await BindAll(sp, countryPlan, cityPlan);
            }
            var db = sp.GetRequiredService<PcmdDbContext>();
            drill = await db.Indicators.Where(i => i.PlanId == cityPlan && i.Number == "3.2.2").Select(i => i.Id).SingleAsync();
            dataLine = $"{await db.Establishments.CountAsync():N0} establishments, {await db.Inspections.CountAsync():N0} inspections, " +
                $"{await db.Tips.CountAsync():N0} tips, {await db.CommunicationEvents.CountAsync():N0} communication events, {await db.OrgUnits.CountAsync():N0} units";
        }
        Console.WriteLine(dataLine);
        var coordinator = await ReportingData.CoordinatorScope(host);
        var leader = await ReportingData.ScopeOf(host, "lanhdao");
        var admin = await ReportingData.ScopeOf(host, "admin");

        List<Case> cases =
        [
            new("plan's results, hn-2026-2030, coordinator", "issue 10: p50 ≤ 50 ms", 50, false,
                async sp => await sp.GetRequiredService<IndicatorResultsService>().ForPlan(coordinator, cityPlan, null, null)),
            new("plan's dashboard, hn-2026-2030, leader", "issue 14: p95 ≤ 300 ms", 300, true,
                async sp => await sp.GetRequiredService<DashboardService>().ForPlan(leader, cityPlan, null, null)),
            new("drill-down of 3.2.2 over the communes, leader", "issue 14: p95 ≤ 200 ms", 200, true,
                async sp => await sp.GetRequiredService<DashboardService>().ForIndicator(leader, drill, null, null, null)),
            new("home, leader (lanhdao)", "issue 14: p95 ≤ 300 ms", 300, true,
                async sp => await sp.GetRequiredService<HomeService>().For(leader)),
            new("home, coordinator (dieuphoi)", "issue 14: p95 ≤ 300 ms", 300, true,
                async sp => await sp.GetRequiredService<HomeService>().For(coordinator)),
            // The soak signs in as the administrator first: its home must answer well within the 30 s request timeout.
            new("home, administrator (admin)", "soak: well under 30 s", 30_000, true,
                async sp => await sp.GetRequiredService<HomeService>().For(admin)),
        ];
        // On the country data set: the plan's results of issue 10, item 2 (the city's and the country copy's) and the country
        // dashboard of issue 14; the other pages of issue 14 are measured on the city data set.
        if (country)
            cases = [cases[0], new("plan's results, country copy, administrator", "issue 10: p50 ≤ 1 s", 1000, false,
                async sp => await sp.GetRequiredService<IndicatorResultsService>().ForPlan(admin, countryPlan, null, null)),
                new("plan's dashboard, country copy, administrator", "issue 14: ≤ 1.5 s", 1500, true,
                async sp => await sp.GetRequiredService<DashboardService>().ForPlan(admin, countryPlan, null, null))];

        // --only <words>: the cases whose label holds them (one page profiled alone).
        if (o.Get("only") is { } only) cases = cases.Where(c => c.Label.Contains(only, StringComparison.OrdinalIgnoreCase)).ToList();
        var cache = host.Services.GetRequiredService<FigureCache>();
        var rows = new List<string>();
        foreach (var c in cases)
        {
            Console.WriteLine($"{c.Label}…");
            try
            {
                patching = true;
                rows.Add(await Measure(host, cache, c, coldRuns, runs));
                if (besideWhole)
                {
                    patching = false;
                    rows.Add(await Measure(host, cache, c with { Label = c.Label + " — recomputed whole" }, coldRuns, runs));
                    patching = true;
                }
            }
            catch (Exception e) when (e is InvalidOperationException or TimeoutException or Npgsql.NpgsqlException)
            {
                // A call past the 30 s command timeout is a result, not the end of the run.
                var line = $"| {c.Label} | {c.Target} | failed: {e.GetBaseException().Message.Split('\n')[0]} | | | **missed** |";
                Console.WriteLine(line);
                rows.Add(line);
            }
        }
        return await Report(o, connection, country, load, dataLine, coldRuns, runs, rows);
    }

    static async Task<string> Measure(BenchHost host, FigureCache cache, Case c, int coldRuns, int runs)
    {
        {
            var cold = new List<double>();
            var written = new List<double>();
            var warm = new List<double>();
            string? coldJson = null, warmJson = null;
            for (var i = 0; i < coldRuns; i++)
            {
                cache.Clear();
                cold.Add((await Time(host, c)).Ms);
                await Write(host);
                var (ms, json) = await Time(host, c);
                written.Add(ms);
                coldJson = json;
            }
            for (var i = 0; i < runs + 2; i++)
            {
                var (ms, json) = await Time(host, c);
                if (i >= 2) warm.Add(ms);
                warmJson = json;
            }
            if (coldJson != warmJson) throw new InvalidOperationException($"{c.Label}: the warm answer differs from the cold one.");
            var (tc, tw, tr) = (Of(cold), Of(written), Of(warm));
            var measured = c.P95 ? tr.P95 : tr.P50;
            var coldMeasured = c.P95 ? tc.P95 : tc.P50;
            var line = $"| {c.Label} | {c.Target} | {Ms(tc.P50)} ({Ms(tc.P95)}) | {Ms(tw.P50)} ({Ms(tw.P95)}) | **{Ms(tr.P50)}** ({Ms(tr.P95)}) | " +
                $"warm: {(measured <= c.Limit ? "met" : "**missed**")}; cold: {(coldMeasured <= c.Limit ? "met" : "**missed**")} |";
            Console.WriteLine(line);
            return line;
        }
    }

    static async Task<int> Report(Args o, string connection, bool country, string load, string dataLine, int coldRuns, int runs, List<string> rows)
    {
        var sb = new StringBuilder();
        sb.AppendLine(Heading + (country ? " — country data set" : "") + (perWindow ? " — a query per window (before the grouped series)" : ""));
        sb.AppendLine();
        sb.AppendLine($"- when: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; load average at the start and the end: {load} → {BenchHost.LoadAverage()} " +
            $"(2 cores){(o.Get("beside") is { } b ? $"; beside it: {b}" : "")}");
        sb.AppendLine($"- data set: {dataLine}; year: this year");
        var args = string.Join(" ", Environment.GetCommandLineArgs().Skip(1)).Replace(connection, "<connection>", StringComparison.Ordinal);
        sb.AppendLine($"- command: `dotnet run --project bench/Pcmd.Bench -- figure-cache` (arguments `{args}`); p50 (p95) of {coldRuns} cold and " +
            $"{coldRuns} after-a-write calls, and {runs} warm calls after 2; cold and warm answers checked equal");
        sb.AppendLine();
        sb.AppendLine("| call | target | cold | first after a write | warm | |");
        sb.AppendLine("|---|---|---:|---:|---:|---|");
        foreach (var r in rows) sb.AppendLine(r);
        var markdown = sb.ToString();
        Console.WriteLine();
        Console.WriteLine(markdown);
        var output = o.Get("out") ?? Path.Combine(BenchHost.RepoRoot(), "bench", "results", "latest.md");
        await PlanResultsBenchmark.AppendSection(output, markdown, sb.ToString().Split('\n')[0]);
        Console.WriteLine($"Appended to {output}");
        return 0;
    }

    static async Task<(double Ms, string Json)> Time(BenchHost host, Case c)
    {
        using var scope = host.Services.CreateScope();
        var computations = scope.ServiceProvider.GetRequiredService<IndicatorComputations>();
        computations.PerWindow = perWindow;
        computations.Patching = patching;
        var clock = Stopwatch.StartNew();
        var result = await c.Call(scope.ServiceProvider);
        var ms = clock.Elapsed.TotalMilliseconds;
        return (ms, JsonSerializer.Serialize(result));
    }

    /// <summary>One inspection's findings changed and saved, as an edit through the app does: the inspections' generation moves.</summary>
    static async Task Write(BenchHost host)
    {
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PcmdDbContext>();
        var inspection = await db.Inspections.OrderBy(i => i.Id).FirstAsync();
        inspection.Findings = inspection.Findings == "Không phát hiện vi phạm." ? "Không phát hiện vi phạm (kiểm tra lại)." : "Không phát hiện vi phạm.";
        await db.SaveChangesAsync();
    }

    /// <summary>The bindings of <paramref name="from"/> (the demo's nine) on <paramref name="planId"/>, and 3.1.1 to its own computation.</summary>
    static async Task BindAll(IServiceProvider sp, int planId, int from)
    {
        var db = sp.GetRequiredService<PcmdDbContext>();
        var wanted = await db.IndicatorBindings.AsNoTracking().Where(b => db.Indicators.Any(i => i.Id == b.IndicatorId && i.PlanId == from))
            .Select(b => new { b.Indicator!.Number, b.Computation }).ToDictionaryAsync(b => b.Number, b => b.Computation);
        wanted.TryAdd("3.1.1", Computation.CommunePlanShare);
        var indicators = await db.Indicators.AsNoTracking().Where(i => i.PlanId == planId).ToDictionaryAsync(i => i.Number, i => i.Id);
        var bound = await db.IndicatorBindings.AsNoTracking().Where(b => db.Indicators.Any(i => i.Id == b.IndicatorId && i.PlanId == planId))
            .ToDictionaryAsync(b => b.IndicatorId, b => b.Computation);
        var service = sp.GetRequiredService<IndicatorBindingService>();
        foreach (var (number, computation) in wanted)
            if (indicators.TryGetValue(number, out var id) && !(bound.TryGetValue(id, out var c) && c == computation))
                await service.Bind(UserScope.System, id, new BindingInput(computation.ToString(), null), null);
    }

    static Times Of(List<double> xs) => new(Benchmarks.Median(xs), ReportingBenchmark.P95(xs));
    static string Ms(double ms) => ReportingBenchmark.Ms(ms);
}
