using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Pcmd.Bench.Throughput;

namespace Pcmd.Bench.Cluster;

/// <summary>`cluster-throughput` (issue 17, item 6): requests/s, p50 and p99 of /health, an authenticated list (the ward
/// officer's establishments), a plan's results and a server-rendered page (the establishments page), through the cluster's nginx
/// with 1, 2, … nodes side by side in one run: scripts/cluster.sh up --nodes N makes nginx listen on BASE for all N nodes and on
/// BASE+3+k for the first k. Closed loop (each connection sends its next request when the last is answered), rounds
/// interleaved over node counts and targets so that a busy moment of the machine falls on all alike.</summary>
public static class ClusterThroughput
{
    static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static async Task<int> Run(Args o)
    {
        var basePort = int.Parse(Environment.GetEnvironmentVariable("PCMD_CLUSTER_PORT") ?? "55600", Inv);
        var dir = Environment.GetEnvironmentVariable("PCMD_CLUSTER_DIR") ?? "/tmp/pcmd-cluster";
        var nodes = o.Int("nodes", int.Parse(File.ReadAllText(Path.Combine(dir, "nodes")).Trim(), Inv));
        var seconds = o.Int("seconds", 15);
        var connections = o.Int("connections", 8);
        var rounds = o.Int("rounds", 2);
        var password = o.Get("password") ?? "Pcmd@2026demo";
        var proxies = Enumerable.Range(1, nodes).ToDictionary(k => k, k => $"http://127.0.0.1:{(k == nodes ? basePort : basePort + 3 + k)}");

        var targets = new List<(int Nodes, ThroughputBenchmark.Target Target)>();
        foreach (var (k, url) in proxies)
        {
            HttpClient Client() => new(new SocketsHttpHandler { MaxConnectionsPerServer = connections, UseCookies = true, CookieContainer = new CookieContainer() })
                { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(60) };
            async Task<HttpClient> SignIn(string user)
            {
                var c = Client();
                var reply = await c.PostAsJsonAsync("/api/v1/auth/login", new { userName = user, password });
                if (!reply.IsSuccessStatusCode) throw new InvalidOperationException($"sign-in of {user} through {url}: {(int)reply.StatusCode}");
                return c;
            }
            var ward = await SignIn("phuluong");
            var leader = await SignIn("lanhdao"); // coordinators and administrators sign in with TOTP in Production
            var plan = await ThroughputBenchmark.PlanOf(leader, o.Get("plan") ?? "2026");
            targets.Add((k, new("/health", Client(), "/health")));
            targets.Add((k, new("ward officer's establishments (API list)", ward, "/api/v1/establishments")));
            targets.Add((k, new($"plan {plan} results (leader)", leader, $"/api/v1/plans/{plan}/results")));
            targets.Add((k, new("establishments page (server-rendered)", ward, "/establishments")));
        }
        foreach (var (_, t) in targets) await ThroughputBenchmark.Drive(t, connections, TimeSpan.FromSeconds(2)); // warm-up

        var results = targets.ToDictionary(x => x, _ => new List<ThroughputBenchmark.Measure>());
        var load = new List<string> { BenchHost.LoadAverage() };
        for (var r = 1; r <= rounds; r++)
        {
            foreach (var x in r % 2 == 1 ? targets : Enumerable.Reverse(targets).ToList())
            {
                var m = await ThroughputBenchmark.Drive(x.Target, connections, TimeSpan.FromSeconds(seconds));
                results[x].Add(m);
                Console.WriteLine($"round {r}  {x.Nodes} node(s)  {x.Target.Name,-42} {m.PerSecond,8:0.0} req/s  p50 {m.P50,7:0.0} ms  p99 {m.P99,7:0.0} ms  errors {m.Errors}");
            }
            load.Add(BenchHost.LoadAverage());
        }

        var md = new StringBuilder();
        md.AppendLine($"`cluster-throughput` {DateTime.UtcNow:dd/MM/yyyy HH:mm} UTC, through nginx with 1–{nodes} node(s), {connections} connections, " +
            $"{seconds} s per target, {rounds} interleaved rounds, load average {string.Join(" → ", load)} ({Environment.ProcessorCount} cores)");
        md.AppendLine();
        md.AppendLine("| target | nodes | req/s (each round) | share of /health | p50 ms | p99 ms | errors |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var name in targets.Select(x => x.Target.Name).Distinct())
            foreach (var k in proxies.Keys)
            {
                var ms = results[targets.First(x => x.Nodes == k && x.Target.Name == name)];
                var health = results[targets.First(x => x.Nodes == k && x.Target.Name == "/health")];
                var share = ms.Sum(m => m.PerSecond) / health.Sum(m => m.PerSecond) * 100;
                md.AppendLine($"| {name} | {k} | {string.Join(" / ", ms.Select(m => m.PerSecond.ToString("0", Inv)))} | {share.ToString("0.0", Inv)} % " +
                    $"| {ms.Average(m => m.P50).ToString("0.0", Inv)} | {ms.Average(m => m.P99).ToString("0.0", Inv)} | {ms.Sum(m => m.Errors)} |");
            }
        Console.WriteLine();
        Console.WriteLine(md);
        var output = o.Get("out") ?? Path.Combine(BenchHost.RepoRoot(), "bench", "results", $"cluster-throughput-{DateTime.UtcNow:yyyy-MM-dd}.md");
        await File.WriteAllTextAsync(output, md.ToString());
        Console.WriteLine($"Written to {output}");
        return results.Values.Sum(ms => ms.Sum(m => m.Errors)) == 0 ? 0 : 3;
    }
}
