using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pcmd.IntegrationTests.Infrastructure;
using Pcmd.Web.Data;

namespace Pcmd.IntegrationTests.Features.Platform;

/// <summary>The hand-kept SQL scripts in db/ must give the tables and columns the EF model expects.</summary>
public abstract class SchemaTests(PcmdApp app)
{
    [Fact]
    public async Task The_versioned_scripts_create_every_table_and_column_of_the_model()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PcmdDbContext>();
        var conn = db.Database.GetDbConnection();
        await conn.OpenAsync();
        var missing = new List<string>();
        foreach (var entity in db.Model.GetEntityTypes().Where(e => e.GetTableName() is not null))
        {
            var table = entity.GetTableName()!;
            var columns = await Columns(conn, table);
            if (columns is null) { missing.Add(table); continue; }
            var store = Microsoft.EntityFrameworkCore.Metadata.StoreObjectIdentifier.Table(table, entity.GetSchema());
            foreach (var p in entity.GetProperties())
                if (p.GetColumnName(store) is { } col && !columns.Contains(col)) missing.Add($"{table}.{col}");
        }
        Assert.Empty(missing);
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = "SELECT COUNT(*) FROM schema_versions";
        Assert.Equal(SchemaMigrator.Scripts(app.Provider).Count, Convert.ToInt32(await cmd.ExecuteScalarAsync()));
    }

    static async Task<HashSet<string>?> Columns(DbConnection conn, string table)
    {
        try
        {
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = $"SELECT * FROM \"{table}\" WHERE 1 = 0";
            await using var r = await cmd.ExecuteReaderAsync();
            return Enumerable.Range(0, r.FieldCount).Select(r.GetName).ToHashSet();
        }
        catch (DbException) { return null; }
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SchemaTestsOnSqlite(SqliteApp app) : SchemaTests(app);

[Collection(PostgresCollection.Name)]
public sealed class SchemaTestsOnPostgres(PostgresApp app) : SchemaTests(app);
