using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Agencies;
using Pcmd.Web.Security;

namespace Pcmd.Web.Features.Plans;

public sealed record MyAssignment(int PlanId, string PlanTitle, string? PlanNumber, int PeriodFrom, int PeriodTo,
    string Kind, int ItemId, string Number, string Text, AssignmentRole Role, bool Requested, string AgencyName, string? Timing,
    DateOnly? NextDue = null, List<TaskDone>? Done = null);

/// <summary>"Nhiệm vụ của tôi": every task and indicator assigned to the user's agency (or to a
/// collective it belongs to, such as "UBND các xã, phường", or to the agency it is part of) in the plans
/// the user can see. A recurring obligation with a month ("trong tháng 01 hằng năm") shows its next due date and the
/// years the agency has done it (issue 16, item 4).</summary>
public sealed class MyTasks(PcmdDbContext db, TimeProvider clock)
{
    public async Task<List<MyAssignment>> For(UserScope scope, CancellationToken ct = default)
    {
        if (scope.AgencyId is not { } agencyId) return [];
        var agencies = await Agencies(agencyId, ct);
        var list = await Assigned(scope, agencies, ct);
        var taskIds = list.Where(i => i.Kind == "task").Select(i => i.ItemId).ToList();
        var due = await db.PlanTasks.AsNoTracking().Where(t => taskIds.Contains(t.Id) && t.DueMonth != null)
            .Select(t => new { t.Id, t.DueMonth, t.DueDay }).ToDictionaryAsync(t => t.Id, ct);
        var done = (await db.Set<TaskCompletion>().AsNoTracking().Where(c => c.AgencyId == agencyId && due.Keys.Contains(c.TaskId)).ToListAsync(ct))
            .ToLookup(c => c.TaskId);
        var today = Shared.VietnamTime.Today(clock);
        return list.Select(i => i.Kind == "task" && due.TryGetValue(i.ItemId, out var d)
            ? i with
            {
                NextDue = NextDue(d.DueMonth!.Value, d.DueDay, i.PeriodFrom, i.PeriodTo, today, done[i.ItemId].Select(c => c.Year).ToHashSet()),
                Done = done[i.ItemId].OrderBy(c => c.Year).Select(c => new TaskDone(c.TaskId, c.Year, c.DoneOn, c.Link)).ToList(),
            }
            : i).ToList();
    }

    /// <summary>The due date of the first year, from this one to the plan's last, not yet done; a date already past is
    /// overdue and stays the next one until it is done. Null when every remaining year is done or the plan has ended.</summary>
    public static DateOnly? NextDue(int month, int? day, int from, int to, DateOnly today, IReadOnlySet<int> doneYears)
    {
        for (var y = Math.Max(from, today.Year); y <= to; y++)
            if (!doneYears.Contains(y))
                return new DateOnly(y, month, Math.Min(day ?? DateTime.DaysInMonth(y, month), DateTime.DaysInMonth(y, month)));
        return null;
    }

    /// <summary>The agencies whose assignments bind the user's agency: the same rule as the report form
    /// (<see cref="AgencyChain.Bound"/>: itself, its collectives, the agencies above it in the same unit), and the dissolved
    /// agencies it (or they) took over from.</summary>
    public async Task<List<int>> Agencies(int agencyId, CancellationToken ct)
    {
        // An agency that took over a dissolved one (the 2025 reform: Phường Phú Lương's bodies for Phường Phú Lãm's, Sở Y tế
        // for Sở LĐTBXH) carries out what the old plans assigned to it (issue 16, item 5).
        var own = await AgencyChain.Bound(db, agencyId, ct);
        var predecessors = new List<int>();
        for (var next = own; next.Count > 0;)
        {
            next = await db.Agencies.Where(a => a.SuccessorId != null && next.Contains(a.SuccessorId.Value)).Select(a => a.Id).ToListAsync(ct);
            next = next.Where(id => !own.Contains(id) && !predecessors.Contains(id)).ToList();
            predecessors.AddRange(next);
        }
        return own.Concat(predecessors).ToList();
    }

    async Task<List<MyAssignment>> Assigned(UserScope scope, List<int> agencies, CancellationToken ct)
    {
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
