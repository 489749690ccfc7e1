using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Pcmd.Bench.Soak;

namespace Pcmd.Bench.Throughput;

/// <summary>`throughput`: closed-loop requests per second of the reads the issue names, side by side in one run against the
/// built app as its own process (as wrk would drive it: N connections, each sending its next request when the last one is
/// answered), in interleaved rounds so that a busy moment of the machine falls on every target alike. Each target's figure is
/// also given as a share of <c>/health</c> (which checks the database) in the same round.</summary>
public static class ThroughputBenchmark
{
    static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    internal sealed record Target(string Name, HttpClient Client, string Path);
    internal sealed record Measure(int Requests, int Errors, double Seconds, double P50, double P95, long Bytes, double P99 = 0)
    {
        public double PerSecond => Requests / Seconds;
    }

    public static async Task<int> Run(Args o)
    {
        var seconds = o.Int("seconds", 20);
        var connections = o.Int("connections", 8);
        var rounds = o.Int("rounds", 2);
        var postgres = o.Has("connection") ? o.Connection : null;
        var sqlite = postgres is null ? o.Get("sqlite") ?? throw new ArgumentException("--connection \"<postgres>\" or --sqlite <file> (a database the app has started on)") : null;
        var password = SoakServer.DemoPassword(o);
        // --web: another build of the app (an older commit's src/Pcmd.Web, built in Release), measured the same way, to compare
        // before and after in one machine state. --list-cache off: the lists read the database on every load (Data/ListCache).
        var web = o.Get("web") is { } w ? Path.GetFullPath(w) : null;
        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings__Postgres"] = postgres ?? "",
            ["ConnectionStrings__Sqlite"] = sqlite is null ? "" : $"Data Source={Path.GetFullPath(sqlite)}",
        };
        if (o.Get("list-cache") == "off") settings["Pcmd__ListCache__Enabled"] = "false";
        Console.WriteLine($"Starting the app ({o.Get("environment") ?? "Production"}, {web ?? "this build"}) on {(postgres is null ? sqlite : "PostgreSQL")}…");
        await using var server = await SoakServer.Start(o.Get("environment") ?? "Production", settings, web);

        var handler = () => new SocketsHttpHandler { MaxConnectionsPerServer = connections, UseCookies = true, CookieContainer = new CookieContainer() };
        async Task<(HttpClient Client, string Cookie)> SignIn(string user)
        {
            var client = new HttpClient(handler()) { BaseAddress = new Uri(server.BaseUrl), Timeout = TimeSpan.FromSeconds(60) };
            var reply = await client.PostAsJsonAsync("/api/v1/auth/login", new { userName = user, password });
            if (!reply.IsSuccessStatusCode) throw new InvalidOperationException($"sign-in of {user}: {(int)reply.StatusCode} {await reply.Content.ReadAsStringAsync()}");
            var cookie = string.Join("; ", reply.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
            return (client, cookie);
        }
        var anonymous = new HttpClient(handler()) { BaseAddress = new Uri(server.BaseUrl) };
        var (coordinator, coordinatorCookie) = await SignIn(o.Get("coordinator") ?? "dieuphoi");
        var (ward, _) = await SignIn(o.Get("ward") ?? "phuluong");
        // A client that keeps sending the cookie it got at sign-in and ignores every renewed one.
        var replay = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections, UseCookies = false }) { BaseAddress = new Uri(server.BaseUrl) };
        replay.DefaultRequestHeaders.Add("Cookie", coordinatorCookie);
        var plan = await PlanOf(coordinator, o.Get("plan") ?? "2026");

        var targets = new List<Target>
        {
            new("/health", anonymous, "/health"),
            new("coordinator's establishments (first page)", coordinator, "/api/v1/establishments"),
            new("ward officer's establishments (first page)", ward, "/api/v1/establishments"),
            new($"plan {plan} results (coordinator)", coordinator, $"/api/v1/plans/{plan}/results"),
            new("map points (coordinator)", coordinator, o.Get("map") ?? "/api/v1/map/points"),
            new("auth/me, cookie kept", coordinator, "/api/v1/auth/me"),
            new("auth/me, first cookie replayed", replay, "/api/v1/auth/me"),
        };
        // --only coordinator,ward: those targets (words of their names) beside /health, which every share needs.
        if (o.Get("only") is { } only)
        {
            var words = only.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            targets = targets.Where(t => t.Name == "/health" || words.Any(x => t.Name.Contains(x, StringComparison.OrdinalIgnoreCase))).ToList();
        }
        foreach (var t in targets) await Drive(t, connections, TimeSpan.FromSeconds(2)); // warm-up: JIT, caches, pools

        var results = targets.ToDictionary(t => t.Name, _ => new List<Measure>());
        var load = new List<string>();
        for (var r = 1; r <= rounds; r++)
        {
            load.Add(BenchHost.LoadAverage());
            foreach (var t in r % 2 == 1 ? targets : Enumerable.Reverse(targets).ToList())
            {
                var m = await Drive(t, connections, TimeSpan.FromSeconds(seconds));
                results[t.Name].Add(m);
                Console.WriteLine($"round {r}  {t.Name,-45} {m.PerSecond,9:0.0} req/s  p50 {m.P50,7:0.0} ms  p95 {m.P95,7:0.0} ms  {m.Bytes / Math.Max(1, m.Requests),9:N0} B/resp  errors {m.Errors}");
            }
        }
        load.Add(BenchHost.LoadAverage());

        var md = new StringBuilder();
        md.AppendLine($"`throughput` {DateTime.UtcNow:dd/MM/yyyy HH:mm} UTC, {connections} connections, {seconds} s per target, {rounds} interleaved rounds, load average {string.Join(" → ", load)}");
        md.AppendLine();
        md.AppendLine($"App: {web ?? "this build"}{(o.Get("list-cache") == "off" ? ", list cache off" : "")}; `{string.Join(' ', Environment.GetCommandLineArgs().Skip(1))}`");
        md.AppendLine();
        md.AppendLine("| target | req/s (each round) | share of /health (each round) | p50 ms | p95 ms | bytes per response | errors |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        var health = results["/health"];
        foreach (var t in targets)
        {
            var ms = results[t.Name];
            string Each(Func<Measure, int, string> f) => string.Join(" / ", ms.Select(f));
            md.AppendLine($"| {t.Name} | {Each((m, _) => m.PerSecond.ToString("0", Inv))} | {Each((m, i) => (m.PerSecond / health[ms.IndexOf(m)].PerSecond * 100).ToString("0.0", Inv) + " %")} " +
                $"| {Each((m, _) => m.P50.ToString("0.0", Inv))} | {Each((m, _) => m.P95.ToString("0.0", Inv))} | {ms.Sum(m => m.Bytes) / Math.Max(1, ms.Sum(m => m.Requests)):N0} | {ms.Sum(m => m.Errors)} |");
        }
        Console.WriteLine();
        Console.WriteLine(md);
        var output = o.Get("out") ?? Path.Combine(BenchHost.RepoRoot(), "bench", "results", $"throughput-{DateTime.UtcNow:yyyy-MM-dd}.md");
        await File.WriteAllTextAsync(output, md.ToString());
        Console.WriteLine($"Written to {output}");
        return results.Values.Sum(ms => ms.Sum(m => m.Errors)) == 0 ? 0 : 3;
    }

    internal static async Task<int> PlanOf(HttpClient client, string titleContains)
    {
        using var doc = JsonDocument.Parse(await client.GetStringAsync("/api/v1/plans"));
        var items = doc.RootElement.ValueKind == JsonValueKind.Array ? doc.RootElement : doc.RootElement.GetProperty("items");
        foreach (var p in items.EnumerateArray())
            if (p.GetProperty("title").GetString()?.Contains(titleContains, StringComparison.Ordinal) == true) return p.GetProperty("id").GetInt32();
        throw new InvalidOperationException($"No plan whose title contains '{titleContains}' (--plan).");
    }

    /// <summary>N loops, each sending its next request when the previous one is answered, for the given time.</summary>
    internal static async Task<Measure> Drive(Target t, int connections, TimeSpan duration)
    {
        var latencies = new List<double>[connections];
        int errors = 0;
        long bytes = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, connections).Select(async c =>
        {
            var mine = latencies[c] = [];
            while (clock.Elapsed < duration)
            {
                var start = clock.Elapsed.TotalMilliseconds;
                try
                {
                    using var reply = await t.Client.GetAsync(t.Path, HttpCompletionOption.ResponseContentRead);
                    var body = await reply.Content.ReadAsByteArrayAsync();
                    Interlocked.Add(ref bytes, body.Length);
                    if (reply.StatusCode != HttpStatusCode.OK) Interlocked.Increment(ref errors);
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { Interlocked.Increment(ref errors); }
                mine.Add(clock.Elapsed.TotalMilliseconds - start);
            }
        }));
        var all = latencies.SelectMany(l => l).Order().ToArray();
        double Pct(double p) => all.Length == 0 ? 0 : all[Math.Min(all.Length - 1, (int)(p * all.Length))];
        return new Measure(all.Length, errors, clock.Elapsed.TotalSeconds, Pct(0.5), Pct(0.95), bytes, Pct(0.99));
    }

}
