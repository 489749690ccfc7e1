using Pcmd.Web.Shared;
using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Notifications;

namespace Pcmd.Web.Features.Reporting;

/// <summary>Every hour: opens the periods that have begun, then tells each unit what is due within a week and what is
/// overdue (once per report and stage, never twice), in the app and by e-mail through the outbox.
/// On several nodes the pass runs on one of them at a time (<see cref="ClusterLock"/>); the others skip that hour's pass, and
/// a later pass finds the notices already there (their dedup keys).</summary>
public sealed class ReportReminders(IServiceScopeFactory scopes, TimeProvider clock, ClusterLock locks, ILogger<ReportReminders> log)
    : BackgroundService
{
    public const int DaysAhead = 7;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), clock);
        do
        {
            try { await RunOnce(stoppingToken); }
            catch (Exception e) when (e is not OperationCanceledException) { log.LogWarning(e, "Report reminders failed; retrying in an hour"); }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One pass; the number of notices added (0 also when another node's pass was running). <paramref name="today"/>:
    /// the day to remind for (the operator's <c>--run-job report-reminders --day yyyy-MM-dd</c>); today in Hà Nội by default.</summary>
    public async Task<int> RunOnce(CancellationToken ct, DateOnly? today = null)
    {
        var added = 0;
        await locks.TryRun("report-reminders", async token =>
        {
            using var scope = scopes.CreateScope();
            await scope.ServiceProvider.GetRequiredService<ReportPeriodService>().EnsurePeriods(token);
            added = await Remind(scope.ServiceProvider.GetRequiredService<PcmdDbContext>(), scope.ServiceProvider.GetRequiredService<Notifier>(),
                today ?? VietnamTime.Today(clock), token);
        }, ct);
        return added;
    }

    /// <summary>"due" a week before the deadline, "overdue" the day after it.</summary>
    public static async Task<int> Remind(PcmdDbContext db, Notifier notifier, DateOnly today, CancellationToken ct)
    {
        var horizon = today.AddDays(DaysAhead);
        var open = await db.Reports.AsNoTracking()
            .Where(r => !r.IsConsolidated && (r.Status == ReportStatus.Draft || r.Status == ReportStatus.Returned) && r.Period!.DueOn <= horizon
                && r.Period.DataFrom <= today)
            .Select(r => new { r.Id, r.AgencyId, r.Period!.Title, r.Period.DueOn })
            .ToListAsync(ct);
        var added = 0;
        foreach (var r in open)
        {
            var overdue = today > r.DueOn;
            added += await notifier.NotifyAgency(r.AgencyId, overdue ? $"Quá hạn nộp {r.Title}" : $"Sắp đến hạn nộp {r.Title}",
                Text(r.Title, r.DueOn, today), $"/reports/{r.Id}", $"report-{r.Id}-{(overdue ? "overdue" : "due")}", ct);
        }
        await db.SaveChangesAsync(ct);
        return added;
    }

    public static string Text(string title, DateOnly due, DateOnly today) => today > due
        ? $"{title} đã quá hạn {ReportCalendar.DaysLate(due, today)} ngày (hạn nộp {ReportLabels.Date(due)}). Đề nghị đơn vị khẩn trương hoàn thành và nộp báo cáo."
        : $"{title} cần nộp trước ngày {ReportLabels.Date(due)} (còn {due.DayNumber - today.DayNumber} ngày).";

    /// <summary><c>Pcmd.Web --run-job report-reminders [--day yyyy-MM-dd]</c>: one pass from the command line (after the schema is
    /// brought up to date), then exit; run on several machines at once it still reminds once (the pass's lock).</summary>
    public static async Task<int> Command(IServiceProvider services, string[] args)
    {
        var i = Array.IndexOf(args, "--day");
        DateOnly? day = i >= 0 && i + 1 < args.Length ? DateOnly.ParseExact(args[i + 1], "yyyy-MM-dd") : null;
        var added = await services.GetRequiredService<ReportReminders>().RunOnce(CancellationToken.None, day);
        Console.WriteLine($"report-reminders: {added} notice(s) added");
        return added;
    }
}
