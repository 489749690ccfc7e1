using Pcmd.Web.Data;

namespace Pcmd.Web.Features.Audit;

/// <summary>Inserts the rows <see cref="AuditTrail"/> queued, as many as are waiting in one statement, each batch with its
/// own DI scope and DbContext: a read's record never saves the request's unsaved changes, and a request's rollback
/// never takes a refusal's record with it. On shutdown it writes what is still queued.</summary>
public sealed class AuditWriter(AuditTrail trail, IServiceScopeFactory scopes, ILogger<AuditWriter> log) : BackgroundService
{
    const int MaxBatch = 500, MaxAttempts = 5;
    /// <summary>How long the first row waits for others: one commit per batch rather than per read. On SQLite each commit
    /// takes the one write lock and syncs the file; writing each read's row at once made reads 5 × slower (bench audit-reads).</summary>
    static readonly TimeSpan Gather = TimeSpan.FromMilliseconds(100);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var reader = trail.Reader;
        try
        {
            while (await reader.WaitToReadAsync(stoppingToken))
            {
                if (reader.Count < MaxBatch) await Task.WhenAny(Task.Delay(Gather, stoppingToken), trail.FlushRequested);
                trail.FlushStarted();
                while (await WriteWaiting(CancellationToken.None)) { }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
        while (await WriteWaiting(CancellationToken.None)) { }
    }

    /// <summary>False when nothing was waiting.</summary>
    async Task<bool> WriteWaiting(CancellationToken ct)
    {
        var batch = new List<AuditEntry>();
        while (batch.Count < MaxBatch && trail.Reader.TryRead(out var e)) batch.Add(e);
        if (batch.Count == 0) return false;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var scope = scopes.CreateScope();
                var db = scope.ServiceProvider.GetRequiredService<PcmdDbContext>();
                db.AuditEntries.AddRange(batch);
                await db.SaveChangesAsync(ct);
                break;
            }
            catch (Exception ex) when (attempt < MaxAttempts)
            {
                log.LogWarning(ex, "Audit trail: {Count} rows not written (attempt {Attempt}), retrying", batch.Count, attempt);
                foreach (var e in batch) e.Id = 0;
                await Task.Delay(TimeSpan.FromSeconds(attempt), CancellationToken.None);
            }
            catch (Exception ex)
            {
                // Given up: the rows go to the error log, which is the trail's last resort.
                foreach (var e in batch)
                    log.LogError("Audit row not written: {At:o} {User} {Action} {EntityType} {EntityId} {Changes} {Ip}",
                        e.AtUtc, e.UserName, e.Action, e.EntityType, e.EntityId, e.Changes, e.ClientIp);
                log.LogError(ex, "Audit trail: {Count} rows could not be written", batch.Count);
                break;
            }
        }
        trail.Written(batch.Count);
        return true;
    }
}
