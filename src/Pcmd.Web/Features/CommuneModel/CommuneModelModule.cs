using Pcmd.Web.Components.Layout;
using Pcmd.Web.Features.Demo;

namespace Pcmd.Web.Features.CommuneModel;

public static class CommuneModelModule
{
    public static IServiceCollection AddCommuneModel(this IServiceCollection services) => services
        .AddNavEntry(new NavEntry(NavGroup.Activities, "CommuneModel.Nav", "/commune-model", 40, Establishments.EstablishmentsModule.Registers))
        .AddNavEntry(new NavEntry(NavGroup.Activities, "Healthy.Nav", "/healthy-communes", 41, Establishments.EstablishmentsModule.Registers))
        .AddScoped<ModelCommuneService>()
        .AddScoped<HealthyRatingService>()
        .AddScoped<IDemoStep, CommuneModelDemoStep>();

    public static IEndpointRouteBuilder MapCommuneModelApi(this IEndpointRouteBuilder app)
    {
        CommuneModelApi.MapModels(app.MapGroup("/api/v1/commune-models").WithTags("Mô hình xã").RequireAuthorization());
        CommuneModelApi.MapRating(app.MapGroup("/api/v1/healthy-communes").WithTags("Mô hình xã").RequireAuthorization());
        return app;
    }
}
