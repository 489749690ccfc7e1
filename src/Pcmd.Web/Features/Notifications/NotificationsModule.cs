namespace Pcmd.Web.Features.Notifications;

public static class NotificationsModule
{
    public static void AddNotifications(IServiceCollection services)
    {
        services.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.Section);
        services.AddScoped<Notifier>();
        // One instance is both the hosted loop and what tests (or an admin action) call for a pass now.
        services.AddSingleton<OutboxSender>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxSender>());
    }

    public static void MapNotificationsApi(WebApplication app) => NotificationsApi.MapNotificationsApi(app);
}
