using System.Data.Common;
using System.Reflection;
using Microsoft.EntityFrameworkCore;

namespace Pcmd.Web.Data;

/// <summary>Applies the versioned SQL scripts in <c>db/&lt;provider&gt;/NNNN_name.sql</c> (embedded in the
/// assembly) that the database has not seen yet, each in its own transaction, and records them in
/// <c>schema_versions</c>. `dotnet ef` cannot run here, so scripts are written (or generated with
/// <c>--print-schema</c>) by hand; see docs/architecture.md.</summary>
public static class SchemaMigrator
{
    public static IReadOnlyList<(int Version, string Name, string Sql)> Scripts(DatabaseProvider provider)
    {
        var folder = provider == DatabaseProvider.Postgres ? "postgres" : "sqlite";
        var asm = Assembly.GetExecutingAssembly();
        var prefix = $"db/{folder}/";
        return asm.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n =>
            {
                var file = n[prefix.Length..];
                using var s = new StreamReader(asm.GetManifestResourceStream(n)!);
                return (int.Parse(file[..4]), file, s.ReadToEnd());
            })
            .OrderBy(x => x.Item1)
            .ToList();
    }

    public static async Task<int> MigrateAsync(PcmdDbContext db, DatabaseProvider provider, CancellationToken ct = default)
    {
        var conn = db.Database.GetDbConnection();
        if (conn.State != System.Data.ConnectionState.Open) await conn.OpenAsync(ct);
        // Several application nodes may start at once on PostgreSQL: one migrates, the others wait.
        if (provider == DatabaseProvider.Postgres) await Exec(conn, null, "SELECT pg_advisory_lock(707070)", ct);
        try
        {
            await Exec(conn, null, "CREATE TABLE IF NOT EXISTS schema_versions (version integer PRIMARY KEY, name varchar(200) NOT NULL, applied_at varchar(40) NOT NULL)", ct);
            var applied = new HashSet<int>();
            await using (var cmd = conn.CreateCommand())
            {
                cmd.CommandText = "SELECT version FROM schema_versions";
                await using var r = await cmd.ExecuteReaderAsync(ct);
                while (await r.ReadAsync(ct)) applied.Add(r.GetInt32(0));
            }
            var count = 0;
            foreach (var (version, name, sql) in Scripts(provider).Where(s => !applied.Contains(s.Version)))
            {
                await using var tx = await conn.BeginTransactionAsync(ct);
                await Exec(conn, tx, sql, ct);
                await Exec(conn, tx, $"INSERT INTO schema_versions (version, name, applied_at) VALUES ({version}, '{name}', '{DateTime.UtcNow:O}')", ct);
                await tx.CommitAsync(ct);
                count++;
            }
            return count;
        }
        finally
        {
            if (provider == DatabaseProvider.Postgres) await Exec(conn, null, "SELECT pg_advisory_unlock(707070)", ct);
        }
    }

    static async Task Exec(DbConnection conn, DbTransaction? tx, string sql, CancellationToken ct)
    {
        await using var cmd = conn.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
