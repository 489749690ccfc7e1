using Pcmd.Web.Components.Layout;

namespace Pcmd.Web.Features.Monitoring;

/// <summary>Monitoring (issue 14): homes per role, dashboards, trends and early warning, over Indicators, Plans, Reporting and
/// the registers. Nothing depends on it.</summary>
public static class MonitoringModule
{
    public static IServiceCollection AddMonitoring(this IServiceCollection services)
    {
        // The dashboards and trends; the home page itself is the brand link "PCMD".
        services.AddNavEntry(new NavEntry(NavGroup.Monitoring, "Monitoring.Nav", "/monitoring", 10,
            s => s.IsGlobal || !s.IsInRole(Users.Roles.CaseWorker)));
        services.AddScoped<Projection>();
        services.AddScoped<AlertRules>();
        services.AddScoped<SourcedFigures>();
        services.AddScoped<DashboardService>();
        services.AddScoped<SeriesService>();
        services.AddScoped<AlertService>();
        services.AddScoped<HomeService>();
        services.AddSingleton<AlertNotifications>();
        services.AddHostedService(sp => sp.GetRequiredService<AlertNotifications>());
        services.AddSingleton<FigureWarmer>();
        services.AddHostedService(sp => sp.GetRequiredService<FigureWarmer>());
        return services;
    }

    public static IEndpointRouteBuilder MapMonitoringApi(this IEndpointRouteBuilder app)
    {
        MonitoringApi.Map(app.MapGroup("/api/v1/monitoring").WithTags("Theo dõi, đánh giá").RequireAuthorization());
        return app;
    }
}
