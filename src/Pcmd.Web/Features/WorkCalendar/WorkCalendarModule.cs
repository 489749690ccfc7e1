using Pcmd.Web.Components.Layout;

namespace Pcmd.Web.Features.WorkCalendar;

public static class WorkCalendarModule
{
    public static IServiceCollection AddWorkCalendar(this IServiceCollection services) => services
        .AddNavEntry(new NavEntry(NavGroup.Admin, "Calendar.Nav", "/work-calendar", 80, NavEntry.Roles()))
        .AddScoped<WorkCalendarService>();

    public static IEndpointRouteBuilder MapWorkCalendarApi(this IEndpointRouteBuilder app)
    {
        WorkCalendarApi.Map(app.MapGroup("/api/v1/work-calendar").WithTags("Lịch làm việc").RequireAuthorization());
        return app;
    }
}
