using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Pcmd.Web.Features.Audit;
using Pcmd.Web.Security;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.Establishments.Import;

public enum ImportJobState { Queued, Running, Done, Failed }

/// <summary>One uploaded file waiting for, or going through, the import. Progress is kept in memory only: a restart
/// forgets the job's status, but never leaves half an import, because the rows are saved in one transaction.</summary>
public sealed class ImportJob
{
    public Guid Id { get; } = Guid.NewGuid();
    public required string UserName { get; init; }
    public required string FileName { get; init; }
    public ImportMode Mode { get; init; }
    public DateTime CreatedUtc { get; init; }
    internal string FilePath { get; init; } = "";
    internal UserScope Scope { get; init; } = UserScope.Anonymous;

    volatile ImportStatus _status = new("queued", 0, 0);
    volatile ImportJobState _state = ImportJobState.Queued;
    public ImportJobState State { get => _state; internal set => _state = value; }
    public ImportStatus Status { get => _status; internal set => _status = value; }
    public ImportResult? Result { get; private set; }
    public string? Message { get; private set; }
    public DateTime? FinishedUtc { get; private set; }

    internal void Finish(ImportResult result, DateTime now)
    {
        Result = result;
        Message = result.Message;
        FinishedUtc = now;
        State = result.FileRejected ? ImportJobState.Failed : ImportJobState.Done;
    }

    internal void Fail(string message, DateTime now)
    {
        Message = message;
        FinishedUtc = now;
        State = ImportJobState.Failed;
    }

    public bool IsFinished => State is ImportJobState.Done or ImportJobState.Failed;
}

/// <summary>The queue of imports (a channel read by <see cref="ImportJobWorker"/>, one file at a time so that one
/// import has the memory budget to itself) and the status of recent jobs, readable by the user who started the job
/// or an administrator.</summary>
public sealed class ImportJobs(TimeProvider clock, IOptions<ArchiveLimits> limits, AuditTrail audit)
{
    public const string AuditName = "EstablishmentImport";

    /// <summary>The upload limit: 100,000 rows of the template take about 8 MB; Kestrel accepts bodies up to 30 MB.</summary>
    public const long MaxFileBytes = 25 * 1024 * 1024;
    const int MaxPending = 20;
    static readonly TimeSpan KeepFinished = TimeSpan.FromHours(24);

    readonly ConcurrentDictionary<Guid, ImportJob> _jobs = new();
    readonly Channel<ImportJob> _queue = Channel.CreateUnbounded<ImportJob>(new UnboundedChannelOptions { SingleReader = true });

    internal ChannelReader<ImportJob> Reader => _queue.Reader;

    /// <summary>Checks the upload at once (writer, size, a real .xlsx within <see cref="ArchiveLimits"/>) so that a wrong
    /// file or a zip bomb is refused (400) before any job,
    /// keeps it in a temporary file and queues the job.</summary>
    public async Task<ImportJob> Start(UserScope scope, Stream content, string fileName, ImportMode mode, CancellationToken ct)
    {
        if (!EstablishmentAccess.CanWrite(scope)) throw new ForbiddenException();
        try { return await Queue(scope, content, fileName, mode, ct); }
        catch (ValidationException e)
        {
            audit.RecordImportFailed(AuditName, Path.GetFileName(fileName), e.Message);
            throw;
        }
    }

    async Task<ImportJob> Queue(UserScope scope, Stream content, string fileName, ImportMode mode, CancellationToken ct)
    {
        if (!Enum.IsDefined(mode)) throw ValidationException.One("mode", "Chế độ nhập không hợp lệ (allOrNothing hoặc skipBadRows).");
        Forget();
        if (_jobs.Values.Count(j => !j.IsFinished) >= MaxPending)
            throw ValidationException.One("file", "Đang có nhiều tệp chờ nhập; hãy thử lại sau ít phút.");
        var path = Path.Combine(Path.GetTempPath(), $"pcmd-import-{Guid.NewGuid():N}.xlsx");
        try
        {
            await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                var buffer = new byte[81920];
                long total = 0;
                int n;
                while ((n = await content.ReadAsync(buffer, ct)) > 0)
                {
                    total += n;
                    if (total > MaxFileBytes) throw ValidationException.One("file", $"Tệp lớn quá {MaxFileBytes / 1024 / 1024} MB.");
                    await file.WriteAsync(buffer.AsMemory(0, n), ct);
                }
                if (total == 0) throw ValidationException.One("file", "Tệp trống.");
                try { XlsxSheetReader.Check(file, limits.Value); }
                catch (NotASpreadsheetException e) { throw ValidationException.One("file", e.Message); }
            }
            var job = new ImportJob
            {
                UserName = scope.UserName ?? "", FileName = SafeFileName.Of(fileName), Mode = mode, CreatedUtc = clock.GetUtcNow().UtcDateTime,
                FilePath = path, Scope = scope,
            };
            _jobs[job.Id] = job;
            await _queue.Writer.WriteAsync(job, ct);
            return job;
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }

    /// <summary>The job, if this user may see it (who started it, or an administrator); otherwise null (404).</summary>
    public ImportJob? Find(UserScope scope, Guid id) =>
        _jobs.TryGetValue(id, out var job) && (scope.IsGlobal || (scope.UserName is { } u && job.UserName == u)) ? job : null;

    void Forget()
    {
        var before = clock.GetUtcNow().UtcDateTime - KeepFinished;
        foreach (var (id, job) in _jobs)
            if (job.FinishedUtc < before) _jobs.TryRemove(id, out _);
    }

    internal DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>A job that saved nothing (the file refused, every row or, all-or-nothing, one row bad) is a failed import,
    /// recorded before the job shows as finished (whoever sees it finished finds it in the trail); one that saved rows is
    /// already in the trail as the import's own record.</summary>
    internal void Complete(ImportJob job, ImportResult result)
    {
        if (result.FileRejected || result.Accepted == 0) RecordFailed(job, result.Message);
        job.Finish(result, Now);
    }

    internal void Fail(ImportJob job, string message)
    {
        RecordFailed(job, message);
        job.Fail(message, Now);
    }

    void RecordFailed(ImportJob job, string message) => audit.RecordImportFailed(AuditName, job.FileName, message, job.UserName, job.Id.ToString("N"));
}

/// <summary>Runs the queued imports one after the other, each in its own DI scope (its own DbContext).</summary>
public sealed class ImportJobWorker(ImportJobs jobs, IServiceScopeFactory scopes, ILogger<ImportJobWorker> log) : BackgroundService
{
    sealed class JobProgress(ImportJob job) : IProgress<ImportStatus>
    {
        public void Report(ImportStatus value) => job.Status = value;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var job in jobs.Reader.ReadAllAsync(stoppingToken))
            await Run(job, stoppingToken);
    }

    async Task Run(ImportJob job, CancellationToken stop)
    {
        job.Status = new ImportStatus("reading", 0, 0);
        job.State = ImportJobState.Running;
        try
        {
            using var scope = scopes.CreateScope();
            var importer = scope.ServiceProvider.GetRequiredService<EstablishmentImporter>();
            await using var file = new FileStream(job.FilePath, FileMode.Open, FileAccess.Read, FileShare.Read, 81920);
            // Start checked the file against the archive limits: the temporary file is the server's own since.
            var result = await importer.ImportAsync(file, job.FileName, job.Mode, job.Scope, new JobProgress(job), stop, archiveChecked: true);
            jobs.Complete(job, result);
            log.LogInformation("Establishment import {Job} by {User}: {Rows} rows, {Accepted} accepted, {Rejected} rejected",
                job.Id, job.UserName, result.Total, result.Accepted, result.Rejected);
        }
        catch (NotASpreadsheetException e) { jobs.Fail(job, e.Message); }
        catch (AppProblemException e) { jobs.Fail(job, e.Detail ?? e.Title); }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            jobs.Fail(job, "Máy chủ dừng trong lúc nhập; không dòng nào được lưu. Hãy nhập lại tệp.");
        }
        catch (Exception e)
        {
            log.LogError(e, "Establishment import {Job} failed", job.Id);
            jobs.Fail(job, "Lỗi hệ thống trong lúc nhập; không dòng nào được lưu. Hãy thử lại hoặc báo quản trị viên.");
        }
        finally
        {
            try { File.Delete(job.FilePath); } catch (IOException) { }
        }
    }
}
