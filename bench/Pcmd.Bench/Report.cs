using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Targets;

namespace Pcmd.Bench;

/// <summary>The benchmark table (bench/results/latest.md): the machine, the data set, each figure beside its target.</summary>
public sealed class Report(string connection, int year, int runs, int warmups, int rows)
{
    public ImportBenchmark.Measure? Import { get; set; }
    public (double Median, Actual Value) City { get; set; }
    public (double App, double Sql, Actual Value) Country { get; set; }
    public string DataLine { get; private set; } = "";
    string _postgres = "";

    static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public async Task DescribeData(BenchHost host)
    {
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PcmdDbContext>();
        var establishments = await db.Establishments.CountAsync();
        var inspections = await db.Inspections.CountAsync();
        var communes = await db.OrgUnits.CountAsync(u => u.Level == Pcmd.Web.Features.OrgUnits.OrgUnitLevel.Commune);
        var hotspots = await db.Hotspots.CountAsync();
        _postgres = (await db.Database.SqlQueryRaw<string>("SELECT version() AS \"Value\"").ToListAsync()).Single().Split(" on ")[0];
        DataLine = $"{establishments:N0} establishments, {inspections:N0} inspections, {hotspots:N0} hotspots, {communes:N0} communes (current and old)";
        if (establishments < 250_000)
            Console.WriteLine("warning: the targets are set for the country data set (generate --scale country); this database is smaller.");
    }

    static string Verdict(bool ok) => ok ? "met" : "**missed**";

    public string Markdown(string commandLine)
    {
        var sb = new StringBuilder();
        sb.AppendLine("# Benchmark results");
        sb.AppendLine();
        sb.AppendLine($"- when: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        sb.AppendLine($"- machine: {Environment.ProcessorCount} cores, {MemoryGb():0} GB, {RuntimeInformation.OSDescription}; {RuntimeInformation.FrameworkDescription}, server GC");
        sb.AppendLine($"- database: {_postgres} (the throw-away cluster of scripts/pg-cluster.sh: fsync off, TCP on 127.0.0.1)");
        sb.AppendLine($"- load average (1 min) at the start and the end: {LoadAtStart} → {BenchHost.LoadAverage()} (other processes on the machine slow every figure down)");
        sb.AppendLine($"- data set: {DataLine}");
        sb.AppendLine($"- command: `dotnet run -c Release --project bench/Pcmd.Bench -- run` ({Describe(commandLine)})");
        sb.AppendLine();
        sb.AppendLine("| benchmark | target | measured | |");
        sb.AppendLine("|---|---|---|---|");
        if (Import is { } i)
        {
            var ok = i.Seconds <= 20 && i.PeakWorkingSet <= 500L * 1024 * 1024 && i.Accepted == rows;
            sb.AppendLine($"| (a) import {rows:N0} establishments from one .xlsx (all or nothing, cold process) | ≤ 20 s, ≤ 500 MB | " +
                $"{i.Seconds.ToString("0.0", Inv)} s, peak working set {ImportBenchmark.Mb(i.PeakWorkingSet)} (before the import {ImportBenchmark.Mb(i.BaselineWorkingSet)}; " +
                $"{ImportBenchmark.Mb(i.Allocated)} allocated in all); {i.Accepted:N0} accepted | {Verdict(ok)} |");
        }
        else sb.AppendLine($"| (a) import {rows:N0} establishments from one .xlsx | ≤ 20 s, ≤ 500 MB | not measured in this run (--skip-import) | |");
        sb.AppendLine($"| (b) Hà Nội, \"% inspected at least once\" in {year}, app computation | ≤ 200 ms | median {City.Median.ToString("0.0", Inv)} ms of {runs} after {warmups} warm-ups; {Benchmarks.Share(City.Value)} | {Verdict(City.Median <= 200)} |");
        var ratio = Country.App / Country.Sql;
        sb.AppendLine($"| (c) whole country, same figure: app vs one hand-written SQL aggregate | app ≤ 2 × SQL | app {Country.App.ToString("0.0", Inv)} ms, SQL {Country.Sql.ToString("0.0", Inv)} ms " +
            $"(medians of {runs}, interleaved): {ratio.ToString("0.00", Inv)} ×; {Benchmarks.Share(Country.Value)} | {Verdict(ratio <= 2)} |");
        return sb.ToString();
    }

    string Describe(string commandLine)
    {
        var args = string.Join(" ", Environment.GetCommandLineArgs().Skip(1));
        return $"arguments `{(args.Length == 0 ? "run" : args.Replace(connection, "<connection>", StringComparison.Ordinal))}`";
    }

    public string LoadAtStart { get; } = BenchHost.LoadAverage();


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
