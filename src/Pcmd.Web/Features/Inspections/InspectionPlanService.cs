using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Data;
using Pcmd.Web.Security;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.Inspections;

public sealed record InspectionPlanSummaryDto(int Id, int TeamId, string TeamName, int TeamOrgUnitId, string Title, DateOnly From, DateOnly To,
    int ItemCount, int Version);

/// <summary>An establishment in a plan; <see cref="InspectedOn"/> is the team's latest visit within the plan's period.</summary>
public sealed record InspectionPlanItemDto(int Id, int EstablishmentId, string EstablishmentName, string EstablishmentAddress,
    DateOnly? PlannedOn, DateOnly? InspectedOn);

/// <summary><see cref="HiddenItems"/>: establishments of the plan outside the reader's scope (a city plan read by a ward).</summary>
public sealed record InspectionPlanDto(int Id, int TeamId, string TeamName, int TeamOrgUnitId, string Title, DateOnly From, DateOnly To,
    int Version, bool CanEdit, List<InspectionPlanItemDto> Items, int HiddenItems);

public sealed record InspectionPlanInput(int TeamId, string? Title, DateOnly? From, DateOnly? To, List<InspectionPlanItemInput>? Items = null, int Version = 0);

public sealed record InspectionPlanItemInput(int EstablishmentId, DateOnly? PlannedOn);

public sealed record InspectionPlanItemsInput(List<int>? EstablishmentIds, DateOnly? PlannedOn, int Version);

/// <summary>Which establishments of its area a team plans to inspect, and when.</summary>
public sealed class InspectionPlanService(PcmdDbContext db, InspectionAccess access)
{
    public async Task<List<InspectionPlanSummaryDto>> List(UserScope scope, int? teamId = null, CancellationToken ct = default)
    {
        var q = db.InspectionPlans.AsNoTracking();
        q = q.InReadableScope(db, scope, p => p.Team!.OrgUnitId);
        if (teamId is { } t) q = q.Where(p => p.TeamId == t);
        var rows = await q.Select(p => new InspectionPlanSummaryDto(p.Id, p.TeamId, p.Team!.Name, p.Team.OrgUnitId, p.Title, p.From, p.To,
            p.Items.Count, p.Version)).ToListAsync(ct);
        return rows.OrderByDescending(p => p.From).ThenBy(p => p.Title, VietnameseText.Comparer).ToList();
    }

    public async Task<InspectionPlanDto> Get(UserScope scope, int id, CancellationToken ct = default)
    {
        var plan = await db.InspectionPlans.AsNoTracking().Where(p => p.Id == id)
            .Select(p => new { p.Id, p.TeamId, TeamName = p.Team!.Name, p.Team.OrgUnitId, p.Title, p.From, p.To, p.Version })
            .FirstOrDefaultAsync(ct);
        if (plan is null || !scope.CanReadUnit(plan.OrgUnitId)) throw new NotFoundException("Không tìm thấy kế hoạch kiểm tra này hoặc kế hoạch nằm ngoài phạm vi bạn được giao.");
        var items = await db.InspectionPlanItems.AsNoTracking().Where(i => i.InspectionPlanId == id)
            .Join(db.Establishments, i => i.EstablishmentId, e => e.Id, (i, e) => new
            {
                i.Id, i.EstablishmentId, e.Name, e.Address, e.OrgUnitId, i.PlannedOn,
                InspectedOn = db.Inspections.Where(x => x.EstablishmentId == e.Id && x.TeamId == plan.TeamId && x.Date >= plan.From && x.Date <= plan.To)
                    .Max(x => (DateOnly?)x.Date),
            }).ToListAsync(ct);
        var visible = items.Where(i => scope.CanReadUnit(i.OrgUnitId)).ToList();
        return new InspectionPlanDto(plan.Id, plan.TeamId, plan.TeamName, plan.OrgUnitId, plan.Title, plan.From, plan.To, plan.Version,
            scope.Can(Permission.ManageRegistries) && scope.CanWriteUnit(plan.OrgUnitId),
            visible.OrderBy(i => i.PlannedOn ?? DateOnly.MaxValue).ThenBy(i => i.Name, VietnameseText.Comparer)
                .Select(i => new InspectionPlanItemDto(i.Id, i.EstablishmentId, i.Name, i.Address, i.PlannedOn, i.InspectedOn)).ToList(),
            items.Count - visible.Count);
    }

    public async Task<InspectionPlan> Create(UserScope scope, InspectionPlanInput input, CancellationToken ct = default)
    {
        if (!scope.Can(Permission.ManageRegistries)) throw new ForbiddenException();
        var errors = new ErrorList();
        var team = await db.InspectionTeams.AsNoTracking().FirstOrDefaultAsync(t => t.Id == input.TeamId, ct);
        if (team is null || !scope.CanReadUnit(team.OrgUnitId)) errors.Add("teamId", "Không có đội kiểm tra này.");
        else if (!scope.CanWriteUnit(team.OrgUnitId)) errors.Add("teamId", "Đội kiểm tra này do cấp trên quản lý; bạn không lập kế hoạch cho đội được.");
        CheckHeader(input.Title, input.From, input.To, errors);
        var plan = new InspectionPlan { TeamId = input.TeamId };
        if (team is not null && input is { From: { } f, To: { } t } && f <= t)
            await AddItems(scope, plan, team.OrgUnitId, f, t, (input.Items ?? []).Select((x, i) => (x.EstablishmentId, x.PlannedOn, $"items[{i}]")), errors, ct);
        errors.ThrowIfAny();
        plan.Title = input.Title!.Trim();
        plan.From = input.From!.Value;
        plan.To = input.To!.Value;
        db.InspectionPlans.Add(plan);
        await db.SaveChangesAsync(ct);
        return plan;
    }

    public async Task<InspectionPlan> Update(UserScope scope, int id, InspectionPlanInput input, CancellationToken ct = default)
    {
        var (plan, _) = await LoadForWrite(scope, id, input.Version, ct);
        var errors = new ErrorList();
        CheckHeader(input.Title, input.From, input.To, errors);
        if (input is { From: { } f, To: { } t })
            foreach (var item in plan.Items.Where(i => i.PlannedOn is { } d && (d < f || d > t)))
                errors.Add("to", $"Có cơ sở dự kiến kiểm tra ngày {PageText.Date(item.PlannedOn)}, ngoài thời gian mới của kế hoạch.");
        errors.ThrowIfAny();
        plan.Title = input.Title!.Trim();
        plan.From = input.From!.Value;
        plan.To = input.To!.Value;
        return await Save(plan, ct);
    }

    /// <summary>Adds establishments of the team's area; those already in the plan are left as they are.</summary>
    public async Task<InspectionPlan> AddItems(UserScope scope, int id, InspectionPlanItemsInput input, CancellationToken ct = default)
    {
        var (plan, teamUnit) = await LoadForWrite(scope, id, input.Version, ct);
        var errors = new ErrorList();
        var ids = input.EstablishmentIds ?? [];
        if (ids.Count == 0) errors.Add("establishmentIds", "Hãy chọn ít nhất một cơ sở.");
        await AddItems(scope, plan, teamUnit, plan.From, plan.To, ids.Select((e, i) => (e, input.PlannedOn, $"establishmentIds[{i}]")), errors, ct);
        errors.ThrowIfAny();
        return await Save(plan, ct);
    }

    public async Task<InspectionPlan> RemoveItem(UserScope scope, int id, int itemId, int version, CancellationToken ct = default)
    {
        var (plan, _) = await LoadForWrite(scope, id, version, ct);
        var item = plan.Items.FirstOrDefault(i => i.Id == itemId) ?? throw new NotFoundException("Không có cơ sở này trong kế hoạch.");
        plan.Items.Remove(item);
        return await Save(plan, ct);
    }

    async Task AddItems(UserScope scope, InspectionPlan plan, int teamUnit, DateOnly from, DateOnly to,
        IEnumerable<(int EstablishmentId, DateOnly? PlannedOn, string Path)> wanted, ErrorList errors, CancellationToken ct)
    {
        var list = wanted.ToList();
        var ids = list.Select(w => w.EstablishmentId).Distinct().ToList();
        var units = await db.Establishments.Where(e => ids.Contains(e.Id)).Select(e => new { e.Id, e.OrgUnitId }).ToDictionaryAsync(e => e.Id, e => e.OrgUnitId, ct);
        var area = await access.Area(teamUnit);
        foreach (var (establishmentId, plannedOn, path) in list)
        {
            if (!units.TryGetValue(establishmentId, out var unit) || !scope.CanReadUnit(unit))
                errors.Add(path, $"Không tìm thấy cơ sở mã {establishmentId} hoặc cơ sở nằm ngoài phạm vi bạn được giao.");
            else if (!area.Contains(unit) || !scope.CanWriteUnit(unit))
                errors.Add(path, $"Cơ sở mã {establishmentId} không thuộc địa bàn của đội kiểm tra.");
            else if (plannedOn is { } d && (d < from || d > to))
                errors.Add(path, $"Ngày dự kiến {PageText.Date(d)} nằm ngoài thời gian của kế hoạch ({PageText.Date(from)} – {PageText.Date(to)}).");
            else if (plan.Items.All(i => i.EstablishmentId != establishmentId))
                plan.Items.Add(new InspectionPlanItem { EstablishmentId = establishmentId, PlannedOn = plannedOn });
        }
    }

    static void CheckHeader(string? title, DateOnly? from, DateOnly? to, ErrorList errors)
    {
        if (string.IsNullOrWhiteSpace(title)) errors.Add("title", "Thiếu tên kế hoạch kiểm tra.");
        else if (title.Trim().Length > 300) errors.Add("title", "Tên kế hoạch dài quá 300 ký tự.");
        if (from is null) errors.Add("from", "Thiếu ngày bắt đầu.");
        if (to is null) errors.Add("to", "Thiếu ngày kết thúc.");
        if (from is { } f && to is { } t && t < f) errors.Add("to", $"Ngày kết thúc ({PageText.Date(t)}) trước ngày bắt đầu ({PageText.Date(f)}).");
    }

    async Task<(InspectionPlan Plan, int TeamUnit)> LoadForWrite(UserScope scope, int id, int version, CancellationToken ct)
    {
        if (!scope.Can(Permission.ManageRegistries)) throw new ForbiddenException();
        var plan = await db.InspectionPlans.Include(p => p.Items).Include(p => p.Team).FirstOrDefaultAsync(p => p.Id == id, ct);
        if (plan is null || !scope.CanReadUnit(plan.Team!.OrgUnitId))
            throw new NotFoundException("Không tìm thấy kế hoạch kiểm tra này hoặc kế hoạch nằm ngoài phạm vi bạn được giao.");
        if (!scope.CanWriteUnit(plan.Team.OrgUnitId)) throw new ForbiddenException("Kế hoạch này do cấp trên lập; bạn chỉ được xem.");
        if (plan.Version != version) throw new ConflictException();
        db.Entry(plan).Property(p => p.Version).OriginalValue = version;
        return (plan, plan.Team.OrgUnitId);
    }

    async Task<InspectionPlan> Save(InspectionPlan plan, CancellationToken ct)
    {
        db.Entry(plan).State = EntityState.Modified;
        await db.SaveChangesAsync(ct);
        return plan;
    }
}
