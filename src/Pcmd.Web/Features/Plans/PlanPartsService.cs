using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Plans.Files;
using Pcmd.Web.Security;

namespace Pcmd.Web.Features.Plans;

/// <summary>A task or an indicator written on its own; <see cref="PlanVersion"/> is the plan's new version.</summary>
public sealed record PartSaved(int Id, int PlanVersion);

/// <summary>One part of a plan in plan-file form, with the plan it belongs to (for the editors).</summary>
public sealed record PlanPart<T>(Plan Plan, int Id, T Part);

/// <summary>Adds, changes and deletes one task or one indicator of a plan without the whole plan file.
/// The plan's version guards the whole aggregate: every write takes the version the user saw, fails with a
/// conflict if it changed, and bumps it. Scope and permission are those of <see cref="PlanService"/>; the
/// part is checked by <see cref="PlanFileReader"/> with the rules and messages of the plan file.</summary>
public sealed class PlanPartsService(PcmdDbContext db, PlanFileReader reader, PlanFileWriter writer, PlanService plans,
    IEnumerable<IPlanPartGuard> guards, IEnumerable<IIndicatorDependents> dependents)
{
    // ---- reading (as the export writes them, so that what is shown can be saved back unchanged)

    public async Task<PlanPart<TaskDto>> GetTask(UserScope scope, int planId, int taskId, CancellationToken ct = default)
    {
        var plan = await plans.Get(scope, planId, ct);
        var index = plan.Tasks.OrderBy(t => t.Position).ToList().FindIndex(t => t.Id == taskId);
        if (index < 0) throw new NotFoundException();
        var doc = await writer.Write(planId, ct);
        return new(plan, taskId, doc.Plan!.Tasks![index]);
    }

    public async Task<PlanPart<IndicatorDto>> GetIndicator(UserScope scope, int planId, int indicatorId, CancellationToken ct = default)
    {
        var plan = await plans.Get(scope, planId, ct);
        var index = plan.Indicators.OrderBy(i => i.Position).ToList().FindIndex(i => i.Id == indicatorId);
        if (index < 0) throw new NotFoundException();
        var doc = await writer.Write(planId, ct);
        return new(plan, indicatorId, doc.Plan!.Indicators![index]);
    }

    // ---- tasks

    /// <summary>Adds a task at its place in the plan's numbering; the tasks after it move down one.</summary>
    public async Task<PartSaved> AddTask(UserScope scope, int planId, TaskDto dto, int expectedVersion, CancellationToken ct = default)
    {
        var plan = await Tracked(scope, planId, expectedVersion, ct);
        var others = await db.PlanTasks.Where(t => t.PlanId == planId).Select(t => new { t.Number, t.Position }).ToListAsync(ct);
        var task = await reader.ReadTask(dto, plan, others.Select(o => o.Number), ct);
        task.PlanId = planId;
        task.Position = PartNumbers.PositionFor(task.Number, others.Select(o => (o.Number, o.Position)));
        foreach (var a in task.Assignments) a.PlanId = planId;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.PlanTasks.Where(t => t.PlanId == planId && t.Position >= task.Position)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Position, t => t.Position + 1), ct);
        db.PlanTasks.Add(task);
        await Save(plan, ct);
        await tx.CommitAsync(ct);
        return new(task.Id, plan.Version);
    }

    public async Task<PartSaved> UpdateTask(UserScope scope, int planId, int taskId, TaskDto dto, int expectedVersion, CancellationToken ct = default)
    {
        var plan = await Tracked(scope, planId, expectedVersion, ct);
        var task = await db.PlanTasks.Include(t => t.Assignments).FirstOrDefaultAsync(t => t.Id == taskId && t.PlanId == planId, ct)
            ?? throw new NotFoundException();
        var others = await db.PlanTasks.Where(t => t.PlanId == planId && t.Id != taskId).Select(t => t.Number).ToListAsync(ct);
        var fresh = await reader.ReadTask(dto, plan, others, ct);
        task.Number = fresh.Number;
        task.Section = fresh.Section;
        task.Text = fresh.Text;
        task.TimingKind = fresh.TimingKind;
        task.Frequency = fresh.Frequency;
        task.DueDate = fresh.DueDate;
        task.TimingText = fresh.TimingText;
        (task.DueMonth, task.DueDay) = (fresh.DueMonth, fresh.DueDay);
        SyncAssignments(task.Assignments, fresh.Assignments, planId);
        await Save(plan, ct);
        return new(task.Id, plan.Version);
    }

    public async Task<int> DeleteTask(UserScope scope, int planId, int taskId, int expectedVersion, CancellationToken ct = default)
    {
        var plan = await Tracked(scope, planId, expectedVersion, ct);
        var task = await db.PlanTasks.Include(t => t.Assignments).FirstOrDefaultAsync(t => t.Id == taskId && t.PlanId == planId, ct)
            ?? throw new NotFoundException();
        foreach (var g in guards) await g.CheckTaskDeletable(taskId, ct);
        db.Assignments.RemoveRange(task.Assignments);
        db.PlanTasks.Remove(task);
        await Save(plan, ct);
        return plan.Version;
    }

    // ---- indicators

    /// <summary>Adds an indicator at its place in the plan's numbering; the indicators after it move down one.</summary>
    public async Task<PartSaved> AddIndicator(UserScope scope, int planId, IndicatorDto dto, int expectedVersion, CancellationToken ct = default)
    {
        var plan = await Tracked(scope, planId, expectedVersion, ct);
        var others = await db.Indicators.Where(i => i.PlanId == planId).Select(i => new { i.Number, i.Position }).ToListAsync(ct);
        var ind = await reader.ReadIndicator(dto, plan, others.Select(o => o.Number), ct);
        ind.PlanId = planId;
        ind.Position = PartNumbers.PositionFor(ind.Number, others.Select(o => (o.Number, o.Position)));
        foreach (var a in ind.Assignments) a.PlanId = planId;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Indicators.Where(i => i.PlanId == planId && i.Position >= ind.Position)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Position, i => i.Position + 1), ct);
        db.Indicators.Add(ind);
        await Save(plan, ct);
        await tx.CommitAsync(ct);
        return new(ind.Id, plan.Version);
    }

    public async Task<PartSaved> UpdateIndicator(UserScope scope, int planId, int indicatorId, IndicatorDto dto, int expectedVersion,
        CancellationToken ct = default)
    {
        var plan = await Tracked(scope, planId, expectedVersion, ct);
        var ind = await db.Indicators.Include(i => i.Assignments).Include(i => i.Targets)
            .FirstOrDefaultAsync(i => i.Id == indicatorId && i.PlanId == planId, ct) ?? throw new NotFoundException();
        var others = await db.Indicators.Where(i => i.PlanId == planId && i.Id != indicatorId).Select(i => i.Number).ToListAsync(ct);
        var fresh = await reader.ReadIndicator(dto, plan, others, ct);
        ind.Number = fresh.Number;
        ind.Text = fresh.Text;
        ind.UnitOfMeasure = fresh.UnitOfMeasure;
        ind.TargetKind = fresh.TargetKind;
        ind.TargetValue = fresh.TargetValue;
        ind.TargetMin = fresh.TargetMin;
        ind.TargetMax = fresh.TargetMax;
        ind.Numerator = fresh.Numerator;
        ind.Denominator = fresh.Denominator;
        ind.Window = fresh.Window;
        ind.Note = fresh.Note;
        SyncTargets(ind.Targets, fresh.Targets);
        SyncAssignments(ind.Assignments, fresh.Assignments, planId);
        await Save(plan, ct);
        return new(ind.Id, plan.Version);
    }

    public async Task<int> DeleteIndicator(UserScope scope, int planId, int indicatorId, int expectedVersion, CancellationToken ct = default)
    {
        var plan = await Tracked(scope, planId, expectedVersion, ct);
        var ind = await db.Indicators.Include(i => i.Assignments).Include(i => i.Targets)
            .FirstOrDefaultAsync(i => i.Id == indicatorId && i.PlanId == planId, ct) ?? throw new NotFoundException();
        foreach (var g in guards) await g.CheckIndicatorDeletable(indicatorId, ct);
        db.Assignments.RemoveRange(ind.Assignments);
        db.IndicatorTargets.RemoveRange(ind.Targets);
        foreach (var d in dependents) await d.RemoveWith(indicatorId, ct);
        db.Indicators.Remove(ind);
        await Save(plan, ct);
        return plan.Version;
    }

    // ---- the aggregate

    /// <summary>The plan for a write: in scope, writable, and still at the version the user saw
    /// (the same checks, in the same order, as <see cref="PlanService"/>).</summary>
    Task<Plan> Tracked(UserScope scope, int id, int expectedVersion, CancellationToken ct) =>
        PlanAccess.ForWrite(db, scope, id, expectedVersion, ct);

    Task Save(Plan plan, CancellationToken ct) => PlanAccess.SaveWithPlan(db, plan, ct);

    /// <summary>Keeps the rows of agencies that stay (so the audit shows only what changed), adds the new, removes the rest.</summary>
    void SyncAssignments(List<Assignment> existing, List<Assignment> wanted, int planId)
    {
        var pool = existing.ToList();
        foreach (var w in wanted)
        {
            var same = pool.FirstOrDefault(a => a.AgencyId == w.AgencyId && a.Role == w.Role);
            if (same is null) { w.PlanId = planId; existing.Add(w); continue; }
            pool.Remove(same);
            same.Requested = w.Requested;
            same.Position = w.Position;
        }
        foreach (var gone in pool)
        {
            existing.Remove(gone);
            db.Assignments.Remove(gone);
        }
    }

    /// <summary>The same for the yearly schedule and the per-unit targets, matched on (year, unit).</summary>
    void SyncTargets(List<IndicatorTarget> existing, List<IndicatorTarget> wanted)
    {
        var pool = existing.ToList();
        foreach (var w in wanted)
        {
            var same = pool.FirstOrDefault(t => t.Year == w.Year && t.OrgUnitId == w.OrgUnitId);
            if (same is null) { existing.Add(w); continue; }
            pool.Remove(same);
            same.Value = w.Value;
            same.Min = w.Min;
            same.Max = w.Max;
        }
        foreach (var gone in pool)
        {
            existing.Remove(gone);
            db.IndicatorTargets.Remove(gone);
        }
    }
}
