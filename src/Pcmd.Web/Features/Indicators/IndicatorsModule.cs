using Pcmd.Web.Features.Demo;

namespace Pcmd.Web.Features.Indicators;

public static class IndicatorsModule
{
    public static void AddIndicators(IServiceCollection services)
    {
        services.AddScoped<IndicatorAreas>();
        services.AddScoped<IndicatorComputations>();
        services.AddScoped<IndicatorResultsService>();
        services.AddScoped<IndicatorBindingService>();
        services.AddScoped<IDemoStep, IndicatorsDemoStep>();
        services.AddScoped<Plans.IIndicatorDependents, IndicatorBindingDependents>();
        services.AddSingleton(new Plans.PlanPageSection("ket-qua", "Plans.Results", typeof(Pages.IndicatorResultsSummary)));
    }
}
