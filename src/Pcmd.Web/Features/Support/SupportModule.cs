using Pcmd.Web.Features.Demo;

namespace Pcmd.Web.Features.Support;

public static class SupportModule
{
    public static IServiceCollection AddSupport(this IServiceCollection services) => services
        .AddScoped<CaseAccess>()
        .AddScoped<SupportService>()
        .AddScoped<OutreachService>()
        .AddScoped<NeedKindService>()
        .AddScoped<ReferralService>()
        .AddScoped<SupportStatistics>()
        .AddScoped<IDemoStep, SupportDemoStep>()
        .AddScoped<Establishments.IEstablishmentReferences, SupportEstablishmentReferences>();

    public static IEndpointRouteBuilder MapSupportApi(this IEndpointRouteBuilder app)
    {
        SupportApi.Map(app.MapGroup("/api/v1/support").WithTags("Hỗ trợ, giảm hại").RequireAuthorization());
        return app;
    }
}
