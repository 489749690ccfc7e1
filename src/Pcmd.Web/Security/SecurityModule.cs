using Microsoft.AspNetCore.Authorization;
using Pcmd.Web.Features.OrgUnits;

namespace Pcmd.Web.Security;

/// <summary>What every feature's scope checks rely on: the in-memory unit tree, the request's <see cref="UserScope"/>,
/// and authorization. Not a feature: the features all lean on it.</summary>
public static class SecurityModule
{
    /// <summary>Signed in, even if still to enrol in two-factor sign-in: the enrolment itself and logout.</summary>
    public const string SignedInPolicy = "signed-in";

    public static WebApplicationBuilder AddPcmdSecurity(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<OrgUnitTree>();
        builder.Services.AddScoped<CurrentScope>();
        builder.Services.AddAuthorization(o =>
        {
            o.DefaultPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser()
                .RequireAssertion(c => !c.User.HasClaim(x => x.Type == UserScope.EnrolmentClaim)).Build();
            o.AddPolicy(SignedInPolicy, p => p.RequireAuthenticatedUser());
        });
        return builder;
    }
}
