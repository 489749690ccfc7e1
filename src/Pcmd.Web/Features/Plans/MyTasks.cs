using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Agencies;
using Pcmd.Web.Security;

namespace Pcmd.Web.Features.Plans;

public sealed record MyAssignment(int PlanId, string PlanTitle, string? PlanNumber, int PeriodFrom, int PeriodTo,
    string Kind, int ItemId, string Number, string Text, AssignmentRole Role, bool Requested, string AgencyName, string? Timing);

/// <summary>"Nhiệm vụ của tôi": every task and indicator assigned to the user's agency (or to a
/// collective it belongs to, such as "UBND các xã, phường", or to the agency it is part of) in the plans
/// the user can see.</summary>
public sealed class MyTasks(PcmdDbContext db)
{
    public async Task<List<MyAssignment>> For(UserScope scope, CancellationToken ct = default)
    {
        if (scope.AgencyId is not { } agencyId) return [];
        var collectives = await db.AgencyMemberships.Where(m => m.MemberId == agencyId && m.Body!.Kind == AgencyKind.Collective)
            .Select(m => m.BodyId).ToListAsync(ct);
        // A Chi cục carries out the tasks given to its Sở: include the agencies the user's agency belongs to.
        var parents = new List<int>();
        for (int? p = await db.Agencies.Where(a => a.Id == agencyId).Select(a => a.ParentId).FirstOrDefaultAsync(ct); p is { } pid && !parents.Contains(pid);
             p = await db.Agencies.Where(a => a.Id == pid).Select(a => a.ParentId).FirstOrDefaultAsync(ct))
            parents.Add(pid);
        var agencies = collectives.Concat(parents).Append(agencyId).ToList();
        var q = db.Assignments.AsNoTracking().Where(a => agencies.Contains(a.AgencyId));
        q = q.InReadableScope(db, scope, a => a.Plan!.IssuingUnitId);
        var rows = await q.Select(a => new
        {
            a.PlanId, a.Plan!.Title, a.Plan.Number, a.Plan.PeriodFrom, a.Plan.PeriodTo, a.Role, a.Requested, AgencyName = a.Agency!.Name,
            TaskId = a.TaskId, TaskNumber = a.TaskId != null ? db.PlanTasks.Where(t => t.Id == a.TaskId).Select(t => t.Number).FirstOrDefault() : null,
            TaskText = a.TaskId != null ? db.PlanTasks.Where(t => t.Id == a.TaskId).Select(t => t.Text).FirstOrDefault() : null,
            TaskTiming = a.TaskId != null ? db.PlanTasks.Where(t => t.Id == a.TaskId).Select(t => t.TimingText).FirstOrDefault() : null,
            TaskPosition = a.TaskId != null ? db.PlanTasks.Where(t => t.Id == a.TaskId).Select(t => t.Position).FirstOrDefault() : 0,
            IndicatorId = a.IndicatorId,
            IndNumber = a.IndicatorId != null ? db.Indicators.Where(i => i.Id == a.IndicatorId).Select(i => i.Number).FirstOrDefault() : null,
            IndText = a.IndicatorId != null ? db.Indicators.Where(i => i.Id == a.IndicatorId).Select(i => i.Text).FirstOrDefault() : null,
            IndPosition = a.IndicatorId != null ? db.Indicators.Where(i => i.Id == a.IndicatorId).Select(i => i.Position).FirstOrDefault() : 0,
        }).ToListAsync(ct);
        return rows
            .Select(r => r.TaskId is { } tid
                ? (Pos: r.TaskPosition, Item: new MyAssignment(r.PlanId, r.Title, r.Number, r.PeriodFrom, r.PeriodTo, "task", tid, r.TaskNumber!, r.TaskText!, r.Role, r.Requested, r.AgencyName, r.TaskTiming))
                : (Pos: r.IndPosition, Item: new MyAssignment(r.PlanId, r.Title, r.Number, r.PeriodFrom, r.PeriodTo, "indicator", r.IndicatorId!.Value, r.IndNumber!, r.IndText!, r.Role, r.Requested, r.AgencyName, null)))
            .OrderByDescending(x => x.Item.PeriodTo).ThenBy(x => x.Item.PlanId).ThenBy(x => x.Item.Kind).ThenBy(x => x.Pos)
            .Select(x => x.Item).ToList();
    }
}
