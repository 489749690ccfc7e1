using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Data;
using Pcmd.Web.Security;

namespace Pcmd.Web.Features.Monitoring;

/// <summary>Where a user's dashboards may look: their own area (their unit's subtree and the units merged into it), never a
/// unit above it. Plans and their targets are read from above (a ward reads the city's plan), but a ward officer's
/// dashboard is the ward's: the city's total would be other wards' figures. A unit outside the area is not found (404).</summary>
public static class MonitoringScope
{
    public static bool Reaches(UserScope scope, int unitId) => scope.IsGlobal || scope.WritableUnits.Contains(unitId);

    public static int Check(UserScope scope, int unitId) => Reaches(scope, unitId) ? unitId : throw new NotFoundException();

    /// <summary>The unit a dashboard opens on: the one asked, else <paramref name="preferred"/> (the plan's unit or the indicator's
    /// bound unit) when the user reaches it, else the user's own unit.</summary>
    public static int Default(UserScope scope, int? asked, int? preferred)
    {
        if (asked is { } a) return Check(scope, a);
        if (preferred is { } p && Reaches(scope, p)) return p;
        return scope.OrgUnitId is { } mine ? Check(scope, mine) : throw new NotFoundException();
    }

    /// <summary>The plan's issuing unit (404 when there is no such plan: readability is checked by the results service).</summary>
    public static async Task<int> PlanUnit(PcmdDbContext db, int planId, CancellationToken ct) =>
        await db.Plans.Where(p => p.Id == planId).Select(p => (int?)p.IssuingUnitId).FirstOrDefaultAsync(ct) ?? throw new NotFoundException();
}
