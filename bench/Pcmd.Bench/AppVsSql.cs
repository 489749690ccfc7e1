using System.Diagnostics;
using System.Globalization;
using System.Text;
using Pcmd.Web.Features.Targets;

namespace Pcmd.Bench;

/// <summary>An indicator through the app's computation against the same aggregate written by hand, interleaved in one run so
/// that both meet the same machine (the "app ≤ 2 × SQL" targets of issues 11 and 12), and the result file both benchmarks write.</summary>
public static class AppVsSql
{
    public sealed record Result(Actual Value, double AppMedian, double SqlMedian)
    {
        public double Ratio => AppMedian / SqlMedian;
    }

    public static async Task<Result> Interleaved(Func<Task<Actual>> app, Func<Task<Actual>> sql, int warmups, int runs)
    {
        var appTimes = new List<double>();
        var sqlTimes = new List<double>();
        Actual? appValue = null, sqlValue = null;
        for (var i = 0; i < warmups + runs; i++)
        {
            var clock = Stopwatch.StartNew();
            appValue = await app();
            var a = clock.Elapsed.TotalMilliseconds;
            clock.Restart();
            sqlValue = await sql();
            var s = clock.Elapsed.TotalMilliseconds;
            if (i >= warmups) { appTimes.Add(a); sqlTimes.Add(s); }
        }
        if (appValue!.Value != sqlValue!.Value || appValue.Denominator != sqlValue.Denominator)
            throw new InvalidOperationException($"The app ({appValue}) and the SQL ({sqlValue}) disagree.");
        return new(appValue, Benchmarks.Median(appTimes), Benchmarks.Median(sqlTimes));
    }

    /// <summary>The table row of a comparison: what was measured, the target, both medians, the ratio and the verdict.</summary>
    public static string Row(string what, int runs, int warmups, Result r, string share) =>
        $"| {what}, interleaved, medians of {runs} after {warmups} warm-ups | app ≤ 2 × SQL | app {ReportingBenchmark.Ms(r.AppMedian)}, " +
        $"SQL {ReportingBenchmark.Ms(r.SqlMedian)}: {r.Ratio.ToString("0.00", CultureInfo.InvariantCulture)} × ({share}, the same from both) | " +
        $"{(r.Ratio <= 2 ? "met" : "**missed**")} |";

    public static string Share(Actual a, string none) =>
        a.Denominator is { } d && d > 0 ? $"{a.Value / d * 100:0.0} % ({a.Value:N0} of {d:N0})" : none;

    /// <summary>Ends the file with the load and the command, prints it and writes it (to --out, else bench/results/NAME-DATE.md).</summary>
    public static async Task Write(StringBuilder md, Args o, string name, string connection, List<string> load)
    {
        md.AppendLine();
        md.AppendLine($"- load average (1 min) at the start and the end: {string.Join(" → ", load)}; the machine (2 cores) was shared with five other sessions building and testing");
        var args = string.Join(" ", Environment.GetCommandLineArgs().Skip(1)).Replace(connection, "<connection>", StringComparison.Ordinal);
        md.AppendLine($"- command: `dotnet run --project bench/Pcmd.Bench -- {name}` (arguments `{args}`)");
        Console.WriteLine();
        Console.WriteLine(md);
        var output = o.Get("out") ?? Path.Combine(BenchHost.RepoRoot(), "bench", "results", $"{name}-{DateTime.UtcNow:yyyy-MM-dd}.md");
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        await File.WriteAllTextAsync(output, md.ToString());
        Console.WriteLine($"Written to {output}");
    }
}
