using Pcmd.Web.Features.Users;
using Pcmd.Web.Security;

namespace Pcmd.Web.Features.Plans;

/// <summary>Who may see and change a plan: by the issuing unit's place in the user's scope; an agency
/// reporter changes only the plans its own agency issues.</summary>
public static class PlanAccess
{
    public static bool CanRead(UserScope s, Plan p) => s.CanReadUnit(p.IssuingUnitId);

    public static bool CanWrite(UserScope s, int issuingUnitId, int? issuingAgencyId)
    {
        if (!s.Can(Permission.ManagePlans)) return false;
        if (s.IsGlobal) return true;
        if (s.IsInRole(Roles.Coordinator) || s.IsInRole(Roles.CommuneOfficer))
            if (s.CanWriteUnit(issuingUnitId)) return true;
        return s.IsInRole(Roles.AgencyReporter) && s.AgencyId is { } a && issuingAgencyId == a && s.CanReadUnit(issuingUnitId);
    }

    public static bool CanWrite(UserScope s, Plan p) => CanWrite(s, p.IssuingUnitId, p.IssuingAgencyId);
}
