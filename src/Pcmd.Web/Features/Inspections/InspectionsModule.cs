using Pcmd.Web.Features.Demo;

namespace Pcmd.Web.Features.Inspections;

public static class InspectionsModule
{
    public static IServiceCollection AddInspections(this IServiceCollection services) => services
        .AddScoped<InspectionAccess>()
        .AddScoped<TeamService>()
        .AddScoped<InspectionPlanService>()
        .AddScoped<InspectionService>()
        .AddScoped<InspectionQueries>()
        .AddScoped<IDemoStep, InspectionDemoStep>()
        .AddScoped<Establishments.IEstablishmentReferences, InspectionEstablishmentReferences>();

    public static IEndpointRouteBuilder MapInspectionsApi(this IEndpointRouteBuilder app)
    {
        InspectionTeamsApi.Map(app.MapGroup("/api/v1/inspection-teams").WithTags("Đội kiểm tra").RequireAuthorization());
        InspectionPlansApi.Map(app.MapGroup("/api/v1/inspection-plans").WithTags("Kế hoạch kiểm tra").RequireAuthorization());
        InspectionsApi.Map(app.MapGroup("/api/v1/inspections").WithTags("Kiểm tra").RequireAuthorization());
        InspectionsApi.MapCatalogues(app.MapGroup("/api/v1").WithTags("Kiểm tra").RequireAuthorization());
        return app;
    }
}
