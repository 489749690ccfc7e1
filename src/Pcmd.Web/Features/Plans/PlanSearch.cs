using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Data;
using Pcmd.Web.Security;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.Plans;

/// <summary>Plans in the site-wide search, by title, number ("125/KH-UBND") or key (accents or none: Plan.SearchText), within the plans the user may read;
/// the newest period first, as the plans list orders them.</summary>
public sealed class PlanSearch(PcmdDbContext db) : ISearchSource
{
    public string Kind => "plans";
    public int Order => 20;
    public bool AppliesTo(UserScope scope) => true;
    public string? MoreUrl(SearchText text) => "/plans?q=" + Uri.EscapeDataString(text.Text);

    public async Task<List<SearchHit>> Find(UserScope scope, SearchText text, int take, CancellationToken ct)
    {
        var q = text.Filter(db.Plans.AsNoTracking().InReadableScope(db, scope, p => p.IssuingUnitId), db,
            p => p.SearchText);
        var rows = await q.OrderByDescending(p => p.PeriodTo).ThenBy(p => p.Title).ThenBy(p => p.Id).Take(take)
            .Select(p => new { p.Id, p.Title, p.Number, p.IssuedOn, Unit = p.IssuingUnit!.Name, p.PeriodFrom, p.PeriodTo }).ToListAsync(ct);
        return rows.Select(p => new SearchHit(p.Title, string.Join(" · ", new[]
        {
            p.Number, p.IssuedOn is { } d ? PageText.Date(d) : null, p.Unit,
            p.PeriodFrom == p.PeriodTo ? p.PeriodFrom.ToString() : $"{p.PeriodFrom}–{p.PeriodTo}",
        }.Where(x => !string.IsNullOrEmpty(x))), $"/plans/{p.Id}")).ToList();
    }
}
