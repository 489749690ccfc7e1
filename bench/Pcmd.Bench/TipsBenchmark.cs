using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;
using Pcmd.Bench.Soak;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Indicators;
using Pcmd.Web.Features.OrgUnits;
using Pcmd.Web.Features.Targets;
using Pcmd.Web.Shared;

namespace Pcmd.Bench;

/// <summary>The speed targets of issue 11 on PostgreSQL with the country data set (500,000 tips, 50,000 criminal cases):
/// (a) the country's "share of tips handled on time" for a year through the app's computation vs the equivalent hand-written
/// SQL aggregate, interleaved in the same run (app ≤ 2 × SQL); (b) the public submit endpoint under N concurrent clients
/// (50) for S seconds (60) against the built app as its own process, the per-client limit lifted by configuration
/// (Pcmd:Portal:ReportsPerWindow): 0 errors, requests/s and p95 recorded. Run (a) first: (b) adds tips.</summary>
public static class TipsBenchmark
{
    static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>What TipFacts.HandledOnTime computes for the whole country, written by hand.</summary>
    public const string CountryOnTimeSql = """
        SELECT COUNT(*) AS total,
               COALESCE(SUM(CASE WHEN NOT EXISTS (SELECT 1 FROM tip_steps s WHERE s."TipId" = t."Id" AND NOT s."OnTime")
                                  AND NOT (t."State" <> 'Closed' AND COALESCE(t."NextDueOn" < @cutoff, FALSE)) THEN 1 ELSE 0 END), 0) AS ontime
        FROM tips t
        WHERE t."ReceivedAt" >= @start AND t."ReceivedAt" < @end
        """;

    public static async Task<int> Run(Args o)
    {
        var connection = o.Connection;
        var year = o.Int("year", 2025);
        var runs = o.Int("runs", 20);
        var warmups = o.Int("warmups", 3);
        var clients = o.Int("clients", 50);
        var seconds = o.Int("seconds", 60);
        var load = new List<string> { BenchHost.LoadAverage() };
        var md = new StringBuilder();
        md.AppendLine($"## Tips (issue 11): `tips` {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        md.AppendLine();

        if (!o.Has("skip-share"))
        {
            await using var host = await BenchHost.OpenPostgres(connection);
            var (tips, steps, cases) = await Counts(host);
            Console.WriteLine($"{tips:N0} tips, {steps:N0} steps, {cases:N0} criminal cases");
            if (tips < 500_000 || cases < 50_000) Console.WriteLine("warning: the target is set for the country data set (generate --scale country).");
            var from = new DateOnly(year, 1, 1);
            var to = new DateOnly(year, 12, 31);
            var today = VietnamTime.Today(TimeProvider.System);
            var country = await host.Services.GetRequiredService<OrgUnitTree>().Resolve("VN", to)
                ?? throw new InvalidOperationException("The country unit (VN) is not loaded.");
            async Task<Actual> App()
            {
                using var scope = host.Services.CreateScope();
                var area = await scope.ServiceProvider.GetRequiredService<IndicatorAreas>().ForQuery(country.Id);
                return await scope.ServiceProvider.GetRequiredService<IndicatorComputations>().Compute(Computation.TipsHandledOnTimeShare, area, from, to);
            }
            async Task<Actual> Sql()
            {
                await using var conn = new NpgsqlConnection(connection);
                await conn.OpenAsync();
                await using var cmd = new NpgsqlCommand(CountryOnTimeSql, conn);
                cmd.Parameters.Add(new NpgsqlParameter("start", NpgsqlDbType.TimestampTz) { Value = VietnamTime.StartOf(from).UtcDateTime });
                cmd.Parameters.Add(new NpgsqlParameter("end", NpgsqlDbType.TimestampTz) { Value = VietnamTime.StartOf(to.AddDays(1)).UtcDateTime });
                cmd.Parameters.Add(new NpgsqlParameter("cutoff", NpgsqlDbType.Date) { Value = today < to ? today : to });
                await using var r = await cmd.ExecuteReaderAsync();
                await r.ReadAsync();
                return Actual.Ratio(r.GetInt64(1), r.GetInt64(0));
            }
            var cmp = await AppVsSql.Interleaved(App, Sql, warmups, runs);
            Console.WriteLine($"(a) country {year}: {Share(cmp.Value)}; app median {cmp.AppMedian:0.0} ms, SQL median {cmp.SqlMedian:0.0} ms, ratio {cmp.Ratio:0.00}");
            md.AppendLine($"- data: {tips:N0} tips ({steps:N0} steps), {cases:N0} criminal cases; PostgreSQL (scripts/pg-cluster.sh: fsync off)");
            md.AppendLine();
            md.AppendLine("| benchmark | target | measured | |");
            md.AppendLine("|---|---|---|---|");
            md.AppendLine(AppVsSql.Row($"(a) \"share of tips handled on time\", country, {year}: `IndicatorComputations.Compute(TipsHandledOnTimeShare)` vs hand-written SQL",
                runs, warmups, cmp, Share(cmp.Value)));
        }

        if (!o.Has("skip-submit"))
        {
            var postgres = o.Has("sqlite") ? null : connection;
            var build = o.Get("build") ?? "Release";
            Console.WriteLine($"Starting the app ({build}) for (b)…");
            await using var server = await SoakServer.Start(o.Get("environment") ?? "Production", new Dictionary<string, string>
            {
                ["ConnectionStrings__Postgres"] = postgres ?? "",
                ["ConnectionStrings__Sqlite"] = postgres is null ? $"Data Source={Path.GetFullPath(o.Get("sqlite")!)}" : "",
                ["Pcmd__Portal__ReportsPerWindow"] = "1000000000",
            }, configuration: build);
            var m = await Submit(server.BaseUrl, clients, TimeSpan.FromSeconds(seconds), TimeSpan.FromSeconds(o.Int("warmup", 5)));
            Console.WriteLine($"(b) {clients} clients, {seconds} s: {m.Requests:N0} reports, {m.PerSecond:0.0}/s, p50 {m.P50:0.0} ms, p95 {m.P95:0.0} ms, errors {m.Errors}"
                + (m.FirstError is null ? "" : $" (first: {m.FirstError})"));
            if (o.Has("skip-share")) { md.AppendLine("| benchmark | target | measured | |"); md.AppendLine("|---|---|---|---|"); }
            md.AppendLine($"| (b) `POST /api/v1/public/tips`, {clients} concurrent clients (closed loop) for {seconds} s, the app as its own process " +
                $"({build} build), per-client limit lifted (`Pcmd__Portal__ReportsPerWindow`) | 0 errors | {m.Requests:N0} reports, " +
                $"{m.PerSecond.ToString("0.0", Inv)} requests/s, p50 {Ms(m.P50)}, p95 {Ms(m.P95)}, {m.Errors} errors | {(m.Errors == 0 ? "met" : "**missed**")} |");
        }
        load.Add(BenchHost.LoadAverage());
        await AppVsSql.Write(md, o, "tips", connection, load);
        return 0;
    }

    static async Task<(int Tips, int Steps, int Cases)> Counts(BenchHost host)
    {
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PcmdDbContext>();
        return (await db.Tips.CountAsync(), await db.TipSteps.CountAsync(), await db.CriminalCases.CountAsync());
    }

    sealed record Measure(int Requests, int Errors, double Seconds, double P50, double P95, string? FirstError)
    {
        public double PerSecond => Requests / Seconds;
    }

    /// <summary>N anonymous clients, each sending its next report when the last one is answered, as phones would, over
    /// the communes of the first province the portal offers.</summary>
    static async Task<Measure> Submit(string baseUrl, int clients, TimeSpan duration, TimeSpan warmup)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients, UseCookies = false })
            { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(60) };
        using var communes = JsonDocument.Parse(await http.GetStringAsync("/api/v1/public/communes"));
        var ids = communes.RootElement.EnumerateArray().Select(c => c.GetProperty("id").GetInt32()).Take(200).ToArray();
        if (ids.Length == 0) throw new InvalidOperationException("The portal offers no commune.");
        async Task<Measure> Drive(TimeSpan length)
        {
            var latencies = new List<double>[clients];
            var errors = 0;
            string? first = null;
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, clients).Select(async c =>
            {
                var mine = latencies[c] = [];
                for (var n = 0; clock.Elapsed < length; n++)
                {
                    var start = clock.Elapsed.TotalMilliseconds;
                    var body = new
                    {
                        category = "brokering", orgUnitId = ids[(c * 7919 + n) % ids.Length], place = $"Ngõ {n % 50 + 1}",
                        occurredOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1), description = $"Tin thử tải {c}-{n}: nghi có người môi giới mại dâm.",
                    };
                    try
                    {
                        using var reply = await http.PostAsJsonAsync("/api/v1/public/tips", body);
                        if (reply.StatusCode != HttpStatusCode.Created)
                        {
                            Interlocked.Increment(ref errors);
                            first ??= $"{(int)reply.StatusCode} {await reply.Content.ReadAsStringAsync()}";
                        }
                        else await reply.Content.ReadAsByteArrayAsync();
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                    {
                        Interlocked.Increment(ref errors);
                        first ??= e.Message;
                    }
                    mine.Add(clock.Elapsed.TotalMilliseconds - start);
                }
            }));
            var all = latencies.SelectMany(l => l).Order().ToArray();
            double Pct(double p) => all.Length == 0 ? 0 : all[Math.Min(all.Length - 1, (int)Math.Ceiling(p * all.Length) - 1)];
            return new Measure(all.Length, errors, clock.Elapsed.TotalSeconds, Pct(0.5), Pct(0.95), first);
        }
        await Drive(warmup);
        return await Drive(duration);
    }

    static string Ms(double ms) => ReportingBenchmark.Ms(ms);

    static string Share(Actual a) => AppVsSql.Share(a, "no tip");
}
