using Pcmd.Web.Components.Layout;
using Pcmd.Web.Features.Demo;

namespace Pcmd.Web.Features.Enforcement;

public static class EnforcementModule
{
    public static IServiceCollection AddEnforcement(this IServiceCollection services) => services
        .AddScoped<EnforcementService>()
        .AddScoped<IDemoStep, EnforcementDemoStep>()
        .AddScoped<Establishments.IEstablishmentReferences, SanctionEstablishmentReferences>()
        .AddNavEntry(new NavEntry(NavGroup.Registers, "Enforcement.Nav", "/enforcement", 60, Establishments.EstablishmentsModule.Registers));

    public static IEndpointRouteBuilder MapEnforcementApi(this IEndpointRouteBuilder app)
    {
        EnforcementApi.Map(app.MapGroup("/api/v1/enforcement").WithTags("Xử phạt, vụ án").RequireAuthorization());
        return app;
    }
}
