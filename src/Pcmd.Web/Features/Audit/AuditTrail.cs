using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Pcmd.Web.Security;

namespace Pcmd.Web.Features.Audit;

public enum SignInEvent { Succeeded, Failed, LockedOut }

public sealed class AuditOptions
{
    /// <summary>Reads of personal data are recorded; only the benchmark turns this off, to measure what recording costs.</summary>
    public bool RecordReads { get; set; } = true;
}

/// <summary>The events of the audit trail that are not changes: reads of one record carrying personal data, exports,
/// sign-ins, refusals of an existing record out of scope, failed imports. Any feature records through it, one row per
/// call. Calls only queue the row (no database work on the request, and nothing of the request's own DbContext is
/// saved); <see cref="AuditWriter"/> inserts the queue in batches with its own context. <see cref="Flush"/> waits
/// until every row queued before it is in the table, so whoever reads the trail sees what happened before.</summary>
public sealed class AuditTrail(IHttpContextAccessor http, TimeProvider clock, IOptions<AuditOptions> options)
{
    /// <summary>Past this many rows waiting (the database down or far behind), callers wait: an unwritable trail slows
    /// the app rather than losing its record of who read what.</summary>
    const int Capacity = 50_000;

    readonly Channel<AuditEntry> _queue = Channel.CreateBounded<AuditEntry>(new BoundedChannelOptions(Capacity)
        { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    long _queued, _written;
    TaskCompletionSource _progress = new(TaskCreationOptions.RunContinuationsAsynchronously);
    TaskCompletionSource _flushRequest = new(TaskCreationOptions.RunContinuationsAsynchronously);

    // Vietnamese stays readable in the column (the page escapes it as HTML when it shows it).
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public AuditOptions Options => options.Value;

    /// <summary>One record carrying personal data was shown (not a list: lists show no personal data, exports are
    /// recorded as such).</summary>
    public void RecordRead(string entityType, object id)
    {
        if (Options.RecordReads) Record(AuditAction.Read, entityType, id, null);
    }

    /// <summary>A read with what was read and why (a support case's identifying fields, an emergency read and its reason):
    /// always recorded, as the case page's access log shows these.</summary>
    public void RecordRead(string entityType, object id, Dictionary<string, object?> detail) => Record(AuditAction.Read, entityType, id, detail);

    /// <summary>A record sent outside the system on a user's decision (a support case referred to a provider without the
    /// person's consent, on the supervisor's reason): recorded as an export of that one record, with the reason.</summary>
    public void RecordShared(string entityType, object id, Dictionary<string, object?> detail) => Record(AuditAction.Exported, entityType, id, detail);

    public void RecordExport(string what, string format, int rows, object? filter) =>
        Record(AuditAction.Exported, what, "", new Dictionary<string, object?> { ["format"] = format, ["rows"] = rows, ["filter"] = filter });

    /// <summary>The user name is the one typed (the request is not signed in yet); for a failure it may be no account.</summary>
    public void RecordSignIn(string userName, SignInEvent outcome) =>
        Record(outcome switch
        {
            SignInEvent.Succeeded => AuditAction.SignedIn,
            SignInEvent.LockedOut => AuditAction.LockedOut,
            _ => AuditAction.SignInFailed,
        }, "PcmdUser", userName, null, userName);

    /// <summary>An existing record out of the user's scope was asked for: records it and gives back the problem to throw
    /// (the answer is the same as for a record that does not exist). <c>throw audit.Denied(nameof(X), id, new NotFoundException())</c>.</summary>
    public TProblem Denied<TProblem>(string entityType, object id, TProblem problem) where TProblem : AppProblemException
    {
        Record(AuditAction.AccessDenied, entityType, id, new Dictionary<string, object?> { ["status"] = problem.Status, ["path"] = RequestPath() });
        problem.Audited = true;
        return problem;
    }

    /// <summary>A refusal by role (403) with no record named: the path says what was tried.</summary>
    public void RecordDeniedPath(int status) =>
        Record(AuditAction.AccessDenied, "", "", new Dictionary<string, object?> { ["status"] = status, ["path"] = RequestPath() });

    /// <summary>An import refused or failed. Outside a request (the import worker) the user is given.</summary>
    public void RecordImportFailed(string what, string? fileName, string reason, string? userName = null, object? id = null) =>
        Record(AuditAction.ImportFailed, what, id ?? "", new Dictionary<string, object?> { ["file"] = fileName, ["reason"] = reason }, userName);

    /// <summary>Runs an import of a file and records it as failed if the file is refused (invalid, or in conflict with what
    /// is stored). A refusal for lack of rights or reach is not the file's failure and is left to the caller.</summary>
    public async Task<T> Importing<T>(string what, string? fileName, Func<Task<T>> import)
    {
        try { return await import(); }
        catch (AppProblemException e) when (e is not (ForbiddenException or NotFoundException))
        {
            RecordImportFailed(what, fileName, e.Message);
            throw;
        }
    }

    /// <summary>Waits until every row recorded before the call is in the table.</summary>
    public async Task Flush(CancellationToken ct = default)
    {
        var target = Interlocked.Read(ref _queued);
        // The writer gathers rows before it writes; a reader of the trail does not wait for that.
        Volatile.Read(ref _flushRequest).TrySetResult();
        while (true)
        {
            var next = Volatile.Read(ref _progress).Task;
            if (Interlocked.Read(ref _written) >= target) return;
            await next.WaitAsync(ct);
        }
    }

    internal ChannelReader<AuditEntry> Reader => _queue.Reader;

    internal Task FlushRequested => Volatile.Read(ref _flushRequest).Task;

    internal void FlushStarted()
    {
        if (_flushRequest.Task.IsCompleted) Interlocked.Exchange(ref _flushRequest, new(TaskCreationOptions.RunContinuationsAsynchronously));
    }

    internal void Written(int count)
    {
        Interlocked.Add(ref _written, count);
        Interlocked.Exchange(ref _progress, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }

    void Record(AuditAction action, string entityType, object id, Dictionary<string, object?>? detail, string? userName = null)
    {
        var ctx = http.HttpContext;
        var entry = new AuditEntry
        {
            AtUtc = clock.GetUtcNow().UtcDateTime,
            UserName = Cut(userName ?? ctx?.User.Identity?.Name, AuditEntryConfiguration.UserNameLength),
            EntityType = Cut(entityType, AuditEntryConfiguration.EntityLength)!,
            EntityId = Cut(Convert.ToString(id, System.Globalization.CultureInfo.InvariantCulture) ?? "", AuditEntryConfiguration.EntityLength)!,
            Action = action,
            Changes = detail is null ? "{}" : JsonSerializer.Serialize(detail.Where(d => d.Value is not null).ToDictionary(), Json),
            ClientIp = Cut(ctx?.Connection.RemoteIpAddress?.ToString(), AuditEntryConfiguration.ClientIpLength),
        };
        Interlocked.Increment(ref _queued);
        // Full only when the database has stopped taking rows for a while: then the caller waits (see Capacity).
        if (!_queue.Writer.TryWrite(entry)) _queue.Writer.WriteAsync(entry).AsTask().GetAwaiter().GetResult();
    }

    string? RequestPath() => http.HttpContext?.Request is { } r ? Cut($"{r.Method} {r.Path}{r.QueryString}", 500) : null;

    static string? Cut(string? s, int max) => s is null || s.Length <= max ? s : s[..max];
}
