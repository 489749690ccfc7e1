using Pcmd.Web.Features.OrgUnits;

namespace Pcmd.Web.Security;

/// <summary>What every feature's scope checks rely on: the in-memory unit tree, the request's <see cref="UserScope"/>,
/// and authorization. Not a feature: the features all lean on it.</summary>
public static class SecurityModule
{
    public static WebApplicationBuilder AddPcmdSecurity(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<OrgUnitTree>();
        builder.Services.AddScoped<CurrentScope>();
        builder.Services.AddAuthorization();
        return builder;
    }
}
