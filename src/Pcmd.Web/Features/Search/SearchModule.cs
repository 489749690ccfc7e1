namespace Pcmd.Web.Features.Search;

/// <summary>The site-wide search. It knows no feature: each feature registers its <see cref="Shared.ISearchSource"/>.</summary>
public static class SearchModule
{
    public static IServiceCollection AddSiteSearch(this IServiceCollection services) => services.AddScoped<SiteSearchService>();

    public static IEndpointRouteBuilder MapSearchApi(this IEndpointRouteBuilder app)
    {
        SearchApi.Map(app.MapGroup("/api/v1/search").WithTags("Tìm kiếm").RequireAuthorization());
        return app;
    }
}
