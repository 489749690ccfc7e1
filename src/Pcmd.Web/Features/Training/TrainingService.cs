using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Audit;
using Pcmd.Web.Features.OrgUnits;
using Pcmd.Web.Features.Users;
using Pcmd.Web.Security;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.Training;

/// <summary>Training courses and their participants within the user's scope (the course's unit decides who reads and writes
/// it: the city's courses are the coordinator's, a commune's its own). The staff roster is in StaffRosterService.</summary>
public sealed class TrainingService(PcmdDbContext db, OrgUnitTree tree, TimeProvider clock, AuditTrail audit)
{
    public const int MaxPageSize = 200;
    public const int MaxParticipantRows = 300;
    public const int MaxPeople = 100_000;

    /// <summary>Who records training and the roster: the coordinator, a commune's officers, an agency's reporter, administrators.</summary>
    public static bool CanEdit(UserScope s) =>
        Roles.RecordsActivities(s);

    public static bool CanEditIn(UserScope s, int unitId) => CanEdit(s) && s.CanWriteUnit(unitId);

    public async Task<TrainingCoursePage> List(UserScope scope, TrainingFilter f, CancellationToken ct = default)
    {
        var q = db.TrainingCourses.AsNoTracking().InReadableScope(db, scope, c => c.OrgUnitId);
        if (f.OrgUnitId is { } unit)
        {
            await tree.EnsureReadable(scope, unit);
            // A commune's courses, and the courses its people attended.
            var area = db.AreaOf(unit);
            q = q.Where(c => area.Contains(c.OrgUnitId) || c.Participants.Any(p => area.Contains(p.OrgUnitId)));
        }
        if (f.From is { } from) q = q.Where(c => c.EndDate >= from);
        if (f.To is { } to) q = q.Where(c => c.EndDate <= to);
        if (f.Level is { } level) q = q.Where(c => c.Level == level);
        var size = Math.Clamp(f.PageSize, 1, MaxPageSize);
        var total = await q.CountAsync(ct);
        var page = Math.Clamp(f.Page, 1, Math.Max(1, (total + size - 1) / size));
        var rows = await q.OrderByDescending(c => c.EndDate).ThenByDescending(c => c.Id).Skip((page - 1) * size).Take(size)
            .Include(c => c.OrgUnit).Include(c => c.Participants).AsSplitQuery().ToListAsync(ct);
        var names = await Names(rows.SelectMany(c => c.Participants), ct);
        return new TrainingCoursePage(total, page, size, rows.Select(c => ToDto(scope, c, names)).ToList());
    }

    public async Task<TrainingCourseDto> Get(UserScope scope, int id, CancellationToken ct = default)
    {
        var c = await db.TrainingCourses.AsNoTracking().Include(x => x.OrgUnit).Include(x => x.Participants).FirstOrDefaultAsync(x => x.Id == id, ct)
            ?? throw new NotFoundException();
        if (!scope.CanReadUnit(c.OrgUnitId)) throw audit.Denied(nameof(TrainingCourse), id, new NotFoundException());
        return ToDto(scope, c, await Names(c.Participants, ct));
    }

    public async Task<TrainingCourse> Create(UserScope scope, TrainingCourseInput input, CancellationToken ct = default)
    {
        if (!CanEdit(scope)) throw new ForbiddenException();
        await Validate(scope, input, ct);
        var c = new TrainingCourse();
        Fill(c, input);
        db.TrainingCourses.Add(c);
        await db.SaveChangesAsync(ct);
        return c;
    }

    public async Task<TrainingCourse> Update(UserScope scope, int id, TrainingCourseInput input, CancellationToken ct = default)
    {
        var c = await Load(scope, id, ct);
        await Validate(scope, input, ct);
        db.Expect(c, input.Version);
        db.RemoveRange(c.Participants);
        c.Participants.Clear();
        Fill(c, input);
        await db.SaveVersioned(ct);
        return c;
    }

    public async Task Delete(UserScope scope, int id, int version, CancellationToken ct = default)
    {
        var c = await Load(scope, id, ct);
        db.Expect(c, version);
        db.TrainingCourses.Remove(c);
        await db.SaveVersioned(ct);
    }

    async Task<TrainingCourse> Load(UserScope scope, int id, CancellationToken ct)
    {
        var c = await db.TrainingCourses.Include(x => x.Participants).FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException();
        if (!scope.CanReadUnit(c.OrgUnitId)) throw audit.Denied(nameof(TrainingCourse), id, new NotFoundException());
        if (!CanEditIn(scope, c.OrgUnitId)) throw audit.Denied(nameof(TrainingCourse), id, new ForbiddenException());
        return c;
    }

    static void Fill(TrainingCourse c, TrainingCourseInput input)
    {
        c.Title = input.Title!.Trim();
        c.Level = input.Level!.Value;
        c.StartDate = input.StartDate!.Value;
        c.EndDate = input.EndDate!.Value;
        c.OrgUnitId = input.OrgUnitId!.Value;
        c.Organiser = input.Organiser!.Trim();
        c.Hours = input.Hours!.Value;
        c.Note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim();
        c.Participants.AddRange((input.Participants ?? []).Select(p => new TrainingParticipant
        {
            OrgUnitId = p.OrgUnitId!.Value, AgencyId = p.AgencyId, Role = p.Role!.Trim(), Count = p.Count!.Value, AlreadyTrained = p.AlreadyTrained ?? 0,
            StaffMemberId = p.StaffMemberId,
        }));
    }

    async Task Validate(UserScope scope, TrainingCourseInput input, CancellationToken ct)
    {
        var errors = new ErrorList();
        var today = VietnamTime.Today(clock);
        if (string.IsNullOrWhiteSpace(input.Title)) errors.Add("title", "Nhập tên khóa tập huấn.");
        else if (input.Title.Trim().Length > 300) errors.Add("title", "Tên khóa tập huấn dài quá 300 ký tự.");
        if (input.Level is not { } level || !Enum.IsDefined(level)) errors.Add("level", "Chọn cấp tập huấn: cấp Thành phố hoặc cấp xã, phường.");
        if (string.IsNullOrWhiteSpace(input.Organiser)) errors.Add("organiser", "Nhập đơn vị tổ chức.");
        else if (input.Organiser.Trim().Length > 300) errors.Add("organiser", "Tên đơn vị tổ chức dài quá 300 ký tự.");
        if (input.Note?.Trim().Length > 2000) errors.Add("note", "Ghi chú dài quá 2.000 ký tự.");
        if (input.Hours is not { } hours) errors.Add("hours", "Nhập số giờ tập huấn.");
        else if (hours <= 0 || hours > 1000 || decimal.Round(hours, 1) != hours) errors.Add("hours", "Số giờ tập huấn phải lớn hơn 0, không quá 1.000 và lẻ đến 0,1 giờ.");
        if (input.StartDate is not { } start) errors.Add("startDate", "Nhập ngày bắt đầu.");
        else if (start.Year < 2000) errors.Add("startDate", "Ngày bắt đầu không hợp lệ.");
        if (input.EndDate is not { } end) errors.Add("endDate", "Nhập ngày kết thúc.");
        else if (end > today) errors.Add("endDate", "Chỉ ghi khóa tập huấn đã kết thúc: ngày kết thúc không được sau hôm nay.");
        else if (input.StartDate is { } s && end < s) errors.Add("endDate", "Ngày kết thúc không được trước ngày bắt đầu.");

        OrgUnitTree.Node? unit = null;
        if (input.OrgUnitId is not { } unitId) errors.Add("orgUnitId", "Chọn đơn vị tổ chức khóa tập huấn.");
        else if ((unit = await tree.Find(unitId)) is null || !scope.CanReadUnit(unitId)) errors.Add("orgUnitId", "Không có đơn vị hành chính này.");
        else if (unit.Level is not (OrgUnitLevel.Province or OrgUnitLevel.District or OrgUnitLevel.Commune))
            errors.Add("orgUnitId", "Khóa tập huấn thuộc Thành phố hoặc một xã, phường.");
        else if (!scope.CanWriteUnit(unitId)) errors.Add("orgUnitId", "Đơn vị này nằm ngoài phạm vi bạn được giao.");

        var participants = input.Participants ?? [];
        if (participants.Count > MaxParticipantRows) errors.Add("participants", $"Nhiều nhất {MaxParticipantRows} dòng người tham dự.");
        var area = unit is null ? [] : await tree.Area(unit.Id);
        var agencyIds = participants.Select(p => p.AgencyId).OfType<int>().Distinct().ToList();
        var agencies = await db.Agencies.AsNoTracking().Where(a => agencyIds.Contains(a.Id)).Select(a => a.Id).ToListAsync(ct);
        for (var i = 0; i < participants.Count && i < MaxParticipantRows; i++)
        {
            var p = participants[i];
            var at = $"participants[{i}].";
            if (p.OrgUnitId is not { } pu) errors.Add(at + "orgUnitId", "Chọn đơn vị của người tham dự.");
            else if (await tree.Find(pu) is not { } node || !scope.CanReadUnit(pu)) errors.Add(at + "orgUnitId", "Không có đơn vị hành chính này.");
            else if (unit is not null && !area.Contains(pu))
                errors.Add(at + "orgUnitId", "Người tham dự phải thuộc địa bàn của đơn vị tổ chức.");
            else if (input.EndDate is { } e && !ValidOn(node, e))
                errors.Add(at + "orgUnitId", "Đơn vị này không tồn tại vào ngày kết thúc khóa tập huấn.");
            if (p.AgencyId is { } ag && !agencies.Contains(ag)) errors.Add(at + "agencyId", "Không có cơ quan này.");
            if (string.IsNullOrWhiteSpace(p.Role)) errors.Add(at + "role", "Nhập chức danh, vai trò của người tham dự.");
            else if (p.Role.Trim().Length > 200) errors.Add(at + "role", "Chức danh dài quá 200 ký tự.");
            if (p.Count is not { } n) errors.Add(at + "count", "Nhập số người tham dự.");
            else if (n < 0) errors.Add(at + "count", "Số người tham dự không được âm.");
            else if (n > MaxPeople) errors.Add(at + "count", "Số người tham dự quá lớn.");
            if (p.AlreadyTrained is < 0) errors.Add(at + "alreadyTrained", "Số người đã được tập huấn trước đó không được âm.");
            else if (p.AlreadyTrained > p.Count) errors.Add(at + "alreadyTrained", "Số người đã được tập huấn trước đó không được lớn hơn số người tham dự.");
        }
        await StaffMemberRows.Check(db, tree, scope, participants.Take(MaxParticipantRows).ToList(), errors, ct);
        errors.ThrowIfAny();
    }

    internal static bool ValidOn(OrgUnitTree.Node n, DateOnly d) => (n.ValidFrom is null || n.ValidFrom <= d) && (n.ValidTo is null || d <= n.ValidTo);

    async Task<Dictionary<(char, int), string>> Names(IEnumerable<TrainingParticipant> participants, CancellationToken ct)
    {
        var list = participants.ToList();
        var names = new Dictionary<(char, int), string>();
        foreach (var u in list.Select(p => p.OrgUnitId).Distinct())
            if (await tree.Find(u) is { } n) names[('u', u)] = n.Name;
        var agencyIds = list.Select(p => p.AgencyId).OfType<int>().Distinct().ToList();
        foreach (var a in await db.Agencies.AsNoTracking().Where(a => agencyIds.Contains(a.Id)).Select(a => new { a.Id, a.Name }).ToListAsync(ct))
            names[('a', a.Id)] = a.Name;
        return names;
    }

    static TrainingCourseDto ToDto(UserScope scope, TrainingCourse c, Dictionary<(char, int), string> names) => new(c.Id, c.Title, c.Level,
        c.StartDate, c.EndDate, c.OrgUnitId, c.OrgUnit?.Name ?? "", c.Organiser, c.Hours, c.Note, c.Participants.Sum(p => p.Count),
        c.Participants.OrderBy(p => p.Id).Select(p => new ParticipantDto(p.OrgUnitId, names.GetValueOrDefault(('u', p.OrgUnitId)) ?? "",
            p.AgencyId, p.AgencyId is { } a ? names.GetValueOrDefault(('a', a)) : null, p.Role, p.Count, p.AlreadyTrained, p.StaffMemberId)).ToList(),
        c.Version, CanEditIn(scope, c.OrgUnitId));
}
