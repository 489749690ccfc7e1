using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Audit;
using Pcmd.Web.Features.OrgUnits;
using Pcmd.Web.Security;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.Training;

/// <summary>Named staff on the roster, scoped like the registries (a ward writes its own, the coordinator reads all; out of
/// scope is "not found"). The list shows no name (initials and position only, as lists of personal data do in PCMD); the
/// record with name and phone is one audited read.</summary>
public sealed class StaffMemberService(PcmdDbContext db, OrgUnitTree tree, TimeProvider clock, AuditTrail audit)
{
    public const string Audited = nameof(StaffMember);
    public const int MaxList = 2000;

    public async Task<List<StaffMemberListItem>> List(UserScope scope, int? unitId, DateOnly? onDate, CancellationToken ct = default)
    {
        var q = db.StaffMembers.AsNoTracking().InReadableScope(db, scope, m => m.OrgUnitId);
        if (unitId is { } unit)
        {
            await tree.EnsureReadable(scope, unit);
            q = q.InAreaOf(db, unit, m => m.OrgUnitId);
        }
        if (onDate is { } d) q = q.Where(m => m.FromDate <= d && (m.ToDate == null || m.ToDate >= d));
        var rows = await q.OrderBy(m => m.OrgUnit!.Name).ThenBy(m => m.AgencyId).ThenBy(m => m.JobTitle).ThenBy(m => m.Id).Take(MaxList)
            .Select(m => new
            {
                m, Unit = m.OrgUnit!.Name, m.OrgUnit.Level, Agency = m.Agency == null ? null : m.Agency.Name,
                Courses = db.TrainingParticipants.Count(p => p.StaffMemberId == m.Id),
            }).ToListAsync(ct);
        return rows.Select(x => new StaffMemberListItem(x.m.Id, x.m.OrgUnitId, x.Unit, x.m.AgencyId, x.Agency, LevelOf(x.Level), Initials(x.m.FullName),
            x.m.JobTitle, x.m.FromDate, x.m.ToDate, x.Courses, x.m.Version, TrainingService.CanEditIn(scope, x.m.OrgUnitId))).ToList();
    }

    /// <summary>The record with the name and phone: every read is audited, one row a read.</summary>
    public async Task<StaffMemberDto> Get(UserScope scope, int id, CancellationToken ct = default)
    {
        var m = await db.StaffMembers.AsNoTracking().Include(x => x.OrgUnit).Include(x => x.Agency).FirstOrDefaultAsync(x => x.Id == id, ct)
            ?? throw new NotFoundException();
        if (!scope.CanReadUnit(m.OrgUnitId)) throw audit.Denied(Audited, id, new NotFoundException());
        audit.RecordRead(Audited, id);
        return new StaffMemberDto(m.Id, m.OrgUnitId, m.OrgUnit!.Name, m.AgencyId, m.Agency?.Name, LevelOf(m.OrgUnit.Level), m.FullName, m.JobTitle,
            m.Phone, m.FromDate, m.ToDate, m.Version, TrainingService.CanEditIn(scope, m.OrgUnitId));
    }

    public async Task<StaffMember> Create(UserScope scope, StaffMemberInput input, CancellationToken ct = default)
    {
        if (!TrainingService.CanEdit(scope)) throw new ForbiddenException();
        await Validate(scope, input, ct);
        var m = new StaffMember();
        Fill(m, input);
        db.StaffMembers.Add(m);
        await db.SaveChangesAsync(ct);
        return m;
    }

    public async Task<StaffMember> Update(UserScope scope, int id, StaffMemberInput input, CancellationToken ct = default)
    {
        var m = await Load(scope, id, ct);
        await Validate(scope, input, ct);
        db.Expect(m, input.Version);
        Fill(m, input);
        await db.SaveVersioned(ct);
        return m;
    }

    /// <summary>A person linked to a course attended it: their record stays (end their time on the roster instead).</summary>
    public async Task Delete(UserScope scope, int id, int version, CancellationToken ct = default)
    {
        var m = await Load(scope, id, ct);
        db.Expect(m, version);
        if (await db.TrainingParticipants.AnyAsync(p => p.StaffMemberId == id, ct))
            throw ValidationException.One("id", "Cán bộ này đã tham dự khóa tập huấn nên không xóa được; hãy ghi ngày rời danh sách.");
        db.StaffMembers.Remove(m);
        await db.SaveVersioned(ct);
    }

    async Task<StaffMember> Load(UserScope scope, int id, CancellationToken ct)
    {
        var m = await db.StaffMembers.FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException();
        if (!scope.CanReadUnit(m.OrgUnitId)) throw audit.Denied(Audited, id, new NotFoundException());
        if (!TrainingService.CanEditIn(scope, m.OrgUnitId)) throw audit.Denied(Audited, id, new ForbiddenException());
        return m;
    }

    static void Fill(StaffMember m, StaffMemberInput input)
    {
        m.OrgUnitId = input.OrgUnitId!.Value;
        m.AgencyId = input.AgencyId;
        m.FullName = input.FullName!.Trim();
        m.JobTitle = input.Position!.Trim();
        m.Phone = string.IsNullOrWhiteSpace(input.Phone) ? null : input.Phone.Trim();
        m.FromDate = input.FromDate!.Value;
        m.ToDate = input.ToDate;
    }

    async Task Validate(UserScope scope, StaffMemberInput input, CancellationToken ct)
    {
        var errors = new ErrorList();
        if (string.IsNullOrWhiteSpace(input.FullName)) errors.Add("fullName", "Nhập họ và tên cán bộ.");
        else if (input.FullName.Trim().Length > 200) errors.Add("fullName", "Họ và tên dài quá 200 ký tự.");
        if (string.IsNullOrWhiteSpace(input.Position)) errors.Add("position", "Nhập chức vụ, chức danh.");
        else if (input.Position.Trim().Length > 200) errors.Add("position", "Chức vụ dài quá 200 ký tự.");
        if (!string.IsNullOrWhiteSpace(input.Phone)
            && (input.Phone.Trim().Any(ch => !char.IsAsciiDigit(ch) && ch is not (' ' or '+' or '.' or '-')) || input.Phone.Count(char.IsAsciiDigit) is < 8 or > 15))
            errors.Add("phone", "Số điện thoại gồm 8–15 chữ số (có thể có dấu +, cách, chấm, gạch).");
        if (input.FromDate is not { } from) errors.Add("fromDate", "Nhập ngày vào danh sách.");
        else if (from.Year < 2000) errors.Add("fromDate", "Ngày vào danh sách không hợp lệ.");
        if (input.ToDate is { } to && input.FromDate is { } f && to < f) errors.Add("toDate", "Ngày rời danh sách không được trước ngày vào danh sách.");
        // The record follows the person: its unit is the one they are in on their last day on the roster (today if still on it).
        var last = input.ToDate ?? Max(VietnamTime.Today(clock), input.FromDate ?? DateOnly.MinValue);
        if (input.OrgUnitId is not { } unitId) errors.Add("orgUnitId", "Chọn đơn vị.");
        else if (await tree.Find(unitId) is not { } unit || !scope.CanReadUnit(unitId)) errors.Add("orgUnitId", "Không có đơn vị hành chính này.");
        else if (unit.Level is not (OrgUnitLevel.Province or OrgUnitLevel.Commune))
            errors.Add("orgUnitId", "Danh sách cán bộ được lập cho Thành phố (cấp Thành phố) hoặc cho một xã, phường.");
        else if (!scope.CanWriteUnit(unitId)) errors.Add("orgUnitId", "Đơn vị này nằm ngoài phạm vi bạn được giao.");
        else if (!TrainingService.ValidOn(unit, last))
            errors.Add("orgUnitId", "Đơn vị này không còn tồn tại vào ngày cuối của cán bộ trong danh sách; chọn đơn vị mới sau sắp xếp.");
        if (input.AgencyId is { } ag && !await db.Agencies.AnyAsync(a => a.Id == ag, ct)) errors.Add("agencyId", "Không có cơ quan này.");
        errors.ThrowIfAny();
    }

    /// <summary>The agencies of the units the user writes for, for the form's choice (none: the unit's own staff).</summary>
    public async Task<List<(int Id, string Name)>> AgencyChoices(UserScope scope, CancellationToken ct = default) =>
        (await db.Agencies.AsNoTracking().Where(a => a.ValidTo == null).InReadableScope(db, scope, a => a.OrgUnitId)
            .OrderBy(a => a.Name).Select(a => new { a.Id, a.Name, a.OrgUnitId }).Take(MaxList).ToListAsync(ct))
        .Where(a => scope.CanWriteUnit(a.OrgUnitId)).Select(a => (a.Id, a.Name)).ToList();

    /// <summary>The people a course form may link a row to: those of units the user writes for, by initials, position and unit.</summary>
    public async Task<List<StaffChoice>> Choices(UserScope scope, CancellationToken ct = default) =>
        (await List(scope, null, null, ct)).Where(m => m.CanEdit)
        .Select(m => new StaffChoice(m.Id, $"{m.Initials} – {m.Position} – {m.OrgUnitName}", m.OrgUnitId, m.AgencyId)).ToList();

    static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    public static TrainingLevel LevelOf(OrgUnitLevel level) => level == OrgUnitLevel.Province ? TrainingLevel.City : TrainingLevel.Commune;

    /// <summary>"Nguyễn Văn An" → "N. V. A.": enough to tell people apart in a list, not a name.</summary>
    public static string Initials(string fullName) =>
        string.Join(" ", fullName.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => char.ToUpperInvariant(w[0]) + "."));
}
