using Pcmd.Web.Components.Layout;
using Pcmd.Web.Features.Demo;
using Pcmd.Web.Features.Plans.Files;

namespace Pcmd.Web.Features.Plans;

public static class PlansModule
{
    public static IServiceCollection AddPlans(this IServiceCollection services) => services
        .AddNavEntry(new NavEntry(NavGroup.Plans, "Plans", "/plans", 10))
        .AddNavEntry(new NavEntry(NavGroup.Plans, "MyTasks", "/my-tasks", 20, NavEntry.Roles(Users.Roles.Coordinator, Users.Roles.AgencyReporter, Users.Roles.CommuneOfficer, Users.Roles.Inspector, Users.Roles.CaseWorker)))
        .AddScoped<PlanFileReader>()
        .AddScoped<PlanFileWriter>()
        .AddScoped<PlanService>()
        .AddScoped<Shared.ISearchSource, PlanSearch>()
        .AddScoped<PlanPartsService>()
        .AddScoped<PlanSectionsService>()
        .AddScoped<MyTasks>()
        .AddScoped<TaskCompletions>()
        .AddScoped<IDemoStep, PlansDemoStep>();

    public static IEndpointRouteBuilder MapPlansApi(this IEndpointRouteBuilder app)
    {
        const string tag = "Kế hoạch";
        PlansApi.Map(app.MapGroup("/api/v1/plans").WithTags(tag).RequireAuthorization());
        PlanPartsApi.Map(app.MapGroup("/api/v1/plans/{id:int}").WithTags(tag).RequireAuthorization());
        PlanSectionsApi.Map(app.MapGroup("/api/v1/plans/{id:int}").WithTags(tag).RequireAuthorization());
        PlansApi.MapMyTasks(app.MapGroup("/api/v1/my-tasks").WithTags(tag).RequireAuthorization());
        return app;
    }
}
