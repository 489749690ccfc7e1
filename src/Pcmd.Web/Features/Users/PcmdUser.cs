using Microsoft.AspNetCore.Identity;
using Pcmd.Web.Features.Agencies;
using Pcmd.Web.Features.OrgUnits;

namespace Pcmd.Web.Features.Users;

/// <summary>Every user belongs to an org unit and, where it applies, an agency: together they are
/// the user's scope (Security/UserScope).</summary>
public class PcmdUser : IdentityUser
{
    public string FullName { get; set; } = "";
    public int OrgUnitId { get; set; }
    public OrgUnit? OrgUnit { get; set; }
    public int? AgencyId { get; set; }
    public Agency? Agency { get; set; }
}
