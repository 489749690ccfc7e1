using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Agencies;
using Pcmd.Web.Features.Plans;
using Pcmd.Web.Features.Users;
using Pcmd.Web.Security;

namespace Pcmd.Web.Features.Reporting;

/// <summary>Who may do what with reports. A unit's report is written by the people of its agency (or of an agency that is
/// part of it: the Chi cục writes for its Sở) with the reporting permission; it is read by them and by those who
/// consolidate the plan or lead the area; everyone else does not find it. Ids from the client are always re-checked here.</summary>
public static class ReportAccess
{
    /// <summary>Those who consolidate a plan are those who may change it: the coordinating agency for a city plan, the
    /// ward's officers for the ward's plan.</summary>
    public static bool CanConsolidate(UserScope s, Plan p) => PlanAccess.CanWrite(s, p);

    /// <summary>Leaders and coordinators read every report in their area (the matrix), not only their own.</summary>
    public static bool ReadsArea(UserScope s) => s.IsGlobal || s.IsInRole(Roles.Coordinator) || s.IsInRole(Roles.Leader);

    public static async Task<Plan> PlanForConsolidation(PcmdDbContext db, UserScope scope, int planId, CancellationToken ct)
    {
        var plan = await db.Plans.AsNoTracking().ReadableOr404(scope, planId, ct);
        if (!CanConsolidate(scope, plan)) throw new ForbiddenException("Chỉ cơ quan thường trực của kế hoạch được mở kỳ báo cáo và tổng hợp.");
        return plan;
    }

    /// <summary>Whether the user writes for the report's agency: their own agency, or an agency above theirs.</summary>
    public static async Task<bool> WritesFor(PcmdDbContext db, UserScope s, int agencyId, int orgUnitId, CancellationToken ct)
    {
        if (!s.Can(Permission.SubmitReports)) return false;
        if (s.IsGlobal) return true;
        if (s.AgencyId is not { } mine || !s.CanReadUnit(orgUnitId)) return false;
        return (await AgencyChain.SelfAndAbove(db, mine, ct)).Contains(agencyId);
    }

    public static async Task<bool> CanRead(PcmdDbContext db, UserScope s, Report r, Plan plan, CancellationToken ct)
    {
        if (!PlanAccess.CanRead(s, plan)) return false;
        if (CanConsolidate(s, plan)) return true;
        if (ReadsArea(s) && s.CanReadUnit(r.OrgUnitId) && !r.IsConsolidated) return true;
        if (ReadsArea(s) && r.IsConsolidated) return true;
        return await WritesFor(db, s, r.AgencyId, r.OrgUnitId, ct);
    }
}
