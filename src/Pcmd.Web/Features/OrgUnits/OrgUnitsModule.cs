using Pcmd.Web.Components.Layout;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Demo;
namespace Pcmd.Web.Features.OrgUnits;

/// <summary>The units' records and their import. The in-memory <see cref="OrgUnitTree"/> every scope check reads is
/// registered with security (SecurityModule), not here.</summary>
public static class OrgUnitsModule
{
    public static IServiceCollection AddOrgUnits(this IServiceCollection services) => services
        .AddNavEntry(new NavEntry(NavGroup.Admin, "OrgUnits", "/org-units", 10, NavEntry.Roles(Users.Roles.Coordinator, Users.Roles.CommuneOfficer)))
        .AddClusterSignal<OrgUnitTree>() // a change through one node reaches every node's tree
        .AddSingleton<UnitLabels>()
        .AddScoped<OrgUnitService>()
        .AddScoped<AddressPackageImporter>()
        .AddScoped<Audit.IAuditReferenceNames, OrgUnitAuditNames>()
        .AddScoped<IDemoStep, OrgUnitsDemoStep>();

    public static IEndpointRouteBuilder MapOrgUnitsApi(this IEndpointRouteBuilder app)
    {
        OrgUnitsApi.Map(app.MapGroup("/api/v1/org-units").WithTags("Đơn vị hành chính").RequireAuthorization());
        return app;
    }
}
