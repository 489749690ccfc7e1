using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Plans;
using Pcmd.Web.Security;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.Reporting;

/// <summary>A plan the user has reporting business with: one they consolidate, or whose calendar they follow.</summary>
public sealed record ReportingPlan(int Id, string Title, bool Consolidates, int Periods);

/// <summary>What the reporting pages and the API list: the user's open reports, a plan's periods, the plans with a calendar.</summary>
public sealed class ReportLists(PcmdDbContext db, TimeProvider clock)
{
    public Task<List<ReportRow>> Mine(UserScope scope, CancellationToken ct) => ReportQueries.Mine(db, scope, VietnamTime.Today(clock), ct);

    public Task<Plan> Plan(UserScope scope, int planId, CancellationToken ct) => db.Plans.AsNoTracking().ReadableOr404(scope, planId, ct);

    public async Task<List<PeriodRow>> Periods(UserScope scope, int planId, CancellationToken ct)
    {
        await Plan(scope, planId, ct);
        return await ReportQueries.Periods(db, planId, ct);
    }

    /// <summary>A period with its plan, for one who may read the plan; else 404.</summary>
    public async Task<ReportPeriod> Period(UserScope scope, int periodId, CancellationToken ct)
    {
        var period = await db.ReportPeriods.AsNoTracking().Include(p => p.Plan).FirstOrDefaultAsync(p => p.Id == periodId, ct);
        return period is not null && PlanAccess.CanRead(scope, period.Plan!) ? period : throw new NotFoundException();
    }

    /// <summary>The plans whose calendar the user has business with: those they consolidate (may change), those a leader or the
    /// coordinator oversees that have periods, and those they report to (<paramref name="mine"/>).</summary>
    public async Task<List<ReportingPlan>> Plans(UserScope scope, IEnumerable<ReportRow> mine, CancellationToken ct)
    {
        var plans = await db.Plans.AsNoTracking()
            .Select(p => new { p.Id, p.Title, p.IssuingUnitId, p.IssuingAgencyId, p.PeriodTo, Periods = db.ReportPeriods.Count(r => r.PlanId == p.Id) })
            .ToListAsync(ct);
        var reportsTo = mine.Select(r => r.PlanId).ToHashSet();
        var readsArea = ReportAccess.ReadsArea(scope);
        return plans.Where(p => scope.CanReadUnit(p.IssuingUnitId))
            .Select(p => (p, consolidates: PlanAccess.CanWrite(scope, p.IssuingUnitId, p.IssuingAgencyId)))
            .Where(x => x.consolidates || (readsArea && x.p.Periods > 0) || reportsTo.Contains(x.p.Id))
            .OrderByDescending(x => x.p.Periods > 0).ThenByDescending(x => x.p.PeriodTo).ThenBy(x => x.p.Title, VietnameseText.Comparer)
            .Select(x => new ReportingPlan(x.p.Id, x.p.Title, x.consolidates, x.p.Periods)).ToList();
    }
}
