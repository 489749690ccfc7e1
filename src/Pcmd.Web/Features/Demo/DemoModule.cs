namespace Pcmd.Web.Features.Demo;

/// <summary>First-start demo data: the runner (<see cref="Data.DemoData"/>, beside the schema start-up, because it must
/// know no feature) runs every <see cref="IDemoStep"/> by its Order; each feature adds its own step in its module.</summary>
public static class DemoModule
{
    public static IServiceCollection AddDemo(this IServiceCollection services) => services
        .AddScoped<Data.DemoData>();
}
