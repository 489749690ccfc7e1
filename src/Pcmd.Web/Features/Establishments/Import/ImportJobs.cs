using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Audit;
using Pcmd.Web.Security;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.Establishments.Import;

public enum ImportJobState { Queued, Running, Done, Failed }

/// <summary>One import job as the pages and the API show it (read from <see cref="ImportJobRecord"/>).</summary>
public sealed class ImportJob
{
    public Guid Id { get; init; }
    public required string UserName { get; init; }
    public required string FileName { get; init; }
    public ImportMode Mode { get; init; }
    public ImportKind Kind { get; init; }
    public DateTime CreatedUtc { get; init; }
    public ImportJobState State { get; init; }
    public ImportStatus Status { get; init; } = new("queued", 0, 0);
    public ImportResult? Result { get; init; }
    public string? Message { get; init; }
    public DateTime? FinishedUtc { get; init; }
    public bool IsFinished => State is ImportJobState.Done or ImportJobState.Failed;

    internal static ImportJob Of(ImportJobRecord r) => new()
    {
        Id = r.Id, UserName = r.UserName, FileName = r.FileName, Mode = r.Mode, Kind = r.Kind, CreatedUtc = r.CreatedAt, State = r.State,
        Status = new ImportStatus(r.Phase, r.Processed, r.Total), Message = r.Message, FinishedUtc = r.FinishedAt,
        Result = r.ResultJson is null ? null : JsonSerializer.Deserialize<ImportResult>(r.ResultJson),
    };
}

/// <summary>The queue of imports, kept in the database (<see cref="ImportJobRecord"/>): a job uploaded through one node is run
/// by whichever node's <see cref="ImportJobWorker"/> claims it first (one file at a time per node, so that one import has the
/// memory budget to itself), and its status is read from the database by whoever asks, on any node — the user who started
/// the job or an administrator.</summary>
public sealed class ImportJobs(IServiceScopeFactory scopes, TimeProvider clock, IOptions<ArchiveLimits> limits, AuditTrail audit)
{
    public const string AuditName = "EstablishmentImport", SanctionsAuditName = "SanctionImport", CasesAuditName = "CriminalCaseImport";

    /// <summary>The upload limit: 100,000 rows of the template take about 8 MB; Kestrel accepts bodies up to 30 MB.</summary>
    public const long MaxFileBytes = 25 * 1024 * 1024;
    const int MaxPending = 20;
    static readonly TimeSpan KeepFinished = TimeSpan.FromHours(24);

    readonly SemaphoreSlim _wake = new(0);

    /// <summary>Released when this node queues a job, so that its worker need not wait for its next look at the queue.</summary>
    internal Task Queued(TimeSpan timeout, CancellationToken ct) => _wake.WaitAsync(timeout, ct);

    /// <summary>Checks the upload at once (writer, size, a real .xlsx within <see cref="ArchiveLimits"/>) so that a wrong
    /// file or a zip bomb is refused (400) before any job, and queues the job with its file and <paramref name="kind"/>.</summary>
    public async Task<ImportJob> Start(UserScope scope, Stream content, string fileName, ImportMode mode, CancellationToken ct,
        ImportKind kind = ImportKind.Establishments)
    {
        await using var s = scopes.CreateAsyncScope();
        var importer = Importer(s.ServiceProvider, kind);
        if (!importer.CanImport(scope)) throw new ForbiddenException();
        try { return await Queue(s.ServiceProvider, scope, content, fileName, mode, kind, ct); }
        catch (ValidationException e)
        {
            audit.RecordImportFailed(importer.AuditName, Path.GetFileName(fileName), e.Message);
            throw;
        }
    }

    /// <summary>The import that reads files of <paramref name="kind"/> (each feature registers its own).</summary>
    internal static ISpreadsheetImport Importer(IServiceProvider services, ImportKind kind) =>
        services.GetServices<ISpreadsheetImport>().Single(i => i.Kind == kind);

    async Task<ImportJob> Queue(IServiceProvider services, UserScope scope, Stream content, string fileName, ImportMode mode, ImportKind kind,
        CancellationToken ct)
    {
        if (!Enum.IsDefined(mode)) throw ValidationException.One("mode", "Chế độ nhập không hợp lệ (allOrNothing hoặc skipBadRows).");
        var db = services.GetRequiredService<PcmdDbContext>();
        var now = Now;
        var before = now - KeepFinished;
        await db.ImportJobs.Where(j => j.FinishedAt < before).ExecuteDeleteAsync(ct);
        if (await db.ImportJobs.CountAsync(j => j.State == ImportJobState.Queued || j.State == ImportJobState.Running, ct) >= MaxPending)
            throw ValidationException.One("file", "Đang có nhiều tệp chờ nhập; hãy thử lại sau ít phút.");
        using var file = new MemoryStream();
        var buffer = new byte[81920];
        int n;
        while ((n = await content.ReadAsync(buffer, ct)) > 0)
        {
            if (file.Length + n > MaxFileBytes) throw ValidationException.One("file", $"Tệp lớn quá {MaxFileBytes / 1024 / 1024} MB.");
            file.Write(buffer, 0, n);
        }
        if (file.Length == 0) throw ValidationException.One("file", "Tệp trống.");
        try { XlsxSheetReader.Check(file, limits.Value); }
        catch (NotASpreadsheetException e) { throw ValidationException.One("file", e.Message); }
        var record = new ImportJobRecord
        {
            Id = Guid.NewGuid(), UserName = scope.UserName ?? "", FileName = SafeFileName.Of(fileName), Mode = mode, Kind = kind,
            State = ImportJobState.Queued, CreatedAt = now, File = file.ToArray(),
        };
        db.ImportJobs.Add(record);
        await db.SaveChangesAsync(ct);
        _wake.Release();
        return ImportJob.Of(record);
    }

    /// <summary>The job, if this user may see it (who started it, or an administrator); otherwise null (404).</summary>
    public async Task<ImportJob?> Find(UserScope scope, Guid id, CancellationToken ct = default)
    {
        await using var s = scopes.CreateAsyncScope();
        var db = s.ServiceProvider.GetRequiredService<PcmdDbContext>();
        var row = await db.ImportJobs.AsNoTracking().Where(j => j.Id == id)
            .Select(j => new ImportJobRecord
            {
                Id = j.Id, UserName = j.UserName, FileName = j.FileName, Mode = j.Mode, Kind = j.Kind, State = j.State, Phase = j.Phase, Processed = j.Processed,
                Total = j.Total, Message = j.Message, ResultJson = j.ResultJson, CreatedAt = j.CreatedAt, FinishedAt = j.FinishedAt,
            })
            .FirstOrDefaultAsync(ct);
        return row is not null && (scope.IsGlobal || (scope.UserName is { } u && row.UserName == u)) ? ImportJob.Of(row) : null;
    }

    internal DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>A job that saved nothing (the file refused, every row or, all-or-nothing, one row bad) is a failed import,
    /// recorded before the job shows as finished (whoever sees it finished finds it in the trail); one that saved rows is
    /// already in the trail as the import's own record.</summary>
    internal async Task Complete(PcmdDbContext db, ImportJobRecord job, ImportResult result)
    {
        if (result.FileRejected || result.Accepted == 0) RecordFailed(job, result.Message);
        await End(db, job.Id, result.FileRejected ? ImportJobState.Failed : ImportJobState.Done, result.Message, JsonSerializer.Serialize(result));
    }

    internal async Task Fail(PcmdDbContext db, ImportJobRecord job, string message)
    {
        RecordFailed(job, message);
        await End(db, job.Id, ImportJobState.Failed, message, null);
    }

    async Task End(PcmdDbContext db, Guid id, ImportJobState state, string message, string? result)
    {
        var now = Now;
        await db.ImportJobs.Where(j => j.Id == id).ExecuteUpdateAsync(u => u.SetProperty(j => j.State, state).SetProperty(j => j.Phase, "finished")
            .SetProperty(j => j.Message, message).SetProperty(j => j.ResultJson, result).SetProperty(j => j.File, (byte[]?)null)
            .SetProperty(j => j.FinishedAt, now), CancellationToken.None);
    }

    void RecordFailed(ImportJobRecord job, string message) =>
        audit.RecordImportFailed(job.Kind switch
        {
            ImportKind.Sanctions => SanctionsAuditName,
            ImportKind.CriminalCases => CasesAuditName,
            _ => AuditName,
        }, job.FileName, message, job.UserName, job.Id.ToString("N"));
}
