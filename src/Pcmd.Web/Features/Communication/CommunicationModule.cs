using Pcmd.Web.Components.Layout;
using Pcmd.Web.Features.Demo;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.Communication;

public static class CommunicationModule
{
    public static IServiceCollection AddCommunication(this IServiceCollection services) => services
        .AddNavEntry(new NavEntry(NavGroup.Activities, "Communication.Nav", "/communication", 10, Establishments.EstablishmentsModule.Registers))
        .AddScoped<CommunicationService>()
        .AddScoped<CommunicationFiles>()
        .AddScoped<IDemoStep, CommunicationDemoStep>();

    public static IEndpointRouteBuilder MapCommunicationApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/communication-events").WithTags("Truyền thông").RequireAuthorization();
        CommunicationApi.Map(api);
        RecordFilesApi.Map<CommunicationFiles>(api, "CommunicationEvent", "hoạt động truyền thông");
        return app;
    }
}
