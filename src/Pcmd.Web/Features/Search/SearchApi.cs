using Microsoft.AspNetCore.Http.HttpResults;
using Pcmd.Web.Security;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.Search;

public static class SearchApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("", SearchEverything).WithName(nameof(SearchEverything))
            .WithSummary("Tìm cơ sở, kế hoạch, điểm phức tạp, báo cáo theo tên hoặc số, trong phạm vi của người dùng").ProducesInvalid();
    }

    public static async Task<Ok<SearchResults>> SearchEverything(string? q, int? take, UserScope scope, SiteSearchService search,
        CancellationToken ct) => TypedResults.Ok(await search.Find(scope, q, take, ct));
}
