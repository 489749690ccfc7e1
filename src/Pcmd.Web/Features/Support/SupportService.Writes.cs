using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Features.OrgUnits;
using Pcmd.Web.Features.Users;
using Pcmd.Web.Security;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.Support;

public sealed partial class SupportService
{
    /// <summary>No 0/O or 1/I/L: a code is read aloud on the phone.</summary>
    const string CodeAlphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    /// <summary>Opens a case under a new pseudonymous code (no name needed). The identifying fields are kept only with consent to
    /// being recorded, given in the same request or later.</summary>
    public async Task<SupportCase> Open(UserScope scope, OpenCaseInput input, CancellationToken ct = default)
    {
        if (!CaseAccess.IsStaff(scope)) throw new ForbiddenException("Chỉ cán bộ hỗ trợ, quản lý trường hợp mới mở được hồ sơ.");
        var me = await access.UserId(scope, ct) ?? throw new ForbiddenException();
        var errors = new ErrorList();
        if (input.TargetGroup is not { } group || !Enum.IsDefined(group)) errors.Add("targetGroup", "Chọn nhóm đối tượng.");
        var today = Today();
        if (input.OpenedOn is not { } opened) errors.Add("openedOn", "Nhập ngày mở hồ sơ.");
        else if (opened > today) errors.Add("openedOn", "Ngày mở hồ sơ không được ở tương lai.");
        else if (opened < today.AddYears(-30)) errors.Add("openedOn", "Ngày mở hồ sơ quá xa trong quá khứ.");
        OrgUnitTree.Node? unit = null;
        if (input.OrgUnitId is not { } unitId) errors.Add("orgUnitId", "Chọn xã, phường của hồ sơ.");
        else if ((unit = await tree.Find(unitId)) is null || !scope.CanWriteUnit(unitId)) errors.Add("orgUnitId", "Đơn vị này nằm ngoài phạm vi bạn được giao.");
        else if (unit.Level is not (OrgUnitLevel.Commune or OrgUnitLevel.District)) errors.Add("orgUnitId", "Hồ sơ thuộc một xã, phường.");
        string? supervisor = null;
        if (unit is not null)
        {
            var covering = await access.StaffCovering(unit.Id, Roles.CaseSupervisor).Select(u => u.Id).ToListAsync(ct);
            if (input.SupervisorId is { Length: > 0 } chosen)
            {
                if (covering.Contains(chosen)) supervisor = chosen;
                else errors.Add("supervisorId", "Người này không phải người giám sát hỗ trợ của đơn vị.");
            }
            else if (scope.IsInRole(Roles.CaseSupervisor) && covering.Contains(me)) supervisor = me;
            else if (covering.Count == 1) supervisor = covering[0];
            else errors.Add("supervisorId", covering.Count == 0
                ? "Đơn vị chưa có người giám sát hỗ trợ: đề nghị quản trị hệ thống tạo tài khoản giám sát trước khi mở hồ sơ."
                : "Chọn người giám sát của hồ sơ.");
        }
        if (input.RecordedConsent is { } rc)
        {
            if (rc.Kind is not null && rc.Kind != ConsentKind.Recorded) errors.Add("recordedConsent.kind", "Ở đây chỉ ghi đồng ý được ghi thông tin.");
            CheckConsent(rc with { Kind = ConsentKind.Recorded }, input.OpenedOn ?? today, errors, "recordedConsent.");
        }
        if (input.Identity is { } identity)
        {
            if (input.RecordedConsent is null && !IdentityEmpty(identity))
                errors.Add("identity", "Người này chưa đồng ý được ghi thông tin: không lưu họ tên, năm sinh, điện thoại, nơi ở.");
            CheckIdentity(identity, errors, "identity.");
        }
        errors.ThrowIfAny();

        var c = new SupportCase
        {
            Code = await NewCode(ct), OrgUnitId = unit!.Id, TargetGroup = input.TargetGroup!.Value, OpenedOn = input.OpenedOn!.Value,
            SupervisorId = supervisor!,
        };
        if (scope.IsInRole(Roles.CaseWorker)) c.Workers.Add(new CaseWorkerAssignment { UserId = me });
        if (input.RecordedConsent is { } consent)
        {
            c.Consents.Add(NewConsent(consent with { Kind = ConsentKind.Recorded }));
            if (input.Identity is { } id) Fill(c, id);
        }
        db.SupportCases.Add(c);
        await db.SaveChangesAsync(ct);
        return c;
    }

    public async Task<SupportCase> Update(UserScope scope, int id, CaseInput input, CancellationToken ct = default)
    {
        var c = await Writable(scope, id, input.Version, ct);
        if (input.TargetGroup is not { } group || !Enum.IsDefined(group)) throw ValidationException.One("targetGroup", "Chọn nhóm đối tượng.");
        c.TargetGroup = group;
        await db.SaveChangesAsync(ct);
        return c;
    }

    /// <summary>Records the identifying fields. Refused (409) without a standing consent to being recorded.</summary>
    public async Task<SupportCase> SetIdentity(UserScope scope, int id, IdentityInput input, CancellationToken ct = default)
    {
        var c = await Writable(scope, id, input.Version, ct, withConsents: true);
        if (!HasActive(c, ConsentKind.Recorded))
            throw new ConflictException("Người này chưa đồng ý (hoặc đã rút đồng ý) được ghi thông tin nhận dạng: ghi đồng ý trước khi nhập họ tên, năm sinh, điện thoại, nơi ở.");
        var errors = new ErrorList();
        CheckIdentity(input, errors, "");
        errors.ThrowIfAny();
        Fill(c, input);
        await db.SaveChangesAsync(ct);
        return c;
    }

    /// <summary>The supervisor hands the case to other workers (or takes it over) and may pass the supervision on.</summary>
    public async Task<SupportCase> Assign(UserScope scope, int id, AssignInput input, CancellationToken ct = default)
    {
        var c = await Cases().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException();
        var role = CaseAccess.RoleOf(await access.UserId(scope, ct), c);
        if (role == CaseRole.None) throw audit.Denied(Audited, id, new NotFoundException());
        if (role != CaseRole.Supervisor) throw new ForbiddenException("Chỉ người giám sát của hồ sơ được phân công lại.");
        CheckOpen(c);
        var workers = (input.WorkerIds ?? []).Where(w => !string.IsNullOrWhiteSpace(w)).Distinct().ToList();
        var errors = new ErrorList();
        var allowed = await access.StaffCovering(c.OrgUnitId, Roles.CaseWorker).Select(u => u.Id)
            .Concat(access.StaffCovering(c.OrgUnitId, Roles.CaseSupervisor).Select(u => u.Id)).ToListAsync(ct);
        foreach (var (w, i) in workers.Select((w, i) => (w, i)))
            if (!allowed.Contains(w)) errors.Add($"workerIds[{i}]", "Người này không phải cán bộ hỗ trợ của đơn vị.");
        var supervisor = string.IsNullOrWhiteSpace(input.SupervisorId) ? c.SupervisorId : input.SupervisorId;
        if (supervisor != c.SupervisorId && !await access.StaffCovering(c.OrgUnitId, Roles.CaseSupervisor).AnyAsync(u => u.Id == supervisor, ct))
            errors.Add("supervisorId", "Người này không phải người giám sát hỗ trợ của đơn vị.");
        errors.ThrowIfAny();
        Guard(c, input.Version);
        c.Workers.RemoveAll(w => !workers.Contains(w.UserId));
        foreach (var w in workers.Where(w => c.Workers.All(x => x.UserId != w))) c.Workers.Add(new CaseWorkerAssignment { UserId = w });
        c.SupervisorId = supervisor!;
        await db.SaveChangesAsync(ct);
        return c;
    }

    public async Task<SupportCase> AddConsent(UserScope scope, int id, ConsentInput input, CancellationToken ct = default)
    {
        var c = await Writable(scope, id, input.Version, ct, withConsents: true);
        var errors = new ErrorList();
        CheckConsent(input, c.OpenedOn, errors, "");
        errors.ThrowIfAny();
        if (c.Consents.Any(x => x.Kind == input.Kind && x.ProviderId == input.ProviderId && x.WithdrawnOn == null))
            throw new ConflictException("Hồ sơ đã có đồng ý này và chưa rút.");
        c.Consents.Add(NewConsent(input));
        await db.SaveChangesAsync(ct);
        return c;
    }

    /// <summary>Withdrawal: what the consent covered is no longer shown or shared. Withdrawing the consent to being recorded
    /// erases the identifying fields in the same save (nothing to show, nothing to leak).</summary>
    public async Task<SupportCase> WithdrawConsent(UserScope scope, int id, int consentId, WithdrawInput input, CancellationToken ct = default)
    {
        var c = await Writable(scope, id, input.Version, ct, withConsents: true);
        var consent = c.Consents.FirstOrDefault(x => x.Id == consentId) ?? throw new NotFoundException("Không có đồng ý này trong hồ sơ.");
        if (consent.WithdrawnOn is { } w) throw new ConflictException($"Đồng ý này đã được rút ngày {ViFormat.Date(w)}.");
        var errors = new ErrorList();
        CheckDate(input.On, consent.GivenOn, errors, "on", "rút đồng ý", "ngày đồng ý");
        errors.ThrowIfAny();
        consent.WithdrawnOn = input.On;
        if (consent.Kind == ConsentKind.Recorded && !c.Consents.Any(x => x.Kind == ConsentKind.Recorded && x.WithdrawnOn == null))
            (c.Name, c.BirthYear, c.Phone, c.Residence) = ((string?)null, (string?)null, (string?)null, (string?)null);
        await db.SaveChangesAsync(ct);
        return c;
    }

    /// <summary>A screening against the checklist: the needs found (each with eligibility) replace those of the last screening.</summary>
    public async Task<SupportCase> Screen(UserScope scope, int id, ScreeningInput input, CancellationToken ct = default)
    {
        var c = await Writable(scope, id, input.Version, ct, withNeeds: true);
        var errors = new ErrorList();
        CheckDate(input.ScreenedOn, c.OpenedOn, errors, "screenedOn", "sàng lọc", "ngày mở hồ sơ");
        var marks = input.Needs ?? [];
        var kinds = await db.NeedKinds.AsNoTracking().Where(k => k.Active).Select(k => k.Id).ToListAsync(ct);
        for (var i = 0; i < marks.Count; i++)
        {
            if (!kinds.Contains(marks[i].NeedKindId)) errors.Add($"needs[{i}].needKindId", "Không có loại nhu cầu này trong danh mục.");
            else if (marks.Take(i).Any(m => m.NeedKindId == marks[i].NeedKindId)) errors.Add($"needs[{i}].needKindId", "Nhu cầu này đã có trong danh sách.");
        }
        errors.ThrowIfAny();
        c.Needs.RemoveAll(n => marks.All(m => m.NeedKindId != n.NeedKindId));
        foreach (var m in marks)
        {
            var need = c.Needs.FirstOrDefault(n => n.NeedKindId == m.NeedKindId);
            if (need is null) c.Needs.Add(need = new CaseNeed { NeedKindId = m.NeedKindId });
            need.ScreenedOn = input.ScreenedOn!.Value;
            need.Eligible = m.Eligible;
        }
        await db.SaveChangesAsync(ct);
        return c;
    }

    public async Task<SupportCase> AddNote(UserScope scope, int id, NoteInput input, CancellationToken ct = default)
    {
        var c = await Writable(scope, id, input.Version, ct);
        var errors = new ErrorList();
        if (input.Kind is not { } kind || !Enum.IsDefined(kind)) errors.Add("kind", "Chọn loại ghi chép: mục tiêu, ghi chú hoặc đánh giá.");
        CheckDate(input.Date, c.OpenedOn, errors, "date", "ghi chép", "ngày mở hồ sơ");
        if (string.IsNullOrWhiteSpace(input.Text)) errors.Add("text", "Nhập nội dung.");
        else if (input.Text.Trim().Length > SupportConfiguration.NoteLength) errors.Add("text", "Nội dung dài quá 2.000 ký tự.");
        errors.ThrowIfAny();
        db.CaseNotes.Add(new CaseNote { CaseId = c.Id, Kind = input.Kind!.Value, Date = input.Date!.Value, Text = input.Text!.Trim(), Author = scope.UserName ?? "" });
        await db.SaveChangesAsync(ct);
        return c;
    }

    public async Task<SupportCase> Close(UserScope scope, int id, CloseInput input, CancellationToken ct = default)
    {
        var c = await Writable(scope, id, input.Version, ct);
        var errors = new ErrorList();
        CheckDate(input.On, c.OpenedOn, errors, "on", "đóng hồ sơ", "ngày mở hồ sơ");
        if (input.Reason is not { } reason || !Enum.IsDefined(reason)) errors.Add("reason", "Chọn lý do đóng hồ sơ.");
        errors.ThrowIfAny();
        c.ClosedOn = input.On;
        c.ClosureReason = input.Reason;
        await db.SaveChangesAsync(ct);
        return c;
    }

    /// <summary>The case, tracked, for a change by one of its workers or its supervisor: open, and at the version the user read.
    /// The case row is always written, so two workers saving at once cannot both pass.</summary>
    async Task<SupportCase> Writable(UserScope scope, int id, int version, CancellationToken ct, bool withConsents = false, bool withNeeds = false)
    {
        var q = Cases();
        if (withConsents) q = q.Include(c => c.Consents);
        if (withNeeds) q = q.Include(c => c.Needs);
        var c = await q.FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException();
        if (CaseAccess.RoleOf(await access.UserId(scope, ct), c) == CaseRole.None) throw audit.Denied(Audited, id, new NotFoundException());
        CheckOpen(c);
        Guard(c, version);
        return c;
    }

    static void CheckOpen(SupportCase c)
    {
        if (c.ClosedOn is { } closed) throw new ConflictException($"Hồ sơ {c.Code} đã đóng ngày {ViFormat.Date(closed)}: không thể thay đổi.");
    }

    void Guard(SupportCase c, int version)
    {
        if (c.Version != version) throw new ConflictException();
        db.Entry(c).Property(x => x.Version).OriginalValue = version;
        db.Entry(c).State = EntityState.Modified;
    }

    async Task<string> NewCode(CancellationToken ct)
    {
        while (true)
        {
            var code = "HT-" + RandomNumberGenerator.GetString(CodeAlphabet, 6);
            if (!await db.SupportCases.AnyAsync(c => c.Code == code, ct)) return code;
        }
    }

    void CheckDate(DateOnly? date, DateOnly notBefore, ErrorList errors, string field, string what, string since)
    {
        if (date is not { } d) errors.Add(field, $"Nhập ngày {what}.");
        else if (d > Today()) errors.Add(field, $"Ngày {what} không được ở tương lai.");
        else if (d < notBefore) errors.Add(field, $"Ngày {what} không được trước {since} ({ViFormat.Date(notBefore)}).");
    }

    void CheckConsent(ConsentInput input, DateOnly openedOn, ErrorList errors, string prefix)
    {
        if (input.Kind is not { } kind || !Enum.IsDefined(kind)) errors.Add(prefix + "kind", "Chọn nội dung đồng ý: được ghi thông tin, được chuyển gửi, chia sẻ với một nơi cung cấp dịch vụ.");
        else if (kind == ConsentKind.ShareWithProvider && input.ProviderId is null) errors.Add(prefix + "providerId", "Chọn nơi cung cấp dịch vụ được chia sẻ.");
        else if (kind != ConsentKind.ShareWithProvider && input.ProviderId is not null) errors.Add(prefix + "providerId", "Chỉ đồng ý chia sẻ mới nêu nơi cung cấp dịch vụ.");
        else if (input.ProviderId is { } p && !db.SupportServices.Any(s => s.Id == p && s.Active)) errors.Add(prefix + "providerId", "Không có nơi cung cấp dịch vụ này trong danh bạ.");
        if (input.Method is not { } m || !Enum.IsDefined(m)) errors.Add(prefix + "method", "Chọn cách ghi nhận đồng ý: bằng lời, bằng văn bản, điện tử.");
        CheckDate(input.GivenOn, openedOn, errors, prefix + "givenOn", "đồng ý", "ngày mở hồ sơ");
    }

    static Consent NewConsent(ConsentInput i) => new() { Kind = i.Kind!.Value, ProviderId = i.ProviderId, GivenOn = i.GivenOn!.Value, Method = i.Method!.Value };

    static bool IdentityEmpty(IdentityInput i) =>
        string.IsNullOrWhiteSpace(i.Name) && string.IsNullOrWhiteSpace(i.BirthYear) && string.IsNullOrWhiteSpace(i.Phone) && string.IsNullOrWhiteSpace(i.Residence);

    void CheckIdentity(IdentityInput i, ErrorList errors, string prefix)
    {
        if (i.Name?.Trim().Length > 200) errors.Add(prefix + "name", "Họ tên hoặc tên gọi dài quá 200 ký tự.");
        if (i.Residence?.Trim().Length > 300) errors.Add(prefix + "residence", "Nơi ở dài quá 300 ký tự.");
        if (!string.IsNullOrWhiteSpace(i.BirthYear)
            && !(int.TryParse(i.BirthYear.Trim(), out var y) && i.BirthYear.Trim().Length == 4 && y >= 1920 && y <= Today().Year - 10))
            errors.Add(prefix + "birthYear", $"Năm sinh là 4 chữ số, từ 1920 đến {Today().Year - 10}.");
        if (!string.IsNullOrWhiteSpace(i.Phone))
        {
            var digits = i.Phone.Count(char.IsAsciiDigit);
            if (i.Phone.Trim().Any(ch => !char.IsAsciiDigit(ch) && ch is not (' ' or '+' or '.' or '-')) || digits is < 8 or > 15)
                errors.Add(prefix + "phone", "Số điện thoại gồm 8–15 chữ số (có thể có dấu +, cách, chấm, gạch).");
        }
    }

    static void Fill(SupportCase c, IdentityInput i)
    {
        static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
        (c.Name, c.BirthYear, c.Phone, c.Residence) = (Clean(i.Name), Clean(i.BirthYear), Clean(i.Phone), Clean(i.Residence));
    }
}
