using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Data;

namespace Pcmd.Web.Features.Plans;

public static class PlanQueries
{
    /// <summary>The plan with all its parts, read-only.</summary>
    public static Task<Plan?> LoadFull(PcmdDbContext db, int id, CancellationToken ct = default) =>
        Full(db).FirstOrDefaultAsync(p => p.Id == id, ct);

    public static IQueryable<Plan> Full(PcmdDbContext db) =>
        db.Plans.AsNoTracking().AsSplitQuery()
            .Include(p => p.IssuingUnit).Include(p => p.IssuingAgency).ThenInclude(a => a!.Successor).Include(p => p.CoordinatingAgency).Include(p => p.Parent)
            .Include(p => p.Objectives)
            .Include(p => p.Indicators).ThenInclude(i => i.Targets).ThenInclude(t => t.OrgUnit)
            .Include(p => p.Indicators).ThenInclude(i => i.Assignments).ThenInclude(a => a.Agency).ThenInclude(a => a!.Successor)
            .Include(p => p.Tasks).ThenInclude(t => t.Assignments).ThenInclude(a => a.Agency).ThenInclude(a => a!.Successor)
            .Include(p => p.Appendices).ThenInclude(a => a.Items).ThenInclude(i => i.OrgUnit)
            .Include(p => p.ReportSchedule).ThenInclude(r => r.RecipientAgency);
}
