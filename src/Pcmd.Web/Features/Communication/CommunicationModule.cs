using Pcmd.Web.Components.Layout;
using Pcmd.Web.Features.Demo;

namespace Pcmd.Web.Features.Communication;

public static class CommunicationModule
{
    public static IServiceCollection AddCommunication(this IServiceCollection services) => services
        .AddNavEntry(new NavEntry(NavGroup.Activities, "Communication.Nav", "/communication", 10, Establishments.EstablishmentsModule.Registers))
        .AddScoped<CommunicationService>()
        .AddScoped<IDemoStep, CommunicationDemoStep>();

    public static IEndpointRouteBuilder MapCommunicationApi(this IEndpointRouteBuilder app)
    {
        CommunicationApi.Map(app.MapGroup("/api/v1/communication-events").WithTags("Truyền thông").RequireAuthorization());
        return app;
    }
}
