using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Features.OrgUnits;
using Pcmd.Web.Security;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.Support;

public sealed partial class GroupService
{
    public const int MaxAnonymous = 1000;

    public async Task<SupportGroup> Create(UserScope scope, GroupInput input, CancellationToken ct = default)
    {
        if (!CaseAccess.IsStaff(scope)) throw new ForbiddenException("Chỉ cán bộ hỗ trợ lập nhóm đồng đẳng, nhóm tự lực.");
        var errors = new ErrorList();
        await Check(scope, input, null, errors, ct);
        if (input.ClosedOn is not null) errors.Add("closedOn", "Nhóm mới lập chưa thể kết thúc.");
        errors.ThrowIfAny();
        var g = new SupportGroup();
        Fill(g, input);
        db.SupportGroups.Add(g);
        await db.SaveChangesAsync(ct);
        return g;
    }

    /// <summary>Name, kind, facilitator, dates; a closing date closes the group (reopened by clearing it).</summary>
    public async Task<SupportGroup> Update(UserScope scope, int id, GroupInput input, CancellationToken ct = default)
    {
        var g = await Visible(scope, id, ct, tracked: true);
        var errors = new ErrorList();
        await Check(scope, input, g, errors, ct);
        errors.ThrowIfAny();
        Guard(g, input.Version);
        Fill(g, input);
        g.ClosedOn = input.ClosedOn;
        await db.SaveChangesAsync(ct);
        return g;
    }

    /// <summary>A case joins: one of the user's own cases (by its code), open, whose person agreed to being referred — the
    /// group's facilitator and the other members' workers will see that the code belongs to the group.</summary>
    public async Task<SupportGroup> AddMember(UserScope scope, int id, MemberInput input, CancellationToken ct = default)
    {
        var g = await Writable(scope, id, input.Version, ct);
        var errors = new ErrorList();
        var code = input.CaseCode?.Trim().ToUpperInvariant() ?? "";
        var c = code.Length == 0 ? null
            : await access.Visible(await access.UserId(scope, ct)).AsNoTracking().Include(x => x.Consents).FirstOrDefaultAsync(x => x.Code == code, ct);
        if (code.Length == 0) errors.Add("caseCode", "Nhập mã hồ sơ.");
        else if (c is null) errors.Add("caseCode", "Không có hồ sơ mã này trong số hồ sơ bạn phụ trách.");
        else if (c.ClosedOn is not null) errors.Add("caseCode", $"Hồ sơ {c.Code} đã đóng.");
        CheckDate(input.JoinedOn, Later(g.StartedOn, c?.OpenedOn), errors, "joinedOn", "tham gia");
        errors.ThrowIfAny();
        if (!c!.Consents.Any(k => k.Kind == ConsentKind.Referral && k.WithdrawnOn == null))
            throw new ConflictException($"Người của hồ sơ {c.Code} chưa đồng ý (hoặc đã rút đồng ý) được chuyển gửi: ghi đồng ý trước khi đưa vào nhóm.");
        if (await db.GroupMembers.AnyAsync(m => m.GroupId == id && m.CaseId == c.Id && m.LeftOn == null, ct))
            throw new ConflictException($"Hồ sơ {c.Code} đang là thành viên của nhóm.");
        db.GroupMembers.Add(new GroupMember { GroupId = id, CaseId = c.Id, JoinedOn = input.JoinedOn!.Value });
        await db.SaveChangesAsync(ct);
        return g;
    }

    public async Task<SupportGroup> Leave(UserScope scope, int id, int membershipId, LeaveInput input, CancellationToken ct = default)
    {
        var g = await Writable(scope, id, input.Version, ct);
        var me = await access.UserId(scope, ct);
        var m = await db.GroupMembers.FirstOrDefaultAsync(x => x.Id == membershipId && x.GroupId == id && access.Visible(me).Any(c => c.Id == x.CaseId), ct)
            ?? throw new NotFoundException("Không có thành viên này trong nhóm.");
        if (m.LeftOn is { } left) throw new ConflictException($"Thành viên này đã rời nhóm ngày {ViFormat.Date(left)}.");
        var errors = new ErrorList();
        CheckDate(input.On, m.JoinedOn, errors, "on", "rời nhóm");
        errors.ThrowIfAny();
        m.LeftOn = input.On;
        await db.SaveChangesAsync(ct);
        return g;
    }

    /// <summary>A meeting with the members present (codes of the user's own cases that were members that day) and a count of
    /// people who came without giving anything.</summary>
    public async Task<SupportGroup> AddMeeting(UserScope scope, int id, MeetingInput input, CancellationToken ct = default)
    {
        var g = await Writable(scope, id, input.Version, ct);
        var errors = new ErrorList();
        CheckDate(input.Date, g.StartedOn, errors, "date", "sinh hoạt");
        var topic = input.Topic?.Trim() ?? "";
        if (topic.Length == 0) errors.Add("topic", "Nhập chủ đề buổi sinh hoạt.");
        else if (topic.Length > 300) errors.Add("topic", "Chủ đề dài quá 300 ký tự.");
        else if (SafeText.Problem(topic, multiLine: false) is { } problem) errors.Add("topic", problem);
        if (input.AnonymousAttendees is { } n && (n < 0 || n > MaxAnonymous)) errors.Add("anonymousAttendees", $"Số người không nêu danh tính từ 0 đến {MaxAnonymous}.");
        await CheckCommune(scope, input.OrgUnitId, "orgUnitId", "Chọn xã, phường nơi sinh hoạt.", errors);
        var codes = (input.AttendeeCodes ?? []).Select(c => c?.Trim().ToUpperInvariant() ?? "").ToList();
        var present = new List<int>();
        if (codes.Count > 0 && input.Date is { } day)
        {
            var mine = access.Visible(await access.UserId(scope, ct)).Select(c => c.Id);
            var members = await Consented(db.GroupMembers.AsNoTracking().Where(m => m.GroupId == id && m.JoinedOn <= day && (m.LeftOn == null || m.LeftOn >= day)
                    && mine.Contains(m.CaseId)))
                .Join(db.SupportCases, m => m.CaseId, c => c.Id, (m, c) => new { c.Id, c.Code }).ToListAsync(ct);
            for (var i = 0; i < codes.Count; i++)
                if (members.FirstOrDefault(m => m.Code == codes[i]) is not { } found) errors.Add($"attendeeCodes[{i}]", "Mã này không phải thành viên của nhóm vào ngày sinh hoạt.");
                else if (present.Contains(found.Id)) errors.Add($"attendeeCodes[{i}]", "Mã này đã có trong danh sách.");
                else present.Add(found.Id);
        }
        errors.ThrowIfAny();
        db.GroupMeetings.Add(new GroupMeeting
        {
            GroupId = id, Date = input.Date!.Value, OrgUnitId = input.OrgUnitId!.Value, Topic = topic, AnonymousAttendees = input.AnonymousAttendees ?? 0,
            Attendees = present.Select(c => new MeetingAttendee { CaseId = c }).ToList(),
        });
        await db.SaveChangesAsync(ct);
        return g;
    }

    async Task Check(UserScope scope, GroupInput input, SupportGroup? existing, ErrorList errors, CancellationToken ct)
    {
        var name = input.Name?.Trim() ?? "";
        if (name.Length == 0) errors.Add("name", "Nhập tên nhóm.");
        else if (name.Length > 200) errors.Add("name", "Tên nhóm dài quá 200 ký tự.");
        else if (SafeText.Problem(name, multiLine: false) is { } problem) errors.Add("name", problem);
        if (input.Kind is not { } kind || !Enum.IsDefined(kind)) errors.Add("kind", "Chọn loại nhóm: nhóm đồng đẳng, nhóm tự lực, câu lạc bộ.");
        await CheckCommune(scope, input.OrgUnitId, "orgUnitId", "Chọn xã, phường của nhóm.", errors);
        if (existing is not null && input.OrgUnitId is { } u && u != existing.OrgUnitId && await db.GroupMeetings.AnyAsync(m => m.GroupId == existing.Id, ct))
            errors.Add("orgUnitId", "Nhóm đã có buổi sinh hoạt: không đổi được đơn vị.");
        CheckDate(input.StartedOn, Today().AddYears(-30), errors, "startedOn", "thành lập", "ba mươi năm trước");
        if (input.ClosedOn is { } closed && input.StartedOn is { } started && closed < started) errors.Add("closedOn", "Ngày kết thúc không được trước ngày thành lập.");
        else if (input.ClosedOn > Today()) errors.Add("closedOn", "Ngày kết thúc không được ở tương lai.");
        if (input.FacilitatorAgencyId is { } a && !await db.Agencies.AnyAsync(x => x.Id == a && x.ValidTo == null, ct))
            errors.Add("facilitatorAgencyId", "Không có cơ quan, tổ chức này.");
    }

    async Task CheckCommune(UserScope scope, int? unitId, string field, string missing, ErrorList errors)
    {
        if (unitId is not { } id) errors.Add(field, missing);
        else if (await tree.Find(id) is not { } unit || !scope.CanWriteUnit(id)) errors.Add(field, "Đơn vị này nằm ngoài phạm vi bạn được giao.");
        else if (unit.Level is not (OrgUnitLevel.Commune or OrgUnitLevel.District)) errors.Add(field, "Chọn một xã, phường.");
    }

    void CheckDate(DateOnly? date, DateOnly notBefore, ErrorList errors, string field, string what, string? since = null)
    {
        if (date is not { } d) errors.Add(field, $"Nhập ngày {what}.");
        else if (d > Today()) errors.Add(field, $"Ngày {what} không được ở tương lai.");
        else if (d < notBefore) errors.Add(field, $"Ngày {what} không được trước {since ?? ViFormat.Date(notBefore)}.");
    }

    static DateOnly Later(DateOnly a, DateOnly? b) => b is { } x && x > a ? x : a;

    static void Fill(SupportGroup g, GroupInput i) =>
        (g.Name, g.Kind, g.OrgUnitId, g.StartedOn, g.FacilitatorAgencyId) = (i.Name!.Trim(), i.Kind!.Value, i.OrgUnitId!.Value, i.StartedOn!.Value, i.FacilitatorAgencyId);

    /// <summary>The group, tracked and active, at the version the user read; its row is always written so that two workers
    /// adding members at once cannot both pass.</summary>
    async Task<SupportGroup> Writable(UserScope scope, int id, int version, CancellationToken ct)
    {
        var g = await Visible(scope, id, ct, tracked: true);
        if (g.ClosedOn is { } closed) throw new ConflictException($"Nhóm đã kết thúc ngày {ViFormat.Date(closed)}: không thể thay đổi.");
        Guard(g, version);
        return g;
    }

    void Guard(SupportGroup g, int version)
    {
        if (g.Version != version) throw new ConflictException();
        db.Entry(g).Property(x => x.Version).OriginalValue = version;
        db.Entry(g).State = EntityState.Modified;
    }
}
