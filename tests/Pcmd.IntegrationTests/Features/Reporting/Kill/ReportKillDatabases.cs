using Microsoft.Data.Sqlite;
using Npgsql;
using Xunit.Abstractions;

namespace Pcmd.IntegrationTests.Features.Reporting.Kill;

public sealed class SqliteReportKillTests(ITestOutputHelper output) : ReportKillTests(output)
{
    readonly string _dir = Path.Combine(Path.GetTempPath(), $"pcmd-kill-{Guid.NewGuid():N}");

    protected override Task<Dictionary<string, string>> CreateDatabase() =>
        Task.FromResult(new Dictionary<string, string> { ["Pcmd__DataDirectory"] = _dir, ["ConnectionStrings__Sqlite"] = "" });

    /// <summary>The file a killed process left (with its journal) opens and passes SQLite's own check.</summary>
    protected override async Task CheckStore()
    {
        await using var conn = new SqliteConnection($"Data Source={Path.Combine(_dir, "pcmd.db")};Pooling=False");
        await conn.OpenAsync();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = "PRAGMA integrity_check";
        Assert.Equal("ok", (string?)await cmd.ExecuteScalarAsync());
    }

    protected override Task DropDatabase()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
        return Task.CompletedTask;
    }
}

public sealed class PostgresReportKillTests(ITestOutputHelper output) : ReportKillTests(output)
{
    string _server = "", _name = "";

    /// <summary>A fresh database on the test cluster (PCMD_TEST_PG, started by test.sh), as PostgresApp makes one.</summary>
    protected override async Task<Dictionary<string, string>> CreateDatabase()
    {
        _server = Environment.GetEnvironmentVariable("PCMD_TEST_PG")
            ?? throw new InvalidOperationException("PCMD_TEST_PG is not set: run the tests with ./test.sh, which starts PostgreSQL.");
        _name = $"pcmd_kill_{Guid.NewGuid():N}";
        await Sql($"CREATE DATABASE {_name} ENCODING 'UTF8' TEMPLATE template0");
        return new() { ["ConnectionStrings__Postgres"] = new NpgsqlConnectionStringBuilder(_server) { Database = _name }.ConnectionString };
    }

    protected override async Task DropDatabase()
    {
        if (_name.Length > 0) await Sql($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)");
    }

    async Task Sql(string sql)
    {
        await using var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_server) { Pooling = false }.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
    }
}
