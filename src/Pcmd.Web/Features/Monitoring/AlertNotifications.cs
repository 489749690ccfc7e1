using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Notifications;
using Pcmd.Web.Features.Users;

namespace Pcmd.Web.Features.Monitoring;

/// <summary>Every hour: the alerts of each responsible user's area (leaders and coordinators of their unit, ward officers and
/// inspectors of their ward) as in-app notifications, once each: the alert's key is the notification's dedup key, so a rule
/// that still holds an hour later adds nothing. Off with <c>Pcmd:Monitoring:AlertJob=false</c> (the HTTP tests run it by hand).
/// On several nodes one pass runs at a time (<see cref="ClusterLock"/>).</summary>
public sealed class AlertNotifications(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration config, ClusterLock locks,
    ILogger<AlertNotifications> log)
    : BackgroundService
{
    static readonly string[] Responsible = [Roles.Leader, Roles.Coordinator, Roles.CommuneOfficer, Roles.Inspector];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!config.GetValue("Pcmd:Monitoring:AlertJob", true)) return;
        // After start-up (schema, demo data), then hourly.
        await Task.Delay(TimeSpan.FromMinutes(1), clock, stoppingToken);
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), clock);
        do
        {
            try { await RunOnce(stoppingToken); }
            catch (Exception e) when (e is not OperationCanceledException) { log.LogWarning(e, "Monitoring alerts failed; retrying in an hour"); }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Notifies every responsible user of their area's alerts not yet notified; the number of notifications added.</summary>
    public async Task<int> RunOnce(CancellationToken ct)
    {
        var added = 0;
        await locks.TryRun("monitoring-alerts", async token => added = await Pass(token), ct);
        return added;
    }

    async Task<int> Pass(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PcmdDbContext>();
        var alerts = scope.ServiceProvider.GetRequiredService<AlertService>();
        var notifier = scope.ServiceProvider.GetRequiredService<Notifier>();
        var users = await db.UserRoles.Join(db.Roles.Where(r => Responsible.Contains(r.Name!)), ur => ur.RoleId, r => r.Id, (ur, r) => ur.UserId)
            .Join(db.Users, id => id, u => u.Id, (id, u) => new { u.Id, u.OrgUnitId }).Distinct().ToListAsync(ct);
        var added = 0;
        foreach (var unit in users.GroupBy(u => u.OrgUnitId))
        {
            var ids = unit.Select(u => u.Id).ToList();
            foreach (var a in await alerts.For(unit.Key, ct))
                added += await notifier.Notify(ids, Subject(a), a.Text, a.Link, a.Key, ct);
        }
        await db.SaveChangesAsync(ct);
        return added;
    }

    static string Subject(Alert a) => a.Kind switch
    {
        AlertKind.HotspotReEmerged => "Cảnh báo: điểm phức tạp tái hoạt động",
        AlertKind.NoRecentInspection => $"Cảnh báo: {a.UnitName} không có cuộc kiểm tra nào trong {AlertRules.QuietDays} ngày",
        _ => $"Cảnh báo: số liệu tăng mạnh tại {a.UnitName}",
    };
}
