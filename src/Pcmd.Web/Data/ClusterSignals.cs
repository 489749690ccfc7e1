using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Pcmd.Web.Data;

/// <summary>Something a node keeps in memory from the database and must forget when another node changes it (sessions, the
/// unit tree): the changing node sends a payload on <see cref="ChannelName"/> (PostgreSQL NOTIFY, delivered when its
/// transaction commits) and every node, the sender included, hears it through <see cref="ClusterListener"/>.</summary>
public interface IClusterSignal
{
    string ChannelName { get; }
    void Heard(string payload);
    /// <summary>The listener (re)connected: what was sent while it could not hear is unknown, so forget everything.</summary>
    void Reconnected();
}

/// <summary>One LISTEN connection per node for every <see cref="IClusterSignal"/>. While the connection is down a node cannot
/// hear, so on each (re)connection every signal forgets all it holds. SQLite is one node: nothing to tell.</summary>
public sealed class ClusterListener(IEnumerable<IClusterSignal> signals, DatabaseInfo info, ILogger<ClusterListener> log) : BackgroundService
{
    public static async Task Publish(PcmdDbContext db, string channel, string payload)
    {
        if (db.Database.IsNpgsql()) await db.Database.ExecuteSqlAsync($"SELECT pg_notify({channel}, {payload})");
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var byChannel = signals.ToDictionary(s => s.ChannelName);
        if (info.Provider != DatabaseProvider.Postgres || byChannel.Count == 0) return;
        // Keepalive: a primary that vanished (failover) is noticed within seconds, and the listener moves to the new one.
        var cs = new NpgsqlConnectionStringBuilder(info.ConnectionString) { Pooling = false, KeepAlive = 15 }.ConnectionString;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var conn = new NpgsqlConnection(cs);
                await conn.OpenAsync(stoppingToken);
                conn.Notification += (_, e) => { if (byChannel.TryGetValue(e.Channel, out var s)) s.Heard(e.Payload); };
                foreach (var channel in byChannel.Keys)
                    await using (var listen = new NpgsqlCommand($"LISTEN {channel}", conn)) await listen.ExecuteNonQueryAsync(stoppingToken);
                foreach (var s in byChannel.Values) s.Reconnected();
                while (true) await conn.WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { return; }
            catch (Exception e)
            {
                log.LogWarning(e, "Cluster listener lost its connection; reconnecting in 5 s");
                await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken);
            }
        }
    }
}

public static class ClusterSignalRegistration
{
    /// <summary>Registers a signal (a singleton already registered as <typeparamref name="T"/> is reused) and the one listener.</summary>
    public static IServiceCollection AddClusterSignal<T>(this IServiceCollection services) where T : class, IClusterSignal
    {
        services.AddSingleton<IClusterSignal>(sp => sp.GetRequiredService<T>());
        services.AddHostedService<ClusterListener>();
        return services;
    }
}
