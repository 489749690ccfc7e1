using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Establishments;
using Pcmd.Web.Features.OrgUnits;
using Pcmd.Web.Features.Users;
using Pcmd.Web.Security;

namespace Pcmd.Bench;

/// <summary>`scope` (issue 10, item 1): a coordinator's establishments list — the count and the first page of 50 by name, as
/// <see cref="EstablishmentService.List"/> answers it — with the user's scope sent as a list of unit ids (the code before
/// the closure table) and as the subquery on <c>org_unit_areas</c> (the app now), interleaved in one run, a new DbContext
/// per call. Also the cost of the closure table's sync (filling it, and a sync with nothing to change).</summary>
public static class ScopeBenchmark
{
    public static async Task<int> Run(Args o)
    {
        var connection = o.Connection;
        var runs = o.Int("runs", 30);
        var warmups = o.Int("warmups", 5);
        var codes = (o.Get("units") ?? "01,VN").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var loadAtStart = BenchHost.LoadAverage();
        await using var host = BenchHost.Create(connection, null);
        if (host.Database.Provider != DatabaseProvider.Postgres) throw new InvalidOperationException("The benchmarks run on PostgreSQL.");

        var clock = Stopwatch.StartNew();
        await host.Migrate();   // applies 0010 and fills org_unit_areas on a database generated before it
        var migrate = clock.Elapsed.TotalMilliseconds;
        var noOp = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            using var s = host.Services.CreateScope();
            clock.Restart();
            var (removed, added) = await OrgUnitAreas.Sync(s.ServiceProvider.GetRequiredService<PcmdDbContext>());
            noOp.Add(clock.Elapsed.TotalMilliseconds);
            if (removed + added != 0) throw new InvalidOperationException("A second sync changed the table.");
        }
        string dataLine;
        using (var s = host.Services.CreateScope())
        {
            var db = s.ServiceProvider.GetRequiredService<PcmdDbContext>();
            dataLine = $"{await db.Establishments.CountAsync():N0} establishments, {await db.OrgUnits.CountAsync():N0} units, " +
                $"{await db.OrgUnitAreas.CountAsync():N0} rows in org_unit_areas";
        }
        Console.WriteLine($"{dataLine}; migrate + sync {migrate:0} ms; sync with nothing to change: median {Median(noOp):0.0} ms");

        var tree = host.Services.GetRequiredService<OrgUnitTree>();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var rows = new List<string>();
        foreach (var code in codes)
        {
            var unit = await tree.Resolve(code, today) ?? throw new InvalidOperationException($"No unit '{code}' today.");
            var scope = await UserScope.Build(Coordinator(unit.Id), tree);

            async Task<(int Total, List<int> Ids)> Ids()
            {
                using var s = host.Services.CreateScope();
                var db = s.ServiceProvider.GetRequiredService<PcmdDbContext>();
                var query = s.ServiceProvider.GetRequiredService<EstablishmentQuery>();
                // The predicate as it was: the readable units' ids, sent with the query.
                var ids = scope.ReadableUnits.ToList();
                var q = db.Establishments.AsNoTracking().Where(e => ids.Contains(e.OrgUnitId));
                var total = await q.CountAsync();
                var items = await query.Sort(q, null).Take(EstablishmentService.DefaultPageSize)
                    .Select(e => new EstablishmentListItem(e.Id, e.Name, e.Address, e.TypeId, e.Type!.Name, e.Type.Group, e.OrgUnitId, e.OrgUnit!.Name,
                        e.LicenceNumber, e.WorkerCount, e.RiskClass, e.Status, e.CommitmentSigned, e.CommitmentDate))
                    .ToListAsync();
                return (total, items.Select(i => i.Id).ToList());
            }
            async Task<(int Total, List<int> Ids)> Subquery()
            {
                using var s = host.Services.CreateScope();
                var page = await s.ServiceProvider.GetRequiredService<EstablishmentService>().List(scope, new EstablishmentFilter());
                return (page.Total, page.Items.Select(i => i.Id).ToList());
            }

            using (var s = host.Services.CreateScope())
            {
                var db = s.ServiceProvider.GetRequiredService<PcmdDbContext>();
                var ids = scope.ReadableUnits.ToList();
                var asIds = db.Establishments.Where(e => ids.Contains(e.OrgUnitId)).ToQueryString();
                var now = (await s.ServiceProvider.GetRequiredService<EstablishmentQuery>().Build(scope, new EstablishmentFilter(), default)).ToQueryString();
                Console.WriteLine($"{code} before ({asIds.Length:N0} chars of SQL):\n{Cut(asIds)}\n{code} now ({now.Length:N0} chars):\n{Cut(now)}");
            }
            var a = await Ids();
            var b = await Subquery();
            if (a.Total != b.Total || !a.Ids.SequenceEqual(b.Ids))
                throw new InvalidOperationException($"{unit.Name}: the two predicates disagree ({a.Total} vs {b.Total}).");
            var before = new List<double>();
            var after = new List<double>();
            for (var i = 0; i < warmups + runs; i++)
            {
                // Alternate which goes first, so that neither always meets the other's cache.
                foreach (var (old, first) in i % 2 == 0 ? new[] { (true, 0), (false, 1) } : new[] { (false, 0), (true, 1) })
                {
                    clock.Restart();
                    if (old) await Ids(); else await Subquery();
                    if (i >= warmups) (old ? before : after).Add(clock.Elapsed.TotalMilliseconds);
                }
            }
            var line = $"| {unit.Name} ({code}), {scope.ReadableUnits.Count:N0} readable units | {a.Total:N0} | median {Median(before):0.0} ms, " +
                $"p90 {P90(before):0.0} | median {Median(after):0.0} ms, p90 {P90(after):0.0} | {Median(before) / Median(after):0.00} × |";
            Console.WriteLine(line);
            rows.Add(line);
        }
        Console.WriteLine();
        Console.WriteLine($"- load average (1 min) at the start and the end: {loadAtStart} → {BenchHost.LoadAverage()}; {runs} interleaved runs after {warmups} warm-ups");
        Console.WriteLine($"- data set: {dataLine}; migrate + first sync {migrate:0} ms; a sync with nothing to change: median {Median(noOp):0.0} ms");
        Console.WriteLine("| coordinator of | establishments in scope | ids in the query (before) | subquery on org_unit_areas (now) | speed-up |");
        Console.WriteLine("|---|---:|---|---|---:|");
        foreach (var r in rows) Console.WriteLine(r);
        return 0;
    }

    static ClaimsPrincipal Coordinator(int unitId) => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.Name, "bench.coordinator"), new Claim(ClaimTypes.Role, Roles.Coordinator), new Claim(UserScope.OrgUnitClaim, unitId.ToString(CultureInfo.InvariantCulture))],
        "bench"));

    static double Median(List<double> xs) => Benchmarks.Median(xs);

    static string Cut(string sql) => sql.Length <= 700 ? sql : sql[..350] + " … " + sql[^350..];

    static double P90(List<double> xs)
    {
        var s = xs.Order().ToList();
        return s[Math.Clamp((int)Math.Ceiling(0.9 * s.Count) - 1, 0, s.Count - 1)];
    }

}
