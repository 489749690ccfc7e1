using Pcmd.Web.Data;
using Pcmd.Web.Features.Users;
using Pcmd.Web.Security;

namespace Pcmd.Web.Features.Tips;

/// <summary>Who may do what with tips (docs/decisions.md). Staff of a unit see the tips that happened in their area,
/// that their area received, and those assigned to it; the source only the intake officers of the receiving unit see.</summary>
public static class TipAccess
{
    /// <summary>The roles that take in tips and move them along: the standing office, the communes' officers and the agencies' reporters (police).</summary>
    public static readonly string[] IntakeRoles = [Roles.Coordinator, Roles.CommuneOfficer, Roles.AgencyReporter];

    public static bool IsIntake(UserScope scope) => IntakeRoles.Any(scope.IsInRole);

    public static bool CanRecord(UserScope scope) => scope.IsGlobal || (IsIntake(scope) && scope.OrgUnitId is not null);

    /// <summary>The tips the user may read, as SQL.</summary>
    public static IQueryable<Tip> Readable(this IQueryable<Tip> q, PcmdDbContext db, UserScope scope)
    {
        if (scope.IsGlobal) return q;
        if (scope.OrgUnitId is not { } mine) return q.Where(_ => false);
        var area = db.AreaOf(mine);
        return q.Where(t => area.Contains(t.OrgUnitId) || area.Contains(t.ReceivingUnitId)
            || (t.AssignedUnitId != null && area.Contains(t.AssignedUnitId.Value)));
    }

    public static bool CanRead(UserScope scope, Tip t) =>
        scope.IsGlobal || scope.WritableUnits.Contains(t.OrgUnitId) || scope.WritableUnits.Contains(t.ReceivingUnitId)
        || (t.AssignedUnitId is { } a && scope.WritableUnits.Contains(a));

    /// <summary>The intake officers of the receiving unit (and agency, when an agency's officer took it in; the standing
    /// office or the commune's officers for a portal tip). Not the administrator, not a leader, not the assigned unit.</summary>
    public static bool CanReadSource(UserScope scope, Tip t) =>
        scope.OrgUnitId == t.ReceivingUnitId && (t.ReceivingAgencyId is { } agency
            ? IsIntake(scope) && scope.AgencyId == agency
            : scope.IsInRole(Roles.Coordinator) || scope.IsInRole(Roles.CommuneOfficer));

    /// <summary>Verifying, classifying and assigning are the receiving side's; handling and closing also the assigned unit's.</summary>
    public static bool CanAct(UserScope scope, Tip t, TipState step)
    {
        if (scope.IsGlobal) return true;
        if (!IsIntake(scope)) return false;
        if (scope.WritableUnits.Contains(t.ReceivingUnitId)) return true;
        return step is TipState.Handled or TipState.Closed && t.AssignedUnitId is { } a && scope.WritableUnits.Contains(a);
    }
}
