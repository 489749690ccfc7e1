using Pcmd.Web.Components.Layout;
using Pcmd.Web.Features.Demo;

namespace Pcmd.Web.Features.Tips;

public static class TipsModule
{
    public static IServiceCollection AddTips(this IServiceCollection services) => services
        .AddScoped<TipService>()
        .AddScoped<PortalService>()
        .AddScoped<WorkCalendar.IWorkCalendarDependents, TipCalendarDeadlines>()
        .AddSingleton<TipOverdueNotices>()
        .AddHostedService(sp => sp.GetRequiredService<TipOverdueNotices>())
        .AddSingleton<PortalGuard>()
        .AddScoped<IDemoStep, TipDemoStep>()
        .AddScoped<Establishments.IEstablishmentReferences, TipEstablishmentReferences>()
        .AddNavEntry(new NavEntry(NavGroup.Registers, "Tips.Nav", "/tips", 50, Establishments.EstablishmentsModule.Registers));

    public static IEndpointRouteBuilder MapTipsApi(this IEndpointRouteBuilder app)
    {
        TipsApi.Map(app.MapGroup("/api/v1/tips").WithTags("Tin báo, tố giác").RequireAuthorization());
        // Anonymous by design (issue 11): citizens report without an account. Limited per client in PortalGuard.
        PortalApi.MapPublic(app.MapGroup("/api/v1/public").WithTags("Cổng công khai").AllowAnonymous());
        PortalApi.MapAdmin(app.MapGroup("/api/v1/portal").WithTags("Cổng công khai").RequireAuthorization());
        return app;
    }
}
