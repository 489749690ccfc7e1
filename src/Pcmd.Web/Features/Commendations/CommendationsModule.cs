using Pcmd.Web.Components.Layout;
using Pcmd.Web.Features.Demo;

namespace Pcmd.Web.Features.Commendations;

public static class CommendationsModule
{
    public static IServiceCollection AddCommendations(this IServiceCollection services) => services
        .AddNavEntry(new NavEntry(NavGroup.Activities, "Commendations.Nav", "/commendations", 50, Establishments.EstablishmentsModule.Registers))
        .AddScoped<CommendationService>()
        .AddScoped<IDemoStep, CommendationsDemoStep>()
        .AddSingleton(new Reporting.ReportPageSection(typeof(Pages.CommendationReportSection), 20))
        .AddScoped<Reporting.IReportDocumentParts, CommendationDocumentPart>();

    public static IEndpointRouteBuilder MapCommendationsApi(this IEndpointRouteBuilder app)
    {
        CommendationsApi.Map(app.MapGroup("/api/v1/commendations").WithTags("Khen thưởng").RequireAuthorization());
        return app;
    }
}
