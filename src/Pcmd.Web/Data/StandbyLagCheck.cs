using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Pcmd.Web.Data;

/// <summary>On a node given a read connection (<c>ConnectionStrings:PostgresRead</c>) and a bound
/// (<c>Pcmd:Health:MaxStandbyLagSeconds</c>): how far the server that connection reaches has replayed the primary's
/// changes. Over the bound the node is <em>degraded</em> (still 200: its writes and its fall-back reads work), so an operator
/// sees the lag without the proxy taking the node out. A standby that does not answer is degraded too. The age of the last
/// replayed transaction overstates the lag on an idle primary; the bound should allow for that.</summary>
public sealed class StandbyLagCheck(IConfiguration config) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        var cs = config.GetConnectionString("PostgresRead");
        var max = config.GetValue<double?>("Pcmd:Health:MaxStandbyLagSeconds");
        if (string.IsNullOrWhiteSpace(cs) || max is null) return HealthCheckResult.Healthy("no standby configured");
        try
        {
            await using var conn = new NpgsqlConnection(cs);
            await conn.OpenAsync(ct);
            await using var cmd = new NpgsqlCommand(
                "SELECT pg_is_in_recovery(), coalesce(extract(epoch FROM now() - pg_last_xact_replay_timestamp()), 0)::float8", conn);
            await using var r = await cmd.ExecuteReaderAsync(ct);
            await r.ReadAsync(ct);
            if (!r.GetBoolean(0)) return HealthCheckResult.Degraded("reads go to the primary (no standby reached)");
            var lag = r.GetDouble(1);
            var data = new Dictionary<string, object> { ["lagSeconds"] = Math.Round(lag, 1) };
            return lag <= max ? HealthCheckResult.Healthy($"standby lag {lag:0.0} s", data)
                : HealthCheckResult.Degraded($"standby lag {lag:0.0} s > {max} s", data: data);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            return HealthCheckResult.Degraded("standby not reachable: " + e.Message);
        }
    }
}
