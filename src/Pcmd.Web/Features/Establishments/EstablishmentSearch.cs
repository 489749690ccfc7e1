using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Security;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.Establishments;

/// <summary>Establishments in the site-wide search: the list's own query (scope, and on PostgreSQL its trigram index
/// over name, address and licence number), so the search finds exactly what the list would.</summary>
public sealed class EstablishmentSearch(EstablishmentQuery query) : ISearchSource
{
    public string Kind => "establishments";
    public int Order => 10;
    public bool AppliesTo(UserScope scope) => EstablishmentsModule.Registers(scope);
    public string? MoreUrl(SearchText text) => "/establishments?q=" + Uri.EscapeDataString(text.Text);

    public async Task<List<SearchHit>> Find(UserScope scope, SearchText text, int take, CancellationToken ct)
    {
        var q = await query.Build(scope, new EstablishmentFilter(Q: text.Text), ct);
        var rows = await query.Sort(q, "name").Take(take)
            .Select(e => new { e.Id, e.Name, e.Address, Unit = e.OrgUnit!.Name, e.LicenceNumber }).ToListAsync(ct);
        return rows.Select(e => new SearchHit(e.Name, string.Join(" · ", new[] { e.Address, e.Unit, e.LicenceNumber }
            .Where(x => !string.IsNullOrEmpty(x))), $"/establishments/{e.Id}")).ToList();
    }
}
