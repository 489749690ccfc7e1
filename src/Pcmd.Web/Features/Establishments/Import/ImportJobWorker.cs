using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Data;
using Pcmd.Web.Features.OrgUnits;
using Pcmd.Web.Features.Users;
using Pcmd.Web.Security;

namespace Pcmd.Web.Features.Establishments.Import;

/// <summary>Runs queued imports one after the other, each in its own DI scope (its own DbContext). Every node runs one: a job
/// is claimed by a conditional UPDATE (queued → running), which exactly one node wins. While a job runs its progress is
/// written about once a second (the heartbeat); a running job without a heartbeat for <see cref="Stale"/> belonged to a node
/// that died and is marked failed by the next node that looks (the import's rows were saved in one transaction that never
/// committed, so nothing was half-saved). The job runs with the uploader's scope as it is now, rebuilt from their account.</summary>
public sealed class ImportJobWorker(ImportJobs jobs, IServiceScopeFactory scopes, ILogger<ImportJobWorker> log) : BackgroundService
{
    public static readonly TimeSpan Stale = TimeSpan.FromMinutes(2);
    static readonly TimeSpan Look = TimeSpan.FromSeconds(5), Beat = TimeSpan.FromSeconds(1);

    sealed class JobProgress : IProgress<ImportStatus>
    {
        public volatile ImportStatus Current = new("reading", 0, 0);
        public void Report(ImportStatus value) => Current = value;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await Claim(stoppingToken) is { } job) await Run(job, stoppingToken);
                await jobs.Queued(Look, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { return; }
            catch (Exception e)
            {
                log.LogWarning(e, "Import queue unreachable; looking again in {Seconds} s", Look.TotalSeconds);
                await Task.Delay(Look, stoppingToken);
            }
        }
    }

    /// <summary>Fails the jobs of dead nodes, then takes the oldest queued job, if any.</summary>
    async Task<ImportJobRecord?> Claim(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PcmdDbContext>();
        var now = jobs.Now;
        var dead = now - Stale;
        foreach (var orphan in await db.ImportJobs.AsNoTracking().Where(j => j.State == ImportJobState.Running && j.HeartbeatAt < dead)
                     .Select(j => new ImportJobRecord { Id = j.Id, UserName = j.UserName, FileName = j.FileName, Kind = j.Kind }).ToListAsync(ct))
            await jobs.Fail(db, orphan, "Máy chủ dừng trong lúc nhập; không dòng nào được lưu. Hãy nhập lại tệp.");
        foreach (var id in await db.ImportJobs.Where(j => j.State == ImportJobState.Queued).OrderBy(j => j.CreatedAt).Select(j => j.Id).Take(5).ToListAsync(ct))
        {
            var won = await db.ImportJobs.Where(j => j.Id == id && j.State == ImportJobState.Queued).ExecuteUpdateAsync(u => u
                .SetProperty(j => j.State, ImportJobState.Running).SetProperty(j => j.Phase, "reading").SetProperty(j => j.HeartbeatAt, now), ct);
            if (won == 1) return await db.ImportJobs.AsNoTracking().FirstAsync(j => j.Id == id, ct);
        }
        return null;
    }

    async Task Run(ImportJobRecord job, CancellationToken stop)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PcmdDbContext>();
        var progress = new JobProgress();
        using var running = CancellationTokenSource.CreateLinkedTokenSource(stop);
        var heartbeat = Heartbeat(job.Id, progress, running.Token);
        try
        {
            var user = await scope.ServiceProvider.GetRequiredService<UserManager<PcmdUser>>().FindByNameAsync(job.UserName);
            if (user is null)
            {
                await jobs.Fail(db, job, "Tài khoản đã tải tệp lên không còn; không dòng nào được lưu.");
                return;
            }
            var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<PcmdUser>>().CreateAsync(user);
            var userScope = await UserScope.Build(principal, scope.ServiceProvider.GetRequiredService<OrgUnitTree>());
            var importer = ImportJobs.Importer(scope.ServiceProvider, job.Kind);
            using var file = new MemoryStream(job.File ?? [], writable: false);
            // Start checked the file against the archive limits: the stored copy is the server's own since.
            var result = await importer.ImportAsync(file, job.FileName, job.Mode, userScope, progress, stop, archiveChecked: true);
            await running.CancelAsync();
            await Ignore(heartbeat);
            await jobs.Complete(db, job, result);
            log.LogInformation("{Kind} import {Job} by {User}: {Rows} rows, {Accepted} accepted, {Rejected} rejected",
                job.Kind, job.Id, job.UserName, result.Total, result.Accepted, result.Rejected);
        }
        catch (NotASpreadsheetException e) { await jobs.Fail(db, job, e.Message); }
        catch (AppProblemException e) { await jobs.Fail(db, job, e.Detail ?? e.Title); }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            await jobs.Fail(db, job, "Máy chủ dừng trong lúc nhập; không dòng nào được lưu. Hãy nhập lại tệp.");
        }
        catch (Exception e)
        {
            log.LogError(e, "{Kind} import {Job} failed", job.Kind, job.Id);
            await jobs.Fail(db, job, "Lỗi hệ thống trong lúc nhập; không dòng nào được lưu. Hãy thử lại hoặc báo quản trị viên.");
        }
        finally
        {
            await running.CancelAsync();
            await Ignore(heartbeat);
        }
    }

    /// <summary>Writes the job's phase and counts once a second, with its own DbContext (the import's is inside its transaction).</summary>
    async Task Heartbeat(Guid id, JobProgress progress, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PcmdDbContext>();
        while (!ct.IsCancellationRequested)
        {
            await Task.Delay(Beat, ct);
            var s = progress.Current;
            var now = jobs.Now;
            await db.ImportJobs.Where(j => j.Id == id && j.State == ImportJobState.Running).ExecuteUpdateAsync(u => u
                .SetProperty(j => j.Phase, s.Phase).SetProperty(j => j.Processed, s.Processed).SetProperty(j => j.Total, s.Total)
                .SetProperty(j => j.HeartbeatAt, now), ct);
        }
    }

    static async Task Ignore(Task heartbeat)
    {
        try { await heartbeat; }
        catch (Exception) { /* cancelled, or a missed beat: the job's end is written by Run */ }
    }
}
