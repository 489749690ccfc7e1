using Microsoft.Extensions.Localization;
using Pcmd.Web.Security;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.Search;

public sealed record SearchGroup(string Kind, string Label, List<SearchHit> Hits, bool More, string? MoreUrl);

public sealed record SearchResults(string Query, List<SearchGroup> Groups);

/// <summary>The site-wide search (issue 15): every registered source, each within the user's scope, a few hits per kind.
/// Sources run one after another because they share the request's DbContext.</summary>
public sealed class SiteSearchService(IEnumerable<ISearchSource> sources, IStringLocalizer<SharedResource> L)
{
    public const int DefaultTake = 8, MaxTake = 50;

    public async Task<SearchResults> Find(UserScope scope, string? q, int? take, CancellationToken ct)
    {
        var text = SearchText.Parse(q);
        if (take is < 1 or > MaxTake) throw ValidationException.One("take", $"Số kết quả mỗi loại từ 1 đến {MaxTake}.");
        var n = take ?? DefaultTake;
        var groups = new List<SearchGroup>();
        foreach (var source in sources.Where(s => s.AppliesTo(scope)).OrderBy(s => s.Order))
        {
            // One more than asked tells whether there are more, without counting them all.
            var hits = await source.Find(scope, text, n + 1, ct);
            if (hits.Count == 0) continue;
            groups.Add(new SearchGroup(source.Kind, L["Search." + source.Kind], hits.Take(n).ToList(), hits.Count > n,
                hits.Count > n ? source.MoreUrl(text) : null));
        }
        return new SearchResults(text.Text, groups);
    }
}
