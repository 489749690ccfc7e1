using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace Pcmd.Web.Data;

/// <summary>Work that must run on one node at a time when several identical nodes share one PostgreSQL database: the hourly
/// jobs (report periods and reminders, monitoring alerts) and the start-up (schema, demo data, the first data-protection key).
/// A PostgreSQL session-level advisory lock, held on a connection of its own for as long as the work runs: a node that dies
/// drops its connection and with it the lock, so nothing is left to clean up. On SQLite (one node by design) an in-process
/// gate per database gives the same answer to two runs that overlap in one process.</summary>
public sealed class ClusterLock(DatabaseInfo info)
{
    static readonly ConcurrentDictionary<string, SemaphoreSlim> Local = new();

    /// <summary>The lock's 64-bit key: the first 8 bytes of the name's SHA-256, the same on every node and every version.</summary>
    public static long KeyOf(string name) => BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes("pcmd:" + name)), 0);

    /// <summary>Runs <paramref name="work"/> unless another node (or another run in this process) holds the lock named; then
    /// returns false at once without running it: that other run does the work.</summary>
    public async Task<bool> TryRun(string name, Func<CancellationToken, Task> work, CancellationToken ct)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var ran = await Run(name, work, ct);
        Shared.Metrics.JobRuns(name, ran, System.Diagnostics.Stopwatch.GetElapsedTime(started));
        return ran;
    }

    async Task<bool> Run(string name, Func<CancellationToken, Task> work, CancellationToken ct)
    {
        var gate = Local.GetOrAdd(info.ConnectionString + "|" + name, _ => new SemaphoreSlim(1, 1));
        if (!await gate.WaitAsync(0, ct)) return false;
        try
        {
            if (info.Provider != DatabaseProvider.Postgres)
            {
                await work(ct);
                return true;
            }
            await using var conn = await Open(ct);
            if (!await Scalar<bool>(conn, "SELECT pg_try_advisory_lock(@k)", name, ct)) return false;
            try { await work(ct); }
            finally { await Unlock(conn, name); }
            return true;
        }
        finally { gate.Release(); }
    }

    /// <summary>Waits for the lock named and holds it until the result is disposed (start-up: one node prepares the
    /// database while the others wait, then find it ready).</summary>
    public async Task<IAsyncDisposable> Hold(string name, CancellationToken ct)
    {
        if (info.Provider != DatabaseProvider.Postgres) return new Held(null, name);
        var conn = await Open(ct);
        // No command timeout: the wait lasts as long as the other node's start-up (the demo data take minutes on a busy machine).
        await Scalar<object>(conn, "SELECT pg_advisory_lock(@k)", name, ct, timeout: 0);
        return new Held(conn, name);
    }

    sealed class Held(NpgsqlConnection? conn, string name) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            if (conn is null) return;
            await Unlock(conn, name);
            await conn.DisposeAsync();
        }
    }

    // Not pooled: the lock belongs to this connection's session alone, and closing it must end the session.
    async Task<NpgsqlConnection> Open(CancellationToken ct)
    {
        var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(info.ConnectionString) { Pooling = false }.ConnectionString);
        await conn.OpenAsync(ct);
        return conn;
    }

    static async Task Unlock(NpgsqlConnection conn, string name)
    {
        // A broken connection has ended its session, and the lock with it.
        try { await Scalar<bool>(conn, "SELECT pg_advisory_unlock(@k)", name, CancellationToken.None); }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException) { }
    }

    static async Task<T> Scalar<T>(NpgsqlConnection conn, string sql, string name, CancellationToken ct, int? timeout = null)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        if (timeout is { } t) cmd.CommandTimeout = t;
        cmd.Parameters.AddWithValue("k", KeyOf(name));
        return (T)(await cmd.ExecuteScalarAsync(ct))!;
    }
}
