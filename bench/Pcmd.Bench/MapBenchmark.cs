using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Map;
using Pcmd.Web.Features.OrgUnits;
using Pcmd.Web.Features.Users;
using Pcmd.Web.Security;
using Pcmd.Web.Shared;

namespace Pcmd.Bench;

/// <summary>Issue 10 item 4: bytes per answer and answers per second of the map, old (<see cref="MapLegacy"/>: every
/// point with its label) and new (<see cref="MapService.View"/>: the box, clusters above the threshold), side by side and
/// interleaved in one run, for the whole city and for one ward, as a city coordinator. Each call takes a new DI scope
/// (a new DbContext), as a request does, and is serialised with the API's JSON options (<see cref="PlatformModule.ApiJson"/>),
/// so that the bytes are those a client receives (before compression). In process: no HTTP, no cookie, no session.</summary>
public static class MapBenchmark
{
    static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    static readonly JsonSerializerOptions Json = PlatformModule.ApiJson(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    sealed record Scenario(string Name, Func<IServiceProvider, Task<object>> Call);

    public static async Task<int> Run(Args o)
    {
        var connection = o.Get("connection") ?? Environment.GetEnvironmentVariable("PCMD_BENCH_PG")
            ?? "Host=127.0.0.1;Port=55440;Username=postgres;Database=pcmd_city_map;Pooling=true";
        var seconds = o.Double("seconds", 5);
        var rounds = o.Int("rounds", 2);
        var workers = o.Int("concurrency", 8);
        var loadAtStart = BenchHost.LoadAverage();
        await using var host = await BenchHost.OpenPostgres(connection);

        var (scope, ward, wardName, wardBox, counts) = await Setup(host);
        var city = await Extent(host, scope, new MapFilter());
        var cityZoom = FitZoom(city);
        var wardZoom = FitZoom(wardBox);
        var street = View((wardBox.South + wardBox.North) / 2, (wardBox.West + wardBox.East) / 2, 17);
        Console.WriteLine($"Data: {counts}; as a coordinator of the city ({scope.ReadableUnits.Count} readable units); ward {wardName}");
        var scenarios = new Scenario[]
        {
            new("city, before: whole area, every point (≤ 5,000) with its label", sp => Old(sp, scope, new MapFilter())),
            new("city, after: whole area (first call of the page)", sp => New(sp, scope, new MapFilter(), null, null)),
            new($"city, after: the city's box at zoom {cityZoom} (after the page fits it)", sp => New(sp, scope, new MapFilter(), city, cityZoom)),
            new($"ward, before: `unit=` {wardName}, every point with its label", sp => Old(sp, scope, new MapFilter(ward))),
            new($"ward, after: the ward's box at zoom {wardZoom}", sp => New(sp, scope, new MapFilter(), wardBox, wardZoom)),
            new("street, after: 1280 × 640 px at zoom 17 around the ward's centre", sp => New(sp, scope, new MapFilter(), street, 17)),
        };
        var bytes = new int[scenarios.Length];
        var shapes = new string[scenarios.Length];
        var rates = scenarios.Select(_ => new List<double>()).ToArray();
        for (var i = 0; i < scenarios.Length; i++) // warm-up and what each answers
        {
            using var s = host.Services.CreateScope();
            var answer = await scenarios[i].Call(s.ServiceProvider);
            bytes[i] = JsonSerializer.SerializeToUtf8Bytes(answer, Json).Length;
            shapes[i] = Shape(answer);
            Console.WriteLine($"{scenarios[i].Name}: {bytes[i]:N0} bytes; {shapes[i]}");
        }
        for (var r = 0; r < rounds; r++)
            for (var i = 0; i < scenarios.Length; i++)
            {
                var rate = await Throughput(host, scenarios[i], workers, TimeSpan.FromSeconds(seconds));
                rates[i].Add(rate);
                Console.WriteLine($"round {r + 1}, {scenarios[i].Name}: {rate:0.0} answers/s");
            }

        var sb = new StringBuilder();
        sb.AppendLine("## Map (issue 10): city data set, before and after");
        sb.AppendLine();
        sb.AppendLine($"- when: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; load average (1 min) at the start and the end: {loadAtStart} → {BenchHost.LoadAverage()} " +
            "(the machine's 2 cores were shared with other builds and tests: every rate is lower than on a quiet machine; the ratios are what counts)");
        sb.AppendLine($"- data: {counts}; as a coordinator of the city ({scope.ReadableUnits.Count} readable units)");
        sb.AppendLine($"- command: `dotnet run -c Release --project bench/Pcmd.Bench -- map` (arguments `{string.Join(" ", Environment.GetCommandLineArgs().Skip(1)).Replace(connection, "<connection>", StringComparison.Ordinal)}`); " +
            $"in process, {workers} concurrent callers, {seconds.ToString("0", Inv)} s per scenario, {rounds} interleaved rounds");
        sb.AppendLine();
        sb.AppendLine("| scenario | bytes per answer | answer | answers/s (each round) |");
        sb.AppendLine("|---|---:|---|---|");
        for (var i = 0; i < scenarios.Length; i++)
            sb.AppendLine($"| {scenarios[i].Name} | {bytes[i].ToString("N0", Inv)} | {shapes[i]} | {string.Join(" · ", rates[i].Select(x => x.ToString("0", Inv)))} |");
        var markdown = sb.ToString();
        Console.WriteLine();
        Console.WriteLine(markdown);
        var output = o.Get("out") ?? Path.Combine(BenchHost.RepoRoot(), "bench", "results", "map.md");
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        await File.WriteAllTextAsync(output, "# Benchmark results\n\n" + markdown);
        Console.WriteLine($"Written to {output}");
        return 0;
    }

    static async Task<object> Old(IServiceProvider sp, UserScope scope, MapFilter f) =>
        await ActivatorUtilities.CreateInstance<MapLegacy>(sp).Points(scope, f);

    static async Task<object> New(IServiceProvider sp, UserScope scope, MapFilter f, MapBox? box, int? zoom) =>
        await sp.GetRequiredService<MapService>().View(scope, f, box, zoom);

    static async Task<double> Throughput(BenchHost host, Scenario s, int workers, TimeSpan length)
    {
        var done = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
        {
            while (clock.Elapsed < length)
            {
                using var scope = host.Services.CreateScope();
                var answer = await s.Call(scope.ServiceProvider);
                _ = JsonSerializer.SerializeToUtf8Bytes(answer, Json);
                Interlocked.Increment(ref done);
            }
        })));
        return done / clock.Elapsed.TotalSeconds;
    }

    static string Shape(object answer) => answer switch
    {
        MapView v => string.Join(", ", new[] { ("hotspots", v.Hotspots), ("establishments", v.Establishments) }.Where(l => l.Item2 is not null)
            .Select(l => $"{l.Item1}: {l.Item2!.Total:N0} in " + (l.Item2.Clusters is { } c ? $"{c.Count} clusters" : $"{l.Item2.Points!.Count} points"))) +
            $"; {v.Units.Count} unit names",
        System.Collections.ICollection c => $"{c.Count:N0} points",
        _ => "?",
    };

    /// <summary>The zoom at which Leaflet fits a box into a 1280 × 640 px map (as the page does, at most 15).</summary>
    static int FitZoom(MapBox b)
    {
        var z = Math.Min(Math.Log2(1280 * 360 / (256 * (b.East - b.West))), Math.Log2(640 * 360 / (256 * (b.North - b.South))));
        return (int)Math.Clamp(Math.Floor(z), 0, 15);
    }

    /// <summary>The box a 1280 × 640 px map shows around a centre at a zoom (degrees per pixel: 360 / (256 · 2^zoom)).</summary>
    static MapBox View(double lat, double lng, int zoom)
    {
        var perPixel = 360 / (256 * Math.Pow(2, zoom));
        return new MapBox(lng - 640 * perPixel, lat - 320 * perPixel, lng + 640 * perPixel, lat + 320 * perPixel);
    }

    static async Task<MapBox> Extent(BenchHost host, UserScope scope, MapFilter f)
    {
        using var s = host.Services.CreateScope();
        return (await s.ServiceProvider.GetRequiredService<MapService>().View(scope, f, null, null)).Extent
            ?? throw new InvalidOperationException("No point has coordinates: generate the city data set first.");
    }

    /// <summary>The city coordinator's scope (the city's unit, as the demo's coordinator), and the ward with the most
    /// located establishments registered under its own id (the old communes merged into it add theirs to its area).</summary>
    static async Task<(UserScope Scope, int Ward, string WardName, MapBox WardBox, string Counts)> Setup(BenchHost host)
    {
        using var s = host.Services.CreateScope();
        var sp = s.ServiceProvider;
        var db = sp.GetRequiredService<PcmdDbContext>();
        var tree = sp.GetRequiredService<OrgUnitTree>();
        var cityId = await db.OrgUnits.Where(u => u.Code == "01" && u.ValidTo == null).Select(u => u.Id).SingleAsync();
        var principal = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, "bench-map"), new Claim(ClaimTypes.Role, Roles.Coordinator), new Claim(UserScope.OrgUnitClaim, cityId.ToString(Inv))], "bench"));
        var scope = await UserScope.Build(principal, tree);
        var located = db.Establishments.Where(e => e.Latitude != null && e.Longitude != null);
        var top = await located.Join(db.OrgUnits.Where(u => u.Level == OrgUnitLevel.Commune && u.ValidTo == null), e => e.OrgUnitId, u => u.Id, (e, u) => e)
            .GroupBy(e => e.OrgUnitId).OrderByDescending(g => g.Count()).Select(g => new { Unit = g.Key, Count = g.Count() }).FirstAsync();
        var ward = (await tree.Find(top.Unit))!;
        var wardBox = (await sp.GetRequiredService<MapService>().View(scope, new MapFilter(top.Unit), null, null)).Extent!.Value;
        var counts = $"{await db.Establishments.CountAsync():N0} establishments ({await located.CountAsync():N0} with coordinates), " +
            $"{await db.Hotspots.CountAsync(h => h.Latitude != null):N0} hotspots with coordinates";
        return (scope, top.Unit, ward.Name, wardBox, counts);
    }

}
