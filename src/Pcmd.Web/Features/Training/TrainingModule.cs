using Pcmd.Web.Components.Layout;
using Pcmd.Web.Features.Demo;

namespace Pcmd.Web.Features.Training;

public static class TrainingModule
{
    public static IServiceCollection AddTraining(this IServiceCollection services) => services
        .AddNavEntry(new NavEntry(NavGroup.Activities, "Training.Nav", "/training", 20, Establishments.EstablishmentsModule.Registers))
        .AddScoped<TrainingService>()
        .AddScoped<StaffRosterService>()
        .AddScoped<StaffMemberService>()
        .AddScoped<IDemoStep, StaffMemberDemoStep>()
        .AddScoped<IDemoStep, TrainingDemoStep>();

    public static IEndpointRouteBuilder MapTrainingApi(this IEndpointRouteBuilder app)
    {
        TrainingApi.MapCourses(app.MapGroup("/api/v1/training-courses").WithTags("Tập huấn").RequireAuthorization());
        TrainingApi.MapRosters(app.MapGroup("/api/v1/staff-rosters").WithTags("Tập huấn").RequireAuthorization());
        StaffMemberApi.Map(app.MapGroup("/api/v1/staff-members").WithTags("Tập huấn").RequireAuthorization());
        return app;
    }
}
