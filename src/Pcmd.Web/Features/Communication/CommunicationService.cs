using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Audit;
using Pcmd.Web.Features.OrgUnits;
using Pcmd.Web.Features.Users;
using Pcmd.Web.Security;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.Communication;

/// <summary>Communication events within the user's scope (a ward writes its own, the coordinator reads and writes all),
/// and the rule that says what "maintained regularly" means.</summary>
public sealed class CommunicationService(PcmdDbContext db, OrgUnitTree tree, TimeProvider clock, AuditTrail audit)
{
    public const int MaxPageSize = 200;
    public const int MaxPeople = 1_000_000;

    /// <summary>Who records events: the commune's officers, an agency's reporter (an event it held in a commune), the
    /// coordinator and administrators, within the units they may write in.</summary>
    public static bool CanEdit(UserScope s) =>
        Roles.RecordsActivities(s);

    public static bool CanEditIn(UserScope s, int unitId) => CanEdit(s) && s.CanWriteUnit(unitId);

    public async Task<CommunicationEventPage> List(UserScope scope, CommunicationFilter f, CancellationToken ct = default)
    {
        var q = db.CommunicationEvents.AsNoTracking().InReadableScope(db, scope, e => e.OrgUnitId);
        if (f.OrgUnitId is { } unit)
        {
            await tree.EnsureReadable(scope, unit);
            q = q.InAreaOf(db, unit, e => e.OrgUnitId);
        }
        if (f.From is { } from) q = q.Where(e => e.Date >= from);
        if (f.To is { } to) q = q.Where(e => e.Date <= to);
        if (f.Kind is { } kind) q = q.Where(e => e.Kind == kind);
        var size = Math.Clamp(f.PageSize, 1, MaxPageSize);
        var total = await q.CountAsync(ct);
        var page = Math.Clamp(f.Page, 1, Math.Max(1, (total + size - 1) / size));
        var rows = await q.OrderByDescending(e => e.Date).ThenByDescending(e => e.Id).Skip((page - 1) * size).Take(size)
            .Include(e => e.OrgUnit).Include(e => e.Agency).Include(e => e.Audiences).AsSplitQuery().ToListAsync(ct);
        return new CommunicationEventPage(total, page, size, rows.Select(e => ToDto(scope, e)).ToList());
    }

    public async Task<CommunicationEventDto> Get(UserScope scope, int id, CancellationToken ct = default)
    {
        var e = await db.CommunicationEvents.AsNoTracking().Include(x => x.OrgUnit).Include(x => x.Agency).Include(x => x.Audiences)
            .FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException();
        if (!scope.CanReadUnit(e.OrgUnitId)) throw audit.Denied(nameof(CommunicationEvent), id, new NotFoundException());
        return ToDto(scope, e);
    }

    public async Task<CommunicationEvent> Create(UserScope scope, CommunicationEventInput input, CancellationToken ct = default)
    {
        if (!CanEdit(scope)) throw new ForbiddenException();
        await Validate(scope, input, ct);
        var e = new CommunicationEvent();
        Fill(e, input);
        db.CommunicationEvents.Add(e);
        await db.SaveChangesAsync(ct);
        return e;
    }

    public async Task<CommunicationEvent> Update(UserScope scope, int id, CommunicationEventInput input, CancellationToken ct = default)
    {
        var e = await Load(scope, id, ct);
        await Validate(scope, input, ct);
        db.Expect(e, input.Version);
        db.RemoveRange(e.Audiences);
        e.Audiences.Clear();
        Fill(e, input);
        await db.SaveVersioned(ct);
        return e;
    }

    public async Task Delete(UserScope scope, int id, int version, CancellationToken ct = default)
    {
        var e = await Load(scope, id, ct);
        db.Expect(e, version);
        db.CommunicationEvents.Remove(e);
        await db.SaveVersioned(ct);
    }

    public async Task<CommunicationRuleDto> Rule(CancellationToken ct = default)
    {
        var r = await db.CommunicationRules.AsNoTracking().OrderBy(x => x.Id).FirstOrDefaultAsync(ct);
        return new CommunicationRuleDto(r?.EventsPerQuarter ?? CommunicationRules.DefaultEventsPerQuarter, r?.Version ?? 0);
    }

    /// <summary>Sets the rule of "maintained regularly": the coordinator's or an administrator's call, for the whole installation.</summary>
    public async Task<CommunicationRuleDto> SetRule(UserScope scope, CommunicationRuleInput input, CancellationToken ct = default)
    {
        if (!(scope.IsGlobal || scope.IsInRole(Roles.Coordinator))) throw new ForbiddenException();
        if (input.EventsPerQuarter is not (>= 1 and <= CommunicationRules.MaxEventsPerQuarter))
            throw ValidationException.One("eventsPerQuarter", $"Số hoạt động tối thiểu mỗi quý phải từ 1 đến {CommunicationRules.MaxEventsPerQuarter}.");
        var r = await db.CommunicationRules.OrderBy(x => x.Id).FirstOrDefaultAsync(ct);
        if (r is not null) db.Expect(r, input.Version);
        else if (input.Version != 0) throw new ConflictException();
        // A new rule starts at version 1, so that the version a client saw before it existed (0) is stale after.
        else db.CommunicationRules.Add(r = new CommunicationRule { Version = 1 });
        r.EventsPerQuarter = input.EventsPerQuarter.Value;
        await db.SaveVersioned(ct);
        return new CommunicationRuleDto(r.EventsPerQuarter, r.Version);
    }

    /// <summary>404 (audited) unless the user may read the record: the check its files are read under.</summary>
    public async Task EnsureReadable(UserScope scope, int id, CancellationToken ct = default)
    {
        var unit = await db.CommunicationEvents.Where(x => x.Id == id).Select(x => (int?)x.OrgUnitId).FirstOrDefaultAsync(ct) ?? throw new NotFoundException();
        if (!scope.CanReadUnit(unit)) throw audit.Denied(nameof(CommunicationEvent), id, new NotFoundException());
    }

    /// <summary>The record, tracked, for a write: 404 out of reach, 403 when only readable.</summary>
    public async Task<CommunicationEvent> Load(UserScope scope, int id, CancellationToken ct)
    {
        var e = await db.CommunicationEvents.Include(x => x.Audiences).FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException();
        if (!scope.CanReadUnit(e.OrgUnitId)) throw audit.Denied(nameof(CommunicationEvent), id, new NotFoundException());
        if (!CanEditIn(scope, e.OrgUnitId)) throw audit.Denied(nameof(CommunicationEvent), id, new ForbiddenException());
        return e;
    }

    static void Fill(CommunicationEvent e, CommunicationEventInput input)
    {
        e.Date = input.Date!.Value;
        e.OrgUnitId = input.OrgUnitId!.Value;
        e.AgencyId = input.AgencyId;
        e.Kind = input.Kind!.Value;
        e.Title = input.Title!.Trim();
        e.Note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim();
        e.MaterialsDistributed = input.MaterialsDistributed ?? 0;
        e.Audiences.AddRange((input.Audiences ?? [])
            .Select(a => new EventAudience { Group = a.Group!.Value, PeopleReached = a.PeopleReached ?? 0 }));
    }

    async Task Validate(UserScope scope, CommunicationEventInput input, CancellationToken ct)
    {
        var errors = new ErrorList();
        var today = VietnamTime.Today(clock);
        if (input.Date is not { } date) errors.Add("date", "Nhập ngày tổ chức hoạt động.");
        else if (date > today) errors.Add("date", "Ngày tổ chức không được sau ngày hôm nay.");
        else if (date.Year < 2000) errors.Add("date", "Ngày tổ chức không hợp lệ.");
        if (input.Kind is not { } kind) errors.Add("kind", "Chọn hình thức truyền thông.");
        else if (!Enum.IsDefined(kind)) errors.Add("kind", "Hình thức truyền thông không hợp lệ.");
        if (string.IsNullOrWhiteSpace(input.Title)) errors.Add("title", "Nhập nội dung (tên) hoạt động.");
        else if (input.Title.Trim().Length > 300) errors.Add("title", "Nội dung hoạt động dài quá 300 ký tự.");
        if (input.Note?.Trim().Length > 2000) errors.Add("note", "Ghi chú dài quá 2.000 ký tự.");
        if (input.MaterialsDistributed is < 0) errors.Add("materialsDistributed", "Số tài liệu phát ra không được âm.");
        else if (input.MaterialsDistributed > MaxPeople) errors.Add("materialsDistributed", "Số tài liệu phát ra quá lớn.");

        if (input.OrgUnitId is not { } unitId) errors.Add("orgUnitId", "Chọn xã, phường nơi tổ chức.");
        else if (await tree.Find(unitId) is not { } unit || !scope.CanReadUnit(unitId)) errors.Add("orgUnitId", "Không có đơn vị hành chính này.");
        else if (unit.Level != OrgUnitLevel.Commune) errors.Add("orgUnitId", "Hoạt động truyền thông được ghi cho một xã, phường.");
        else if (!scope.CanWriteUnit(unitId)) errors.Add("orgUnitId", "Xã, phường này nằm ngoài phạm vi bạn được giao.");
        else if (input.Date is { } d && !((unit.ValidFrom is null || unit.ValidFrom <= d) && (unit.ValidTo is null || d <= unit.ValidTo)))
            errors.Add("orgUnitId", "Xã, phường này không tồn tại vào ngày tổ chức (sắp xếp đơn vị hành chính ngày 01/07/2025).");

        if (input.AgencyId is { } agencyId
            && !(await db.Agencies.AsNoTracking().Where(a => a.Id == agencyId).Select(a => (int?)a.OrgUnitId).FirstOrDefaultAsync(ct) is { } au
                 && scope.CanReadUnit(au)))
            errors.Add("agencyId", "Không có cơ quan này.");

        var audiences = input.Audiences ?? [];
        if (audiences.Count > Enum.GetValues<TargetGroup>().Length) errors.Add("audiences", "Mỗi nhóm đối tượng chỉ ghi một lần.");
        for (var i = 0; i < audiences.Count && i < 20; i++)
        {
            var a = audiences[i];
            if (a.Group is not { } g || !Enum.IsDefined(g)) errors.Add($"audiences[{i}].group", "Chọn nhóm đối tượng.");
            if (a.PeopleReached is not { } n) errors.Add($"audiences[{i}].peopleReached", "Nhập số người được tiếp cận.");
            else if (n < 0) errors.Add($"audiences[{i}].peopleReached", "Số người được tiếp cận không được âm.");
            else if (n > MaxPeople) errors.Add($"audiences[{i}].peopleReached", "Số người được tiếp cận quá lớn.");
        }
        if (audiences.Where(a => a.Group is not null).GroupBy(a => a.Group).Any(g => g.Count() > 1))
            errors.Add("audiences", "Mỗi nhóm đối tượng chỉ ghi một lần.");
        errors.ThrowIfAny();
    }

    static CommunicationEventDto ToDto(UserScope scope, CommunicationEvent e) => new(e.Id, e.Date, e.OrgUnitId, e.OrgUnit?.Name ?? "",
        e.AgencyId, e.Agency?.Name, e.Kind, e.Title, e.Note, e.MaterialsDistributed, e.Audiences.Sum(a => a.PeopleReached),
        e.Audiences.OrderBy(a => a.Group).Select(a => new AudienceDto(a.Group, a.PeopleReached)).ToList(), e.Version,
        CanEditIn(scope, e.OrgUnitId));
}
