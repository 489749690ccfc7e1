using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Agencies;
using Pcmd.Web.Features.Plans;

namespace Pcmd.Web.Features.Reporting;

/// <summary>What one reporting agency answers for in a plan: the tasks and indicators assigned to it, to a collective it
/// belongs to ("UBND các xã, phường") or to an agency it is part of.</summary>
public sealed record ReportScope(HashSet<int> TaskIds, HashSet<int> IndicatorIds, Dictionary<int, AssignmentRole> Roles);

/// <summary>Who reports for a plan: every agency the plan assigns a task or an indicator to, a collective standing for
/// its members, each existing on the period's deadline (a ward committee dissolved on 1/7/2025 no longer reports; its
/// records count in its successor's area). A body the plan can only request ("đề nghị") is not a required reporter
/// unless the plan says so, and the consolidating agency answers in its consolidated report, not as one of its own
/// reporting units (issue 16, item 3).</summary>
public sealed class ReportingUnits(PcmdDbContext db)
{
    public async Task<List<Agency>> For(int planId, DateOnly on, CancellationToken ct)
    {
        var plan = await db.Plans.AsNoTracking().FirstAsync(p => p.Id == planId, ct);
        var assigned = await db.Assignments.Where(a => a.PlanId == planId && (plan.RequestedBodiesReport || !a.Requested))
            .Select(a => a.AgencyId).Distinct().ToListAsync(ct);
        return (await Members(assigned, on, ct)).Where(a => a.Id != plan.ConsolidatorId).ToList();
    }

    /// <summary>The bodies the plan only requests and does not count as reporters: shown beside the completeness.</summary>
    public async Task<List<Agency>> Requested(int planId, DateOnly on, CancellationToken ct)
    {
        var plan = await db.Plans.AsNoTracking().FirstAsync(p => p.Id == planId, ct);
        if (plan.RequestedBodiesReport) return [];
        var requested = await db.Assignments.Where(a => a.PlanId == planId && a.Requested).Select(a => a.AgencyId).Distinct().ToListAsync(ct);
        var required = (await For(planId, on, ct)).Select(a => a.Id).Append(plan.ConsolidatorId ?? 0).ToHashSet();
        return (await Members(requested, on, ct)).Where(a => !required.Contains(a.Id)).ToList();
    }

    /// <summary>The agencies the plan assigns work to that ended before <paramref name="on"/> (a district's offices
    /// abolished on 1/7/2025): they are asked no report, and the coordinator is told so (issue 16, item 5).</summary>
    public async Task<List<Agency>> Ended(int planId, DateOnly on, CancellationToken ct)
    {
        var assigned = await db.Assignments.Where(a => a.PlanId == planId).Select(a => a.AgencyId).Distinct().ToListAsync(ct);
        return (await Members(assigned, null, ct)).Where(a => a.ValidTo is { } end && end < on).ToList();
    }

    /// <summary>The agencies, a collective standing for its members, that exist on <paramref name="on"/> (all when null).</summary>
    async Task<List<Agency>> Members(List<int> assigned, DateOnly? on, CancellationToken ct)
    {
        var agencies = await db.Agencies.AsNoTracking().Include(a => a.Members).Where(a => assigned.Contains(a.Id)).ToListAsync(ct);
        var ids = new HashSet<int>();
        foreach (var a in agencies)
            if (a.Kind == AgencyKind.Collective) ids.UnionWith(a.Members.Select(m => m.MemberId));
            else ids.Add(a.Id);
        var result = await db.Agencies.AsNoTracking().Where(a => ids.Contains(a.Id) && a.Kind != AgencyKind.Collective).ToListAsync(ct);
        return result.Where(a => on is null || ((a.ValidFrom is null || a.ValidFrom <= on) && (a.ValidTo is null || on <= a.ValidTo)))
            .OrderBy(a => a.Id).ToList();
    }

    /// <summary>The agencies whose assignments bind <paramref name="agencyId"/> (<see cref="AgencyChain.Bound"/>).</summary>
    public Task<List<int>> Bound(int agencyId, CancellationToken ct) => AgencyChain.Bound(db, agencyId, ct);

    /// <summary>The report's tasks and indicators. The consolidated report answers for every one of the plan.</summary>
    public async Task<ReportScope> Assigned(int planId, int agencyId, bool consolidated, CancellationToken ct)
    {
        var q = db.Assignments.AsNoTracking().Where(a => a.PlanId == planId);
        if (!consolidated)
        {
            var bound = await Bound(agencyId, ct);
            q = q.Where(a => bound.Contains(a.AgencyId));
        }
        var rows = await q.Select(a => new { a.TaskId, a.IndicatorId, a.Role }).ToListAsync(ct);
        var roles = new Dictionary<int, AssignmentRole>();
        foreach (var r in rows.Where(r => r.TaskId is not null))
            roles[r.TaskId!.Value] = roles.TryGetValue(r.TaskId.Value, out var had) && had == AssignmentRole.Lead ? had : r.Role;
        var tasks = rows.Where(r => r.TaskId is not null).Select(r => r.TaskId!.Value).ToHashSet();
        var indicators = rows.Where(r => r.IndicatorId is not null).Select(r => r.IndicatorId!.Value).ToHashSet();
        if (consolidated)
        {
            tasks.UnionWith(await db.PlanTasks.Where(t => t.PlanId == planId).Select(t => t.Id).ToListAsync(ct));
            indicators.UnionWith(await db.Indicators.Where(i => i.PlanId == planId && i.TargetKind != null).Select(i => i.Id).ToListAsync(ct));
        }
        return new ReportScope(tasks, indicators, roles);
    }
}
