using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Data;
using Pcmd.Web.Security;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.Monitoring;

/// <summary>Every few minutes on each node: the dashboard of every plan in force this year and the drill-down of each of its bound
/// indicators with a target, computed as the system, so that their figures are in this node's figure cache when a leader opens
/// a home or a dashboard (issue 14: computed afresh, a city's home takes over a second; from the cache, milliseconds). Nothing is
/// kept that a request would not keep: every figure is still checked against the registers' generations when read, and a
/// write since is brought up to date unit by unit. Cached figures unused for 30 minutes are dropped, so a period under that keeps
/// them. Off with <c>Pcmd:Monitoring:WarmMinutes=0</c> (the HTTP tests run it by hand).</summary>
public sealed class FigureWarmer(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration config, ILogger<FigureWarmer> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var minutes = config.GetValue("Pcmd:Monitoring:WarmMinutes", 10);
        if (minutes <= 0) return;
        // After start-up (schema, demo data), then periodically.
        await Task.Delay(TimeSpan.FromSeconds(30), clock, stoppingToken);
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(minutes), clock);
        do
        {
            try { await RunOnce(stoppingToken); }
            catch (Exception e) when (e is not OperationCanceledException) { log.LogWarning(e, "Warming the figures failed; retrying at the next period"); }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Computes the plans' dashboards and drill-downs; the number of plans warmed.</summary>
    public async Task<int> RunOnce(CancellationToken ct)
    {
        var year = VietnamTime.Today(clock).Year;
        List<int> plans;
        using (var scope = scopes.CreateScope())
            plans = await scope.ServiceProvider.GetRequiredService<PcmdDbContext>().Plans.AsNoTracking()
                .Where(p => p.PeriodFrom <= year && p.PeriodTo >= year).OrderBy(p => p.Level).Select(p => p.Id).ToListAsync(ct);
        foreach (var plan in plans)
        {
            // A scope per plan: a request's worth of work, its generations read afresh.
            using var scope = scopes.CreateScope();
            var dashboards = scope.ServiceProvider.GetRequiredService<DashboardService>();
            var d = await dashboards.ForPlan(UserScope.System, plan, year, null, ct);
            foreach (var i in d.Indicators.Where(i => i.Result.Computation is not null && i.Result.Target is not null))
                await dashboards.ForIndicator(UserScope.System, i.Result.IndicatorId, year, d.Unit.Id, "-gap", ct);
        }
        return plans.Count;
    }
}
