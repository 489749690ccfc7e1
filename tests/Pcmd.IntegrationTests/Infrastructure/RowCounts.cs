using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pcmd.Web.Data;

namespace Pcmd.IntegrationTests.Infrastructure;

/// <summary>The number of rows of every table of the model, read in one query: a refused request must leave them all as
/// they were. The audit trail is left out: a refusal (403, 404 out of scope, a failed import) is itself an audited event; so
/// are the rate limits' counts (<c>rate_counts</c>): a sign-in or portal request is counted before its body is read, refused or not.</summary>
public static class RowCounts
{
    public static async Task<Dictionary<string, long>> Read(PcmdApp app)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PcmdDbContext>();
        var tables = db.Model.GetEntityTypes().Select(t => t.GetTableName()).OfType<string>()
            .Where(t => !t.Contains("audit", StringComparison.OrdinalIgnoreCase) && t != "rate_counts").Distinct().Order().ToList();
        var sql = "SELECT " + string.Join(", ", tables.Select(t => $"(SELECT count(*) FROM \"{t}\")"));
        DbConnection conn = db.Database.GetDbConnection();
        await conn.OpenAsync();
        try
        {
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = sql;
            await using var reader = await cmd.ExecuteReaderAsync();
            await reader.ReadAsync();
            return tables.Select((t, i) => (t, Convert.ToInt64(reader.GetValue(i)))).ToDictionary(x => x.t, x => x.Item2);
        }
        finally { await conn.CloseAsync(); }
    }

    /// <summary>The tables whose count changed, as "table: before → after".</summary>
    public static List<string> Changed(Dictionary<string, long> before, Dictionary<string, long> after) =>
        before.Where(kv => after[kv.Key] != kv.Value).Select(kv => $"{kv.Key}: {kv.Value} → {after[kv.Key]}").ToList();
}
