using System.Data.Common;
using System.Diagnostics.Metrics;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Pcmd.Web.Data;

/// <summary>Which server a DI scope's <see cref="PcmdDbContext"/> connects to: the primary (the default) or, for a scope made
/// by <see cref="ReadDb"/>, the read connection (<c>ConnectionStrings:PostgresRead</c>, Npgsql multi-host with
/// <c>Target Session Attributes=prefer-standby</c>).</summary>
public sealed class DbRoute
{
    public string? ConnectionString { get; set; }
}

/// <summary>The read connection of this node, when it has one (PostgreSQL only: SQLite and a single PostgreSQL read the
/// request's own context).</summary>
public sealed record ReadReplica(string? ConnectionString, string PrimaryConnectionString)
{
    public bool Configured => ConnectionString is not null;

    public static ReadReplica From(IConfiguration config, DatabaseProvider provider, string primary)
    {
        var cs = config.GetConnectionString("PostgresRead");
        return new(provider == DatabaseProvider.Postgres && !string.IsNullOrWhiteSpace(cs) ? cs : null, primary);
    }
}

/// <summary>Reads that may be served by the hot standby (issue 17, item 4): lists, results, maps and dashboards that write
/// nothing. <see cref="Run{TService,T}"/> resolves the service in a scope of its own whose context is on the read connection,
/// after one probe on that connection: the server is a standby that streams from the primary and has replayed the user's last
/// write (the <see cref="ReadYourWrites"/> cookie's LSN) — or Npgsql reached the primary because no standby answers. In every
/// other case (no read connection, a standby cut off from the primary or behind the user's own write, a failure while
/// probing or reading) the read runs again on the request's own context, on the primary, so the user sees no error and
/// never misses their own save — and if the primary does not answer either (a failover under way) the read connection is
/// tried once more, where a standby answers with what it has. Writes, sign-in and session checks never come here.</summary>
public sealed class ReadDb(IServiceProvider services, IServiceScopeFactory scopes, ReadReplica replica, IHttpContextAccessor http,
    ILogger<ReadDb> log)
{
    static readonly Meter Meter = new(Shared.Metrics.MeterName);
    static readonly Counter<long> Reads = Meter.CreateCounter<long>("pcmd.db.reads",
        description: "Reads that could go to the standby, by the server that served them (standby, primary) and why");

    public async Task<T> Run<TService, T>(Func<TService, Task<T>> read) where TService : notnull
    {
        if (!replica.Configured) return await read(services.GetRequiredService<TService>());
        var ct = http.HttpContext?.RequestAborted ?? CancellationToken.None;
        string reason;
        try
        {
            await using var scope = ReadScope();
            reason = await Probe(scope.ServiceProvider.GetRequiredService<PcmdDbContext>(), ReadYourWrites.Lsn(http.HttpContext), ct);
            if (reason is "standby" or "primary")
            {
                var result = await read(scope.ServiceProvider.GetRequiredService<TService>());
                Count(reason, reason == "standby" ? "standby" : "no-standby");
                return result;
            }
        }
        catch (Exception e) when (IsDatabaseFailure(e) && !ct.IsCancellationRequested)
        {
            log.LogWarning("Read on the read connection failed, read again on the primary: {Error}", e.Message);
            reason = "failed";
        }
        try
        {
            var result = await read(services.GetRequiredService<TService>());
            Count("primary", reason);
            return result;
        }
        catch (Exception e) when (IsDatabaseFailure(e) && !ct.IsCancellationRequested && reason != "behind")
        {
            // The primary does not answer either (it died; the standby is not promoted yet): for a list or a dashboard the
            // standby's last state is better than an error. Not when the standby has not replayed the user's own write.
            log.LogWarning("Primary not reached; a standby answers the read: {Error}", e.Message);
            await using var scope = ReadScope();
            var result = await read(scope.ServiceProvider.GetRequiredService<TService>());
            Count("standby", "primary-down");
            return result;
        }
    }

    AsyncServiceScope ReadScope()
    {
        var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<DbRoute>().ConnectionString = replica.ConnectionString;
        return scope;
    }

    static void Count(string server, string reason) =>
        Reads.Add(1, new KeyValuePair<string, object?>("server", server), new KeyValuePair<string, object?>("reason", reason));

    /// <summary>"standby" (streaming and caught up with the user's write), "primary" (the read connection reached the primary),
    /// "not-streaming" or "behind" (go to the primary).</summary>
    static async Task<string> Probe(PcmdDbContext db, string? lsn, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        await using var cmd = (NpgsqlCommand)db.Database.GetDbConnection().CreateCommand();
        // pg_stat_wal_receiver shows its status to privileged roles only; any row means a WAL receiver runs.
        cmd.CommandText = """
            SELECT pg_is_in_recovery(),
                   EXISTS (SELECT 1 FROM pg_stat_wal_receiver WHERE coalesce(status, 'streaming') = 'streaming'),
                   @lsn::pg_lsn IS NULL OR pg_last_wal_replay_lsn() >= @lsn::pg_lsn
            """;
        cmd.Parameters.Add(new NpgsqlParameter("lsn", NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)lsn ?? DBNull.Value });
        await using var r = await cmd.ExecuteReaderAsync(ct);
        await r.ReadAsync(ct);
        if (!r.GetBoolean(0)) return "primary";
        if (!r.GetBoolean(1)) return "not-streaming";
        return r.GetBoolean(2) ? "standby" : "behind";
    }

    static bool IsDatabaseFailure(Exception e) =>
        e is DbException or TimeoutException or DbUpdateException || e.InnerException is DbException or TimeoutException;
}

/// <summary>Read-your-writes across nodes without sticky sessions: after a successful write request (any method but
/// GET/HEAD/OPTIONS) the response carries the primary's WAL position in a short-lived cookie; <see cref="ReadDb"/> uses the
/// standby for that browser only once the standby has replayed past it. The cookie holds no personal data; a client that
/// keeps no cookies has no session either.</summary>
public static partial class ReadYourWrites
{
    public const string Cookie = "pcmd.lsn";

    [GeneratedRegex("^[0-9A-F]{1,8}/[0-9A-F]{1,8}$")]
    private static partial Regex LsnFormat();

    public static string? Lsn(HttpContext? ctx) =>
        ctx?.Request.Cookies[Cookie] is { } v && LsnFormat().IsMatch(v) ? v : null;

    public static WebApplication UseReadYourWrites(this WebApplication app)
    {
        var replica = app.Services.GetRequiredService<ReadReplica>();
        if (!replica.Configured) return app;
        var lifetime = TimeSpan.FromSeconds(app.Configuration.GetValue("Pcmd:Database:ReadYourWritesSeconds", 300));
        app.Use(async (ctx, next) =>
        {
            var m = ctx.Request.Method;
            if (!HttpMethods.IsGet(m) && !HttpMethods.IsHead(m) && !HttpMethods.IsOptions(m))
                ctx.Response.OnStarting(async () =>
                {
                    if (ctx.Response.StatusCode >= 400) return;
                    try
                    {
                        await using var conn = new NpgsqlConnection(replica.PrimaryConnectionString);
                        await conn.OpenAsync(ctx.RequestAborted);
                        await using var cmd = new NpgsqlCommand("SELECT pg_current_wal_lsn()::text", conn);
                        var lsn = (string?)await cmd.ExecuteScalarAsync(ctx.RequestAborted);
                        if (lsn is not null)
                            ctx.Response.Cookies.Append(Cookie, lsn, new CookieOptions
                            {
                                HttpOnly = true, SameSite = SameSiteMode.Lax, Path = "/", MaxAge = lifetime, Secure = ctx.Request.IsHttps,
                            });
                    }
                    catch (Exception e) when (e is DbException or TimeoutException or OperationCanceledException)
                    {
                        // No marker: the next reads of this user go to the standby as anyone's (it lags by milliseconds).
                    }
                });
            await next();
        });
        return app;
    }
}
