using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Pcmd.IntegrationTests.Infrastructure;
using Pcmd.Web.Data;

namespace Pcmd.IntegrationTests.Features.Platform;

/// <summary>The hand-kept SQL scripts in db/ must give the schema the EF model expects: tables, columns (type,
/// nullability, identity), primary keys, unique constraints, indexes (columns, order, uniqueness, filter), foreign
/// keys (columns, principal, on delete) and check constraints, read from the catalogs of the migrated database.</summary>
public abstract class SchemaTests(PcmdApp app)
{
    /// <summary>Indexes a script adds on purpose beyond the model (table.index), which the model cannot express.</summary>
    static IReadOnlySet<string> ExtraIndexes(DatabaseProvider provider) => provider == DatabaseProvider.Postgres
        ? new HashSet<string>
        {
            "establishments.IX_establishments_Name_vi",      // 0004: the list's sort under the vi-x-icu collation
            "establishments.IX_establishments_SearchText_trgm",   // 0024: trigram (gin) indexes of the folded search text
            "plans.IX_plans_SearchText_trgm",
            "hotspots.IX_hotspots_SearchText_trgm",
            "report_periods.IX_report_periods_SearchText_trgm",
        }
        : new HashSet<string>
        {
            "establishments.IX_establishments_Name_Id",      // 0004: the list's sort by name, id
        };

    static readonly string[] IdentityAndKeyTables =
        ["AspNetRoles", "AspNetRoleClaims", "AspNetUsers", "AspNetUserClaims", "AspNetUserLogins", "AspNetUserRoles", "AspNetUserTokens", "data_protection_keys"];

    static Dictionary<string, TableShape> Expected(PcmdDbContext db) =>
        SchemaShape.FromModel(db.GetService<IDesignTimeModel>().Model.GetRelationalModel());

    [Fact]
    public async Task The_versioned_scripts_give_the_schema_of_the_model()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PcmdDbContext>();
        var conn = db.Database.GetDbConnection();
        await conn.OpenAsync();

        var expected = Expected(db);
        Assert.All(IdentityAndKeyTables, t => Assert.Contains(t, expected.Keys));
        var actual = await SchemaShape.FromDatabase(conn, app.Provider);
        var diffs = SchemaShape.Compare(expected, actual, ExtraIndexes(app.Provider));
        foreach (var extra in ExtraIndexes(app.Provider))
        {
            var (table, index) = (extra[..extra.IndexOf('.')], extra[(extra.IndexOf('.') + 1)..]);
            if (actual.GetValueOrDefault(table)?.Indexes.Any(i => i.Name == index) != true)
                diffs.Add($"{extra}: expected the index the scripts add beyond the model, found none");
        }
        Assert.True(diffs.Count == 0, $"The migrated {app.Provider} database differs from the EF model:\n" + string.Join("\n", diffs));

        await using var cmd = conn.CreateCommand();
        cmd.CommandText = "SELECT COUNT(*) FROM schema_versions";
        Assert.Equal(SchemaMigrator.Scripts(app.Provider).Count, Convert.ToInt32(await cmd.ExecuteScalarAsync()));
    }

    /// <summary>The comparison sees drift: a scratch database migrated by the same scripts, then altered by hand,
    /// gives exactly the differences made.</summary>
    [Fact]
    public async Task The_comparison_reports_every_kind_of_drift()
    {
        var postgres = app.Provider == DatabaseProvider.Postgres;
        var (cs, drop) = await ScratchDatabase(postgres);
        try
        {
            var options = new DbContextOptionsBuilder<PcmdDbContext>();
            DatabaseSetup.Configure(options, app.Provider, cs);
            await using var db = new PcmdDbContext(options.Options);
            await SchemaMigrator.MigrateAsync(db, app.Provider);
            var conn = db.Database.GetDbConnection();

            await Exec(conn, """
                DROP INDEX "IX_agencies_OrgUnitId";
                DROP INDEX "IX_plans_Key";
                CREATE INDEX "IX_plans_Key" ON plans ("Key" DESC) WHERE "Key" <> '';
                CREATE INDEX "IX_decrees_extra" ON decrees ("Code", "Id");
                CREATE TABLE leftovers ("Id" integer NOT NULL);
                """);
            await Exec(conn, postgres
                ? """
                  ALTER TABLE data_protection_keys DROP COLUMN "FriendlyName", ALTER COLUMN "Id" DROP IDENTITY;
                  ALTER TABLE "AspNetUserTokens" ALTER COLUMN "Value" SET NOT NULL;
                  ALTER TABLE "AspNetUserTokens" DROP CONSTRAINT "PK_AspNetUserTokens",
                      ADD CONSTRAINT "PK_AspNetUserTokens" PRIMARY KEY ("UserId", "Name", "LoginProvider");
                  ALTER TABLE "AspNetUserTokens" DROP CONSTRAINT "FK_AspNetUserTokens_AspNetUsers_UserId",
                      ADD CONSTRAINT "FK_AspNetUserTokens_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id");
                  ALTER TABLE "AspNetUserTokens" ADD CONSTRAINT "AK_AspNetUserTokens_Value" UNIQUE ("Value");
                  ALTER TABLE "AspNetUserTokens" ADD CONSTRAINT "CK_AspNetUserTokens_Name" CHECK ("Name" <> '');
                  """
                : """
                  DROP TABLE data_protection_keys;
                  CREATE TABLE data_protection_keys (
                      "Id" INTEGER NOT NULL CONSTRAINT "PK_data_protection_keys" PRIMARY KEY,
                      "Xml" TEXT NOT NULL
                  );
                  DROP TABLE "AspNetUserTokens";
                  CREATE TABLE "AspNetUserTokens" (
                      "UserId" TEXT NOT NULL,
                      "LoginProvider" TEXT NOT NULL,
                      "Name" TEXT NOT NULL,
                      "Value" TEXT NOT NULL,
                      CONSTRAINT "PK_AspNetUserTokens" PRIMARY KEY ("UserId", "Name", "LoginProvider"),
                      CONSTRAINT "FK_AspNetUserTokens_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id"),
                      CONSTRAINT "AK_AspNetUserTokens_Value" UNIQUE ("Value"),
                      CONSTRAINT "CK_AspNetUserTokens_Name" CHECK ("Name" <> '')
                  );
                  """);

            var expected = Expected(db);
            var diffs = SchemaShape.Compare(expected, await SchemaShape.FromDatabase(conn, app.Provider), ExtraIndexes(app.Provider));
            var friendlyName = expected["data_protection_keys"].Columns["FriendlyName"];
            Assert.Equal(
                new[]
                {
                    "AspNetUserTokens.Value: expected text NULL, found text NOT NULL",
                    "AspNetUserTokens.PK_AspNetUserTokens: expected primary key PK_AspNetUserTokens (UserId, LoginProvider, Name), found PK_AspNetUserTokens (UserId, Name, LoginProvider)",
                    "AspNetUserTokens.AK_AspNetUserTokens_Value: expected no unique constraint, found (Value)",
                    "AspNetUserTokens.FK_AspNetUserTokens_AspNetUsers_UserId: expected foreign key FK_AspNetUserTokens_AspNetUsers_UserId (UserId) → AspNetUsers(Id) ON DELETE CASCADE, found FK_AspNetUserTokens_AspNetUsers_UserId (UserId) → AspNetUsers(Id) ON DELETE NO ACTION",
                    "AspNetUserTokens.CK_AspNetUserTokens_Name: expected no check, found (name<>'')",
                    "agencies.IX_agencies_OrgUnitId: expected index (OrgUnitId), found none",
                    $"data_protection_keys.FriendlyName: expected column {friendlyName}, found none",
                    "data_protection_keys.Id: expected integer NOT NULL identity, found integer NOT NULL",
                    "decrees.IX_decrees_extra: expected no index, found (Code, Id)",
                    "plans.IX_plans_Key: expected index unique (Key), found (Key DESC) WHERE key<>''",
                    "leftovers: expected no table (not in the model), found one",
                }.Order(StringComparer.Ordinal),
                diffs.Order(StringComparer.Ordinal));
        }
        finally
        {
            await drop();
        }
    }

    static async Task<(string ConnectionString, Func<Task> Drop)> ScratchDatabase(bool postgres)
    {
        if (!postgres)
        {
            var file = Path.Combine(Path.GetTempPath(), $"pcmd-schema-{Guid.NewGuid():N}.db");
            return ($"Data Source={file};Pooling=False", () => { File.Delete(file); return Task.CompletedTask; });
        }
        var server = Environment.GetEnvironmentVariable("PCMD_TEST_PG")!;
        var name = $"pcmd_schema_{Guid.NewGuid():N}";
        await AdminExec(server, $"CREATE DATABASE {name} ENCODING 'UTF8' TEMPLATE template0");
        return (new NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = false }.ConnectionString,
            () => AdminExec(server, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)"));
    }

    static async Task AdminExec(string server, string sql)
    {
        await using var conn = new NpgsqlConnection(server);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
    }

    static async Task Exec(DbConnection conn, string sql)
    {
        if (conn.State != System.Data.ConnectionState.Open) await conn.OpenAsync();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync();
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SchemaTestsOnSqlite(SqliteApp app) : SchemaTests(app);

[Collection(PostgresCollection.Name)]
public sealed class SchemaTestsOnPostgres(PostgresApp app) : SchemaTests(app);
