using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Pcmd.Web.Data;

/// <summary>On a record type: the figures it takes part in are those of its own unit (its <c>OrgUnitId</c>) or of the records it
/// belongs to (a foreign key to a record of a type marked so too: an inspection's establishment, a tip step's tip). A write to it
/// changes no other unit's figures, so a per-unit figure cached before it is brought up to date by recomputing those units alone
/// (<see cref="FigureChanges"/>). Put it only where every computation reading the type counts its facts in those units
/// (Features/Indicators/DatedFacts, IndicatorComputations.Facts); a type without it makes its writes "anywhere".</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class CountedInItsUnitAttribute : Attribute;

/// <summary>Which units a generation of a register changed (<see cref="FigureChanges.Anywhere"/>: any), written by the same
/// transaction as the generation's bump.</summary>
public class FigureChange
{
    public string Kind { get; set; } = "";
    public long Generation { get; set; }
    public int UnitId { get; set; }
}

public class FigureChangeConfiguration : IEntityTypeConfiguration<FigureChange>
{
    public void Configure(EntityTypeBuilder<FigureChange> b)
    {
        b.ToTable("figure_changes");
        b.HasKey(x => new { x.Kind, x.Generation, x.UnitId });
        b.Property(x => x.Kind).HasMaxLength(30);
    }
}

/// <summary>The units each write changed, per register (issue 14: a city records inspections all day, and each one made every
/// cached figure reading inspections compute afresh over the whole city). A reader holding a per-unit figure at older
/// generations asks <see cref="UnitsBetween"/> which units changed since; when they are few and known, it recomputes those
/// units only. A generation without its rows (a bulk write, or rows pruned) reads as "anywhere", so a figure is never patched
/// from an incomplete log.</summary>
public static class FigureChanges
{
    /// <summary>The unit of a change that may touch any unit.</summary>
    public const int Anywhere = 0;

    /// <summary>More units than this in one write or one gap: recompute everything instead.</summary>
    public const int MaxUnits = 64;

    /// <summary>Rows kept per register: a reader further behind computes afresh.</summary>
    const int Kept = 2000;

    /// <summary>What the entries being saved touch, per kind (call before saving: original values are read then). A kind written
    /// through a type without <see cref="CountedInItsUnitAttribute"/> is touched <see cref="Anywhere"/>. The units of records the
    /// entries belong to and that are not being saved are read by <see cref="Touch.Resolve"/>, inside the writing transaction.</summary>
    public static Touch Touched(ChangeTracker tracker, IEnumerable<RecordKind> kinds)
    {
        var touch = new Touch(kinds);
        foreach (var e in tracker.Entries())
        {
            if (e.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            if (FigureGenerations.KindOf(e.Metadata.ClrType) is not { } kind || !touch.Units.TryGetValue(kind, out var units)) continue;
            if (units.Contains(Anywhere)) continue;
            if (!Counted(e.Metadata)) { units.Add(Anywhere); continue; }
            if (e.Metadata.FindProperty("OrgUnitId") is { } own) units.UnionWith(Values(e, own));
            foreach (var fk in e.Metadata.GetForeignKeys())
                if (fk.Properties.Count == 1 && Counted(fk.PrincipalEntityType) && fk.PrincipalEntityType.FindProperty("OrgUnitId") is { } principalUnit)
                    foreach (var id in Values(e, fk.Properties[0]))
                    {
                        var key = fk.PrincipalEntityType.FindPrimaryKey()!.Properties[0];
                        // Saved with it: its units are known here. Loaded earlier and unchanged: its unit may have moved since,
                        // so it is read in the transaction like one not loaded at all.
                        var tracked = tracker.Entries().FirstOrDefault(x => x.Metadata == fk.PrincipalEntityType && x.State != EntityState.Unchanged
                            && x.Property(key.Name).CurrentValue is int k && k == id);
                        if (tracked is not null) units.UnionWith(Values(tracked, principalUnit));
                        else touch.Lookups.Add((kind, fk.PrincipalEntityType, principalUnit, id));
                    }
            // A write this wide recomputes everything anyway: stop collecting (a batch job's save stays linear).
            if (units.Count > MaxUnits || touch.Lookups.Count(l => l.Kind == kind) > MaxUnits) { units.Clear(); units.Add(Anywhere); }
        }
        return touch;
    }

    static bool Counted(IEntityType t) => Attribute.IsDefined(t.ClrType, typeof(CountedInItsUnitAttribute));

    /// <summary>The units touched per kind, and the records whose unit is still to read.</summary>
    public sealed class Touch(IEnumerable<RecordKind> kinds)
    {
        public Dictionary<RecordKind, HashSet<int>> Units { get; } = kinds.ToDictionary(k => k, _ => new HashSet<int>());
        internal List<(RecordKind Kind, IEntityType Principal, IProperty Unit, int Id)> Lookups { get; } = [];

        /// <summary>Reads the units of the records the entries belong to. Called in the writing transaction after its own writes, so
        /// that the unit read is the one committed with them: PostgreSQL holds the row (FOR SHARE) until the commit, so a record
        /// moved to another unit at the same time is moved after it (and that move touches both units); SQLite has one writer.</summary>
        public async Task<Dictionary<RecordKind, HashSet<int>>> Resolve(DbContext db, CancellationToken ct)
        {
            var lockRow = db.Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true ? " FOR SHARE" : "";
            foreach (var (kind, principal, unit, id) in Lookups.Distinct())
            {
                if (Units[kind].Contains(Anywhere)) continue;
                var key = principal.FindPrimaryKey()!.Properties[0];
                var sql = $"SELECT \"{unit.GetColumnName()}\" AS \"Value\" FROM {principal.GetTableName()} WHERE \"{key.GetColumnName()}\" = {{0}}{lockRow}";
                Units[kind].UnionWith(await db.Database.SqlQueryRaw<int>(sql, id).ToListAsync(ct));
            }
            foreach (var units in Units.Values)
                if (units.Count > MaxUnits || units.Count == 0) { units.Clear(); units.Add(Anywhere); }
            return Units;
        }
    }

    /// <summary>The current and original values of an int property (an added record has no original, a deleted one no current).</summary>
    static IEnumerable<int> Values(EntityEntry e, IProperty p)
    {
        var prop = e.Property(p.Name);
        if (e.State != EntityState.Deleted && prop.CurrentValue is int now) yield return now;
        if (e.State != EntityState.Added && prop.OriginalValue is int before) yield return before;
    }

    /// <summary>Writes the units of the generation just bumped, and forgets rows no reader should still need.</summary>
    public static async Task Record(DbContext db, RecordKind kind, long generation, IEnumerable<int> units, CancellationToken ct)
    {
        foreach (var u in units.Order())
            await db.Database.ExecuteSqlRawAsync("INSERT INTO figure_changes (\"Kind\", \"Generation\", \"UnitId\") VALUES ({0}, {1}, {2})",
                [kind.ToString(), generation, u], ct);
        if (generation % 100 == 0)
            await db.Database.ExecuteSqlRawAsync("DELETE FROM figure_changes WHERE \"Kind\" = {0} AND \"Generation\" <= {1}",
                [kind.ToString(), generation - Kept], ct);
    }

    /// <summary>The units the writes after <paramref name="from"/> up to <paramref name="to"/> changed, per kind; null when any of
    /// them may have changed any unit, a generation has no rows (written in bulk, or pruned), or they are more than <see cref="MaxUnits"/>.</summary>
    public static async Task<HashSet<int>?> UnitsBetween(DbContext db, RecordKind kind, long from, long to, CancellationToken ct)
    {
        if (to < from) return null;
        if (to == from) return [];
        var name = kind.ToString();
        var rows = await db.Set<FigureChange>().AsNoTracking()
            .Where(c => c.Kind == name && c.Generation > from && c.Generation <= to)
            .Select(c => new { c.Generation, c.UnitId }).ToListAsync(ct);
        if (rows.Select(r => r.Generation).Distinct().Count() != to - from) return null;
        var units = rows.Select(r => r.UnitId).ToHashSet();
        return units.Contains(Anywhere) || units.Count > MaxUnits ? null : units;
    }
}
