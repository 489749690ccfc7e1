using Pcmd.Web.Components.Layout;
using Pcmd.Web.Features.Demo;
namespace Pcmd.Web.Features.Agencies;

public static class AgenciesModule
{
    public static IServiceCollection AddAgencies(this IServiceCollection services) => services
        .AddNavEntry(new NavEntry(NavGroup.Admin, "Agencies", "/agencies", 20, NavEntry.Roles(Users.Roles.Coordinator, Users.Roles.CommuneOfficer, Users.Roles.AgencyReporter)))
        .AddScoped<AgencyService>()
        .AddScoped<AgencyCatalogue>()
        .AddScoped<Audit.IAuditReferenceNames, AgencyAuditNames>()
        .AddScoped<IDemoStep, AgenciesDemoStep>();

    public static IEndpointRouteBuilder MapAgenciesApi(this IEndpointRouteBuilder app)
    {
        AgenciesApi.Map(app.MapGroup("/api/v1/agencies").WithTags("Cơ quan").RequireAuthorization());
        return app;
    }
}
