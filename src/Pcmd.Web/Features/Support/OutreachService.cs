using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Audit;
using Pcmd.Web.Features.OrgUnits;
using Pcmd.Web.Security;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.Support;

/// <summary>Outreach contacts (lượt tiếp cận): one for a known case, or an anonymous count when the person gives nothing. The
/// list carries no case: who was met is seen on the case only.</summary>
public sealed class OutreachService(PcmdDbContext db, CaseAccess access, OrgUnitTree tree, AuditTrail audit, TimeProvider clock)
{
    public const int MaxPeople = 1000;

    public async Task<OutreachContact> AddForCase(UserScope scope, int caseId, ContactInput input, CancellationToken ct = default)
    {
        var c = await db.SupportCases.AsNoTracking().Include(x => x.Workers).FirstOrDefaultAsync(x => x.Id == caseId, ct) ?? throw new NotFoundException();
        if (CaseAccess.RoleOf(await access.UserId(scope, ct), c) == CaseRole.None)
            throw audit.Denied(SupportService.Audited, caseId, new NotFoundException());
        if (c.ClosedOn is { } closed) throw new ConflictException($"Hồ sơ {c.Code} đã đóng ngày {ViFormat.Date(closed)}: không thể thay đổi.");
        if (input.People is not (null or 1)) throw ValidationException.One("people", "Một lượt tiếp cận của hồ sơ là một người.");
        var contact = await Check(scope, input with { OrgUnitId = input.OrgUnitId ?? c.OrgUnitId }, c.OpenedOn, c.OrgUnitId, ct);
        contact.CaseId = c.Id;
        db.OutreachContacts.Add(contact);
        await db.SaveChangesAsync(ct);
        return contact;
    }

    public async Task<OutreachContact> AddAnonymous(UserScope scope, ContactInput input, CancellationToken ct = default)
    {
        if (!CaseAccess.IsStaff(scope)) throw new ForbiddenException("Chỉ cán bộ hỗ trợ ghi lượt tiếp cận.");
        var contact = await Check(scope, input, null, null, ct);
        db.OutreachContacts.Add(contact);
        await db.SaveChangesAsync(ct);
        return contact;
    }

    /// <summary>Contacts recorded in the user's area, newest first, without the case they belong to.</summary>
    public async Task<List<ContactDto>> List(UserScope scope, DateOnly? from, DateOnly? to, CancellationToken ct = default)
    {
        if (!CaseAccess.IsStaff(scope)) throw new ForbiddenException("Chỉ cán bộ hỗ trợ xem lượt tiếp cận.");
        if (from is { } f && to is { } t && f > t) throw ValidationException.One("to", "Ngày cuối phải sau ngày đầu.");
        var q = db.OutreachContacts.AsNoTracking().InWritableScope(db, scope, x => x.OrgUnitId);
        if (from is { } a) q = q.Where(x => x.Date >= a);
        if (to is { } b) q = q.Where(x => x.Date <= b);
        var rows = await q.OrderByDescending(x => x.Date).ThenByDescending(x => x.Id).Take(500)
            .Join(db.OrgUnits, x => x.OrgUnitId, u => u.Id, (x, u) => new { x, u.Name }).ToListAsync(ct);
        return rows.Select(r => new ContactDto(r.x.Id, r.x.Date, r.x.OrgUnitId, r.Name, r.x.EstablishmentId, r.x.Channel,
            SupportService.Flags(r.x.Given), r.x.People)).ToList();
    }

    async Task<OutreachContact> Check(UserScope scope, ContactInput input, DateOnly? openedOn, int? caseUnit, CancellationToken ct)
    {
        var errors = new ErrorList();
        var today = VietnamTime.Today(clock);
        if (input.Date is not { } date) errors.Add("date", "Nhập ngày tiếp cận.");
        else if (date > today) errors.Add("date", "Ngày tiếp cận không được ở tương lai.");
        else if (openedOn is { } o && date < o) errors.Add("date", $"Ngày tiếp cận không được trước ngày mở hồ sơ ({ViFormat.Date(o)}).");
        else if (date < today.AddYears(-30)) errors.Add("date", "Ngày tiếp cận quá xa trong quá khứ.");
        if (input.Channel is not { } channel || !Enum.IsDefined(channel)) errors.Add("channel", "Chọn hình thức tiếp cận.");
        var given = ContactGiven.None;
        foreach (var (g, i) in (input.Given ?? []).Select((g, i) => (g, i)))
            if (g == ContactGiven.None || !Enum.IsDefined(g)) errors.Add($"given[{i}]", "Nội dung hỗ trợ không hợp lệ.");
            else given |= g;
        if (input.People is { } people && (people < 1 || people > MaxPeople)) errors.Add("people", $"Số người từ 1 đến {MaxPeople}.");
        if (input.OrgUnitId is not { } unitId) errors.Add("orgUnitId", "Chọn xã, phường nơi tiếp cận.");
        else if (await tree.Find(unitId) is not { } unit || !(scope.CanWriteUnit(unitId) || unitId == caseUnit))
            errors.Add("orgUnitId", "Đơn vị này nằm ngoài phạm vi bạn được giao.");
        else if (unit.Level is not (OrgUnitLevel.Commune or OrgUnitLevel.District)) errors.Add("orgUnitId", "Nơi tiếp cận là một xã, phường.");
        else if (input.EstablishmentId is { } eid)
        {
            var estUnit = await db.Establishments.AsNoTracking().Where(e => e.Id == eid).Select(e => (int?)e.OrgUnitId).FirstOrDefaultAsync(ct);
            if (estUnit is null || !await db.AreaOf(unitId).AnyAsync(u => u == estUnit, ct))
                errors.Add("establishmentId", "Không có cơ sở kinh doanh này ở xã, phường đã chọn.");
        }
        errors.ThrowIfAny();
        return new OutreachContact
        {
            Date = input.Date!.Value, Channel = input.Channel!.Value, Given = given, OrgUnitId = input.OrgUnitId!.Value,
            EstablishmentId = input.EstablishmentId, People = input.People ?? 1, RecordedBy = scope.UserName ?? "",
        };
    }
}
