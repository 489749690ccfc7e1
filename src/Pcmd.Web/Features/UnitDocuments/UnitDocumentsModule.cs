using Pcmd.Web.Components.Layout;
using Pcmd.Web.Features.Demo;
using Pcmd.Web.Features.Plans;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.UnitDocuments;

public static class UnitDocumentsModule
{
    public static IServiceCollection AddUnitDocuments(this IServiceCollection services) => services
        .AddNavEntry(new NavEntry(NavGroup.Activities, "Documents.Nav", "/documents", 30, Establishments.EstablishmentsModule.Registers))
        .AddScoped<UnitDocumentService>()
        .AddScoped<UnitDocumentFiles>()
        .AddScoped<PlanCascade>()
        .AddScoped<IDemoStep, UnitDocumentsDemoStep>()
        .AddSingleton(new PlanPageSection("thuc-hien", "Documents.Cascade", typeof(Pages.PlanCascadeSection)));

    public static IEndpointRouteBuilder MapUnitDocumentsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/unit-documents").WithTags("Văn bản").RequireAuthorization();
        UnitDocumentsApi.Map(api);
        RecordFilesApi.Map<UnitDocumentFiles>(api, "UnitDocument", "văn bản đã ban hành");
        UnitDocumentsApi.MapCascade(app.MapGroup("/api/v1/plans").WithTags("Văn bản").RequireAuthorization());
        return app;
    }
}
