using Pcmd.Web.Components.Layout;
using Pcmd.Web.Features.Demo;

namespace Pcmd.Web.Features.ServiceDirectory;

public static class ServiceDirectoryModule
{
    public static IServiceCollection AddServiceDirectory(this IServiceCollection services) => services
        .AddNavEntry(new NavEntry(NavGroup.Support, "Services.Nav", "/support-services", 50))
        .AddScoped<SupportServiceDirectory>()
        .AddScoped<IDemoStep, ServiceDirectoryDemoStep>();

    public static IEndpointRouteBuilder MapServiceDirectoryApi(this IEndpointRouteBuilder app)
    {
        ServiceDirectoryApi.Map(app.MapGroup("/api/v1/support-services").WithTags("Dịch vụ hỗ trợ").RequireAuthorization());
        return app;
    }
}
