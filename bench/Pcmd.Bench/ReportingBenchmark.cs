using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Reporting;
using Pcmd.Web.Security;

namespace Pcmd.Bench;

/// <summary>The speed targets of issue 4, on PostgreSQL with the city data set and every unit's six-monthly report of
/// 2026 accepted (<see cref="ReportingData"/>): (d) the consolidated report end to end — the form with the indicator
/// roll-up and the gathered narratives, its .docx and the period's .xlsx, as the coordinator opens and downloads them
/// (≤ 3 s); (e) the units × reports matrix of the period (≤ 200 ms). Each run takes a new DI scope (a new DbContext),
/// as a request does, and the coordinator's scope. Appends its table to bench/results/latest.md.</summary>
public static class ReportingBenchmark
{
    static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static async Task<int> Run(Args o)
    {
        var connection = o.Connection;
        var runs = o.Int("runs", 20);
        var warmups = o.Int("warmups", 3);
        var loadAtStart = BenchHost.LoadAverage();
        await using var host = await BenchHost.OpenPostgres(connection);
        var progress = new SyncProgress(m => Console.WriteLine(m));
        var data = await ReportingData.Ensure(host, progress);
        Console.WriteLine($"{data.PeriodTitle}: {data.Units} unit reports accepted ({data.Communes} communes, {data.Agencies} agencies); " +
            $"{data.FilledNow} filled now; ready in {data.Took.TotalSeconds:0.0} s");
        var (dataLine, postgres) = await Describe(host);
        Console.WriteLine(dataLine);
        var coordinator = await ReportingData.CoordinatorScope(host);

        var form = new List<double>();
        var docx = new List<double>();
        var xlsx = new List<double>();
        var total = new List<double>();
        Outcome last = default!;
        for (var i = 0; i < warmups + runs; i++)
        {
            using var scope = host.Services.CreateScope();
            var sp = scope.ServiceProvider;
            var clock = Stopwatch.StartNew();
            var f = await sp.GetRequiredService<ReportFormService>().Get(coordinator, data.ConsolidatedId);
            var t1 = clock.Elapsed.TotalMilliseconds;
            var (d, _) = await sp.GetRequiredService<ReportDocuments>().Docx(coordinator, data.ConsolidatedId, CancellationToken.None, withUnits: true);
            var t2 = clock.Elapsed.TotalMilliseconds;
            var (x, _) = await sp.GetRequiredService<ReportDocuments>().Xlsx(coordinator, data.PeriodId, CancellationToken.None);
            var t3 = clock.Elapsed.TotalMilliseconds;
            if (i >= warmups) { form.Add(t1); docx.Add(t2 - t1); xlsx.Add(t3 - t2); total.Add(t3); }
            last = new Outcome(f.Indicators.Count, f.Indicators.Count == 0 ? 0 : f.Indicators.Max(v => v.UnitsCounted),
                f.Tasks.Sum(t => t.Gathered.Count), d.Length, x.Length);
        }
        if (last.MaxUnitsCounted == 0 || last.Narratives == 0)
            throw new InvalidOperationException("The consolidated report added up nothing: the unit reports are not accepted.");
        Console.WriteLine($"(d) consolidated report: median {Median(total):0} ms, p95 {P95(total):0} ms (form {Median(form):0}, .docx {Median(docx):0}, " +
            $".xlsx {Median(xlsx):0}); {last.Indicators} indicators, up to {last.MaxUnitsCounted} units per indicator, {last.Narratives} narratives");

        var matrix = new List<double>();
        var units = 0;
        for (var i = 0; i < warmups + runs; i++)
        {
            using var scope = host.Services.CreateScope();
            var clock = Stopwatch.StartNew();
            var m = await scope.ServiceProvider.GetRequiredService<ConsolidationService>().Matrix(coordinator, data.PlanId, data.PeriodId, CancellationToken.None);
            if (i >= warmups) matrix.Add(clock.Elapsed.TotalMilliseconds);
            units = m.Units.Count;
        }
        if (units != data.Units) throw new InvalidOperationException($"The matrix shows {units} units, the period has {data.Units}.");
        Console.WriteLine($"(e) matrix: median {Median(matrix):0.0} ms, p95 {P95(matrix):0.0} ms; {units} units");

        var sb = new StringBuilder();
        sb.AppendLine(Heading);
        sb.AppendLine();
        sb.AppendLine($"- when: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        sb.AppendLine($"- machine: {Environment.ProcessorCount} cores, {MemoryGb():0} GB, {RuntimeInformation.OSDescription}; {RuntimeInformation.FrameworkDescription}, server GC");
        sb.AppendLine($"- database: {postgres} (the throw-away cluster of scripts/pg-cluster.sh: fsync off, TCP on 127.0.0.1)");
        sb.AppendLine($"- load average (1 min) at the start and the end: {loadAtStart} → {BenchHost.LoadAverage()} (other processes on the machine slow every figure down)");
        sb.AppendLine($"- data set: {dataLine}; {data.PeriodTitle} of `{ReportingData.PlanKey}`: {data.Units} unit reports, all accepted " +
            $"({data.Communes} communes, {data.Agencies} agencies), filled through ReportDraftService → ReportWorkflow.Submit → Accept");
        var args = string.Join(" ", Environment.GetCommandLineArgs().Skip(1)).Replace(connection, "<connection>", StringComparison.Ordinal);
        sb.AppendLine($"- command: `dotnet run -c Release --project bench/Pcmd.Bench -- reporting` (arguments `{args}`); as the coordinator ({ReportingData.Coordinator}), a new DbContext per run");
        sb.AppendLine();
        sb.AppendLine("| benchmark | target | measured | |");
        sb.AppendLine("|---|---|---|---|");
        sb.AppendLine($"| (d) the consolidated report end to end: `ReportFormService.Get` (indicator roll-up, narratives) + `ReportDocuments.Docx` + `ReportDocuments.Xlsx` | ≤ 3 s | " +
            $"median {Ms(Median(total))}, p95 {Ms(P95(total))} of {runs} after {warmups} warm-ups (medians: form {Ms(Median(form))}, .docx {Ms(Median(docx))}, " +
            $".xlsx {Ms(Median(xlsx))}); {last.Indicators} indicators, up to {last.MaxUnitsCounted} units per indicator, {last.Narratives} narratives; " +
            $".docx {last.DocxBytes / 1024:N0} KB, .xlsx {last.XlsxBytes / 1024:N0} KB | {Verdict(P95(total) <= 3000)} |");
        sb.AppendLine($"| (e) the units × reports matrix of the period: `ConsolidationService.Matrix` | ≤ 200 ms | median {Ms(Median(matrix))}, p95 {Ms(P95(matrix))} " +
            $"of {runs} after {warmups} warm-ups; {units} units | {Verdict(P95(matrix) <= 200)} |");
        var markdown = sb.ToString();
        Console.WriteLine();
        Console.WriteLine(markdown);
        var output = o.Get("out") ?? Path.Combine(BenchHost.RepoRoot(), "bench", "results", "latest.md");
        await AppendSection(output, markdown);
        Console.WriteLine($"Appended to {output}");
        return 0;
    }

    sealed record Outcome(int Indicators, int MaxUnitsCounted, int Narratives, int DocxBytes, int XlsxBytes);

    const string Heading = "## Reporting (issue 4): city data set";

    /// <summary>`run` rewrites the file with its own table; this section goes after it, replacing an earlier one of its kind.</summary>
    static async Task AppendSection(string path, string section)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var text = File.Exists(path) ? await File.ReadAllTextAsync(path) : "# Benchmark results\n";
        var at = text.IndexOf(Heading, StringComparison.Ordinal);
        if (at >= 0) text = text[..at];
        await File.WriteAllTextAsync(path, text.TrimEnd() + "\n\n" + section);
    }

    static async Task<(string DataLine, string Postgres)> Describe(BenchHost host)
    {
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PcmdDbContext>();
        var establishments = await db.Establishments.CountAsync();
        var inspections = await db.Inspections.CountAsync();
        var hotspots = await db.Hotspots.CountAsync();
        var postgres = (await db.Database.SqlQueryRaw<string>("SELECT version() AS \"Value\"").ToListAsync()).Single().Split(" on ")[0];
        if (establishments < 25_000)
            Console.WriteLine("warning: the targets are set for the city data set (generate --scale city); this database is smaller.");
        return ($"{establishments:N0} establishments, {inspections:N0} inspections, {hotspots:N0} hotspots", postgres);
    }

    internal static string Ms(double ms) => ms >= 1000 ? $"{(ms / 1000).ToString("0.00", Inv)} s" : $"{ms.ToString("0.0", Inv)} ms";
    static string Verdict(bool ok) => ok ? "met" : "**missed**";
    static double Median(List<double> xs) => Benchmarks.Median(xs);

    /// <summary>Nearest rank: the 19th of 20.</summary>
    internal static double P95(List<double> xs)
    {
        var s = xs.Order().ToList();
        return s[Math.Clamp((int)Math.Ceiling(0.95 * s.Count) - 1, 0, s.Count - 1)];
    }


    static double MemoryGb()
    {
        try
        {
            var line = File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
            return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], Inv) / 1024.0 / 1024.0;
        }
        catch (IOException) { return GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1024.0 / 1024 / 1024; }
    }
}
