using Pcmd.Web.Components.Layout;
using Pcmd.Web.Features.Demo;

namespace Pcmd.Web.Features.Tips;

public static class TipsModule
{
    public static IServiceCollection AddTips(this IServiceCollection services) => services
        .AddScoped<TipService>()
        .AddScoped<PortalService>()
        .AddScoped<TipPhotos>()
        .AddScoped<WorkCalendar.IWorkCalendarDependents, TipCalendarDeadlines>()
        .AddSingleton<TipOverdueNotices>()
        .AddHostedService(sp => sp.GetRequiredService<TipOverdueNotices>())
        .AddScoped<PortalGuard>()
        .AddScoped<IDemoStep, TipDemoStep>()
        .AddScoped<Establishments.IEstablishmentReferences, TipEstablishmentReferences>()
        .AddNavEntry(new NavEntry(NavGroup.Registers, "Tips.Nav", "/tips", 50, Establishments.EstablishmentsModule.Registers));

    public static IEndpointRouteBuilder MapTipsApi(this IEndpointRouteBuilder app)
    {
        var staff = app.MapGroup("/api/v1/tips").WithTags("Tin báo, tố giác").RequireAuthorization();
        TipsApi.Map(staff);
        TipPhotosApi.MapStaff(staff);
        // Anonymous by design (issue 11): citizens report without an account. Limited per client in PortalGuard.
        var portal = app.MapGroup("/api/v1/public").WithTags("Cổng công khai").AllowAnonymous();
        PortalApi.MapPublic(portal);
        TipPhotosApi.MapPublic(portal);
        PortalApi.MapAdmin(app.MapGroup("/api/v1/portal").WithTags("Cổng công khai").RequireAuthorization());
        return app;
    }
}
