using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Pcmd.Web.Data;

/// <summary>The registers a computation reads, one per feature folder that keeps records (an entity's kind is the folder of its
/// namespace: <c>Pcmd.Web.Features.Inspections.Sanction</c> is <see cref="Inspections"/>). A write to any entity of a kind bumps
/// the kind's generation (<see cref="FigureGenerations"/>; which kinds each computation reads: Features/Indicators/RecordKinds) and so drops every cached figure of the computations that read it.</summary>
public enum RecordKind
{
    OrgUnits, Establishments, Inspections, Hotspots, Tips, Support, Enforcement, Communication, Training, UnitDocuments, CommuneModel, Plans, Agencies,
    /// <summary>The indicators' bindings: no figure reads them, but what is computed from a plan's bound figures does (a home's
    /// units likely to miss).</summary>
    Indicators,
}

/// <summary>How many times the records of a kind have been written: the version a cached figure was computed at. Kept in the
/// database, not in a node's memory, so that a write through any node (issue 17) is seen by every other node's next read.</summary>
public class FigureGeneration
{
    public string Kind { get; set; } = "";
    public long Generation { get; set; }
}

public class FigureGenerationConfiguration : IEntityTypeConfiguration<FigureGeneration>
{
    public void Configure(EntityTypeBuilder<FigureGeneration> b)
    {
        b.ToTable("figure_generations");
        b.HasKey(x => x.Kind);
        b.Property(x => x.Kind).HasMaxLength(30);
    }
}

/// <summary>Bumps and reads the generations. The bump is a statement of the writing transaction (<see cref="PcmdDbContext"/>
/// runs it just before committing), so a reader sees the new generation exactly when it can see the new records: a figure
/// read before the commit is stored under the old generation and never served again after it. The read is one small query
/// per request (a few rows), far cheaper than any figure.</summary>
public static class FigureGenerations
{
    /// <summary>The kinds of the entities being added, changed or removed; call before saving (the states are reset after).</summary>
    public static SortedSet<RecordKind> Touched(ChangeTracker tracker)
    {
        var kinds = new SortedSet<RecordKind>();
        foreach (var e in tracker.Entries())
            if (e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && KindOf(e.Metadata.ClrType) is { } k)
                kinds.Add(k);
        return kinds;
    }

    /// <summary>One statement per kind in a fixed order (two writers of the same kinds lock the rows in the same order), and the
    /// units each new generation changed (<see cref="FigureChanges"/>).</summary>
    public static async Task Bump(PcmdDbContext db, IReadOnlyDictionary<RecordKind, HashSet<int>> touched, CancellationToken ct = default)
    {
        foreach (var (k, units) in touched.OrderBy(t => t.Key))
        {
            var generation = (await db.Database.SqlQueryRaw<long>(BumpSql(k) + " RETURNING \"Generation\" AS \"Value\"").ToListAsync(ct)).Single();
            await FigureChanges.Record(db, k, generation, units, ct);
        }
    }

    /// <summary>A bump that records no units: readers holding older figures compute them afresh (bulk writes).</summary>
    public static async Task Bump(PcmdDbContext db, IEnumerable<RecordKind> kinds, CancellationToken ct = default)
    {
        foreach (var k in kinds.Distinct().Order()) await db.Database.ExecuteSqlRawAsync(BumpSql(k), ct);
    }

    /// <summary>The same text on SQLite and PostgreSQL; the kind is an enum name, never user input.</summary>
    public static string BumpSql(RecordKind k) => $"""
        INSERT INTO figure_generations ("Kind", "Generation") VALUES ('{k}', 1)
        ON CONFLICT ("Kind") DO UPDATE SET "Generation" = figure_generations."Generation" + 1
        """;

    public static async Task<Dictionary<RecordKind, long>> Read(PcmdDbContext db, CancellationToken ct = default)
    {
        var rows = await db.Generations.AsNoTracking().Select(g => new { g.Kind, g.Generation }).ToListAsync(ct);
        var result = new Dictionary<RecordKind, long>();
        foreach (var r in rows)
            if (Enum.TryParse<RecordKind>(r.Kind, out var k)) result[k] = r.Generation;
        return result;
    }

    /// <summary>The kind of an entity type by its feature folder, or null for one no computation reads (users, audit, reports…).</summary>
    public static RecordKind? KindOf(Type clrType)
    {
        var parts = (clrType.Namespace ?? "").Split('.');
        return parts.Length > 3 && parts[2] == "Features" && Enum.TryParse<RecordKind>(parts[3], out var k) ? k : null;
    }
}
