using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Audit;
using Pcmd.Web.Features.Notifications;
using Pcmd.Web.Features.OrgUnits;
using Pcmd.Web.Security;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.Support;

/// <summary>Support cases as their workers and supervisor see them: the caseload (codes only), the case, the identifying
/// fields as a separate audited read, the emergency read, the access log. Writes are in SupportService.Writes.cs.</summary>
public sealed partial class SupportService(PcmdDbContext db, CaseAccess access, OrgUnitTree tree, AuditTrail audit, Notifier notifier,
    TimeProvider clock)
{
    /// <summary>The entity type under which reads of a case are audited (the access log reads them back).</summary>
    public const string Audited = nameof(SupportCase);

    public async Task<List<CaseSummary>> Caseload(UserScope scope, bool includeClosed, CancellationToken ct = default)
    {
        var me = await access.UserId(scope, ct);
        var q = access.Visible(me).AsNoTracking();
        if (!includeClosed) q = q.Where(c => c.ClosedOn == null);
        return await q.OrderByDescending(c => c.OpenedOn).ThenBy(c => c.Code)
            .Select(c => new CaseSummary(c.Id, c.Code, c.TargetGroup, c.OrgUnitId, c.OrgUnit!.Name, c.OpenedOn, c.ClosedOn,
                c.SupervisorId == me ? CaseRole.Supervisor : CaseRole.Worker, c.Needs.Count, c.Version))
            .Take(1000).ToListAsync(ct);
    }

    public async Task<CaseDetail> Get(UserScope scope, int id, CancellationToken ct = default)
    {
        var (c, role) = await Visible(scope, id, ct);
        var staffIds = c.Workers.Select(w => w.UserId).Append(c.SupervisorId).ToList();
        var staff = await db.Users.AsNoTracking().Where(u => staffIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.FullName, ct);
        StaffRef Ref(string uid) => new(uid, staff.GetValueOrDefault(uid) ?? "");
        var kinds = await db.NeedKinds.AsNoTracking().ToDictionaryAsync(k => k.Id, ct);
        var contacts = await db.OutreachContacts.AsNoTracking().Where(x => x.CaseId == id).OrderByDescending(x => x.Date).ThenByDescending(x => x.Id)
            .Take(200).Join(db.OrgUnits, x => x.OrgUnitId, u => u.Id, (x, u) => new { x, u.Name }).ToListAsync(ct);
        var providers = await ProviderNames(c.Consents.Where(x => x.ProviderId != null).Select(x => x.ProviderId!.Value), ct);
        audit.RecordRead(Audited, id, new() { ["read"] = "case" });
        return new CaseDetail(c.Id, c.Code, c.TargetGroup, c.OrgUnitId, c.OrgUnit!.Name, c.OpenedOn, c.ClosedOn, c.ClosureReason,
            Ref(c.SupervisorId), c.Workers.Select(w => Ref(w.UserId)).OrderBy(s => s.FullName).ToList(), role,
            c.Name != null || c.BirthYear != null || c.Phone != null || c.Residence != null, HasActive(c, ConsentKind.Recorded), c.Version,
            c.Consents.OrderBy(x => x.GivenOn).ThenBy(x => x.Id).Select(x => new ConsentDto(x.Id, x.Kind, x.ProviderId,
                x.ProviderId is { } p ? providers.GetValueOrDefault(p) : null, x.GivenOn, x.Method, x.WithdrawnOn)).ToList(),
            c.Needs.Where(n => kinds.ContainsKey(n.NeedKindId)).OrderBy(n => kinds[n.NeedKindId].SortOrder)
                .Select(n => new CaseNeedDto(n.NeedKindId, kinds[n.NeedKindId].Code, kinds[n.NeedKindId].Name, n.ScreenedOn, n.Eligible)).ToList(),
            c.Notes.OrderBy(n => n.Date).ThenBy(n => n.Id).Select(n => new CaseNoteDto(n.Id, n.Kind, n.Date, n.Text, n.Author)).ToList(),
            contacts.Select(r => new ContactDto(r.x.Id, r.x.Date, r.x.OrgUnitId, r.Name, r.x.EstablishmentId, r.x.Channel, Flags(r.x.Given), r.x.People)).ToList());
    }

    /// <summary>Whom the case's supervisor may give it to: the case workers and supervisors whose area holds the case's unit
    /// (the same rule <see cref="Assign"/> checks). Only the supervisor asks; anyone else gets the case's usual refusal.</summary>
    public async Task<(List<StaffRef> Workers, List<StaffRef> Supervisors)> AssignableStaff(UserScope scope, int id, CancellationToken ct = default)
    {
        var (c, role) = await Visible(scope, id, ct);
        if (role != CaseRole.Supervisor) throw new ForbiddenException("Chỉ người giám sát của hồ sơ được phân công lại.");
        var supervisors = await access.StaffCovering(c.OrgUnitId, Users.Roles.CaseSupervisor).Select(u => new StaffRef(u.Id, u.FullName)).ToListAsync(ct);
        var workers = await access.StaffCovering(c.OrgUnitId, Users.Roles.CaseWorker).Select(u => new StaffRef(u.Id, u.FullName)).ToListAsync(ct);
        return (workers.Concat(supervisors).DistinctBy(s => s.Id).OrderBy(s => s.FullName, VietnameseText.Comparer).ToList(),
            supervisors.OrderBy(s => s.FullName, VietnameseText.Comparer).ToList());
    }

    /// <summary>The identifying fields: only for the case's workers and supervisor, each read audited. Without a standing
    /// consent to being recorded there is nothing to give (withdrawal erased the fields).</summary>
    public async Task<CaseIdentity> Identity(UserScope scope, int id, CancellationToken ct = default)
    {
        var (c, _) = await Visible(scope, id, ct);
        audit.RecordRead(Audited, id, new() { ["read"] = "identity" });
        return IdentityOf(c);
    }

    /// <summary>An emergency read ("phá kính") by a case worker or supervisor of the case's area who is not assigned to it:
    /// it needs a reason, is audited with it, and notifies the case's supervisor in the same breath.</summary>
    public async Task<CaseIdentity> BreakGlass(UserScope scope, int id, BreakGlassInput input, CancellationToken ct = default)
    {
        var c = await Cases().Include(x => x.Consents).AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException();
        if (!CaseAccess.IsStaff(scope) || !scope.CanWriteUnit(c.OrgUnitId))
            throw audit.Denied(Audited, id, new NotFoundException());
        var reason = input.Reason?.Trim() ?? "";
        if (reason.Length < 10)
            throw ValidationException.One("reason", "Nêu lý do khẩn cấp (ít nhất 10 ký tự): việc xem được ghi nhật ký và báo cho người giám sát.");
        if (reason.Length > 500) throw ValidationException.One("reason", "Lý do dài quá 500 ký tự.");
        if (SafeText.Problem(reason, multiLine: false) is { } problem) throw ValidationException.One("reason", problem);
        audit.RecordRead(Audited, id, new() { ["read"] = "breakGlass", ["reason"] = reason });
        await notifier.Notify([c.SupervisorId], $"Xem khẩn cấp hồ sơ {c.Code}",
            $"{scope.UserName} đã xem khẩn cấp thông tin nhận dạng của hồ sơ {c.Code}. Lý do: {reason}",
            $"/support/cases/{c.Id}", $"break-glass:{c.Id}:{Guid.NewGuid():N}", ct);
        await db.SaveChangesAsync(ct);
        return IdentityOf(c);
    }

    /// <summary>Who read or changed the case, when, and what (the reads' reasons included).</summary>
    public async Task<List<AccessLogEntry>> AccessLog(UserScope scope, int id, CancellationToken ct = default)
    {
        await Visible(scope, id, ct);
        try { await audit.Flush(ct).WaitAsync(TimeSpan.FromSeconds(10), ct); } catch (TimeoutException) { }
        var key = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var rows = await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == Audited && a.EntityId == key)
            .OrderByDescending(a => a.Id).Take(500).ToListAsync(ct);
        return rows.Select(a =>
        {
            var detail = a.Action is AuditAction.Read or AuditAction.AccessDenied or AuditAction.Exported
                ? System.Text.Json.JsonDocument.Parse(a.Changes).RootElement : default;
            string? Get(string name) => detail.ValueKind == System.Text.Json.JsonValueKind.Object && detail.TryGetProperty(name, out var v)
                ? v.ToString() : null;
            var what = a.Action switch
            {
                AuditAction.Read or AuditAction.Exported => Get("read") ?? "case",
                AuditAction.AccessDenied => "denied",
                _ => a.Action.ToString().ToLowerInvariant(),
            };
            return new AccessLogEntry(DateTime.SpecifyKind(a.AtUtc, DateTimeKind.Utc), a.UserName, what, Get("reason"));
        }).ToList();
    }

    IQueryable<SupportCase> Cases() => db.SupportCases.Include(c => c.Workers);

    /// <summary>The case with its parts if the user is one of its workers or its supervisor; anyone else is told it does not exist
    /// (and the refusal is audited).</summary>
    async Task<(SupportCase Case, CaseRole Role)> Visible(UserScope scope, int id, CancellationToken ct)
    {
        var c = await Cases().Include(x => x.OrgUnit).Include(x => x.Consents).Include(x => x.Needs).Include(x => x.Notes)
            .AsSplitQuery().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException();
        var role = CaseAccess.RoleOf(await access.UserId(scope, ct), c);
        if (role == CaseRole.None) throw audit.Denied(Audited, id, new NotFoundException());
        return (c, role);
    }

    static CaseIdentity IdentityOf(SupportCase c) => HasActive(c, ConsentKind.Recorded)
        ? new(c.Id, c.Code, c.Name, c.BirthYear, c.Phone, c.Residence, true)
        : new(c.Id, c.Code, null, null, null, null, false);

    static bool HasActive(SupportCase c, ConsentKind kind) => c.Consents.Any(x => x.Kind == kind && x.WithdrawnOn == null);

    public static List<ContactGiven> Flags(ContactGiven g) =>
        Enum.GetValues<ContactGiven>().Where(f => f != ContactGiven.None && g.HasFlag(f)).ToList();

    /// <summary>Names of the directory's services that consents name.</summary>
    Task<Dictionary<int, string>> ProviderNames(IEnumerable<int> ids, CancellationToken ct)
    {
        var list = ids.Distinct().ToList();
        return db.SupportServices.AsNoTracking().Where(s => list.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, ct);
    }

    DateOnly Today() => VietnamTime.Today(clock);
}
