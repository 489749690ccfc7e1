using Pcmd.Web.Features.Demo;

namespace Pcmd.Web.Features.Indicators;

public static class IndicatorsModule
{
    public static IServiceCollection AddIndicators(this IServiceCollection services) => services
        .AddScoped<IndicatorAreas>()
        .AddSingleton<FigureCache>()
        .AddScoped<IndicatorComputations>()
        .AddScoped<IndicatorFigures>()
        .AddScoped<IndicatorResultsService>()
        .AddScoped<IndicatorBindingService>()
        .AddScoped<IDemoStep, IndicatorsDemoStep>()
        .AddScoped<Plans.IIndicatorDependents, IndicatorBindingDependents>()
        .AddSingleton(new Plans.PlanPageSection("ket-qua", "Plans.Results", typeof(Pages.IndicatorResultsSummary)));

    public static IEndpointRouteBuilder MapIndicatorsApi(this IEndpointRouteBuilder app)
    {
        // Results hang under the plan and under the indicator, so the group is the API root.
        IndicatorsApi.Map(app.MapGroup("/api/v1").WithTags("Chỉ tiêu").RequireAuthorization());
        return app;
    }
}
