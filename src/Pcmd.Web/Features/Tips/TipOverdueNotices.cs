using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Notifications;
using Pcmd.Web.Features.OrgUnits;
using Pcmd.Web.Features.Users;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.Tips;

/// <summary>Every hour: each open tip whose next step is past its deadline is notified once (issue 11, item 3: "overdue steps
/// raise a notification to the unit and its coordinator") — to the intake officers of the unit that must act (the assigned
/// unit for handling and closing, else the receiving unit, and only its agency's officers when an agency took it in) and to
/// the coordinators of that unit and the units above it. The key holds the step and its deadline: an extension that is missed
/// in its turn is notified again. The notice names the tip's code, step and deadline, never its source or substance (the
/// mail goes through a mail server). On several nodes one pass runs at a time (<see cref="ClusterLock"/>).</summary>
public sealed class TipOverdueNotices(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration config, ClusterLock locks,
    ILogger<TipOverdueNotices> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!config.GetValue("Pcmd:Tips:OverdueJob", true)) return;
        await Task.Delay(TimeSpan.FromMinutes(1), clock, stoppingToken);
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), clock);
        do
        {
            try { await RunOnce(stoppingToken); }
            catch (Exception e) when (e is not OperationCanceledException) { log.LogWarning(e, "Overdue tip notices failed; retrying in an hour"); }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One pass; the number of notifications added.</summary>
    public async Task<int> RunOnce(CancellationToken ct)
    {
        var added = 0;
        await locks.TryRun("tip-overdue-notices", async token => added = await Pass(token), ct);
        return added;
    }

    sealed record Overdue(int Id, string Code, TipState State, TipRelevance? Relevance, DateOnly Due, int ReceivingUnitId, int? ReceivingAgencyId, int? AssignedUnitId);

    async Task<int> Pass(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PcmdDbContext>();
        var tree = scope.ServiceProvider.GetRequiredService<OrgUnitTree>();
        var notifier = scope.ServiceProvider.GetRequiredService<Notifier>();
        var today = VietnamTime.Today(clock);
        var overdue = await db.Tips.AsNoTracking().Where(t => t.State != TipState.Closed && t.NextDueOn != null && t.NextDueOn < today)
            .Select(t => new Overdue(t.Id, t.Code, t.State, t.Relevance, t.NextDueOn!.Value, t.ReceivingUnitId, t.ReceivingAgencyId, t.AssignedUnitId))
            .ToListAsync(ct);
        if (overdue.Count == 0) return 0;
        // Most overdue tips were notified in an earlier pass: their keys are looked up in chunks, not one query per tip.
        var notified = new HashSet<string>();
        foreach (var chunk in overdue.Select(Key).Chunk(500))
            notified.UnionWith(await db.Notifications.Where(n => chunk.Contains(n.DedupKey)).Select(n => n.DedupKey).Distinct().ToListAsync(ct));
        var fresh = overdue.Where(t => !notified.Contains(Key(t))).ToList();
        if (fresh.Count == 0) return 0;

        var staff = await db.UserRoles.Join(db.Roles.Where(r => TipAccess.IntakeRoles.Contains(r.Name!)), ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, Role = r.Name })
            .Join(db.Users, x => x.UserId, u => u.Id, (x, u) => new { u.Id, u.OrgUnitId, u.AgencyId, x.Role }).ToListAsync(ct);
        var added = 0;
        foreach (var t in fresh)
        {
            var next = TipWorkflow.Next(t.State, t.Relevance).FirstOrDefault();
            var acting = next is TipState.Handled or TipState.Closed && t.AssignedUnitId is { } a ? a : t.ReceivingUnitId;
            var agency = acting == t.ReceivingUnitId ? t.ReceivingAgencyId : null;
            var above = (await tree.Ancestors(acting)).Select(n => n.Id).Append(acting).ToHashSet();
            var to = staff.Where(s => (s.OrgUnitId == acting && (agency is null || s.AgencyId == agency))
                    || (s.Role == Roles.Coordinator && s.OrgUnitId is { } u && above.Contains(u)))
                .Select(s => s.Id).Distinct().ToList();
            var step = TipLabels.State(next);
            added += await notifier.Notify(to, $"Tin {t.Code} quá hạn bước \"{step}\"",
                $"Tin {t.Code} chưa được \"{step}\" trong thời hạn (hạn {ViFormat.Date(t.Due)}). Mở tin để xử lý hoặc gia hạn có lý do.",
                $"/tips/{t.Id}", Key(t), ct);
        }
        await db.SaveChangesAsync(ct);
        return added;
    }

    static string Key(Overdue t) => $"tip-overdue:{t.Id}:{t.State}:{t.Due:yyyyMMdd}";
}
