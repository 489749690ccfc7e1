using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pcmd.Web.Data;

namespace Pcmd.Web.Features.Indicators;

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
            if (e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && RecordKinds.OfEntity(e.Metadata.ClrType) is { } k)
                kinds.Add(k);
        return kinds;
    }

    /// <summary>One statement per kind in a fixed order (two writers of the same kinds lock the rows in the same order).</summary>
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
}
