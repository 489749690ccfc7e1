using Pcmd.Web.Components.Layout;
using Pcmd.Web.Features.Demo;

namespace Pcmd.Web.Features.Support;

public static class SupportModule
{
    public static IServiceCollection AddSupport(this IServiceCollection services) => services
        // Cases: only those who work them (administrators have no door into cases; see CaseAccess).
        .AddNavEntry(new NavEntry(NavGroup.Support, "Support.Nav", "/support", 10,
            s => s.IsInRole(Users.Roles.CaseWorker) || s.IsInRole(Users.Roles.CaseSupervisor)))
        .AddNavEntry(new NavEntry(NavGroup.Support, "Support.StatisticsTitle", "/support/statistics", 20,
            NavEntry.Roles(Users.Roles.Coordinator, Users.Roles.Leader, Users.Roles.CaseSupervisor)))
        .AddNavEntry(new NavEntry(NavGroup.Support, "Groups.Nav", "/support/groups", 15,
            s => s.IsInRole(Users.Roles.CaseWorker) || s.IsInRole(Users.Roles.CaseSupervisor)))
        .AddScoped<CaseAccess>()
        .AddScoped<SupportService>()
        .AddScoped<OutreachService>()
        .AddScoped<NeedKindService>()
        .AddScoped<ReferralService>()
        .AddScoped<SupportStatistics>()
        .AddScoped<GroupService>()
        .AddScoped<IDemoStep, GroupDemoStep>()
        .AddScoped<IDemoStep, SupportDemoStep>()
        .AddScoped<Establishments.IEstablishmentReferences, SupportEstablishmentReferences>();

    public static IEndpointRouteBuilder MapSupportApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/support").WithTags("Hỗ trợ, giảm hại").RequireAuthorization();
        SupportApi.Map(api);
        GroupApi.Map(api);
        return app;
    }
}
