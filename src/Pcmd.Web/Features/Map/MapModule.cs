namespace Pcmd.Web.Features.Map;

public static class MapModule
{
    public static IServiceCollection AddMap(this IServiceCollection services) => services.AddScoped<MapService>();

    public static IEndpointRouteBuilder MapMapApi(this IEndpointRouteBuilder app)
    {
        MapApi.Map(app.MapGroup("/api/v1/map").WithTags("Bản đồ").RequireAuthorization());
        return app;
    }
}
