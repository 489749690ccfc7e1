using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql;
using NpgsqlTypes;
using Pcmd.Web.Data;

namespace Pcmd.Web.Data;

/// <summary>Writes many new entities fast, in one transaction: binary COPY on PostgreSQL, one prepared INSERT reused
/// for every row on SQLite. Columns and value conversions come from the EF model, so enums are written as the model
/// stores them and owner and member names go through the same encryption (PersonalData) as a normal save. It bypasses
/// the audit trail and version bumps on purpose: it loads demo and benchmark data, never a user's change. Ids are set
/// by the caller (so that foreign keys can be wired before writing); PostgreSQL's identity sequences are moved past
/// them on <see cref="CommitAsync"/>.</summary>
public sealed class BulkWriter : IAsyncDisposable
{
    readonly PcmdDbContext _db;
    readonly DbConnection _conn;
    readonly DbTransaction _tx;
    readonly bool _postgres;
    readonly bool _opened;
    readonly HashSet<string> _tables = [];

    /// <summary>Time spent writing each table, for the generator's report.</summary>
    public Dictionary<string, TimeSpan> Timings { get; } = [];

    BulkWriter(PcmdDbContext db, DbConnection conn, DbTransaction tx, bool opened)
    {
        _db = db; _conn = conn; _tx = tx; _opened = opened;
        _postgres = conn is NpgsqlConnection;
    }

    public bool IsPostgres => _postgres;

    public static async Task<BulkWriter> Open(PcmdDbContext db, CancellationToken ct)
    {
        var conn = db.Database.GetDbConnection();
        var opened = conn.State != System.Data.ConnectionState.Open;
        if (opened) await conn.OpenAsync(ct);
        var tx = await conn.BeginTransactionAsync(ct);
        return new BulkWriter(db, conn, tx, opened);
    }

    sealed record Column(string Name, IProperty Property, ValueConverter? Converter, Type ProviderType, string StoreType);

    List<Column> Columns<T>(out string table)
    {
        var et = _db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        table = et.GetTableName()!;
        var store = StoreObjectIdentifier.Table(table, et.GetSchema());
        var columns = new List<Column>();
        foreach (var p in et.GetProperties())
        {
            if (p.IsShadowProperty()) throw new InvalidOperationException($"{typeof(T).Name}.{p.Name} is a shadow property: BulkWriter cannot fill it.");
            var mapping = p.GetRelationalTypeMapping();
            var converter = p.GetValueConverter() ?? mapping.Converter;
            var provider = Nullable.GetUnderlyingType(converter?.ProviderClrType ?? p.ClrType) ?? converter?.ProviderClrType ?? p.ClrType;
            columns.Add(new Column(p.GetColumnName(store)!, p, converter, provider, p.GetColumnType()));
        }
        return columns;
    }

    static object? Value(Column c, object entity)
    {
        var v = c.Property.GetGetter().GetClrValueUsingContainingEntity(entity);
        return v is null ? null : c.Converter is null ? v : c.Converter.ConvertToProvider(v);
    }

    /// <summary>The first free id of the entity's table (so a run can append to existing data).</summary>
    public async Task<int> NextId<T>(CancellationToken ct)
    {
        Columns<T>(out var table);
        await using var cmd = _conn.CreateCommand();
        cmd.Transaction = _tx;
        cmd.CommandText = $"SELECT COALESCE(MAX(\"Id\"), 0) FROM \"{table}\"";
        return Convert.ToInt32(await cmd.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture) + 1;
    }

    public async Task Write<T>(IReadOnlyList<T> rows, CancellationToken ct) where T : class
    {
        if (rows.Count == 0) return;
        var columns = Columns<T>(out var table);
        _tables.Add(table);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        try { await WriteRows(rows, table, columns, ct); }
        finally { Timings[table] = Timings.GetValueOrDefault(table) + clock.Elapsed; }
    }

    async Task WriteRows<T>(IReadOnlyList<T> rows, string table, List<Column> columns, CancellationToken ct) where T : class
    {
        var names = string.Join(", ", columns.Select(c => $"\"{c.Name}\""));
        if (_conn is NpgsqlConnection pg)
        {
            var types = columns.Select(PgType).ToArray();
            await using var importer = await pg.BeginBinaryImportAsync($"COPY \"{table}\" ({names}) FROM STDIN (FORMAT BINARY)", ct);
            foreach (var row in rows)
            {
                importer.StartRow();
                for (var i = 0; i < columns.Count; i++)
                    WritePg(importer, Value(columns[i], row), types[i]);
            }
            await importer.CompleteAsync(ct);
            return;
        }
        await using var cmd = _conn.CreateCommand();
        cmd.Transaction = _tx;
        cmd.CommandText = $"INSERT INTO \"{table}\" ({names}) VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i))})";
        var parameters = columns.Select((_, i) => new SqliteParameter("$p" + i, null)).ToArray();
        cmd.Parameters.AddRange(parameters);
        cmd.Prepare();
        foreach (var row in rows)
        {
            for (var i = 0; i < columns.Count; i++) parameters[i].Value = Value(columns[i], row) ?? DBNull.Value;
            ct.ThrowIfCancellationRequested();
            cmd.ExecuteNonQuery(); // SQLite is synchronous underneath: the async call only adds overhead per row
        }
    }

    static NpgsqlDbType PgType(Column c) => c.ProviderType switch
    {
        var t when t == typeof(int) => NpgsqlDbType.Integer,
        var t when t == typeof(long) => NpgsqlDbType.Bigint,
        var t when t == typeof(short) => NpgsqlDbType.Smallint,
        var t when t == typeof(string) => NpgsqlDbType.Text,
        var t when t == typeof(bool) => NpgsqlDbType.Boolean,
        var t when t == typeof(double) => NpgsqlDbType.Double,
        var t when t == typeof(float) => NpgsqlDbType.Real,
        var t when t == typeof(decimal) => NpgsqlDbType.Numeric,
        var t when t == typeof(DateOnly) => NpgsqlDbType.Date,
        var t when t == typeof(Guid) => NpgsqlDbType.Uuid,
        var t when t == typeof(DateTime) => c.StoreType.Contains("with time zone", StringComparison.Ordinal) ? NpgsqlDbType.TimestampTz : NpgsqlDbType.Timestamp,
        _ => throw new NotSupportedException($"BulkWriter: column {c.Name} of type {c.ProviderType.Name}"),
    };

    static void WritePg(NpgsqlBinaryImporter importer, object? v, NpgsqlDbType type)
    {
        switch (v)
        {
            case null: importer.WriteNull(); break;
            case int i: importer.Write(i, type); break;
            case long l: importer.Write(l, type); break;
            case short s: importer.Write(s, type); break;
            case string s: importer.Write(s, type); break;
            case bool b: importer.Write(b, type); break;
            case double d: importer.Write(d, type); break;
            case float f: importer.Write(f, type); break;
            case decimal m: importer.Write(m, type); break;
            case DateOnly d: importer.Write(d, type); break;
            case Guid g: importer.Write(g, type); break;
            case DateTime t: importer.Write(t, type); break;
            default: importer.Write(v, type); break;
        }
    }

    readonly List<(string Table, string? Constraint, string Definition)> _deferred = [];

    /// <summary>PostgreSQL, for big loads: drops the table's foreign keys and secondary indexes for the rest of the
    /// transaction, so that COPY only appends; <see cref="CommitAsync"/> builds each index once (a sort) and checks each
    /// foreign key once (a join) instead of once per row. DDL is transactional: a failure leaves the schema as it was.
    /// The table is locked meanwhile: only for a database nobody else is using.</summary>
    public async Task DeferIndexes<T>(CancellationToken ct)
    {
        if (!_postgres) return;
        Columns<T>(out var table);
        var fks = await Query($"SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = '\"{table}\"'::regclass AND contype = 'f' ORDER BY conname", ct);
        var indexes = await Query($"""
            SELECT i.relname, pg_get_indexdef(i.oid) FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
            WHERE x.indrelid = '"{table}"'::regclass AND NOT x.indisprimary
              AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid) ORDER BY i.relname
            """, ct);
        foreach (var (name, def) in fks)
        {
            await Exec($"ALTER TABLE \"{table}\" DROP CONSTRAINT \"{name}\"", ct);
            _deferred.Add((table, name, def));
        }
        foreach (var (name, def) in indexes)
        {
            await Exec($"DROP INDEX \"{name}\"", ct);
            _deferred.Insert(0, (table, null, def));
        }
    }

    async Task<List<(string, string)>> Query(string sql, CancellationToken ct)
    {
        await using var cmd = _conn.CreateCommand();
        cmd.Transaction = _tx;
        cmd.CommandText = sql;
        var result = new List<(string, string)>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) result.Add((r.GetString(0), r.GetString(1)));
        return result;
    }

    public async Task CommitAsync(CancellationToken ct)
    {
        if (_deferred.Count > 0)
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            await Exec("SET LOCAL maintenance_work_mem = '256MB'", ct);
            foreach (var (table, constraint, def) in _deferred.OrderBy(d => d.Constraint is null ? 0 : 1))
                await Exec(constraint is null ? def : $"ALTER TABLE \"{table}\" ADD CONSTRAINT \"{constraint}\" {def}", ct);
            Timings["indexes and foreign keys"] = clock.Elapsed;
        }
        if (_postgres)
            foreach (var table in _tables.Order(StringComparer.Ordinal))
                await Exec($"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'Id'), GREATEST((SELECT MAX(\"Id\") FROM \"{table}\"), 1))", ct);
        // Rows written by COPY bypass SaveChanges: every cached figure of every node goes stale with this commit.
        foreach (var kind in Enum.GetValues<Data.RecordKind>()) await Exec(Data.FigureGenerations.BumpSql(kind), ct);
        await _tx.CommitAsync(ct);
        // Fresh statistics, so that the planner knows the tables are big now; after a big load also the visibility map
        // (index-only scans), as autovacuum would set it some minutes later: benchmarks then measure the steady state.
        if (_postgres)
            await Exec((_deferred.Count > 0 ? "VACUUM (ANALYZE) " : "ANALYZE ") + string.Join(", ", _tables.Order(StringComparer.Ordinal).Select(t => $"\"{t}\"")),
                ct, inTransaction: false);
    }

    async Task Exec(string sql, CancellationToken ct, bool inTransaction = true)
    {
        await using var cmd = _conn.CreateCommand();
        if (inTransaction) cmd.Transaction = _tx;
        cmd.CommandText = sql;
        cmd.CommandTimeout = 0;
        await cmd.ExecuteNonQueryAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _tx.DisposeAsync();
        if (_opened) await _conn.CloseAsync();
    }
}
