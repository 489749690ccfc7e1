namespace Pcmd.Bench;

/// <summary>Benchmark databases: created on first use, emptied on --reset (used by `generate` and `soak`).</summary>
public static class BenchDatabase
{
    /// <summary>--reset: a benchmark database starts empty. Drops every table of the PostgreSQL database's public schema
    /// (or deletes the SQLite file): never point it at a database you keep.</summary>
    public static async Task Reset(string? postgres, string? sqlite)
    {
        if (sqlite is not null)
        {
            foreach (var f in new[] { sqlite, sqlite + "-wal", sqlite + "-shm" }) File.Delete(f);
            return;
        }
        await using var conn = new Npgsql.NpgsqlConnection(postgres);
        await conn.OpenAsync();
        await using var cmd = new Npgsql.NpgsqlCommand("DROP SCHEMA public CASCADE; CREATE SCHEMA public;", conn);
        await cmd.ExecuteNonQueryAsync();
    }

    /// <summary>A named benchmark database (Database=pcmd_city) is created on first use, from the server's "postgres" database;
    /// with a <paramref name="template"/>, as a copy of that database (which must have no open connection).</summary>
    public static async Task CreateIfMissing(string postgres, string? template = null)
    {
        var target = new Npgsql.NpgsqlConnectionStringBuilder(postgres);
        if (string.IsNullOrEmpty(target.Database) || target.Database == "postgres") return;
        var admin = new Npgsql.NpgsqlConnectionStringBuilder(postgres) { Database = "postgres", Pooling = false };
        await using var conn = new Npgsql.NpgsqlConnection(admin.ConnectionString);
        await conn.OpenAsync();
        await using var exists = new Npgsql.NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", conn);
        exists.Parameters.AddWithValue("name", target.Database);
        if (await exists.ExecuteScalarAsync() is not null) return;
        await using var create = new Npgsql.NpgsqlCommand($"CREATE DATABASE {Quote(target.Database)}" + (template is null ? "" : $" TEMPLATE {Quote(template)}"), conn);
        create.CommandTimeout = 0;
        await create.ExecuteNonQueryAsync();
    }

    static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
