namespace Pcmd.Web.Features.Notifications;

public static class NotificationsModule
{
    public static IServiceCollection AddNotifications(this IServiceCollection services)
    {
        services.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.Section);
        services.AddScoped<Notifier>();
        // One instance is both the hosted loop and what tests (or an admin action) call for a pass now.
        services.AddSingleton<OutboxSender>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxSender>());
        return services;
    }

    public static IEndpointRouteBuilder MapNotificationsApi(this IEndpointRouteBuilder app)
    {
        NotificationsApi.Map(app.MapGroup("/api/v1/notifications").WithTags("Thông báo").RequireAuthorization());
        return app;
    }
}
