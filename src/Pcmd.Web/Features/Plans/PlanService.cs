using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Plans.Files;
using Pcmd.Web.Security;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.Plans;

public sealed record PlanSummary(int Id, string Key, string Title, string? Number, DateOnly? IssuedOn, PlanLevel Level,
    int IssuingUnitId, string IssuingUnitName, int PeriodFrom, int PeriodTo, int? ParentId, int Version);

public sealed record PlanHeaderInput(string? Title, string? Number, DateOnly? IssuedOn, PlanLevel Level, int PeriodFrom, int PeriodTo,
    List<string>? LegalBasis, int Version);

/// <summary>Plans: browse within scope, import and export plan files, edit, delete. Every write is one
/// transaction and checks the version the user started from.</summary>
public sealed class PlanService(PcmdDbContext db, OrgUnits.OrgUnitTree tree, PlanFileReader reader, PlanFileWriter writer,
    IEnumerable<IPlanPartGuard> guards, IEnumerable<IIndicatorDependents> carryOvers, IEnumerable<IPlanBudget> budgets)
{
    public async Task<List<PlanSummary>> List(UserScope scope, string? search = null, CancellationToken ct = default)
    {
        var q = db.Plans.AsNoTracking();
        q = q.InReadableScope(db, scope, p => p.IssuingUnitId);
        if (!string.IsNullOrWhiteSpace(search))
            q = q.Where(p => p.Title.Contains(search) || (p.Number != null && p.Number.Contains(search)) || p.Key.Contains(search));
        var list = await q.Select(p => new PlanSummary(p.Id, p.Key, p.Title, p.Number, p.IssuedOn, p.Level, p.IssuingUnitId,
                p.IssuingUnit!.Name, p.PeriodFrom, p.PeriodTo, p.ParentId, p.Version))
            .ToListAsync(ct);
        return list.OrderByDescending(p => p.PeriodTo).ThenBy(p => p.Level).ThenBy(p => p.Title, VietnameseText.Comparer).ToList();
    }

    public async Task<Plan> Get(UserScope scope, int id, CancellationToken ct = default)
    {
        return await PlanQueries.Full(db).ReadableOr404(scope, id, ct);
    }

    /// <summary>The plan as the page and the API show it, with who took over a plan whose issuer was abolished (issue 16, item 5).</summary>
    public async Task<PlanDetailDto> Detail(UserScope scope, int id, CancellationToken ct = default)
    {
        var plan = await Get(scope, id, ct);
        var today = DateOnly.FromDateTime(DateTime.Today);
        return plan.ToDetail(PlanAccess.CanWrite(scope, plan), today) with { Takeover = await Takeover(plan, today) };
    }

    async Task<IssuerTakeover?> Takeover(Plan plan, DateOnly today)
    {
        DateOnly? Ended(DateOnly? validTo) => validTo < today ? validTo : null;
        var agencyEnd = Ended(plan.IssuingAgency?.ValidTo);
        var unit = await tree.Find(plan.IssuingUnitId);
        var unitEnd = Ended(unit?.ValidTo);
        if (agencyEnd is null && unitEnd is null) return null;
        List<Ref> agencies = agencyEnd is not null && plan.IssuingAgency!.Successor is { } s ? [new Ref(s.Id, s.Code, s.Name)] : [];
        var units = new List<Ref>();
        if (agencies.Count == 0 && unitEnd is not null)
        {
            // A commune names its successors; an abolished district none: its area passed to the successors of its communes.
            var next = (await tree.Successors(unit!.Id)).ToList();
            if (next.Count == 0)
                foreach (var child in (await tree.All()).Where(n => n.ParentId == unit.Id)) next.AddRange(await tree.Successors(child.Id));
            foreach (var id in next.Distinct())
                if (await tree.Find(id) is { } n) units.Add(new Ref(n.Id, n.Code, n.Name));
        }
        return new IssuerTakeover(agencyEnd is not null ? plan.IssuingAgency!.Name : unit!.Name, (agencyEnd ?? unitEnd)!.Value, agencies,
            units.OrderBy(u => u.Name, VietnameseText.Comparer).ToList());
    }

    public async Task<PlanFileDocument> Export(UserScope scope, int id, CancellationToken ct = default)
    {
        await Get(scope, id, ct);
        return await writer.Write(id, ct);
    }

    public async Task<Plan> Import(UserScope scope, PlanFileDocument doc, CancellationToken ct = default)
    {
        var plan = await reader.Read(doc, ct);
        if (!PlanAccess.CanWrite(scope, plan.IssuingUnitId, plan.IssuingAgencyId))
            throw new ForbiddenException("Bạn không có quyền tạo kế hoạch cho đơn vị này.");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Plans.Add(plan);
        await db.SaveChangesAsync(ct);
        await SaveBudget(plan, plan.BudgetFromFile, ct);
        await PlanLinks.LinkWaitingChildren(db, plan, ct);
        await tx.CommitAsync(ct);
        return plan;
    }

    /// <summary>Replaces the whole content of a plan from a plan file (the way to edit many parts at once).</summary>
    public async Task<Plan> Replace(UserScope scope, int id, PlanFileDocument doc, int expectedVersion, CancellationToken ct = default)
    {
        var existing = await Tracked(scope, id, expectedVersion, ct);
        if (doc.Plan is { } p && p.Key != existing.Key)
            throw ValidationException.One("plan.key", $"Khóa trong tệp ('{p.Key}') khác khóa của kế hoạch đang sửa ('{existing.Key}').");
        // Read under a temporary key so the "key already exists" rule does not fire for this plan itself.
        var tempKey = doc.Plan!.Key;
        doc.Plan.Key = "tmp-" + Guid.NewGuid().ToString("N")[..20];
        Plan fresh;
        try { fresh = await reader.Read(doc, ct); }
        finally { doc.Plan.Key = tempKey; }
        if (!PlanAccess.CanWrite(scope, fresh.IssuingUnitId, fresh.IssuingAgencyId))
            throw new ForbiddenException("Bạn không có quyền chuyển kế hoạch sang đơn vị này.");
        if (fresh.ParentId == existing.Id) throw ValidationException.One("plan.parentKey", "Kế hoạch không thể là kế hoạch cấp trên của chính nó.");

        foreach (var g in guards) await g.CheckPlanReplaceable(id, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var restores = new List<Func<IReadOnlyCollection<Indicator>, CancellationToken, Task>>();
        foreach (var c in carryOvers) restores.Add(await c.Capture(id, ct));
        var restoreCompletions = await TaskCompletions.Capture(db, id, ct);
        await db.Assignments.Where(a => a.PlanId == id).ExecuteDeleteAsync(ct);
        await db.PlanObjectives.Where(x => x.PlanId == id).ExecuteDeleteAsync(ct);
        await db.IndicatorTargets.Where(x => db.Indicators.Any(i => i.Id == x.IndicatorId && i.PlanId == id)).ExecuteDeleteAsync(ct);
        await db.Indicators.Where(x => x.PlanId == id).ExecuteDeleteAsync(ct);
        await db.PlanTasks.Where(x => x.PlanId == id).ExecuteDeleteAsync(ct);
        await db.AppendixItems.Where(x => db.Appendices.Any(a => a.Id == x.AppendixId && a.PlanId == id)).ExecuteDeleteAsync(ct);
        await db.Appendices.Where(x => x.PlanId == id).ExecuteDeleteAsync(ct);
        await db.ReportScheduleEntries.Where(x => x.PlanId == id).ExecuteDeleteAsync(ct);

        existing.Title = fresh.Title;
        existing.Number = fresh.Number;
        existing.IssuedOn = fresh.IssuedOn;
        existing.Level = fresh.Level;
        existing.IssuingUnitId = fresh.IssuingUnitId;
        existing.IssuingAgencyId = fresh.IssuingAgencyId;
        existing.CoordinatingAgencyId = fresh.CoordinatingAgencyId;
        existing.PeriodFrom = fresh.PeriodFrom;
        existing.PeriodTo = fresh.PeriodTo;
        existing.ParentId = fresh.ParentId;
        existing.LegalBasis = fresh.LegalBasis;
        existing.CopyDocumentFrom(fresh);
        db.Entry(existing).State = EntityState.Modified;
        foreach (var a in fresh.Indicators.SelectMany(i => i.Assignments).Concat(fresh.Tasks.SelectMany(t => t.Assignments))) a.Plan = existing;
        existing.Objectives.AddRange(fresh.Objectives);
        existing.Indicators.AddRange(fresh.Indicators);
        existing.Tasks.AddRange(fresh.Tasks);
        existing.Appendices.AddRange(fresh.Appendices);
        existing.ReportSchedule.AddRange(fresh.ReportSchedule);
        await db.SaveChangesAsync(ct);
        await SaveBudget(existing, fresh.BudgetFromFile, ct);
        foreach (var restore in restores) await restore(existing.Indicators, ct);
        await restoreCompletions(existing.Tasks, ct);
        await tx.CommitAsync(ct);
        return existing;
    }

    public async Task<Plan> UpdateHeader(UserScope scope, int id, PlanHeaderInput input, CancellationToken ct = default)
    {
        var errors = new ErrorList();
        if (string.IsNullOrWhiteSpace(input.Title)) errors.Add("title", "Thiếu tên kế hoạch.");
        if (input.Title?.Length > 1000) errors.Add("title", "Tên kế hoạch dài quá 1.000 ký tự.");
        if (input.Number?.Length > 60) errors.Add("number", "Số, ký hiệu dài quá 60 ký tự.");
        if (input.PeriodFrom is < 1990 or > 2100) errors.Add("periodFrom", "Năm bắt đầu không hợp lệ (1990–2100).");
        if (input.PeriodTo < input.PeriodFrom) errors.Add("periodTo", $"Năm kết thúc ({input.PeriodTo}) trước năm bắt đầu ({input.PeriodFrom}).");
        if (!Enum.IsDefined(input.Level)) errors.Add("level", "Cấp kế hoạch không hợp lệ.");
        var plan = await Tracked(scope, id, input.Version, ct);
        var scheduledYears = await db.IndicatorTargets
            .Where(t => t.Year != null && db.Indicators.Any(i => i.Id == t.IndicatorId && i.PlanId == id))
            .Select(t => t.Year!.Value).Distinct().ToListAsync(ct);
        if (scheduledYears.Any(y => y < input.PeriodFrom || y > input.PeriodTo))
            errors.Add("periodTo", "Thời kỳ mới không chứa hết các năm đã giao chỉ tiêu (" + string.Join(", ", scheduledYears.Order()) + ").");
        errors.ThrowIfAny();
        plan.Title = input.Title!;
        plan.Number = string.IsNullOrWhiteSpace(input.Number) ? null : input.Number;
        // A full date typed in the form replaces a date known only to the month or the year.
        if (plan.IssuedOn != input.IssuedOn) (plan.IssuedOn, plan.IssuedPrecision) = (input.IssuedOn, null);
        plan.Level = input.Level;
        plan.PeriodFrom = input.PeriodFrom;
        plan.PeriodTo = input.PeriodTo;
        plan.LegalBasis = (input.LegalBasis ?? []).Where(l => !string.IsNullOrWhiteSpace(l)).ToList();
        await db.SaveChangesAsync(ct);
        return plan;
    }

    public async Task Delete(UserScope scope, int id, int expectedVersion, CancellationToken ct = default)
    {
        var plan = await Tracked(scope, id, expectedVersion, ct);
        if (await db.Plans.AnyAsync(p => p.ParentId == id, ct))
            throw new ConflictException("Kế hoạch đang là căn cứ của kế hoạch cấp dưới; hãy xóa hoặc chuyển các kế hoạch đó trước.");
        foreach (var g in guards) await g.CheckPlanReplaceable(id, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Assignments.Where(a => a.PlanId == id).ExecuteDeleteAsync(ct);
        db.Plans.Remove(plan);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>The file's Kinh phí replaces the plan's budget lines (the file is the whole plan), once its tasks have ids.</summary>
    async Task SaveBudget(Plan plan, List<PlanBudgetLine> lines, CancellationToken ct)
    {
        var taskIds = plan.Tasks.ToDictionary(t => t.Number, t => t.Id);
        foreach (var b in budgets) await b.Replace(plan.Id, lines, taskIds, ct);
    }

    /// <summary>The plan for a write: in scope, writable, and still at the version the user saw.</summary>
    Task<Plan> Tracked(UserScope scope, int id, int expectedVersion, CancellationToken ct) =>
        PlanAccess.ForWrite(db, scope, id, expectedVersion, ct);
}
