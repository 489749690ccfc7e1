using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Data;
using Pcmd.Web.Security;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.Hotspots;

/// <summary>Hotspots in the site-wide search, by name or description, within the hotspots the user may read.</summary>
public sealed class HotspotSearch(PcmdDbContext db, HotspotService hotspots) : ISearchSource
{
    public string Kind => "hotspots";
    public int Order => 30;
    public bool AppliesTo(UserScope scope) => Establishments.EstablishmentsModule.Registers(scope);
    public string? MoreUrl(SearchText text) => "/hotspots?q=" + Uri.EscapeDataString(text.Text);

    public async Task<List<SearchHit>> Find(UserScope scope, SearchText text, int take, CancellationToken ct)
    {
        var q = text.Filter(await hotspots.Filtered(scope, null, ct), db, h => h.SearchText);
        var rows = await q.OrderBy(h => h.Name).ThenBy(h => h.Id).Take(take)
            .Select(h => new { h.Id, h.Name, Unit = h.OrgUnit!.Name }).ToListAsync(ct);
        return rows.Select(h => new SearchHit(h.Name, h.Unit, $"/hotspots/{h.Id}")).ToList();
    }
}
