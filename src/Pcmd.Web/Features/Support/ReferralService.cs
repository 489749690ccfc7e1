using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Audit;
using Pcmd.Web.Security;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.Support;

public sealed record ReferralInput(int? NeedKindId, int? ServiceId, DateOnly? ReferredOn, DateOnly? FollowUpOn = null, string? OverrideReason = null,
    int Version = 0);

public sealed record OutcomeInput(ReferralOutcome? Outcome, DateOnly? On, DateOnly? FollowUpOn = null, int Version = 0);

public sealed record ReferralDto(int Id, int CaseId, string CaseCode, int NeedKindId, string NeedName, int ServiceId, string ServiceName, DateOnly ReferredOn,
    string ReferredBy, bool Overridden, ReferralOutcome Outcome, DateOnly? OutcomeOn, DateOnly? FollowUpOn);

/// <summary>Referrals to the service directory with the consent check (issue 12, item 4), the provider's outcome, and the overdue
/// follow-ups of the user's cases. Every write goes through the case's version, as the case's other parts do.</summary>
public sealed class ReferralService(PcmdDbContext db, CaseAccess access, AuditTrail audit, TimeProvider clock)
{
    public async Task<Referral> Refer(UserScope scope, int caseId, ReferralInput input, CancellationToken ct = default)
    {
        var (c, role) = await Writable(scope, caseId, input.Version, ct);
        var errors = new ErrorList();
        var today = VietnamTime.Today(clock);
        if (input.NeedKindId is not { } need) errors.Add("needKindId", "Chọn nhu cầu được chuyển gửi.");
        else if (c.Needs.All(n => n.NeedKindId != need)) errors.Add("needKindId", "Nhu cầu này chưa được ghi khi sàng lọc hồ sơ.");
        if (input.ServiceId is not { } serviceId) errors.Add("serviceId", "Chọn nơi cung cấp dịch vụ.");
        else if (!await db.SupportServices.AnyAsync(s => s.Id == serviceId && s.Active, ct)) errors.Add("serviceId", "Không có dịch vụ này trong danh bạ (hoặc đã ngừng).");
        if (input.ReferredOn is not { } on) errors.Add("referredOn", "Nhập ngày chuyển gửi.");
        else if (on > today) errors.Add("referredOn", "Ngày chuyển gửi không được ở tương lai.");
        else if (on < c.OpenedOn) errors.Add("referredOn", $"Ngày chuyển gửi không được trước ngày mở hồ sơ ({ViFormat.Date(c.OpenedOn)}).");
        if (input.FollowUpOn is { } f && input.ReferredOn is { } r && f < r) errors.Add("followUpOn", "Ngày theo dõi không được trước ngày chuyển gửi.");
        var reason = input.OverrideReason?.Trim();
        if (reason?.Length > 500) errors.Add("overrideReason", "Lý do dài quá 500 ký tự.");
        errors.ThrowIfAny();

        var consent = c.Consents.FirstOrDefault(x => x.WithdrawnOn == null && x.GivenOn <= input.ReferredOn
            && (x.Kind == ConsentKind.Referral || (x.Kind == ConsentKind.ShareWithProvider && x.ProviderId == input.ServiceId)));
        if (consent is null)
        {
            if (string.IsNullOrEmpty(reason))
                throw new ConflictException("Người này chưa đồng ý (hoặc đã rút đồng ý) được chuyển gửi hay chia sẻ với nơi cung cấp dịch vụ này: " +
                    "ghi đồng ý trước, hoặc người giám sát chuyển gửi với lý do.");
            if (role != CaseRole.Supervisor)
                throw new ForbiddenException("Chỉ người giám sát của hồ sơ được chuyển gửi khi chưa có đồng ý, và phải nêu lý do.");
            if (reason.Length < 10) throw ValidationException.One("overrideReason", "Nêu lý do chuyển gửi khi chưa có đồng ý (ít nhất 10 ký tự).");
        }
        else reason = null;
        var referral = new Referral
        {
            CaseId = c.Id, NeedKindId = input.NeedKindId!.Value, ServiceId = input.ServiceId!.Value, ReferredOn = input.ReferredOn!.Value,
            ReferredBy = scope.UserName ?? "", ConsentId = consent?.Id, OverrideReason = reason, FollowUpOn = input.FollowUpOn,
        };
        db.Referrals.Add(referral);
        await db.SaveChangesAsync(ct);
        if (reason is not null)
            audit.RecordShared(SupportService.Audited, c.Id, new() { ["read"] = "override", ["referral"] = referral.Id, ["service"] = referral.ServiceId, ["reason"] = reason });
        return referral;
    }

    public async Task<Referral> RecordOutcome(UserScope scope, int referralId, OutcomeInput input, CancellationToken ct = default)
    {
        var referral = await db.Referrals.FirstOrDefaultAsync(r => r.Id == referralId, ct) ?? throw new NotFoundException();
        await Writable(scope, referral.CaseId, input.Version, ct);
        var errors = new ErrorList();
        var today = VietnamTime.Today(clock);
        if (input.Outcome is not { } outcome || !Enum.IsDefined(outcome) || outcome == ReferralOutcome.Pending)
            errors.Add("outcome", "Chọn kết quả: đã tiếp nhận, đã được cung cấp dịch vụ, từ chối, mất liên lạc.");
        if (input.On is not { } on) errors.Add("on", "Nhập ngày có kết quả.");
        else if (on > today) errors.Add("on", "Ngày có kết quả không được ở tương lai.");
        else if (on < referral.ReferredOn) errors.Add("on", $"Ngày có kết quả không được trước ngày chuyển gửi ({ViFormat.Date(referral.ReferredOn)}).");
        if (input.FollowUpOn is { } f && f < referral.ReferredOn) errors.Add("followUpOn", "Ngày theo dõi không được trước ngày chuyển gửi.");
        errors.ThrowIfAny();
        if (Referral.IsFinal(referral.Outcome)) throw new ConflictException("Chuyển gửi này đã có kết quả cuối cùng.");
        referral.Outcome = input.Outcome!.Value;
        referral.OutcomeOn = input.On;
        referral.FollowUpOn = Referral.IsFinal(referral.Outcome) ? null : input.FollowUpOn ?? referral.FollowUpOn;
        await db.SaveChangesAsync(ct);
        return referral;
    }

    /// <summary>The directory's active services, for the referral and consent forms.</summary>
    public async Task<List<(int Id, string Name)>> ServiceChoices(CancellationToken ct = default) =>
        (await db.SupportServices.AsNoTracking().Where(s => s.Active).OrderBy(s => s.Name).Select(s => new { s.Id, s.Name }).Take(500).ToListAsync(ct))
            .Select(s => (s.Id, s.Name)).ToList();

    /// <summary>The referrals of one case the user sees.</summary>
    public async Task<List<ReferralDto>> OfCase(UserScope scope, int caseId, CancellationToken ct = default)
    {
        var me = await access.UserId(scope, ct);
        if (!await access.Visible(me).AnyAsync(c => c.Id == caseId, ct)) throw audit.Denied(SupportService.Audited, caseId, new NotFoundException());
        return await Rows(access.Visible(me).Where(c => c.Id == caseId), null, ct);
    }

    /// <summary>Follow-ups past their day with no final outcome, on the open cases the user sees.</summary>
    public async Task<List<ReferralDto>> Overdue(UserScope scope, CancellationToken ct = default)
    {
        var me = await access.UserId(scope, ct);
        return await Rows(access.Visible(me).Where(c => c.ClosedOn == null), VietnamTime.Today(clock), ct);
    }

    async Task<List<ReferralDto>> Rows(IQueryable<SupportCase> cases, DateOnly? overdueOn, CancellationToken ct)
    {
        var q = db.Referrals.AsNoTracking().Where(r => cases.Any(c => c.Id == r.CaseId));
        if (overdueOn is { } day)
            q = q.Where(r => r.FollowUpOn < day && (r.Outcome == ReferralOutcome.Pending || r.Outcome == ReferralOutcome.Received));
        return await (from r in q
                      join c in db.SupportCases on r.CaseId equals c.Id
                      join k in db.NeedKinds on r.NeedKindId equals k.Id
                      join s in db.SupportServices on r.ServiceId equals s.Id
                      orderby r.FollowUpOn, r.ReferredOn, r.Id
                      select new ReferralDto(r.Id, c.Id, c.Code, k.Id, k.Name, s.Id, s.Name, r.ReferredOn, r.ReferredBy, r.OverrideReason != null,
                          r.Outcome, r.OutcomeOn, r.FollowUpOn)).Take(500).ToListAsync(ct);
    }

    async Task<(SupportCase Case, CaseRole Role)> Writable(UserScope scope, int caseId, int version, CancellationToken ct)
    {
        var c = await db.SupportCases.Include(x => x.Workers).Include(x => x.Consents).Include(x => x.Needs).AsSplitQuery()
            .FirstOrDefaultAsync(x => x.Id == caseId, ct) ?? throw new NotFoundException();
        var role = CaseAccess.RoleOf(await access.UserId(scope, ct), c);
        if (role == CaseRole.None) throw audit.Denied(SupportService.Audited, caseId, new NotFoundException());
        if (c.ClosedOn is { } closed) throw new ConflictException($"Hồ sơ {c.Code} đã đóng ngày {ViFormat.Date(closed)}: không thể thay đổi.");
        if (c.Version != version) throw new ConflictException();
        db.Entry(c).Property(x => x.Version).OriginalValue = version;
        db.Entry(c).State = EntityState.Modified;
        return (c, role);
    }
}
