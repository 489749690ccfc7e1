using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Audit;
using Pcmd.Web.Features.OrgUnits;
using Pcmd.Web.Security;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.Training;

/// <summary>The staff roster: per unit and agency, how many people do the programme's work, on a date. A new count is a new
/// row (the figures of past years keep the roster they had); the latest row on or before a window's end is the one in force.</summary>
public sealed class StaffRosterService(PcmdDbContext db, OrgUnitTree tree, TimeProvider clock, AuditTrail audit)
{
    public async Task<List<StaffRosterDto>> List(UserScope scope, int? unitId, CancellationToken ct = default)
    {
        var q = db.StaffRosters.AsNoTracking().InReadableScope(db, scope, r => r.OrgUnitId);
        if (unitId is { } unit)
        {
            await tree.EnsureReadable(scope, unit);
            q = q.InAreaOf(db, unit, r => r.OrgUnitId);
        }
        var rows = await q.OrderBy(r => r.OrgUnit!.Name).ThenBy(r => r.AgencyId).ThenByDescending(r => r.AsOf).Take(2000)
            .Select(r => new { r, Unit = r.OrgUnit!.Name, Agency = r.Agency == null ? null : r.Agency.Name }).ToListAsync(ct);
        return rows.Select(x => ToDto(scope, x.r, x.Unit, x.Agency)).ToList();
    }

    public async Task<StaffRoster> Create(UserScope scope, StaffRosterInput input, CancellationToken ct = default)
    {
        if (!TrainingService.CanEdit(scope)) throw new ForbiddenException();
        await Validate(scope, input, null, ct);
        var r = new StaffRoster();
        Fill(r, input);
        db.StaffRosters.Add(r);
        await db.SaveChangesAsync(ct);
        return r;
    }

    public async Task<StaffRoster> Update(UserScope scope, int id, StaffRosterInput input, CancellationToken ct = default)
    {
        var r = await Load(scope, id, ct);
        await Validate(scope, input, id, ct);
        db.Expect(r, input.Version);
        Fill(r, input);
        await db.SaveVersioned(ct);
        return r;
    }

    public async Task Delete(UserScope scope, int id, int version, CancellationToken ct = default)
    {
        var r = await Load(scope, id, ct);
        db.Expect(r, version);
        db.StaffRosters.Remove(r);
        await db.SaveVersioned(ct);
    }

    async Task<StaffRoster> Load(UserScope scope, int id, CancellationToken ct)
    {
        var r = await db.StaffRosters.FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException();
        if (!scope.CanReadUnit(r.OrgUnitId)) throw audit.Denied(nameof(StaffRoster), id, new NotFoundException());
        if (!TrainingService.CanEditIn(scope, r.OrgUnitId)) throw audit.Denied(nameof(StaffRoster), id, new ForbiddenException());
        return r;
    }

    static void Fill(StaffRoster r, StaffRosterInput input)
    {
        r.OrgUnitId = input.OrgUnitId!.Value;
        r.AgencyId = input.AgencyId;
        r.AsOf = input.AsOf!.Value;
        r.Headcount = input.Headcount!.Value;
        r.Note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim();
    }

    async Task Validate(UserScope scope, StaffRosterInput input, int? id, CancellationToken ct)
    {
        var errors = new ErrorList();
        if (input.AsOf is not { } asOf) errors.Add("asOf", "Nhập ngày của danh sách.");
        else if (asOf > VietnamTime.Today(clock)) errors.Add("asOf", "Ngày của danh sách không được sau hôm nay.");
        else if (asOf.Year < 2000) errors.Add("asOf", "Ngày của danh sách không hợp lệ.");
        if (input.Headcount is not { } n) errors.Add("headcount", "Nhập số cán bộ.");
        else if (n < 0) errors.Add("headcount", "Số cán bộ không được âm.");
        else if (n > TrainingService.MaxPeople) errors.Add("headcount", "Số cán bộ quá lớn.");
        if (input.Note?.Trim().Length > 1000) errors.Add("note", "Ghi chú dài quá 1.000 ký tự.");
        if (input.OrgUnitId is not { } unitId) errors.Add("orgUnitId", "Chọn đơn vị.");
        else if (await tree.Find(unitId) is not { } unit || !scope.CanReadUnit(unitId)) errors.Add("orgUnitId", "Không có đơn vị hành chính này.");
        else if (unit.Level is not (OrgUnitLevel.Province or OrgUnitLevel.Commune))
            errors.Add("orgUnitId", "Danh sách cán bộ được lập cho Thành phố (cấp Thành phố) hoặc cho một xã, phường.");
        else if (!scope.CanWriteUnit(unitId)) errors.Add("orgUnitId", "Đơn vị này nằm ngoài phạm vi bạn được giao.");
        else if (input.AsOf is { } d && !TrainingService.ValidOn(unit, d)) errors.Add("orgUnitId", "Đơn vị này không tồn tại vào ngày của danh sách.");
        if (input.AgencyId is { } ag && !await db.Agencies.AnyAsync(a => a.Id == ag, ct)) errors.Add("agencyId", "Không có cơ quan này.");
        if (!errors.Any && await db.StaffRosters.AnyAsync(r => r.Id != id && r.OrgUnitId == input.OrgUnitId && r.AgencyId == input.AgencyId
                && r.AsOf == input.AsOf, ct))
            errors.Add("asOf", "Đã có danh sách cán bộ của đơn vị và cơ quan này vào ngày này; hãy sửa danh sách đó.");
        errors.ThrowIfAny();
    }

    static StaffRosterDto ToDto(UserScope scope, StaffRoster r, string unit, string? agency) =>
        new(r.Id, r.OrgUnitId, unit, r.AgencyId, agency, r.AsOf, r.Headcount, r.Note, r.Version, TrainingService.CanEditIn(scope, r.OrgUnitId));
}
