using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage;

namespace Pcmd.Web.Features.OrgUnits;

/// <summary>One row of the closure table: <see cref="UnitId"/> lies in the area of <see cref="AreaId"/>. A unit's area is
/// the units reachable from it by going down to children and from a new unit to the old units merged into it, at any depth
/// (<see cref="OrgUnitTree.Area"/>): so "in my area" is <c>unit IN (SELECT UnitId FROM org_unit_areas WHERE AreaId = @mine)</c>,
/// one index range, instead of hundreds of ids sent with every query. Rows marked <see cref="Above"/> add the units above
/// the area, which its people may read. Derived data, written only by
/// <see cref="OrgUnitAreas.Sync"/> in SQL (never tracked, so never audited).</summary>
public class OrgUnitArea
{
    public int AreaId { get; set; }
    public int UnitId { get; set; }
    /// <summary>The unit is not in the area but above it: an ancestor of one of its units (the ward's city and the country,
    /// an old ward's old district). Readable by the area's people, not theirs to change; so "what I may read" is also one
    /// plain subquery (all the rows of my unit), which PostgreSQL plans far better than "in my area OR in these few ids".</summary>
    public bool Above { get; set; }
}

public class OrgUnitAreaConfiguration : IEntityTypeConfiguration<OrgUnitArea>
{
    public void Configure(EntityTypeBuilder<OrgUnitArea> b)
    {
        b.ToTable("org_unit_areas");
        b.HasKey(x => new { x.AreaId, x.UnitId });
        b.HasIndex(x => x.UnitId);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.AreaId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<OrgUnit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>Keeps <c>org_unit_areas</c> equal to the closure of the units and successions in the database. The
/// <see cref="Data.PcmdDbContext"/> calls it in the transaction of any save that touches a unit or a succession (so no
/// write path can forget it, and every node sees the change on commit), and start-up calls it once for a database
/// changed by other means. It writes only the difference: an unchanged tree costs one read of the closure.</summary>
public static class OrgUnitAreas
{
    /// <summary>Whether a save changes what the closure is computed from.</summary>
    public static bool Touched(ChangeTracker tracker) =>
        tracker.Entries().Any(e => e.Entity is OrgUnit or OrgUnitSuccession
            && e.State is EntityState.Added or EntityState.Deleted or EntityState.Modified);

    // Edges go from a unit to its children and from a new unit to the old units merged into it; the area is everything
    // reachable. "up" climbs from the area's units to their ancestors; those outside the area are the rows above it.
    // UNION (not UNION ALL) ends the recursions even if the data had a cycle. The same text runs on both databases.
    const string Closure = """
        WITH RECURSIVE edge("FromId", "ToId") AS (
            SELECT "ParentId", "Id" FROM org_units WHERE "ParentId" IS NOT NULL
            UNION ALL
            SELECT "NewUnitId", "OldUnitId" FROM org_unit_successions),
        area("AreaId", "UnitId") AS (
            SELECT "Id", "Id" FROM org_units
            UNION
            SELECT a."AreaId", e."ToId" FROM area a JOIN edge e ON e."FromId" = a."UnitId"),
        up("AreaId", "UnitId") AS (
            SELECT a."AreaId", u."ParentId" FROM area a JOIN org_units u ON u."Id" = a."UnitId" WHERE u."ParentId" IS NOT NULL
            UNION
            SELECT p."AreaId", u."ParentId" FROM up p JOIN org_units u ON u."Id" = p."UnitId" WHERE u."ParentId" IS NOT NULL),
        closure("AreaId", "UnitId", "Above") AS (
            SELECT "AreaId", "UnitId", FALSE FROM area
            UNION ALL
            SELECT "AreaId", "UnitId", TRUE FROM (SELECT "AreaId", "UnitId" FROM up EXCEPT SELECT "AreaId", "UnitId" FROM area) x)
        """;

    // The differences by EXCEPT (hashed on PostgreSQL, an ephemeral index on SQLite): a row-value NOT IN would be probed
    // row by row on PostgreSQL (a second for 3,000 rows). A row whose Above flag changes is removed and added again.
    const string DeleteStale = Closure + """

        DELETE FROM org_unit_areas WHERE ("AreaId", "UnitId", "Above") IN (
            SELECT "AreaId", "UnitId", "Above" FROM org_unit_areas EXCEPT SELECT "AreaId", "UnitId", "Above" FROM closure)
        """;

    // One computation of the closure tells whether anything differs: the sync on start, when nothing has changed, costs
    // that alone instead of the two statements below.
    const string CountDifferences = Closure + """

        SELECT (SELECT COUNT(*) FROM (
                    SELECT "AreaId", "UnitId", "Above" FROM closure EXCEPT SELECT "AreaId", "UnitId", "Above" FROM org_unit_areas) missing)
             + (SELECT COUNT(*) FROM (
                    SELECT "AreaId", "UnitId", "Above" FROM org_unit_areas EXCEPT SELECT "AreaId", "UnitId", "Above" FROM closure) stale)
        """;

    const string InsertMissing = Closure + """

        INSERT INTO org_unit_areas ("AreaId", "UnitId", "Above")
        SELECT "AreaId", "UnitId", "Above" FROM closure EXCEPT SELECT "AreaId", "UnitId", "Above" FROM org_unit_areas
        """;

    /// <summary>Brings the table up to date; the rows removed and added. Runs in the current transaction, or in its own.</summary>
    public static async Task<(int Removed, int Added)> Sync(DbContext db, CancellationToken ct = default)
    {
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            // Two nodes syncing at once would both insert the same missing rows: the second waits for the first's commit
            // (readers are not blocked). SQLite has one writer anyway. The recursive CTE's row estimate is wild (170 million
            // for 62,000 on the country), which makes PostgreSQL compile it with JIT: 0.85 s of a 1.9 s sync; not here.
            if (db.Database.IsNpgsql())
                await db.Database.ExecuteSqlRawAsync("LOCK TABLE org_unit_areas IN SHARE ROW EXCLUSIVE MODE; SET LOCAL jit = off", ct);
            if (await Scalar(db, CountDifferences, ct) == 0)
            {
                if (own is not null) await own.CommitAsync(ct);
                return (0, 0);
            }
            var removed = await db.Database.ExecuteSqlRawAsync(DeleteStale, ct);
            var added = await db.Database.ExecuteSqlRawAsync(InsertMissing, ct);
            if (own is not null) await own.CommitAsync(ct);
            return (removed, added);
        }
        finally
        {
            if (own is not null) await own.DisposeAsync();
        }
    }

    static async Task<long> Scalar(DbContext db, string sql, CancellationToken ct)
    {
        await using var cmd = db.Database.GetDbConnection().CreateCommand();
        cmd.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        cmd.CommandText = sql;
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }
}
