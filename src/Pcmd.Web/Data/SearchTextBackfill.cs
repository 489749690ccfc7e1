using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Data;

/// <summary>Fills the folded search text (<see cref="ISearchable"/>) of rows written before script 0024 added it, or by
/// any writer that bypassed the app. Each row is updated on its own column only, without the change tracker: no version
/// bump (an open form would otherwise meet a 409) and no audit entry (nothing a person changed). Writes nothing once done.</summary>
public static class SearchTextBackfill
{
    public static async Task<int> Run(PcmdDbContext db, CancellationToken ct = default) =>
        await Fill(db.Establishments, ct) + await Fill(db.Plans, ct) + await Fill(db.Hotspots, ct) + await Fill(db.ReportPeriods, ct);

    static async Task<int> Fill<T>(DbSet<T> set, CancellationToken ct) where T : class, ISearchable
    {
        var count = 0;
        while (true)
        {
            // The getter folds the fields just read; the stored column is still empty.
            var rows = await set.AsNoTracking().Where(x => EF.Property<string>(x, nameof(ISearchable.SearchText)) == "")
                .OrderBy(x => EF.Property<int>(x, "Id")).Take(500).ToListAsync(ct);
            var filled = 0;
            foreach (var row in rows)
            {
                var id = (int)set.Entry(row).Property("Id").CurrentValue!;
                var text = row.SearchText;
                if (text.Length == 0) continue; // nothing to search in: stays empty
                filled += await set.Where(x => EF.Property<int>(x, "Id") == id)
                    .ExecuteUpdateAsync(s => s.SetProperty(x => EF.Property<string>(x, nameof(ISearchable.SearchText)), text), ct);
            }
            count += filled;
            if (rows.Count < 500 || filled == 0) return count;
        }
    }
}
