using Pcmd.Web.Components.Layout;
namespace Pcmd.Web.Features.Map;

public static class MapModule
{
    public static IServiceCollection AddMap(this IServiceCollection services) => services
        .AddNavEntry(new NavEntry(NavGroup.Map, "Map.Nav", "/map", 10, Establishments.EstablishmentsModule.Registers))
        .AddScoped<MapService>();

    public static IEndpointRouteBuilder MapMapApi(this IEndpointRouteBuilder app)
    {
        MapApi.Map(app.MapGroup("/api/v1/map").WithTags("Bản đồ").RequireAuthorization());
        return app;
    }
}
