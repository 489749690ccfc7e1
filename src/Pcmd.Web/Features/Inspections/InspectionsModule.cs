using Pcmd.Web.Components.Layout;
using Pcmd.Web.Features.Demo;

namespace Pcmd.Web.Features.Inspections;

public static class InspectionsModule
{
    public static IServiceCollection AddInspections(this IServiceCollection services) => services
        .AddNavEntry(new NavEntry(NavGroup.Registers, "Nav.Inspections", "/inspections", 20, Establishments.EstablishmentsModule.Registers))
        .AddNavEntry(new NavEntry(NavGroup.Registers, "Nav.Teams", "/inspection-teams", 30, Establishments.EstablishmentsModule.Registers, "/inspection-plans"))
        .AddScoped<InspectionAccess>()
        .AddScoped<TeamService>()
        .AddScoped<InspectionPlanService>()
        .AddScoped<InspectionService>()
        .AddScoped<InspectionQueries>()
        .AddScoped<InspectionPhotos>()
        .AddScoped<FieldWorklist>()
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
