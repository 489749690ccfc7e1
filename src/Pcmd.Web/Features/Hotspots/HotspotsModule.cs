using Pcmd.Web.Components.Layout;
using Pcmd.Web.Features.Demo;

namespace Pcmd.Web.Features.Hotspots;

public static class HotspotsModule
{
    public static IServiceCollection AddHotspots(this IServiceCollection services) => services
        .AddNavEntry(new NavEntry(NavGroup.Registers, "Hotspots.Nav", "/hotspots", 40, Establishments.EstablishmentsModule.Registers))
        .AddScoped<HotspotService>()
        .AddScoped<Shared.ISearchSource, HotspotSearch>()
        .AddScoped<IDemoStep, HotspotDemoStep>()
        .AddScoped<Establishments.IEstablishmentReferences, HotspotEstablishmentReferences>();

    public static IEndpointRouteBuilder MapHotspotsApi(this IEndpointRouteBuilder app)
    {
        HotspotsApi.Map(app.MapGroup("/api/v1/hotspots").WithTags("Điểm phức tạp").RequireAuthorization());
        return app;
    }
}
