using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Pcmd.Bench.Soak;

namespace Pcmd.Bench;

/// <summary>`exports`: the built PCMD as its own process (<see cref="SoakServer"/>) on a copy of the country data set, signed in as
/// the administrator, downloads every establishment as .xlsx and as .csv, one at a time and two at once. For each case: the
/// server's resident set before (idle), at its peak during (sampled from /proc every 50 ms) and after (idle again, at 5 s and
/// 30 s), the time each download took, its bytes, and the rows the audit trail recorded for it.</summary>
public static class ExportsBenchmark
{
    static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    sealed record Case(string Name, string[] Formats);

    static readonly Case[] Cases =
    [
        new("xlsx alone", ["xlsx"]), new("csv alone", ["csv"]),
        new("xlsx + xlsx at once", ["xlsx", "xlsx"]), new("csv + csv at once", ["csv", "csv"]), new("xlsx + csv at once", ["xlsx", "csv"]),
    ];

    sealed record Download(string Format, double Seconds, long Bytes, int Status);

    sealed record Result(Case Case, double Before, double Peak, double After5, double After30, List<Download> Downloads, List<int> AuditRows);

    public static async Task<int> Run(Args o)
    {
        var connection = new Npgsql.NpgsqlConnectionStringBuilder(o.Connection);
        if (!o.Has("connection")) connection.Database = "pcmd_country_exports";
        var template = o.Get("template") ?? "pcmd_country";
        // The app migrates its database on start: it runs on a copy, never on the data set the other benchmarks share.
        await BenchDatabase.CreateIfMissing(connection.ConnectionString, template);
        var environment = o.Get("environment") ?? "Production";
        Console.WriteLine($"Database: PostgreSQL {connection.Host}:{connection.Port}/{connection.Database} (copy of {template}); starting PCMD ({environment})…");
        // --web: another build of the app (an older commit's src/Pcmd.Web, built in Release) measured the same way.
        var web = o.Get("web") is { } w ? Path.GetFullPath(w) : null;
        await using var server = await SoakServer.Start(environment, new Dictionary<string, string>
        {
            ["ConnectionStrings__Postgres"] = connection.ConnectionString,
            ["ConnectionStrings__Sqlite"] = "",
        }, web);
        Console.WriteLine($"PCMD pid {server.Pid} at {server.BaseUrl}");
        var password = SoakServer.DemoPassword(o);
        var user = o.Get("user") ?? "admin";
        var settle = TimeSpan.FromSeconds(o.Int("settle", 10));

        using var warm = await SignIn(server.BaseUrl, user, password);
        // Warm-up: the endpoints' code is compiled and the pools filled before anything is measured.
        foreach (var f in new[] { "xlsx", "csv" }) await Get(warm, f, "?q=zzzz-nothing");
        var results = new List<Result>();
        foreach (var c in Cases)
        {
            var clients = new List<HttpClient>();
            foreach (var _ in c.Formats) clients.Add(await SignIn(server.BaseUrl, user, password));
            await Task.Delay(settle);
            var before = Rss(server);
            var peak = before;
            using var stop = new CancellationTokenSource();
            var sampler = Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    peak = Math.Max(peak, Rss(server));
                    try { await Task.Delay(50, stop.Token); } catch (OperationCanceledException) { }
                }
            });
            var downloads = await Task.WhenAll(c.Formats.Select((f, i) => Get(clients[i], f, "")));
            await Task.Delay(TimeSpan.FromSeconds(5));
            stop.Cancel();
            await sampler;
            var after5 = Rss(server);
            await Task.Delay(TimeSpan.FromSeconds(25));
            var after30 = Rss(server);
            var rows = await AuditedRows(warm, c.Formats.Length);
            foreach (var client in clients) client.Dispose();
            var r = new Result(c, before, peak, after5, after30, downloads.ToList(), rows);
            results.Add(r);
            Console.WriteLine($"{c.Name}: before {before:0} MB, peak {peak:0} MB (+{peak - before:0}), after 5 s {after5:0} MB, after 30 s {after30:0} MB; " +
                string.Join("; ", downloads.Select(d => $"{d.Format} {d.Status} {d.Seconds:0.0} s {d.Bytes / 1048576.0:0.0} MB")) + $"; audited rows {string.Join(", ", rows)}");
        }
        if (server.ErrorCount > 0) Console.WriteLine("server errors: " + string.Join(" | ", server.FirstErrors));

        var md = new StringBuilder();
        md.AppendLine($"`exports` on {connection.Database} (copy of {template}), user {user}, PCMD Release as its own process ({environment}" +
            (web is null ? "" : $", the build in {web}") + "); " +
            $"load average {File.ReadAllText("/proc/loadavg").Trim()} at the end.");
        md.AppendLine();
        md.AppendLine("| case | RSS before | peak during | rise | after 5 s | after 30 s | downloads (time, size) | rows audited |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---|---:|");
        foreach (var r in results)
            md.AppendLine(FormattableString.Invariant($"| {r.Case.Name} | {r.Before:0} MB | {r.Peak:0} MB | +{r.Peak - r.Before:0} MB | {r.After5:0} MB | {r.After30:0} MB | ")
                + string.Join("; ", r.Downloads.Select(d => FormattableString.Invariant($"{d.Format} {d.Seconds:0.0} s, {d.Bytes / 1048576.0:0.0} MB")))
                + $" | {string.Join(", ", r.AuditRows.Select(n => n.ToString("N0", Inv)))} |");
        Console.WriteLine();
        Console.WriteLine(md);
        var output = o.Get("out") ?? Path.Combine(BenchHost.RepoRoot(), "bench", "results", $"exports-{DateTime.UtcNow:yyyy-MM-dd}.md");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
        await File.WriteAllTextAsync(output, md.ToString());
        Console.WriteLine($"Written to {output}");
        var failed = results.SelectMany(r => r.Downloads).Any(d => d.Status != 200) || server.ErrorCount > 0;
        return failed ? 3 : 0;
    }

    static double Rss(SoakServer server) => server.Sample()?.RssMb ?? double.NaN;

    static async Task<HttpClient> SignIn(string baseUrl, string user, string password)
    {
        var http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), UseCookies = true, AllowAutoRedirect = false })
        {
            BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromMinutes(10),
        };
        var body = new StringContent(JsonSerializer.Serialize(new { userName = user, password }), Encoding.UTF8, "application/json");
        var res = await http.PostAsync("/api/v1/auth/login", body);
        if (!res.IsSuccessStatusCode) throw new InvalidOperationException($"Sign-in of {user}: {(int)res.StatusCode} {await res.Content.ReadAsStringAsync()}");
        return http;
    }

    /// <summary>Reads the download as it comes, counting its bytes (the client keeps none of it).</summary>
    static async Task<Download> Get(HttpClient http, string format, string query)
    {
        var clock = Stopwatch.StartNew();
        using var res = await http.GetAsync($"/api/v1/establishments/export.{format}{query}", HttpCompletionOption.ResponseHeadersRead);
        await using var body = await res.Content.ReadAsStreamAsync();
        var buffer = new byte[81920];
        long bytes = 0;
        for (int n; (n = await body.ReadAsync(buffer)) > 0;) bytes += n;
        return new Download(format, clock.Elapsed.TotalSeconds, bytes, (int)res.StatusCode);
    }

    /// <summary>The rows the audit trail recorded for the last <paramref name="count"/> exports (newest first).</summary>
    static async Task<List<int>> AuditedRows(HttpClient http, int count)
    {
        using var page = JsonDocument.Parse(await http.GetStringAsync($"/api/v1/audit?kind=exported&pageSize={count}"));
        return page.RootElement.GetProperty("items").EnumerateArray()
            .Select(e => JsonDocument.Parse(e.GetProperty("changes").GetString()!).RootElement.GetProperty("rows").GetInt32()).ToList();
    }
}
