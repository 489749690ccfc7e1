using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Indicators;
using Pcmd.Web.Features.OrgUnits;
using Pcmd.Web.Features.Support;
using Pcmd.Web.Features.Targets;
using Pcmd.Web.Features.Users;
using Pcmd.Web.Security;

namespace Pcmd.Bench;

/// <summary>The speed targets of issue 12 on PostgreSQL with the synthetic support records (`generate --only support`): (a) the
/// share of indicator 3.1.3 (SupportReachedShare) for the whole country through the app's computation vs the equivalent
/// hand-written SQL aggregate, interleaved in the same run (app ≤ 2 × SQL); (b) a case worker's caseload — the worker with the most
/// open cases — through SupportService.Caseload, each call in a fresh DI scope as a request would be (p95 ≤ 150 ms).</summary>
public static class SupportBenchmark
{
    static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>What SupportFacts.ReachedShare computes for the whole country, written by hand.</summary>
    public const string CountryReachedSql = """
        SELECT COUNT(*) AS total,
               COALESCE(SUM(CASE WHEN EXISTS (SELECT 1 FROM support_referrals r WHERE r."CaseId" = c."Id" AND r."Outcome" = 'ServiceGiven'
                                   AND r."OutcomeOn" >= @from AND r."OutcomeOn" <= @to
                                   AND EXISTS (SELECT 1 FROM support_case_needs e WHERE e."CaseId" = c."Id" AND e."NeedKindId" = r."NeedKindId" AND e."Eligible"))
                        THEN 1 ELSE 0 END), 0) AS reached
        FROM support_cases c
        WHERE c."TargetGroup" = 'SexWorker' AND c."OpenedOn" <= @to AND (c."ClosedOn" IS NULL OR c."ClosedOn" >= @from)
          AND EXISTS (SELECT 1 FROM support_case_needs n WHERE n."CaseId" = c."Id" AND n."Eligible" AND n."ScreenedOn" <= @to)
        """;

    public static async Task<int> Run(Args o)
    {
        var connection = o.Connection;
        var year = o.Int("year", 2025);
        var runs = o.Int("runs", 20);
        var warmups = o.Int("warmups", 3);
        var pages = o.Int("pages", 200);
        var load = new List<string> { BenchHost.LoadAverage() };
        var md = new StringBuilder();
        md.AppendLine($"## Support (issue 12): `support` {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        md.AppendLine();
        await using var host = await BenchHost.OpenPostgres(connection);
        var (cases, contacts, referrals) = await Counts(host);
        Console.WriteLine($"{cases:N0} support cases, {contacts:N0} outreach contacts, {referrals:N0} referrals");
        if (cases < 60_000) Console.WriteLine("warning: the target is set for the country data set (generate --scale country --only support).");
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        var country = await host.Services.GetRequiredService<OrgUnitTree>().Resolve("VN", to)
            ?? throw new InvalidOperationException("The country unit (VN) is not loaded.");
        async Task<Actual> App()
        {
            using var scope = host.Services.CreateScope();
            var area = await scope.ServiceProvider.GetRequiredService<IndicatorAreas>().ForQuery(country.Id);
            return await scope.ServiceProvider.GetRequiredService<IndicatorComputations>().Compute(Computation.SupportReachedShare, area, from, to);
        }
        async Task<Actual> Sql()
        {
            await using var conn = new NpgsqlConnection(connection);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand(CountryReachedSql, conn);
            cmd.Parameters.Add(new NpgsqlParameter("from", NpgsqlDbType.Date) { Value = from });
            cmd.Parameters.Add(new NpgsqlParameter("to", NpgsqlDbType.Date) { Value = to });
            await using var r = await cmd.ExecuteReaderAsync();
            await r.ReadAsync();
            return Actual.Ratio(r.GetInt64(1), r.GetInt64(0));
        }
        var cmp = await AppVsSql.Interleaved(App, Sql, warmups, runs);
        var appValue = cmp.Value;
        Console.WriteLine($"(a) country {year}: {Share(appValue)}; app median {cmp.AppMedian:0.0} ms, SQL median {cmp.SqlMedian:0.0} ms, ratio {cmp.Ratio:0.00}");

        var (worker, scopeOf, open) = await Worker(host);
        var times = new List<double>();
        var rows = 0;
        for (var i = 0; i < warmups + pages; i++)
        {
            var clock = Stopwatch.StartNew();
            using (var scope = host.Services.CreateScope())
                rows = (await scope.ServiceProvider.GetRequiredService<SupportService>().Caseload(scopeOf, false)).Count;
            if (i >= warmups) times.Add(clock.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        double Pct(double p) => times[Math.Min(times.Count - 1, (int)Math.Ceiling(p * times.Count) - 1)];
        Console.WriteLine($"(b) caseload of {worker} ({rows} open cases): p50 {Pct(0.5):0.0} ms, p95 {Pct(0.95):0.0} ms");
        load.Add(BenchHost.LoadAverage());

        md.AppendLine($"- data: {cases:N0} support cases, {contacts:N0} outreach contacts, {referrals:N0} referrals; PostgreSQL (scripts/pg-cluster.sh: fsync off)");
        md.AppendLine();
        md.AppendLine("| benchmark | target | measured | |");
        md.AppendLine("|---|---|---|---|");
        md.AppendLine(AppVsSql.Row($"(a) indicator 3.1.3 \"share reached\", country, {year}: `IndicatorComputations.Compute(SupportReachedShare)` vs hand-written SQL",
            runs, warmups, cmp, Share(appValue)));
        md.AppendLine($"| (b) a case worker's caseload (`SupportService.Caseload`, {rows} open cases of {open} assigned), {pages} calls after {warmups} warm-ups, " +
            $"each in a fresh DI scope | p95 ≤ 150 ms | p50 {Ms(Pct(0.5))}, p95 {Ms(Pct(0.95))} | {(Pct(0.95) <= 150 ? "met" : "**missed**")} |");
        await AppVsSql.Write(md, o, "support", connection, load);
        return 0;
    }

    /// <summary>The case worker with the most open cases, and their scope as the sign-in would build it.</summary>
    static async Task<(string UserName, UserScope Scope, int Assigned)> Worker(BenchHost host)
    {
        using var s = host.Services.CreateScope();
        var db = s.ServiceProvider.GetRequiredService<PcmdDbContext>();
        var top = await db.CaseWorkerAssignments.Join(db.SupportCases.Where(c => c.ClosedOn == null), w => w.CaseId, c => c.Id, (w, c) => w.UserId)
            .GroupBy(u => u).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync();
        var user = await db.Users.SingleAsync(u => u.Id == top);
        var assigned = await db.CaseWorkerAssignments.CountAsync(w => w.UserId == top);
        var principal = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, user.UserName!), new Claim(ClaimTypes.Role, Roles.CaseWorker), new Claim(UserScope.OrgUnitClaim, user.OrgUnitId.ToString(Inv))], "bench"));
        return (user.UserName!, await UserScope.Build(principal, s.ServiceProvider.GetRequiredService<OrgUnitTree>()), assigned);
    }

    static async Task<(int Cases, int Contacts, int Referrals)> Counts(BenchHost host)
    {
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PcmdDbContext>();
        return (await db.SupportCases.CountAsync(), await db.OutreachContacts.CountAsync(), await db.Referrals.CountAsync());
    }

    static string Ms(double ms) => ReportingBenchmark.Ms(ms);

    static string Share(Actual a) => AppVsSql.Share(a, "nobody eligible");
}
