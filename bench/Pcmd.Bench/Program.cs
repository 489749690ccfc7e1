using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Pcmd.Bench;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Synthetic;
using Pcmd.Web.Features.OrgUnits;
using Pcmd.Web.Features.Reference;

// dotnet run -c Release --project bench/Pcmd.Bench -- generate --scale city|country [--seed 42] [--connection "<postgres>"|--sqlite <file>] [--append] [--reset]
// dotnet run -c Release --project bench/Pcmd.Bench -- run [--connection "<postgres>"] [--year 2025] [--runs 20] [--warmups 3] [--rows 100000] [--skip-import]
// dotnet run -c Release --project bench/Pcmd.Bench -- reporting [--connection "<postgres>"] [--runs 20] [--warmups 3]
// dotnet run -c Release --project bench/Pcmd.Bench -- plan-results [--connection "<postgres>"] [--runs 20] [--warmups 3]   (binds placeholders: a copy of a data set)
// dotnet run -c Release --project bench/Pcmd.Bench -- figure-cache [--connection "<postgres>"] [--runs 20] [--cold-runs 5] [--country]   (binds 3.1.1: a copy of a data set)
// dotnet run -c Release --project bench/Pcmd.Bench -- scope [--connection "<postgres>"] [--units 01,VN] [--runs 30] [--warmups 5]
// dotnet run -c Release --project bench/Pcmd.Bench -- audit-reads [--connection "<postgres>"|--sqlite <file>] [--reads 500] [--blocks 10]
// dotnet run -c Release --project bench/Pcmd.Bench -- readers [--rows 100000] [--runs 5] [--file <xlsx>] [--out <md>]   (no PostgreSQL)
// dotnet run -c Release --project bench/Pcmd.Bench -- soak [--minutes 30] [--warmup 2] [--rate 20] [--data demo|city] [--postgres | --connection "<postgres>" | --sqlite <file>] [--reset]
// dotnet run -c Release --project bench/Pcmd.Bench -- throughput --connection "<postgres>" [--seconds 20] [--connections 8] [--rounds 2]
// dotnet run -c Release --project bench/Pcmd.Bench -- cluster-throughput [--seconds 15] [--connections 8] [--rounds 2]   (a running scripts/cluster.sh)
// dotnet run -c Release --project bench/Pcmd.Bench -- cluster-faults [--seconds 30] [--workers 4]   (a running scripts/cluster.sh, 2+ nodes)
// dotnet run -c Release --project bench/Pcmd.Bench -- map [--connection "<postgres>"] [--seconds 5] [--rounds 2] [--concurrency 8]
// dotnet run -c Release --project bench/Pcmd.Bench -- exports [--template pcmd_country] [--connection "<postgres copy>"] [--settle 10] [--web <other src/Pcmd.Web>]
// dotnet run --project bench/Pcmd.Bench -- tips [--connection "<postgres>"] [--year 2025] [--runs 20] [--clients 50] [--seconds 60] [--build Debug]
// dotnet run --project bench/Pcmd.Bench -- support [--connection "<postgres>"] [--year 2025] [--runs 20] [--warmups 3] [--pages 200]
// dotnet run -c Release --project bench/Pcmd.Bench -- bombs [--file <xlsx of benchmark (a)>]   (no database)
// See docs/synthetic-data.md and the README's "Benchmarks" section.

var options = Args.Parse(args);
try
{
    return options.Command switch
    {
        "generate" => await Generate(options),
        "run" => await Benchmarks.Run(options),
        "import" => await ImportBenchmark.Child(options),
        "reporting" => await ReportingBenchmark.Run(options),
        "plan-results" => await PlanResultsBenchmark.Run(options),
        "figure-cache" => await FigureCacheBenchmark.Run(options),
        "readers" => await ReadersBenchmark.Run(options),
        "audit-reads" => await AuditReadsBenchmark.Run(options),
        "scope" => await ScopeBenchmark.Run(options),
        "read" => ReadersBenchmark.Child(options),
        "soak" => await Pcmd.Bench.Soak.SoakBenchmark.Run(options, Generate),
        "bombs" => await BombsBenchmark.Run(options),
        "throughput" => await Pcmd.Bench.Throughput.ThroughputBenchmark.Run(options),
        "map" => await MapBenchmark.Run(options),
        "cluster-throughput" => await Pcmd.Bench.Cluster.ClusterThroughput.Run(options),
        "cluster-faults" => await Pcmd.Bench.Cluster.ClusterFaults.Run(options),
        "exports" => await ExportsBenchmark.Run(options),
        "tips" => await TipsBenchmark.Run(options),
        "support" => await SupportBenchmark.Run(options),
        "bomb" => BombsBenchmark.Child(options),
        _ => Usage(),
    };
}
catch (Exception e) when (e is ArgumentException or InvalidOperationException)
{
    Console.Error.WriteLine("error: " + e.Message);
    return 2;
}

static int Usage()
{
    Console.Error.WriteLine("""
        usage:
          Pcmd.Bench generate --scale demo|city|country [--seed 42] [--connection "<postgres>" | --sqlite <file>] [--append] [--reset]
                          [--only tips]   (only the tips and enforcement records of issue 11, on units loaded by the run)
                          [--only support]   (only the support records of issue 12: cases, contacts, needs, referrals, groups)
          Pcmd.Bench run [--connection "<postgres>"] [--year 2025] [--runs 20] [--warmups 3] [--rows 100000] [--skip-import]
          Pcmd.Bench reporting [--connection "<postgres>"] [--runs 20] [--warmups 3]
          Pcmd.Bench plan-results [--connection "<postgres>"] [--runs 20] [--warmups 3]   (a plan's ten indicators, one query each vs one pass;
                          binds placeholders and adds a country copy of the plan: run it on a copy of a data set)
          Pcmd.Bench figure-cache [--connection "<postgres>"] [--runs 20] [--cold-runs 5] [--country]   (results, dashboard, home, drill-down:
                          cold, first after a write, warm; binds 3.1.1 and with --country adds a country copy: a copy of a data set)
          Pcmd.Bench scope [--connection "<postgres>"] [--units 01,VN] [--runs 30] [--warmups 5]   (a coordinator's list: scope as ids vs the closure subquery)
          Pcmd.Bench audit-reads [--connection "<postgres>" | --sqlite <file>] [--reads 500] [--blocks 10]   (what the read audit costs)
          Pcmd.Bench readers [--rows 100000] [--runs 5] [--file <xlsx>] [--out <md>]   (the .xlsx readers compared; no PostgreSQL)
          Pcmd.Bench soak [--minutes 30] [--warmup 2] [--rate 20] [--max-in-flight 64] [--timeout 30] [--sample 5] [--data demo|city]
                          [--postgres | --connection "<postgres>" | --sqlite <file>] [--reset] [--keep] [--environment Production] [--out <md>]
                          (the built app as a process under a fixed request rate; SQLite in a fresh temporary file by default)
          Pcmd.Bench throughput (--connection "<postgres>" | --sqlite <file>) [--seconds 20] [--connections 8] [--rounds 2] [--plan 2026] [--map <path>]
                          (requests/s of the issue's reads side by side with /health, the built app as a process)
          Pcmd.Bench cluster-throughput [--seconds 15] [--connections 8] [--rounds 2] [--nodes N]   (through the nginx of a running
                          scripts/cluster.sh with 1…N nodes side by side; PCMD_CLUSTER_DIR, PCMD_CLUSTER_PORT as for the script)
          Pcmd.Bench cluster-faults [--seconds 30] [--workers 4]   (a load through nginx while a node is killed, the standby stopped, the
                          primary failed over; errors, lost writes, duplicate mails, recovery; changes the cluster: run it last)
          Pcmd.Bench map [--connection "<postgres>"] [--seconds 5] [--rounds 2] [--concurrency 8]   (the map's answers, old and new: bytes and answers/s; city data set)
          Pcmd.Bench exports [--template pcmd_country] [--connection "<postgres>"] [--settle 10] [--user admin] [--environment Production]
                          [--web <another build's src/Pcmd.Web>] [--out <md>]
                          (the establishments' .xlsx and .csv exports of the whole country, alone and two at once: the app's
                          memory before, peak and after, time and bytes; runs on a copy, pcmd_country_exports by default)
          Pcmd.Bench support [--connection "<postgres>"] [--year 2025] [--runs 20] [--warmups 3] [--pages 200]
                          (issue 12: the country's 3.1.3 share, app vs SQL; a case worker's caseload p95)
          Pcmd.Bench tips [--connection "<postgres>"] [--year 2025] [--runs 20] [--warmups 3] [--clients 50] [--seconds 60] [--build Release|Debug]
                          [--skip-share] [--skip-submit]   (issue 11: the country's tips on time, app vs SQL; the public submit under load)
          Pcmd.Bench bombs [--file <xlsx>]   (hostile spreadsheets read as the import reads them: outcome and peak memory; no database)
        The PostgreSQL connection defaults to $PCMD_BENCH_PG or the bench cluster on port 55440
        (PCMD_PG_PORT=55440 PCMD_PG_DIR=/tmp/pcmd-pg-bench scripts/pg-cluster.sh start).
        """);
    return 1;
}

static async Task<int> Generate(Args o)
{
    var scale = SyntheticScale.Parse(o.Get("scale") ?? throw new ArgumentException("--scale demo|city|country is required."));
    var seed = o.Int("seed", 42);
    var sqlite = o.Get("sqlite");
    var postgres = sqlite is null ? o.Connection : null;
    if (postgres is not null) await BenchDatabase.CreateIfMissing(postgres);
    if (o.Has("reset")) await BenchDatabase.Reset(postgres, sqlite);
    await using var host = BenchHost.Create(postgres, sqlite);
    Console.WriteLine($"Database: {host.Database.Provider} ({Describe(postgres, sqlite)})");
    await host.Migrate();
    using var scope = host.Services.CreateScope();
    var sp = scope.ServiceProvider;
    var data = sp.GetRequiredService<SyntheticData>();
    var progress = new SyncProgress(m => Console.WriteLine("  " + m));

    var clock = Stopwatch.StartNew();
    await data.EnsurePrerequisites(scale, sp.GetRequiredService<AddressPackageImporter>(), sp.GetRequiredService<ReferenceData>(), progress);
    var prerequisites = clock.Elapsed;
    Console.WriteLine($"Units and catalogues ready in {prerequisites.TotalSeconds:0.0} s");

    var result = await data.Generate(new SyntheticOptions(scale, seed, o.Has("append"), o.Get("only") == "tips", o.Get("only") == "support"), progress);
    Console.WriteLine();
    Console.WriteLine($"| scale {scale.Name}, seed {seed} | count |");
    Console.WriteLine("|---|---:|");
    foreach (var (name, count) in new (string, int)[]
    {
        ("current communes", result.Communes), ("old communes (until 30/6/2025)", result.OldCommunes), ("establishments", result.Establishments),
        ("inspection teams", result.Teams), ("team members", result.TeamMembers), ("inspections", result.Inspections),
        ("members present", result.InspectionMembers), ("violations", result.Violations), ("sanctions", result.Sanctions),
        ("hotspots", result.Hotspots), ("hotspot events", result.HotspotEvents), ("tips", result.Enforcement.Tips),
        ("tip steps", result.Enforcement.TipSteps), ("tip deadline extensions", result.Enforcement.Extensions),
        ("criminal cases", result.Enforcement.CriminalCases), ("administrative sanctions", result.Enforcement.AdministrativeSanctions),
        ("support cases", result.Support.Cases), ("outreach contacts", result.Support.Contacts), ("referrals", result.Support.Referrals),
        ("peer groups", result.Support.Groups),
    })
        Console.WriteLine($"| {name} | {count:N0} |");
    Console.WriteLine();
    Console.WriteLine($"units and catalogues {prerequisites.TotalSeconds:0.0} s; generating {result.Generating.TotalSeconds:0.0} s; " +
        $"writing {result.Writing.TotalSeconds:0.0} s; total {(prerequisites + result.Total).TotalSeconds:0.0} s");
    return 0;
}

static string Describe(string? postgres, string? sqlite) =>
    sqlite is not null ? Path.GetFullPath(sqlite) : string.Join(";", postgres!.Split(';').Where(p => !p.StartsWith("Password", StringComparison.OrdinalIgnoreCase)));

/// <summary>Prints at once (Progress&lt;T&gt; would post to the thread pool and print out of order).</summary>
sealed class SyncProgress(Action<string> report) : IProgress<string>
{
    public void Report(string value) => report(value);
}
