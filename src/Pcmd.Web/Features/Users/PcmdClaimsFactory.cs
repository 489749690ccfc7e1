using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Pcmd.Web.Security;

namespace Pcmd.Web.Features.Users;

/// <summary>Puts the user's org unit and agency into the cookie, so scope needs no query per request.</summary>
public sealed class PcmdClaimsFactory(UserManager<PcmdUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options,
    SignIn.TwoFactorPolicy twoFactor)
    : UserClaimsPrincipalFactory<PcmdUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(PcmdUser user)
    {
        var id = await base.GenerateClaimsAsync(user);
        id.AddClaim(new Claim(UserScope.OrgUnitClaim, user.OrgUnitId.ToString()));
        if (user.AgencyId is { } a) id.AddClaim(new Claim(UserScope.AgencyClaim, a.ToString()));
        id.AddClaim(new Claim("pcmd:full_name", user.FullName));
        if (await twoFactor.MustEnrol(users, user)) id.AddClaim(new Claim(UserScope.EnrolmentClaim, "true"));
        return id;
    }
}
