using Microsoft.EntityFrameworkCore;
using Npgsql;
using Pcmd.Web.Data;

namespace Pcmd.Web.Features.Users.Sessions;

/// <summary>Makes an ending of sessions (logout, lock, new password, new role or unit) immediate on every node: the node that
/// ends them sends the user's id on the PostgreSQL channel <c>pcmd_sessions</c> (NOTIFY, delivered when the ending commits)
/// and every node, this one included, re-reads that user's cached sessions from the database on their next use. The payload is
/// the user id only, never a session id. While the connection is down a node cannot hear; so it forgets every cached session
/// each time it (re)connects, and until then the once-a-minute check (<see cref="UserSessionOptions.TouchSeconds"/>) still
/// catches an ending. SQLite is one node: nothing to tell.</summary>
public sealed class SessionListener(SessionStore store, DatabaseInfo info, ILogger<SessionListener> log) : BackgroundService
{
    public const string Channel = "pcmd_sessions";

    public static async Task Publish(PcmdDbContext db, string userId)
    {
        if (db.Database.IsNpgsql()) await db.Database.ExecuteSqlAsync($"SELECT pg_notify({Channel}, {userId})");
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (info.Provider != DatabaseProvider.Postgres) return;
        // Keepalive: a primary that vanished (failover) is noticed within seconds, and the listener moves to the new one.
        var cs = new NpgsqlConnectionStringBuilder(info.ConnectionString) { Pooling = false, KeepAlive = 15 }.ConnectionString;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var conn = new NpgsqlConnection(cs);
                await conn.OpenAsync(stoppingToken);
                conn.Notification += (_, e) => store.Reload(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", conn)) await listen.ExecuteNonQueryAsync(stoppingToken);
                store.ReloadAll();
                while (true) await conn.WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { return; }
            catch (Exception e)
            {
                log.LogWarning(e, "Session listener lost its connection; reconnecting in 5 s");
                await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken);
            }
        }
    }
}
