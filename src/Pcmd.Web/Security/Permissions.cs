using Pcmd.Web.Features.Users;

namespace Pcmd.Web.Security;

/// <summary>What each role may do. Where it may do it is the user's scope (<see cref="UserScope"/>).</summary>
public enum Permission
{
    ManagePlans,
    ManageAgencies,
    ManageOrgUnits,
    ReadAudit,
    ManageUsers,
    /// <summary>Establishments, inspections, hotspots within scope.</summary>
    ManageRegistries,
    /// <summary>Fill in and submit the reports of the user's own agency.</summary>
    SubmitReports,
    /// <summary>Keep the support-service directory (the portal lists it, case workers refer to it).</summary>
    ManageServiceDirectory,
    /// <summary>Keep the working-day calendar (holidays, days off in lieu, weekend days worked): one for the country.</summary>
    ManageWorkCalendar,
}

public static class RolePermissions
{
    static readonly Dictionary<string, Permission[]> Map = new()
    {
        [Roles.Admin] = Enum.GetValues<Permission>(),
        [Roles.Coordinator] = [Permission.ManagePlans, Permission.ManageAgencies, Permission.ManageRegistries, Permission.SubmitReports,
            Permission.ManageServiceDirectory],
        [Roles.CommuneOfficer] = [Permission.ManagePlans, Permission.ManageAgencies, Permission.ManageRegistries, Permission.SubmitReports],
        // An agency reporter edits only plans its own agency issues (checked in PlanAccess).
        [Roles.AgencyReporter] = [Permission.ManagePlans, Permission.SubmitReports],
        [Roles.Inspector] = [Permission.ManageRegistries],
        [Roles.CaseWorker] = [],
        [Roles.CaseSupervisor] = [],
        [Roles.Leader] = [],
    };

    public static bool Allows(IEnumerable<string> roles, Permission p) =>
        roles.Any(r => Map.TryGetValue(r, out var ps) && ps.Contains(p));
}
