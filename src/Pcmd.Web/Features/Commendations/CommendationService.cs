using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Audit;
using Pcmd.Web.Features.OrgUnits;
using Pcmd.Web.Features.Plans;
using Pcmd.Web.Features.Users;
using Pcmd.Web.Security;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.Commendations;

/// <summary>Commendations within the user's scope. Reading a commended individual (one record, or a list naming them) is
/// recorded in the audit trail, as for every record with a person's name.</summary>
public sealed class CommendationService(PcmdDbContext db, OrgUnitTree tree, TimeProvider clock, AuditTrail audit)
{
    public const int MaxList = 500;

    public static bool CanEdit(UserScope s) =>
        Roles.RecordsActivities(s);

    public static bool CanEditIn(UserScope s, int unitId) => CanEdit(s) && s.CanWriteUnit(unitId);

    public async Task<CommendationList> List(UserScope scope, int year, int? unit, int? planId, CancellationToken ct = default)
    {
        var q = db.Commendations.AsNoTracking().InReadableScope(db, scope, c => c.OrgUnitId).Where(c => c.Year == year);
        if (unit is { } u)
        {
            await tree.EnsureReadable(scope, u);
            q = q.InAreaOf(db, u, c => c.OrgUnitId);
        }
        if (planId is { } p) q = q.Where(c => c.PlanId == p);
        var rows = await q.Include(c => c.OrgUnit).OrderBy(c => c.Recipient).ThenBy(c => c.DecisionDate).ThenBy(c => c.Id).Take(MaxList).ToListAsync(ct);
        foreach (var c in rows.Where(c => c.Recipient == Recipient.Individual)) audit.RecordRead(nameof(Commendation), c.Id);
        var items = rows.Select(c => ToDto(scope, c)).ToList();
        return new CommendationList(year, items.Count(c => c.Recipient == Recipient.Collective), items.Count(c => c.Recipient == Recipient.Individual), items);
    }

    public async Task<CommendationDto> Get(UserScope scope, int id, CancellationToken ct = default)
    {
        var c = await db.Commendations.AsNoTracking().Include(x => x.OrgUnit).FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException();
        if (!scope.CanReadUnit(c.OrgUnitId)) throw audit.Denied(nameof(Commendation), id, new NotFoundException());
        if (c.Recipient == Recipient.Individual) audit.RecordRead(nameof(Commendation), id);
        return ToDto(scope, c);
    }

    public async Task<Commendation> Create(UserScope scope, CommendationInput input, CancellationToken ct = default)
    {
        if (!CanEdit(scope)) throw new ForbiddenException();
        await Validate(scope, input, ct);
        var c = new Commendation();
        Fill(c, input);
        db.Commendations.Add(c);
        await db.SaveChangesAsync(ct);
        return c;
    }

    public async Task<Commendation> Update(UserScope scope, int id, CommendationInput input, CancellationToken ct = default)
    {
        var c = await Load(scope, id, ct);
        await Validate(scope, input, ct);
        db.Expect(c, input.Version);
        Fill(c, input);
        await db.SaveVersioned(ct);
        return c;
    }

    public async Task Delete(UserScope scope, int id, int version, CancellationToken ct = default)
    {
        var c = await Load(scope, id, ct);
        db.Expect(c, version);
        db.Commendations.Remove(c);
        await db.SaveVersioned(ct);
    }

    async Task<Commendation> Load(UserScope scope, int id, CancellationToken ct)
    {
        var c = await db.Commendations.FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException();
        if (!scope.CanReadUnit(c.OrgUnitId)) throw audit.Denied(nameof(Commendation), id, new NotFoundException());
        if (!CanEditIn(scope, c.OrgUnitId)) throw audit.Denied(nameof(Commendation), id, new ForbiddenException());
        return c;
    }

    static void Fill(Commendation c, CommendationInput input)
    {
        c.OrgUnitId = input.OrgUnitId!.Value;
        c.Recipient = input.Recipient!.Value;
        c.Name = input.Name!.Trim();
        c.Workplace = string.IsNullOrWhiteSpace(input.Workplace) ? null : input.Workplace.Trim();
        c.Level = input.Level!.Value;
        c.Form = input.Form!.Value;
        c.DecisionNumber = input.DecisionNumber!.Trim();
        c.DecisionDate = input.DecisionDate!.Value;
        c.Year = input.Year!.Value;
        c.PlanId = input.PlanId;
        c.Achievement = string.IsNullOrWhiteSpace(input.Achievement) ? null : input.Achievement.Trim();
    }

    async Task Validate(UserScope scope, CommendationInput input, CancellationToken ct)
    {
        var errors = new ErrorList();
        if (input.Recipient is not { } r || !Enum.IsDefined(r)) errors.Add("recipient", "Chọn tập thể hoặc cá nhân.");
        if (string.IsNullOrWhiteSpace(input.Name)) errors.Add("name", input.Recipient == Recipient.Individual ? "Nhập họ và tên người được khen thưởng." : "Nhập tên tập thể được khen thưởng.");
        else if (input.Name.Trim().Length > 200) errors.Add("name", "Tên dài quá 200 ký tự.");
        if (input.Workplace?.Trim().Length > 300) errors.Add("workplace", "Chức vụ, đơn vị công tác dài quá 300 ký tự.");
        if (input.Level is not { } l || !Enum.IsDefined(l)) errors.Add("level", "Chọn cấp khen thưởng.");
        if (input.Form is not { } f || !Enum.IsDefined(f)) errors.Add("form", "Chọn hình thức khen thưởng.");
        if (string.IsNullOrWhiteSpace(input.DecisionNumber)) errors.Add("decisionNumber", "Nhập số quyết định khen thưởng.");
        else if (input.DecisionNumber.Trim().Length > 50) errors.Add("decisionNumber", "Số quyết định dài quá 50 ký tự.");
        if (input.Achievement?.Trim().Length > 2000) errors.Add("achievement", "Thành tích dài quá 2.000 ký tự.");
        if (input.Year is not { } year) errors.Add("year", "Nhập năm được khen thưởng.");
        else if (year is < 2000 or > 2100) errors.Add("year", "Năm khen thưởng không hợp lệ.");
        if (input.DecisionDate is not { } date) errors.Add("decisionDate", "Nhập ngày quyết định.");
        else if (date > VietnamTime.Today(clock)) errors.Add("decisionDate", "Ngày quyết định không được sau ngày hôm nay.");
        else if (input.Year is { } y && (date.Year < y || date.Year > y + 1))
            errors.Add("decisionDate", "Ngày quyết định phải trong năm được khen thưởng hoặc năm sau đó.");
        if (input.OrgUnitId is not { } unitId) errors.Add("orgUnitId", "Chọn đơn vị ghi nhận.");
        else if (await tree.Find(unitId) is null || !scope.CanReadUnit(unitId)) errors.Add("orgUnitId", "Không có đơn vị hành chính này.");
        else if (!scope.CanWriteUnit(unitId)) errors.Add("orgUnitId", "Đơn vị này nằm ngoài phạm vi bạn được giao.");
        if (input.PlanId is { } planId)
        {
            var plan = await db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == planId, ct);
            if (plan is null || !PlanAccess.CanRead(scope, plan)) errors.Add("planId", "Không có kế hoạch này.");
            else if (input.Year is { } py && (py < plan.PeriodFrom || py > plan.PeriodTo))
                errors.Add("year", $"Năm khen thưởng nằm ngoài thời kỳ của kế hoạch ({plan.PeriodFrom}–{plan.PeriodTo}).");
        }
        errors.ThrowIfAny();
    }

    static CommendationDto ToDto(UserScope scope, Commendation c) => new(c.Id, c.OrgUnitId, c.OrgUnit?.Name ?? "", c.Recipient, c.Name, c.Workplace,
        c.Level, c.Form, c.DecisionNumber, c.DecisionDate, c.Year, c.PlanId, c.Achievement, c.Version, CanEditIn(scope, c.OrgUnitId));
}
