using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Pcmd.Web.Data;

namespace Pcmd.Bench.Soak;

/// <summary>`soak`: PCMD as its own process on loopback, the demo accounts signed in, and an open-loop fixed rate of the
/// <see cref="SoakMix"/> for the given minutes; per minute the requests, errors by kind, latency percentiles and the server's
/// memory; at the end the verdicts (no error; memory flat after the warm-up) in bench/results/soak-&lt;date&gt;.md.</summary>
public static class SoakBenchmark
{
    static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    /// <summary>A slot started more than this after its time counts as late (the dispatcher's own delay, not the server's).</summary>
    static readonly TimeSpan LateAfter = TimeSpan.FromMilliseconds(50);

    public sealed record Settings(double Rate, int Minutes, int Warmup, int MaxInFlight, TimeSpan Timeout, int SampleSeconds,
        string Data, string Environment, string Database);

    public static async Task<int> Run(Args o, Func<Args, Task<int>> generate)
    {
        var settings = new Settings(o.Double("rate", 20), o.Int("minutes", 30), o.Int("warmup", 2), o.Int("max-in-flight", 64),
            TimeSpan.FromSeconds(o.Int("timeout", 30)), o.Int("sample", 5), o.Get("data") ?? "demo", o.Get("environment") ?? "Production", "");
        if (settings.Warmup < 0 || settings.Warmup >= settings.Minutes) throw new ArgumentException("--warmup must be at least 0 and less than --minutes.");
        if (settings.Rate <= 0 || settings.MaxInFlight < 1) throw new ArgumentException("--rate and --max-in-flight must be positive.");
        if (settings.Data is not ("demo" or "city")) throw new ArgumentException("--data is demo or city.");

        // --postgres alone: the bench cluster's own soak database (never its "postgres" database, which --reset would empty).
        var postgres = o.Has("connection") ? o.Connection
            : o.Has("postgres") ? System.Environment.GetEnvironmentVariable("PCMD_BENCH_PG") ?? Args.DefaultPostgres.Replace("Database=postgres", "Database=pcmd_soak", StringComparison.Ordinal)
            : null;
        var sqlite = postgres is null ? o.Get("sqlite") : null;
        string? temporary = null;
        if (postgres is null && sqlite is null)
        {
            temporary = Path.Combine(Path.GetTempPath(), $"pcmd-soak-{Guid.NewGuid():N}");
            Directory.CreateDirectory(temporary);
            sqlite = Path.Combine(temporary, "pcmd.db");
        }
        if (sqlite is not null) sqlite = Path.GetFullPath(sqlite);
        if (postgres is not null) await BenchDatabase.CreateIfMissing(postgres);
        if (o.Has("reset")) await BenchDatabase.Reset(postgres, sqlite);
        settings = settings with { Database = postgres is not null ? "PostgreSQL " + Describe(postgres) : $"SQLite {sqlite}" + (temporary is null ? "" : " (fresh, deleted after the run)") };
        Console.WriteLine($"Database: {settings.Database}");

        if (settings.Data == "city" && await Establishments(postgres, sqlite) == 0)
        {
            Console.WriteLine("Generating the city data set (the demo accounts and plans are loaded by the app's first start)…");
            string[] target = postgres is not null ? ["--connection", postgres] : ["--sqlite", sqlite!];
            if (await generate(Args.Parse(["generate", "--scale", "city", "--seed", o.Int("seed", 42).ToString(Inv), .. target])) != 0) return 1;
        }

        var password = SoakServer.DemoPassword(o);
        var clock = Stopwatch.StartNew();
        Console.WriteLine($"Starting {Path.Combine("src", "Pcmd.Web", "bin", "Release", "net10.0", "Pcmd.Web.dll")} ({settings.Environment})…");
        var report = new SoakReport(settings);
        IReadOnlyList<string> fullErrors = [];
        try
        {
            await using var server = await SoakServer.Start(settings.Environment, new Dictionary<string, string>
            {
                ["ConnectionStrings__Postgres"] = postgres ?? "",
                ["ConnectionStrings__Sqlite"] = sqlite is null ? "" : $"Data Source={sqlite}",
            });
            Console.WriteLine($"PCMD pid {server.Pid} at {server.BaseUrl}, ready in {clock.Elapsed.TotalSeconds:0} s");

            var setupStats = new SoakStats(1);
            var client = new SoakClient(server.BaseUrl, setupStats, settings.Timeout);
            var actions = new SoakActions(client, password);
            var ops = await Prepare(actions, client);
            report.DataLine = DataLine(actions);
            Console.WriteLine(report.DataLine);
            if (setupStats.ErrorsByKind(0, 1) is { Count: > 0 } setupErrors)
                throw new InvalidOperationException("The start's requests failed: " + string.Join("; ", setupStats.Examples));

            var stats = new SoakStats(settings.Minutes);
            client.Stats = stats;
            report.Stats = stats;
            report.Ops = ops;
            await Drive(settings, server, actions, ops, stats, report);
            report.SkippedCycles = actions.SkippedCycles;
            report.ServerErrors = server.FirstErrors;
            fullErrors = server.FullErrors;
            report.ServerWarnings = server.WarningCount - report.ServerWarnings;
            report.ServerWarningExamples = server.FirstWarnings;
            foreach (var s in actions.Sessions.Values) s.Dispose();
        }
        finally
        {
            if (temporary is not null && !o.Has("keep")) try { Directory.Delete(temporary, recursive: true); } catch (IOException) { }
        }

        var markdown = report.Markdown(string.Join(" ", System.Environment.GetCommandLineArgs().Skip(1)).Replace(postgres ?? "\0", "<connection>", StringComparison.Ordinal));
        Console.WriteLine();
        Console.WriteLine(markdown);
        var output = o.Get("out") ?? Path.Combine(BenchHost.RepoRoot(), "bench", "results", $"soak-{DateTime.UtcNow:yyyy-MM-dd}.md");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
        await File.WriteAllTextAsync(output, markdown);
        Console.WriteLine($"Written to {output}");
        if (fullErrors.Count > 0)
        {
            // Next to the report: the server's error lines whole (the report keeps their first line only).
            var log = Path.ChangeExtension(output, ".errors.log");
            await File.WriteAllLinesAsync(log, fullErrors);
            Console.WriteLine($"Server errors, whole: {log}");
        }
        return report.Met ? 0 : 3;
    }

    /// <summary>Signs the accounts in, finds their ids, and tries every read once per user: an operation is run only by the users
    /// it answers 200 to (a role without the right is not part of the mix). The writes are tried once too.</summary>
    static async Task<List<SoakOp>> Prepare(SoakActions actions, SoakClient client)
    {
        foreach (var user in SoakActions.SteadyUsers) actions.Sessions[user] = await actions.SignIn(user);
        foreach (var s in actions.Sessions.Values) await actions.Discover(s);
        var random = new Random(1);
        var ops = new List<SoakOp>();
        foreach (var op in SoakMix.Ops)
        {
            if (op.Url is null)
            {
                ops.Add(op);
                continue;
            }
            foreach (var s in actions.Sessions.Values)
                if (op.Url(s, random) is { } url && await client.Call(s, 0, "trial", HttpMethod.Get, url, [200, 302, 403, 404]) is { Status: 200 })
                    s.Eligible.Add(op.Name);
            if (actions.Sessions.Values.Any(s => s.Eligible.Contains(op.Name))) ops.Add(op);
            else Console.WriteLine($"warning: no demo account may run '{op.Name}'; left out of the mix");
        }
        await actions.CreateInspection(0, random);
        await actions.CreateEstablishment(0, random);
        if (actions.Sessions[SoakActions.Inspector].OwnInspections.Count != 1 || actions.Sessions[SoakActions.Officer].OwnEstablishments.Count != 1)
            throw new InvalidOperationException($"The writes could not be tried: {SoakActions.Inspector} needs a team of 3 and establishments, {SoakActions.Officer} a unit.");
        if (!await actions.SignInCycle(0)) throw new InvalidOperationException("The sign-in cycle did not run.");
        foreach (var op in ops)
            Console.WriteLine($"  {op.Name,-24} {op.Kind,-8} weight {op.Weight,5:0.##}  by {(op.Owner ?? string.Join(", ", actions.Sessions.Values.Where(s => s.Eligible.Contains(op.Name)).Select(s => s.User)))}");
        return ops;
    }

    static async Task Drive(Settings settings, SoakServer server, SoakActions actions, List<SoakOp> ops, SoakStats stats, SoakReport report)
    {
        var slots = SoakMath.Slots(settings.Minutes, settings.Rate);
        var total = ops.Sum(o => o.Weight);
        var eligible = ops.Where(o => o.Url is not null).ToDictionary(o => o.Name, o => actions.Sessions.Values.Where(s => s.Eligible.Contains(o.Name)).ToArray());
        var inFlight = 0;
        var clock = Stopwatch.StartNew();
        report.LoadAtStart = BenchHost.LoadAverage();
        report.Started = DateTime.UtcNow;

        async Task Execute(SoakOp op, int minute, Random r)
        {
            try
            {
                if (op.Run is not null) await op.Run(actions, minute, r);
                else
                {
                    var candidates = eligible[op.Name];
                    var s = candidates[r.Next(candidates.Length)];
                    if (op.Url!(s, r) is { } url) await actions.Client.Call(s, minute, op.Name, HttpMethod.Get, url, [200]);
                }
            }
            catch (Exception e) { stats.Error(minute, op.Name, "client exception", e.GetType().Name + ": " + e.Message); }
            finally { Interlocked.Decrement(ref inFlight); }
        }

        // The schedule runs on a thread of its own, so that a busy thread pool delays requests (counted as late), not the clock.
        var dispatcher = new Thread(() =>
        {
            var choose = new Random(42);
            for (long k = 0; k < slots; k++)
            {
                var due = SoakMath.DueAt(k, settings.Rate);
                var wait = due - clock.Elapsed;
                if (wait > TimeSpan.Zero) Thread.Sleep(wait);
                var lag = clock.Elapsed - due;
                var minute = (int)due.TotalMinutes;
                var outcome = SoakMath.Classify(lag, Volatile.Read(ref inFlight), settings.MaxInFlight, LateAfter);
                stats.Slot(minute, outcome, lag.TotalMilliseconds);
                if (outcome == SlotOutcome.Dropped) continue;
                var op = SoakMix.Choose(ops, choose.NextDouble() * total);
                var r = new Random(unchecked((int)k * 7919 + 17));
                Interlocked.Increment(ref inFlight);
                _ = Task.Run(() => Execute(op, minute, r));
            }
        }) { IsBackground = true, Name = "soak dispatcher", Priority = ThreadPriority.AboveNormal };
        dispatcher.Start();

        var printed = 0;
        var errorsSeen = server.ErrorCount; // errors of the start (none expected) are the set-up's, not the run's
        report.ServerWarnings = server.WarningCount;
        SoakReport.PrintHeader();
        while (dispatcher.IsAlive || Volatile.Read(ref inFlight) > 0)
        {
            await Task.Delay(TimeSpan.FromSeconds(settings.SampleSeconds));
            var at = clock.Elapsed.TotalMinutes;
            var minute = Math.Min((int)at, settings.Minutes - 1);
            if (server.Sample() is { } sample) stats.Memory(minute, at, sample, await server.HeapSample());
            var errors = server.ErrorCount;
            stats.ServerLogErrors(minute, errors - errorsSeen);
            errorsSeen = errors;
            if (server.HasExited) throw new InvalidOperationException("PCMD exited during the run.");
            // A minute's row is printed a few seconds after it ends, when its slowest requests have answered.
            while (printed < settings.Minutes && at >= printed + 1 + 5.0 / 60) report.PrintMinute(printed++);
            if (!dispatcher.IsAlive && clock.Elapsed.TotalMinutes > settings.Minutes + settings.Timeout.TotalMinutes + 0.5) break;
        }
        while (printed < settings.Minutes) report.PrintMinute(printed++);
        report.Finished = DateTime.UtcNow;
        report.LoadAtEnd = BenchHost.LoadAverage();
    }

    static async Task<int> Establishments(string? postgres, string? sqlite)
    {
        if (sqlite is not null && !File.Exists(sqlite)) return 0;
        await using var host = BenchHost.Create(postgres, sqlite);
        await host.Migrate();
        using var scope = host.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PcmdDbContext>().Establishments.CountAsync();
    }

    static string DataLine(SoakActions actions)
    {
        var admin = actions.Sessions["admin"];
        return $"Data: {admin.EstablishmentTotal:N0} establishments, {admin.InspectionTotal:N0} inspections, {admin.Plans.Count} plans " +
            $"(as admin); {actions.Sessions.Count} accounts signed in ({string.Join(", ", actions.Sessions.Keys)}) and {SoakActions.Churn} for the sign-in cycle";
    }

    static string Describe(string postgres) =>
        string.Join(";", postgres.Split(';').Where(p => !p.StartsWith("Password", StringComparison.OrdinalIgnoreCase)));
}
