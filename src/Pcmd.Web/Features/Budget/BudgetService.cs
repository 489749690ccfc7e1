using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Audit;
using Pcmd.Web.Features.OrgUnits;
using Pcmd.Web.Features.Plans;
using Pcmd.Web.Features.Users;
using Pcmd.Web.Security;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.Budget;

/// <summary>A plan's budget lines. Whoever reads the plan reads its budget; those who may change the plan write every line,
/// an agency's reporter the lines of its own agency, a ward officer those of the units it answers for.</summary>
public sealed class BudgetService(PcmdDbContext db, OrgUnitTree tree, AuditTrail audit)
{
    /// <summary>A trillion đồng: above any line of a city's programme, below what a bigint sum of many lines could overflow.</summary>
    public const long MaxAmount = 1_000_000_000_000;

    public static bool CanWriteLine(UserScope s, Plan p, int? agencyId, int? unitId) =>
        PlanAccess.CanWrite(s, p)
        || (s.IsInRole(Roles.AgencyReporter) && s.AgencyId is { } a && agencyId == a && PlanAccess.CanRead(s, p))
        || (s.IsInRole(Roles.CommuneOfficer) && unitId is { } u && s.CanWriteUnit(u) && PlanAccess.CanRead(s, p));

    public static bool CanAdd(UserScope s, Plan p) => PlanAccess.CanWrite(s, p)
        || ((s.IsInRole(Roles.AgencyReporter) || s.IsInRole(Roles.CommuneOfficer)) && PlanAccess.CanRead(s, p));

    public async Task<BudgetSummary> ForPlan(UserScope scope, int planId, int? year = null, int? agencyId = null, CancellationToken ct = default)
    {
        var plan = await db.Plans.AsNoTracking().ReadableOr404(scope, planId, ct);
        var q = db.BudgetLines.AsNoTracking().Where(l => l.PlanId == planId);
        if (year is { } y) q = q.Where(l => l.Year == y || l.Year == null);
        if (agencyId is { } a) q = q.Where(l => l.AgencyId == a);
        var lines = await q.Include(l => l.Agency).Include(l => l.OrgUnit).Include(l => l.Task)
            .OrderBy(l => l.Year).ThenBy(l => l.Source).ThenBy(l => l.Id).ToListAsync(ct);
        var dtos = lines.Select(l => ToDto(scope, plan, l)).ToList();
        var bySource = dtos.GroupBy(l => l.Source).OrderBy(g => g.Key is null).ThenBy(g => g.Key)
            .Select(g => new SourceTotals(g.Key, Totals(g))).ToList();
        return new BudgetSummary(planId, year, dtos, bySource, Totals(dtos), CanAdd(scope, plan));
    }

    public async Task<BudgetLineDto> Get(UserScope scope, int id, CancellationToken ct = default)
    {
        var l = await db.BudgetLines.AsNoTracking().Include(x => x.Plan).Include(x => x.Agency).Include(x => x.OrgUnit).Include(x => x.Task)
            .FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException();
        if (!PlanAccess.CanRead(scope, l.Plan!)) throw audit.Denied(nameof(BudgetLine), id, new NotFoundException());
        return ToDto(scope, l.Plan!, l);
    }

    /// <summary>Who may write any budget line at all: plan editors, agencies' reporters and ward officers.</summary>
    public static bool MayWriteBudgets(UserScope s) =>
        s.IsGlobal || s.Can(Permission.ManagePlans) || s.IsInRole(Roles.AgencyReporter) || s.IsInRole(Roles.CommuneOfficer);

    public async Task<BudgetLine> Create(UserScope scope, BudgetLineInput input, CancellationToken ct = default)
    {
        if (!MayWriteBudgets(scope)) throw new ForbiddenException();
        if (input.PlanId is not { } planId) throw ValidationException.One("planId", "Chọn kế hoạch.");
        var plan = await db.Plans.AsNoTracking().ReadableOr404(scope, planId, ct);
        if (!CanAdd(scope, plan)) throw new ForbiddenException();
        await Validate(scope, plan, input, ct);
        var l = new BudgetLine { PlanId = planId };
        Fill(l, input);
        db.BudgetLines.Add(l);
        await db.SaveVersioned(ct);
        return l;
    }

    public async Task<BudgetLine> Update(UserScope scope, int id, BudgetLineInput input, CancellationToken ct = default)
    {
        var (l, plan) = await Load(scope, id, ct);
        await Validate(scope, plan, input with { PlanId = plan.Id }, ct);
        db.Expect(l, input.Version);
        Fill(l, input);
        await db.SaveVersioned(ct);
        return l;
    }

    public async Task Delete(UserScope scope, int id, int version, CancellationToken ct = default)
    {
        var (l, _) = await Load(scope, id, ct);
        db.Expect(l, version);
        db.BudgetLines.Remove(l);
        await db.SaveVersioned(ct);
    }

    /// <summary>What a line of this plan may name: the agencies the plan involves and its tasks (for the form).</summary>
    public async Task<(Plan Plan, List<(int Id, string Name)> Agencies, List<(int Id, string Number)> Tasks)> Choices(UserScope scope, int planId,
        CancellationToken ct = default)
    {
        var plan = await db.Plans.AsNoTracking().ReadableOr404(scope, planId, ct);
        var ids = await db.Assignments.Where(a => a.PlanId == planId).Select(a => a.AgencyId).Distinct().ToListAsync(ct);
        if (plan.IssuingAgencyId is { } i) ids.Add(i);
        if (plan.CoordinatingAgencyId is { } c) ids.Add(c);
        var agencies = (await db.Agencies.AsNoTracking().Where(a => ids.Contains(a.Id)).Select(a => new { a.Id, a.Name }).ToListAsync(ct))
            .OrderBy(a => a.Name, VietnameseText.Comparer).Select(a => (a.Id, a.Name)).ToList();
        var tasks = (await db.PlanTasks.AsNoTracking().Where(t => t.PlanId == planId).OrderBy(t => t.Position).Select(t => new { t.Id, t.Number }).ToListAsync(ct))
            .Select(t => (t.Id, t.Number)).ToList();
        return (plan, agencies, tasks);
    }

    async Task<(BudgetLine, Plan)> Load(UserScope scope, int id, CancellationToken ct)
    {
        var l = await db.BudgetLines.FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException();
        var plan = await db.Plans.AsNoTracking().FirstAsync(p => p.Id == l.PlanId, ct);
        if (!PlanAccess.CanRead(scope, plan)) throw audit.Denied(nameof(BudgetLine), id, new NotFoundException());
        if (!CanWriteLine(scope, plan, l.AgencyId, l.OrgUnitId)) throw audit.Denied(nameof(BudgetLine), id, new ForbiddenException());
        return (l, plan);
    }

    internal static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    static void Fill(BudgetLine l, BudgetLineInput input)
    {
        l.Year = input.Year;
        l.AgencyId = input.AgencyId;
        l.OrgUnitId = input.OrgUnitId;
        l.TaskId = input.TaskId;
        l.Source = input.Source;
        l.SourceText = Clean(input.SourceText);
        l.Purpose = Clean(input.Purpose);
        l.Estimate = input.Estimate;
        l.Allocated = input.Allocated;
        l.Spent = input.Spent;
        l.OverspendNote = Clean(input.OverspendNote);
    }

    async Task Validate(UserScope scope, Plan plan, BudgetLineInput input, CancellationToken ct)
    {
        var errors = new ErrorList();
        if (input.Year is { } y && (y < plan.PeriodFrom || y > plan.PeriodTo))
            errors.Add("year", $"Năm ngân sách nằm ngoài thời kỳ của kế hoạch ({plan.PeriodFrom}–{plan.PeriodTo}).");
        if (input.Source is { } s && !Enum.IsDefined(s)) errors.Add("source", "Nguồn kinh phí không hợp lệ.");
        CheckValues(errors, "", input.Source is not null, input.SourceText, input.Purpose, input.OverspendNote, input.Estimate, input.Allocated, input.Spent);
        if (input.AgencyId is { } agency && !await db.Assignments.AnyAsync(a => a.PlanId == plan.Id && a.AgencyId == agency, ct)
            && plan.IssuingAgencyId != agency && plan.CoordinatingAgencyId != agency)
            errors.Add("agencyId", "Cơ quan này không được kế hoạch phân công (không chủ trì, không phối hợp).");
        if (input.OrgUnitId is { } unit && (await tree.Find(unit) is null || !(await tree.Area(plan.IssuingUnitId)).Contains(unit)))
            errors.Add("orgUnitId", "Đơn vị này không thuộc địa bàn của kế hoạch.");
        if (input.TaskId is { } task && !await db.PlanTasks.AnyAsync(t => t.Id == task && t.PlanId == plan.Id, ct))
            errors.Add("taskId", "Nhiệm vụ này không thuộc kế hoạch.");
        if (!errors.Any && !CanWriteLine(scope, plan, input.AgencyId, input.OrgUnitId))
            errors.Add(scope.IsInRole(Roles.AgencyReporter) ? "agencyId" : "orgUnitId", "Bạn chỉ ghi kinh phí của cơ quan, đơn vị mình.");
        errors.ThrowIfAny();
    }

    /// <summary>The rules of a line's own values, shared by the form, the API and the plan file (<paramref name="prefix"/> is
    /// the line's path there).</summary>
    internal static void CheckValues(ErrorList errors, string prefix, bool hasSource, string? sourceText, string? purpose, string? overspendNote,
        long? estimate, long? allocated, long? spent)
    {
        string At(string name) => prefix.Length == 0 ? name : prefix + "." + name;
        if (!hasSource && Clean(sourceText) is null) errors.Add(At("source"), "Chọn nguồn kinh phí hoặc ghi nguồn như kế hoạch nêu.");
        if (sourceText?.Trim().Length > 2000) errors.Add(At("sourceText"), "Nguồn kinh phí dài quá 2.000 ký tự.");
        if (purpose?.Trim().Length > 500) errors.Add(At("purpose"), "Nội dung chi dài quá 500 ký tự.");
        if (overspendNote?.Trim().Length > 1000) errors.Add(At("overspendNote"), "Giải trình dài quá 1.000 ký tự.");
        foreach (var (name, label, v) in new[] { ("estimate", "Dự toán", estimate), ("allocated", "Số được giao", allocated), ("spent", "Số đã chi", spent) })
            if (v < 0) errors.Add(At(name), $"{label} không được âm.");
            else if (v > MaxAmount) errors.Add(At(name), $"{label} quá lớn.");
        if (spent > allocated && Clean(overspendNote) is null)
            errors.Add(At("overspendNote"), "Số đã chi vượt số được giao: ghi rõ lý do (giải trình) trước khi lưu.");
    }

    static BudgetTotals Totals(IEnumerable<BudgetLineDto> lines)
    {
        long e = 0, a = 0, s = 0;
        foreach (var l in lines) { e += l.Estimate ?? 0; a += l.Allocated ?? 0; s += l.Spent ?? 0; }
        return new BudgetTotals(e, a, s);
    }

    static BudgetLineDto ToDto(UserScope scope, Plan plan, BudgetLine l) => new(l.Id, l.PlanId, l.Year, l.AgencyId, l.Agency?.Name, l.OrgUnitId,
        l.OrgUnit?.Name, l.TaskId, l.Task?.Number, l.Source, l.SourceText, l.Purpose, l.Estimate, l.Allocated, l.Spent, l.OverspendNote, l.Version,
        CanWriteLine(scope, plan, l.AgencyId, l.OrgUnitId));
}
