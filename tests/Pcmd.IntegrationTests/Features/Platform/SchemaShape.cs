using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Pcmd.Web.Data;

namespace Pcmd.IntegrationTests.Features.Platform;

// The shape of a schema, read either from the EF model or from a database's catalogs, and the comparison of both.
// Names are compared as EF generates them, columns in order; SQL text (index filters, check constraints) after
// normalising what PostgreSQL rewrites when it stores an expression (spaces, parentheses, quotes, ::casts, case).

public sealed record ColumnShape(string Type, bool Nullable, bool Identity)
{
    public override string ToString() => $"{Type} {(Nullable ? "NULL" : "NOT NULL")}{(Identity ? " identity" : "")}";
}

public sealed record KeyShape(string? Name, IReadOnlyList<string> Columns)
{
    public override string ToString() => $"({string.Join(", ", Columns)})";
}

public sealed record IndexShape(string Name, IReadOnlyList<string> Columns, bool Unique, IReadOnlyList<bool> Descending, string? Filter)
{
    public override string ToString() =>
        $"{(Unique ? "unique " : "")}({string.Join(", ", Columns.Select((c, i) => Descending.Count > i && Descending[i] ? c + " DESC" : c))})"
        + (Filter is null ? "" : $" WHERE {Filter}");
}

public sealed record ForeignKeyShape(string? Name, IReadOnlyList<string> Columns, string PrincipalTable, IReadOnlyList<string> PrincipalColumns, string OnDelete)
{
    public override string ToString() =>
        $"({string.Join(", ", Columns)}) → {PrincipalTable}({string.Join(", ", PrincipalColumns)}) ON DELETE {OnDelete}";
}

public sealed record CheckShape(string Name, string Sql);

public sealed class TableShape
{
    public Dictionary<string, ColumnShape> Columns { get; } = new(StringComparer.Ordinal);
    public KeyShape? PrimaryKey { get; set; }
    public List<KeyShape> UniqueConstraints { get; } = [];
    public List<IndexShape> Indexes { get; } = [];
    public List<ForeignKeyShape> ForeignKeys { get; } = [];
    public List<CheckShape> Checks { get; } = [];
}

public static class SchemaShape
{
    /// <summary>Tables of the model as migrations would create them (the design-time model: the runtime model
    /// drops check constraints, index filters and other annotations that only DDL needs).</summary>
    public static Dictionary<string, TableShape> FromModel(IRelationalModel model)
    {
        var tables = new Dictionary<string, TableShape>(StringComparer.Ordinal);
        foreach (var t in model.Tables.Where(t => !t.IsExcludedFromMigrations))
        {
            var s = new TableShape();
            foreach (var c in t.Columns)
                s.Columns[c.Name] = new ColumnShape(NormaliseType(c.StoreType), c.IsNullable, IsIdentity(c));
            if (t.PrimaryKey is { } pk) s.PrimaryKey = new KeyShape(pk.Name, pk.Columns.Select(c => c.Name).ToList());
            foreach (var u in t.UniqueConstraints.Where(u => !u.GetIsPrimaryKey()))
                s.UniqueConstraints.Add(new KeyShape(u.Name, u.Columns.Select(c => c.Name).ToList()));
            foreach (var i in t.Indexes)
                s.Indexes.Add(new IndexShape(i.Name, i.Columns.Select(c => c.Name).ToList(), i.IsUnique,
                    i.IsDescending is { Count: > 0 } d ? d.ToList() : i.Columns.Select(_ => false).ToList(),
                    i.Filter is null ? null : NormaliseSql(i.Filter)));
            foreach (var f in t.ForeignKeyConstraints)
                s.ForeignKeys.Add(new ForeignKeyShape(f.Name, f.Columns.Select(c => c.Name).ToList(), f.PrincipalTable.Name,
                    f.PrincipalColumns.Select(c => c.Name).ToList(), OnDelete(f.OnDeleteAction)));
            foreach (var k in t.CheckConstraints)
                s.Checks.Add(new CheckShape(k.Name!, NormaliseSql(k.Sql)));
            tables[t.Name] = s;
        }
        return tables;
    }

    static bool IsIdentity(IColumn c) =>
        c["Sqlite:Autoincrement"] is true
        || c["Npgsql:ValueGenerationStrategy"]?.ToString() is "IdentityByDefaultColumn" or "IdentityAlwaysColumn" or "SerialColumn";

    static string OnDelete(ReferentialAction a) => a switch
    {
        ReferentialAction.Cascade => "CASCADE",
        ReferentialAction.Restrict => "RESTRICT",
        ReferentialAction.SetNull => "SET NULL",
        ReferentialAction.SetDefault => "SET DEFAULT",
        _ => "NO ACTION",
    };

    /// <summary>The tables of the database (not schema_versions, which the migrator keeps) read from its catalogs.</summary>
    public static Task<Dictionary<string, TableShape>> FromDatabase(DbConnection conn, DatabaseProvider provider) =>
        provider == DatabaseProvider.Postgres ? FromPostgres(conn) : FromSqlite(conn);

    // ---- SQLite: pragma table_info / index_list / index_xinfo / foreign_key_list, and the CREATE TABLE text in
    // sqlite_master for what the pragmas do not tell (constraint names, check constraints, AUTOINCREMENT).

    static async Task<Dictionary<string, TableShape>> FromSqlite(DbConnection conn)
    {
        var tables = new Dictionary<string, TableShape>(StringComparer.Ordinal);
        var ddl = await Rows(conn, "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'schema_versions'");
        foreach (var row in ddl)
        {
            var name = (string)row[0]!;
            var sql = (string)row[1]!;
            var s = new TableShape();
            var pk = new SortedDictionary<long, string>();
            foreach (var c in await Rows(conn, $"SELECT name, type, \"notnull\", pk FROM pragma_table_info('{name}')"))
            {
                var col = (string)c[0]!;
                var autoincrement = Regex.IsMatch(sql, $"(?:^|[(,])\\s*\"{Regex.Escape(col)}\"\\s[^,]*\\bAUTOINCREMENT\\b", RegexOptions.IgnoreCase | RegexOptions.Multiline);
                s.Columns[col] = new ColumnShape(NormaliseType((string)c[1]!), Convert.ToInt64(c[2]) == 0, autoincrement);
                if (Convert.ToInt64(c[3]) > 0) pk[Convert.ToInt64(c[3])] = col;
            }
            if (pk.Count > 0) s.PrimaryKey = new KeyShape(ConstraintName(sql, "PRIMARY KEY", null), pk.Values.ToList());

            foreach (var i in await Rows(conn, $"SELECT name, \"unique\", origin, partial FROM pragma_index_list('{name}')"))
            {
                var index = (string)i[0]!;
                var origin = (string)i[2]!;
                if (origin == "pk") continue;
                var cols = await Rows(conn, $"SELECT name, \"desc\" FROM pragma_index_xinfo('{index.Replace("'", "''")}') WHERE key = 1 ORDER BY seqno");
                var names = cols.Select(c => (string?)c[0] ?? "<expression>").ToList();
                if (origin == "u")
                {
                    s.UniqueConstraints.Add(new KeyShape(ConstraintName(sql, "UNIQUE", names), names));
                    continue;
                }
                string? filter = null;
                if (Convert.ToInt64(i[3]) == 1)
                {
                    var indexSql = (string?)await Scalar(conn, $"SELECT sql FROM sqlite_master WHERE type = 'index' AND name = '{index.Replace("'", "''")}'") ?? "";
                    var where = Regex.Match(indexSql, @"\bWHERE\b(.*)$", RegexOptions.IgnoreCase | RegexOptions.Singleline);
                    filter = NormaliseSql(where.Groups[1].Value);
                }
                s.Indexes.Add(new IndexShape(index, names, Convert.ToInt64(i[1]) == 1, cols.Select(c => Convert.ToInt64(c[1]) == 1).ToList(), filter));
            }

            foreach (var fk in (await Rows(conn, $"SELECT id, seq, \"table\", \"from\", \"to\", on_delete FROM pragma_foreign_key_list('{name}')"))
                         .GroupBy(r => Convert.ToInt64(r[0])))
            {
                var rows = fk.OrderBy(r => Convert.ToInt64(r[1])).ToList();
                var cols = rows.Select(r => (string)r[3]!).ToList();
                s.ForeignKeys.Add(new ForeignKeyShape(ConstraintName(sql, "FOREIGN KEY", cols), cols, (string)rows[0][2]!,
                    rows.Select(r => (string)r[4]!).ToList(), ((string)rows[0][5]!).ToUpperInvariant()));
            }

            foreach (Match m in Regex.Matches(sql, "CONSTRAINT\\s+\"([^\"]+)\"\\s+CHECK\\s*\\(", RegexOptions.IgnoreCase))
                s.Checks.Add(new CheckShape(m.Groups[1].Value, NormaliseSql(Balanced(sql, m.Index + m.Length - 1))));
            tables[name] = s;
        }
        return tables;
    }

    /// <summary>The name EF gives a constraint in CREATE TABLE (<c>CONSTRAINT "PK_x" PRIMARY KEY</c>), which SQLite keeps
    /// only in that text; for a foreign key or unique constraint, the one on these columns.</summary>
    static string? ConstraintName(string sql, string kind, IReadOnlyList<string>? columns)
    {
        foreach (Match m in Regex.Matches(sql, $"CONSTRAINT\\s+\"([^\"]+)\"\\s+{kind}\\s*(\\(([^)]*)\\))?", RegexOptions.IgnoreCase))
        {
            if (columns is null) return m.Groups[1].Value;
            var cols = m.Groups[3].Value.Split(',').Select(c => c.Trim().Trim('"')).ToList();
            if (cols.SequenceEqual(columns)) return m.Groups[1].Value;
        }
        return null;
    }

    static string Balanced(string sql, int open)
    {
        var depth = 0;
        for (var i = open; i < sql.Length; i++)
        {
            if (sql[i] == '(') depth++;
            else if (sql[i] == ')' && --depth == 0) return sql[(open + 1)..i];
        }
        return sql[(open + 1)..];
    }

    // ---- PostgreSQL: pg_attribute / pg_constraint / pg_index of the tables in the current schema.

    static async Task<Dictionary<string, TableShape>> FromPostgres(DbConnection conn)
    {
        var tables = new Dictionary<string, TableShape>(StringComparer.Ordinal);
        const string Tables = "SELECT c.oid FROM pg_class c WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p') AND c.relname <> 'schema_versions'";

        foreach (var r in await Rows(conn, $"""
            SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), NOT a.attnotnull,
                   a.attidentity <> '' OR coalesce(pg_get_expr(d.adbin, d.adrelid), '') LIKE 'nextval(%'
            FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
            LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
            WHERE a.attrelid IN ({Tables}) AND a.attnum > 0 AND NOT a.attisdropped
            ORDER BY c.relname, a.attnum
            """))
        {
            var t = (string)r[0]!;
            if (!tables.TryGetValue(t, out var s)) tables[t] = s = new TableShape();
            s.Columns[(string)r[1]!] = new ColumnShape(NormaliseType((string)r[2]!), (bool)r[3]!, (bool)r[4]!);
        }

        // Constraints; columns in key order (unnest WITH ORDINALITY keeps the order of conkey/confkey).
        foreach (var r in await Rows(conn, $"""
            SELECT c.relname, k.conname, k.contype,
                   array_to_string(ARRAY(SELECT a.attname FROM unnest(k.conkey) WITH ORDINALITY u(n, o)
                       JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.n ORDER BY u.o), ','),
                   p.relname,
                   array_to_string(ARRAY(SELECT a.attname FROM unnest(k.confkey) WITH ORDINALITY u(n, o)
                       JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = u.n ORDER BY u.o), ','),
                   k.confdeltype, CASE WHEN k.contype = 'c' THEN pg_get_constraintdef(k.oid) END
            FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid LEFT JOIN pg_class p ON p.oid = k.confrelid
            WHERE k.conrelid IN ({Tables}) AND k.contype IN ('p', 'u', 'f', 'c')
            ORDER BY c.relname, k.conname
            """))
        {
            var s = tables[(string)r[0]!];
            var name = (string)r[1]!;
            var cols = ((string)r[3]!).Split(',', StringSplitOptions.RemoveEmptyEntries).ToList();
            switch (Convert.ToChar(r[2]))
            {
                case 'p': s.PrimaryKey = new KeyShape(name, cols); break;
                case 'u': s.UniqueConstraints.Add(new KeyShape(name, cols)); break;
                case 'f':
                    s.ForeignKeys.Add(new ForeignKeyShape(name, cols, (string)r[4]!, ((string)r[5]!).Split(',').ToList(),
                        Convert.ToChar(r[6]) switch { 'c' => "CASCADE", 'r' => "RESTRICT", 'n' => "SET NULL", 'd' => "SET DEFAULT", _ => "NO ACTION" }));
                    break;
                case 'c':
                    var def = (string)r[7]!;
                    var open = def.IndexOf('(');
                    s.Checks.Add(new CheckShape(name, NormaliseSql(Balanced(def, open))));
                    break;
            }
        }

        // Indexes other than those behind a primary key or unique constraint. indkey 0 is an expression;
        // indoption bit 1 is DESC.
        foreach (var r in await Rows(conn, $"""
            SELECT c.relname, ic.relname, i.indisunique,
                   array_to_string(ARRAY(SELECT coalesce(a.attname, '<expression>') FROM unnest(i.indkey::int2[]) WITH ORDINALITY u(n, o)
                       LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = u.n
                       WHERE u.o <= i.indnkeyatts ORDER BY u.o), ','),
                   array_to_string(ARRAY(SELECT (u.f & 1)::text FROM unnest(i.indoption::int2[]) WITH ORDINALITY u(f, o)
                       WHERE u.o <= i.indnkeyatts ORDER BY u.o), ','),
                   pg_get_expr(i.indpred, i.indrelid)
            FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_class ic ON ic.oid = i.indexrelid
            WHERE i.indrelid IN ({Tables})
              AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid AND k.conrelid = i.indrelid AND k.contype IN ('p', 'u', 'x'))
            ORDER BY c.relname, ic.relname
            """))
        {
            tables[(string)r[0]!].Indexes.Add(new IndexShape((string)r[1]!, ((string)r[3]!).Split(',').ToList(), (bool)r[2]!,
                ((string)r[4]!).Split(',').Select(f => f == "1").ToList(), r[5] is string p ? NormaliseSql(p) : null));
        }
        return tables;
    }

    static async Task<List<object?[]>> Rows(DbConnection conn, string sql)
    {
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        await using var r = await cmd.ExecuteReaderAsync();
        var rows = new List<object?[]>();
        while (await r.ReadAsync())
        {
            var row = new object?[r.FieldCount];
            for (var i = 0; i < r.FieldCount; i++) row[i] = r.IsDBNull(i) ? null : r.GetValue(i);
            rows.Add(row);
        }
        return rows;
    }

    static async Task<object?> Scalar(DbConnection conn, string sql)
    {
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        return await cmd.ExecuteScalarAsync();
    }

    /// <summary>Type names as both sides spell them: SQLite affinity names in capitals, PostgreSQL's format_type
    /// names (which EF's Npgsql store types already are) with the usual aliases unfolded.</summary>
    public static string NormaliseType(string type)
    {
        var t = Regex.Replace(type.Trim().ToLowerInvariant(), @"\s+", " ");
        t = Regex.Replace(t, @"^varchar\b", "character varying");
        t = Regex.Replace(t, @"^timestamptz\b", "timestamp with time zone");
        t = t switch { "int" or "int4" => "integer", "int8" => "bigint", "bool" => "boolean", "float8" => "double precision", _ => t };
        return t.Replace(", ", ",");
    }

    /// <summary>SQL of a filter or check, compared without what PostgreSQL adds or removes when it stores it.</summary>
    public static string NormaliseSql(string sql) =>
        Regex.Replace(Regex.Replace(sql, @"::(text|character varying|integer|bigint|smallint|numeric|boolean|date|timestamp with time zone|double precision)(\(\d+(,\d+)?\))?", "", RegexOptions.IgnoreCase), @"[\s()""]", "").ToLowerInvariant();

    /// <summary>Every difference between the model and the database, one line each: <c>table.thing: expected … found …</c>.
    /// <paramref name="extraIndexes"/> are indexes a script adds on purpose beyond the model (table.index).</summary>
    public static List<string> Compare(IReadOnlyDictionary<string, TableShape> expected, IReadOnlyDictionary<string, TableShape> actual,
        IReadOnlySet<string> extraIndexes)
    {
        var diffs = new List<string>();
        foreach (var (name, e) in expected.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            if (!actual.TryGetValue(name, out var a)) { diffs.Add($"{name}: expected table, found none"); continue; }

            foreach (var (col, ec) in e.Columns)
                if (!a.Columns.TryGetValue(col, out var ac)) diffs.Add($"{name}.{col}: expected column {ec}, found none");
                else if (ec != ac) diffs.Add($"{name}.{col}: expected {ec}, found {ac}");
            foreach (var col in a.Columns.Keys.Except(e.Columns.Keys))
                diffs.Add($"{name}.{col}: expected no column, found {a.Columns[col]}");

            if (e.PrimaryKey?.ToString() != a.PrimaryKey?.ToString() || (a.PrimaryKey?.Name is not null && e.PrimaryKey?.Name != a.PrimaryKey.Name))
                diffs.Add($"{name}.{e.PrimaryKey?.Name ?? a.PrimaryKey?.Name ?? "primary key"}: expected primary key {Describe(e.PrimaryKey)}, found {Describe(a.PrimaryKey)}");

            Match(diffs, name, "unique constraint", e.UniqueConstraints, a.UniqueConstraints, k => k.ToString(), k => k.Name);
            Match(diffs, name, "foreign key", e.ForeignKeys, a.ForeignKeys, f => $"({string.Join(", ", f.Columns)})", f => f.Name);

            foreach (var ei in e.Indexes)
            {
                var ai = a.Indexes.FirstOrDefault(i => i.Name == ei.Name);
                if (ai is null) diffs.Add($"{name}.{ei.Name}: expected index {ei}, found none");
                else if (ai.ToString() != ei.ToString()) diffs.Add($"{name}.{ei.Name}: expected index {ei}, found {ai}");
            }
            foreach (var ai in a.Indexes.Where(i => e.Indexes.All(x => x.Name != i.Name) && !extraIndexes.Contains($"{name}.{i.Name}")))
                diffs.Add($"{name}.{ai.Name}: expected no index, found {ai}");

            foreach (var ek in e.Checks)
            {
                var ak = a.Checks.FirstOrDefault(k => k.Name == ek.Name);
                if (ak is null) diffs.Add($"{name}.{ek.Name}: expected check ({ek.Sql}), found none");
                else if (ak.Sql != ek.Sql) diffs.Add($"{name}.{ek.Name}: expected check ({ek.Sql}), found ({ak.Sql})");
            }
            foreach (var ak in a.Checks.Where(k => e.Checks.All(x => x.Name != k.Name)))
                diffs.Add($"{name}.{ak.Name}: expected no check, found ({ak.Sql})");
        }
        foreach (var name in actual.Keys.Except(expected.Keys).Order(StringComparer.Ordinal))
            diffs.Add($"{name}: expected no table (not in the model), found one");
        return diffs;
    }

    static string Describe(KeyShape? k) => k is null ? "none" : $"{k.Name} {k}";

    /// <summary>Foreign keys and unique constraints are matched on their columns (SQLite's pragmas do not name them);
    /// then the whole definition and, where the database keeps one, the name must agree.</summary>
    static void Match<T>(List<string> diffs, string table, string what, List<T> expected, List<T> actual, Func<T, string> key, Func<T, string?> name)
        where T : notnull
    {
        foreach (var e in expected)
        {
            var a = actual.FirstOrDefault(x => key(x) == key(e));
            if (a is null) diffs.Add($"{table}.{name(e)}: expected {what} {e}, found none");
            else if (a.ToString() != e.ToString() || (name(a) is not null && name(a) != name(e)))
                diffs.Add($"{table}.{name(e)}: expected {what} {name(e)} {e}, found {name(a) ?? "(unnamed)"} {a}");
        }
        foreach (var a in actual.Where(x => expected.All(e => key(e) != key(x))))
            diffs.Add($"{table}.{name(a) ?? key(a)}: expected no {what}, found {a}");
    }
}
