using Pcmd.Web.Components.Layout;
namespace Pcmd.Web.Features.Audit;

/// <summary>Changes are written by the DbContext on every save (AuditRecorder); events (reads, exports, sign-ins, refusals,
/// failed imports) by any feature through <see cref="AuditTrail"/>, inserted by <see cref="AuditWriter"/>. This feature
/// also reads the trail (query, API, page).</summary>
public static class AuditModule
{
    public static IServiceCollection AddAudit(this IServiceCollection services)
    {
        services.AddNavEntry(new NavEntry(NavGroup.Admin, "Audit", "/audit", 40, NavEntry.Roles()));
        // Not bound to configuration: an installation cannot turn the read audit off; only the benchmark flips it in code.
        services.AddOptions<AuditOptions>();
        services.AddSingleton<AuditTrail>();
        services.AddHostedService<AuditWriter>();
        return services.AddScoped<AuditQuery>().AddScoped<AuditPresenter>();
    }

    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        AuditApi.Map(app.MapGroup("/api/v1/audit").WithTags("Nhật ký").RequireAuthorization());
        return app;
    }
}
