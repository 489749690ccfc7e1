using Pcmd.Web.Features.Demo.Synthetic;

namespace Pcmd.Web.Features.Demo;

/// <summary>First-start demo data. Each feature adds its own <see cref="IDemoStep"/> in its module; steps run by their
/// Order, not by registration.</summary>
public static class DemoModule
{
    public static IServiceCollection AddDemo(this IServiceCollection services) => services
        .AddScoped<DemoData>()
        .AddScoped<SyntheticData>()
        .AddScoped<IDemoStep, SyntheticDemoStep>();
}
