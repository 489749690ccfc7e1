using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Plans.Files;
using Pcmd.Web.Security;

namespace Pcmd.Web.Features.Plans;

/// <summary>The appendices and the report schedule of a plan edited without the plan file (issue 16, item 9): the same
/// reader checks them with the file's rules and messages, the plan's version guards them (409), and the rows are changed in
/// place where they stay, so that the audit trail shows what changed and a hotspot linked to an appendix row keeps its link.</summary>
public sealed class PlanSectionsService(PcmdDbContext db, PlanFileReader reader, PlanFileWriter writer, PlanService plans)
{
    public async Task<PlanPart<AppendixDto>> GetAppendix(UserScope scope, int planId, int appendixId, CancellationToken ct = default)
    {
        var plan = await plans.Get(scope, planId, ct);
        var index = plan.Appendices.OrderBy(a => a.Position).ToList().FindIndex(a => a.Id == appendixId);
        if (index < 0) throw new NotFoundException();
        return new(plan, appendixId, (await writer.Write(planId, ct)).Plan!.Appendices![index]);
    }

    public async Task<PlanPart<List<ScheduleDto>>> GetSchedule(UserScope scope, int planId, CancellationToken ct = default)
    {
        var plan = await plans.Get(scope, planId, ct);
        return new(plan, planId, (await writer.Write(planId, ct)).Plan!.ReportSchedule ?? []);
    }

    /// <summary>Adds an appendix at its place by number (II before III).</summary>
    public async Task<PartSaved> AddAppendix(UserScope scope, int planId, AppendixDto dto, int expectedVersion, CancellationToken ct = default)
    {
        var plan = await PlanAccess.ForWrite(db, scope, planId, expectedVersion, ct);
        var fresh = await reader.ReadAppendix(dto, plan, ct);
        var others = await db.Appendices.Where(a => a.PlanId == planId).ToListAsync(ct);
        if (others.Any(a => a.Number == fresh.Number)) throw ValidationException.One("number", $"Đã có phụ lục số '{fresh.Number}'.");
        fresh.PlanId = planId;
        fresh.Position = PartNumbers.PositionFor(fresh.Number, others.Select(o => (o.Number, o.Position)));
        foreach (var o in others.Where(o => o.Position >= fresh.Position)) o.Position++;
        db.Appendices.Add(fresh);
        await PlanAccess.SaveWithPlan(db, plan, ct);
        return new(fresh.Id, plan.Version);
    }

    public async Task<PartSaved> UpdateAppendix(UserScope scope, int planId, int appendixId, AppendixDto dto, int expectedVersion,
        CancellationToken ct = default)
    {
        var plan = await PlanAccess.ForWrite(db, scope, planId, expectedVersion, ct);
        var app = await db.Appendices.Include(a => a.Items).FirstOrDefaultAsync(a => a.Id == appendixId && a.PlanId == planId, ct)
            ?? throw new NotFoundException();
        var fresh = await reader.ReadAppendix(dto, plan, ct);
        if (await db.Appendices.AnyAsync(a => a.PlanId == planId && a.Id != appendixId && a.Number == fresh.Number, ct))
            throw ValidationException.One("number", $"Đã có phụ lục số '{fresh.Number}'.");
        (app.Number, app.Title, app.Kind) = (fresh.Number, fresh.Title, fresh.Kind);
        // A row keeps its id when its name stays (the first unused row of that name), so links to it survive reordering.
        var pool = app.Items.ToList();
        foreach (var w in fresh.Items)
        {
            var same = pool.FirstOrDefault(i => i.Name == w.Name);
            if (same is null) { app.Items.Add(w); continue; }
            pool.Remove(same);
            (same.Position, same.OrgUnitId, same.UnitName, same.Complexity, same.Status, same.Note) =
                (w.Position, w.OrgUnitId, w.UnitName, w.Complexity, w.Status, w.Note);
        }
        foreach (var gone in pool) { app.Items.Remove(gone); db.AppendixItems.Remove(gone); }
        await PlanAccess.SaveWithPlan(db, plan, ct);
        return new(app.Id, plan.Version);
    }

    public async Task<int> DeleteAppendix(UserScope scope, int planId, int appendixId, int expectedVersion, CancellationToken ct = default)
    {
        var plan = await PlanAccess.ForWrite(db, scope, planId, expectedVersion, ct);
        var app = await db.Appendices.Include(a => a.Items).FirstOrDefaultAsync(a => a.Id == appendixId && a.PlanId == planId, ct)
            ?? throw new NotFoundException();
        db.AppendixItems.RemoveRange(app.Items);
        db.Appendices.Remove(app);
        await PlanAccess.SaveWithPlan(db, plan, ct);
        return plan.Version;
    }

    /// <summary>Replaces the report schedule, line by line in the plan's order (a line that stays is updated in place).</summary>
    public async Task<int> UpdateSchedule(UserScope scope, int planId, List<ScheduleDto> lines, int expectedVersion, CancellationToken ct = default)
    {
        var plan = await PlanAccess.ForWrite(db, scope, planId, expectedVersion, ct);
        var fresh = await reader.ReadSchedule(lines, plan, ct);
        var existing = await db.ReportScheduleEntries.Where(r => r.PlanId == planId).OrderBy(r => r.Position).ToListAsync(ct);
        for (var i = 0; i < fresh.Count; i++)
        {
            var w = fresh[i];
            if (i >= existing.Count) { w.PlanId = planId; db.ReportScheduleEntries.Add(w); continue; }
            var e = existing[i];
            (e.Position, e.Kind, e.DueDay, e.DueMonth, e.ConsolidationDueDay, e.ConsolidationDueMonth, e.RecipientAgencyId, e.Note) =
                (w.Position, w.Kind, w.DueDay, w.DueMonth, w.ConsolidationDueDay, w.ConsolidationDueMonth, w.RecipientAgencyId, w.Note);
        }
        db.ReportScheduleEntries.RemoveRange(existing.Skip(fresh.Count));
        await PlanAccess.SaveWithPlan(db, plan, ct);
        return plan.Version;
    }
}
