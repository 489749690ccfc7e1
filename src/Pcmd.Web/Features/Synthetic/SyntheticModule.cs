using Pcmd.Web.Features.Demo;

namespace Pcmd.Web.Features.Synthetic;

/// <summary>The seeded generator of registry volumes (demo, city and country scales), used by the demo and the benchmarks.</summary>
public static class SyntheticModule
{
    public static IServiceCollection AddSynthetic(this IServiceCollection services) => services
        .AddScoped<SyntheticData>()
        .AddScoped<IDemoStep, SyntheticDemoStep>();
}
