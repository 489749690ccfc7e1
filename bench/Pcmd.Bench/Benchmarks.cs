using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Indicators;
using Pcmd.Web.Features.OrgUnits;
using Pcmd.Web.Features.Targets;

namespace Pcmd.Bench;

/// <summary>The speed targets of issue 3, on PostgreSQL with the country data set: (a) importing 100,000 establishments
/// from one .xlsx (≤ 20 s, ≤ 500 MB); (b) Hà Nội's "% inspected at least once" for a year through the app's computation
/// (≤ 200 ms, median of 20 after 3 warm-ups); (c) the country's figure through the app vs the equivalent hand-written SQL
/// aggregate in the same run (app ≤ 2 × SQL). Plain Stopwatch medians: these are end-to-end figures of one query each.</summary>
public static class Benchmarks
{
    public static async Task<int> Run(Args o)
    {
        var connection = o.Connection;
        var year = o.Int("year", 2025);
        var runs = o.Int("runs", 20);
        var warmups = o.Int("warmups", 3);
        var rows = o.Int("rows", 100_000);
        await using var host = await BenchHost.OpenPostgres(connection);
        var report = new Report(connection, year, runs, warmups, rows);
        await report.DescribeData(host);
        Console.WriteLine(report.DataLine);

        if (!o.Has("skip-import"))
        {
            var clock = Stopwatch.StartNew();
            var file = await ImportBenchmark.MakeFile(host, rows);
            Console.WriteLine($"(a) import file {file}: {new FileInfo(file).Length / 1024.0 / 1024.0:0.0} MB (made or reused in {clock.Elapsed.TotalSeconds:0.0} s); importing…");
            report.Import = await ImportBenchmark.InChildProcess(file, connection);
            Console.WriteLine($"    {report.Import.Seconds:0.00} s, peak working set {ImportBenchmark.Mb(report.Import.PeakWorkingSet)}, accepted {report.Import.Accepted:N0}, rejected {report.Import.Rejected:N0}");
        }

        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        var tree = host.Services.GetRequiredService<OrgUnitTree>();
        var city = await tree.Resolve("01", to) ?? throw new InvalidOperationException("Hà Nội (01) is not loaded.");
        var country = await tree.Resolve("VN", to) ?? throw new InvalidOperationException("The country unit (VN) is not loaded.");

        async Task<Actual> App(int unitId)
        {
            using var scope = host.Services.CreateScope();
            var area = await scope.ServiceProvider.GetRequiredService<IndicatorAreas>().ForQuery(unitId);
            return await scope.ServiceProvider.GetRequiredService<IndicatorComputations>().Compute(Computation.InspectedShare, area, from, to);
        }
        async Task<Actual> Sql()
        {
            await using var conn = new NpgsqlConnection(connection);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand(IndicatorComputations.CountryInspectedShareSql, conn);
            cmd.Parameters.Add(new NpgsqlParameter("from", NpgsqlDbType.Date) { Value = from });
            cmd.Parameters.Add(new NpgsqlParameter("to", NpgsqlDbType.Date) { Value = to });
            await using var r = await cmd.ExecuteReaderAsync();
            await r.ReadAsync();
            return Actual.Ratio(r.GetInt64(1), r.GetInt64(0));
        }

        var (cityTimes, cityValue) = await Time(() => App(city.Id), warmups, runs);
        report.City = (Median(cityTimes), cityValue);
        Console.WriteLine($"(b) Hà Nội {year}: {Share(cityValue)}, median {Median(cityTimes):0.0} ms");

        // Interleaved, so that both see the same cache and the same background load.
        var appTimes = new List<double>();
        var sqlTimes = new List<double>();
        Actual? appValue = null, sqlValue = null;
        for (var i = 0; i < warmups + runs; i++)
        {
            var (a, av) = await Once(() => App(country.Id));
            var (s, sv) = await Once(Sql);
            if (i >= warmups) { appTimes.Add(a); sqlTimes.Add(s); }
            (appValue, sqlValue) = (av, sv);
        }
        if (appValue!.Value != sqlValue!.Value || appValue.Denominator != sqlValue.Denominator)
            throw new InvalidOperationException($"The app ({appValue}) and the SQL ({sqlValue}) disagree.");
        report.Country = (Median(appTimes), Median(sqlTimes), appValue);
        Console.WriteLine($"(c) country {year}: {Share(appValue)}, app median {Median(appTimes):0.0} ms, SQL median {Median(sqlTimes):0.0} ms");

        var markdown = report.Markdown(Environment.CommandLine);
        Console.WriteLine();
        Console.WriteLine(markdown);
        var output = o.Get("out") ?? Path.Combine(BenchHost.RepoRoot(), "bench", "results", "latest.md");
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        await File.WriteAllTextAsync(output, markdown);
        Console.WriteLine($"Written to {output}");
        return 0;
    }

    static async Task<(double Ms, T Value)> Once<T>(Func<Task<T>> f)
    {
        var clock = Stopwatch.StartNew();
        var value = await f();
        return (clock.Elapsed.TotalMilliseconds, value);
    }

    static async Task<(List<double> Times, T Value)> Time<T>(Func<Task<T>> f, int warmups, int runs)
    {
        T value = default!;
        var times = new List<double>();
        for (var i = 0; i < warmups + runs; i++)
        {
            var (ms, v) = await Once(f);
            if (i >= warmups) times.Add(ms);
            value = v;
        }
        return (times, value);
    }

    public static double Median(List<double> xs)
    {
        var s = xs.Order().ToList();
        return s.Count % 2 == 1 ? s[s.Count / 2] : (s[s.Count / 2 - 1] + s[s.Count / 2]) / 2;
    }

    public static string Share(Actual a) =>
        a.Denominator is { } d && d > 0
            ? $"{a.Value / d * 100:0.0} % ({a.Value.ToString("N0", CultureInfo.InvariantCulture)} of {d.ToString("N0", CultureInfo.InvariantCulture)})"
            : "no managed establishment";
}
