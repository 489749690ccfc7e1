using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Audit;
using Pcmd.Web.Security;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.Establishments.Import;

/// <summary>Saves the accepted rows of an import and ONE audit entry for it in one transaction: all rows or none.
/// PostgreSQL gets a binary COPY (100,000 rows in a few seconds); SQLite a prepared INSERT repeated in the transaction.
/// Both bypass the change tracker, so owner name and phone are encrypted here as the EF converter would
/// (<see cref="PersonalData"/>), and the audit trail records the import, not 100,000 single creations.</summary>
public sealed class EstablishmentBulkWriter(PcmdDbContext db)
{
    static readonly string[] Columns =
    [
        "TypeId", "Name", "Address", "OrgUnitId", "Latitude", "Longitude", "OwnerName", "OwnerPhone", "LicenceNumber", "LicenceDate",
        "WorkerCount", "RiskClass", "Status", "ManagedFrom", "ManagedTo", "CommitmentSigned", "CommitmentDate", "Note", "Version", "SearchText",
    ];

    static string ColumnList => string.Join(", ", Columns.Select(c => "\"" + c + "\""));

    public async Task Insert(IReadOnlyList<EstablishmentValues> rows, AuditEntry audit, Action<int>? progress, CancellationToken ct)
    {
        // AES-GCM of 200,000 values costs about a second of CPU: spread it over the cores before the transaction opens.
        var owners = new string?[rows.Count];
        var phones = new string?[rows.Count];
        Parallel.For(0, rows.Count, new ParallelOptions { CancellationToken = ct }, i =>
        {
            owners[i] = PersonalData.Encrypt(rows[i].OwnerName);
            phones[i] = PersonalData.Encrypt(rows[i].OwnerPhone);
        });
        var conn = db.Database.GetDbConnection();
        if (conn.State != System.Data.ConnectionState.Open) await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            if (conn is NpgsqlConnection pg) await Copy(pg, rows, owners, phones, progress, ct);
            else await InsertEach(conn, tx.GetDbTransaction(), rows, owners, phones, progress, ct);
            db.AuditEntries.Add(audit);
            await db.SaveChangesAsync(ct);
            // The rows bypassed SaveChanges (COPY): the establishments' figures go stale with this commit.
            await Data.FigureGenerations.Bump(db, [Data.RecordKind.Establishments], ct);
            await tx.CommitAsync(ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    static async Task Copy(NpgsqlConnection conn, IReadOnlyList<EstablishmentValues> rows, string?[] owners, string?[] phones, Action<int>? progress, CancellationToken ct)
    {
        await using var w = await conn.BeginBinaryImportAsync($"COPY establishments ({ColumnList}) FROM STDIN (FORMAT BINARY)", ct);
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            await w.StartRowAsync(ct);
            await w.WriteAsync(r.TypeId!.Value, NpgsqlDbType.Integer, ct);
            await w.WriteAsync(r.Name!, NpgsqlDbType.Varchar, ct);
            await w.WriteAsync(r.Address!, NpgsqlDbType.Varchar, ct);
            await w.WriteAsync(r.OrgUnitId!.Value, NpgsqlDbType.Integer, ct);
            await Nullable(w, r.Latitude, NpgsqlDbType.Double, ct);
            await Nullable(w, r.Longitude, NpgsqlDbType.Double, ct);
            await Text(w, owners[i], ct);
            await Text(w, phones[i], ct);
            await Text(w, r.LicenceNumber, ct);
            await Nullable(w, r.LicenceDate, NpgsqlDbType.Date, ct);
            await w.WriteAsync(r.WorkerCount, NpgsqlDbType.Integer, ct);
            await w.WriteAsync(r.RiskClass.ToString(), NpgsqlDbType.Varchar, ct);
            await w.WriteAsync(r.Status.ToString(), NpgsqlDbType.Varchar, ct);
            await Nullable(w, r.ManagedFrom, NpgsqlDbType.Date, ct);
            await Nullable(w, r.ManagedTo, NpgsqlDbType.Date, ct);
            await w.WriteAsync(r.CommitmentSigned, NpgsqlDbType.Boolean, ct);
            await Nullable(w, r.CommitmentDate, NpgsqlDbType.Date, ct);
            await Text(w, r.Note, ct);
            await w.WriteAsync(0, NpgsqlDbType.Integer, ct);
            await w.WriteAsync(SearchFold.Of(r.Name, r.Address, r.LicenceNumber), NpgsqlDbType.Text, ct);
            if ((i + 1) % 5000 == 0) progress?.Invoke(i + 1);
        }
        await w.CompleteAsync(ct);
        progress?.Invoke(rows.Count);
    }

    static async ValueTask Nullable<T>(NpgsqlBinaryImporter w, T? v, NpgsqlDbType type, CancellationToken ct) where T : struct
    {
        if (v is { } x) await w.WriteAsync(x, type, ct);
        else await w.WriteNullAsync(ct);
    }

    static async ValueTask Text(NpgsqlBinaryImporter w, string? v, CancellationToken ct)
    {
        if (v is null) await w.WriteNullAsync(ct);
        else await w.WriteAsync(v, NpgsqlDbType.Varchar, ct);
    }

    static async Task InsertEach(DbConnection conn, DbTransaction tx, IReadOnlyList<EstablishmentValues> rows, string?[] owners, string?[] phones,
        Action<int>? progress, CancellationToken ct)
    {
        await using var cmd = conn.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = $"INSERT INTO establishments ({ColumnList}) VALUES ({string.Join(", ", Columns.Select((_, i) => "@p" + i))})";
        var ps = Columns.Select((_, i) =>
        {
            var p = cmd.CreateParameter();
            p.ParameterName = "@p" + i;
            cmd.Parameters.Add(p);
            return p;
        }).ToArray();
        cmd.Prepare();
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            object?[] values =
            [
                r.TypeId, r.Name, r.Address, r.OrgUnitId, r.Latitude, r.Longitude, owners[i], phones[i],
                r.LicenceNumber, Iso(r.LicenceDate), r.WorkerCount, r.RiskClass.ToString(), r.Status.ToString(), Iso(r.ManagedFrom), Iso(r.ManagedTo),
                r.CommitmentSigned ? 1 : 0, Iso(r.CommitmentDate), r.Note, 0, SearchFold.Of(r.Name, r.Address, r.LicenceNumber),
            ];
            for (var j = 0; j < values.Length; j++) ps[j].Value = values[j] ?? DBNull.Value;
            await cmd.ExecuteNonQueryAsync(ct);
            if ((i + 1) % 5000 == 0) progress?.Invoke(i + 1);
        }
        progress?.Invoke(rows.Count);
    }

    /// <summary>How EF Core stores a DateOnly in SQLite.</summary>
    static string? Iso(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>True when the database refused a duplicate key (another import saved the same licence meanwhile).</summary>
    public static bool IsUniqueViolation(Exception e) => e switch
    {
        PostgresException p => p.SqlState == PostgresErrorCodes.UniqueViolation,
        // SQLITE_CONSTRAINT_UNIQUE
        Microsoft.Data.Sqlite.SqliteException s => s.SqliteExtendedErrorCode == 2067,
        DbUpdateException u when u.InnerException is { } inner => IsUniqueViolation(inner),
        _ => false,
    };
}
