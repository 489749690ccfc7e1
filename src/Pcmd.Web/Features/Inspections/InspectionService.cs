using Pcmd.Web.Features.OrgUnits;
using Pcmd.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Data;
using Pcmd.Web.Shared;
using Pcmd.Web.Security;

namespace Pcmd.Web.Features.Inspections;

public sealed record InspectionInput(int EstablishmentId, int TeamId, DateOnly? Date, InspectionKind Kind = InspectionKind.Planned,
    UnannouncedReason? Reason = null, string? ReasonNote = null, string? Findings = null, int OwnersInformed = 0, int WorkersInformed = 0,
    int? FollowUpOfId = null, int? InspectionPlanItemId = null, List<int>? MemberIds = null, List<ViolationInput>? Violations = null,
    List<SanctionInput>? Sanctions = null, int Version = 0);

/// <summary>Records inspections (the biên bản): every rule is checked and reported at once, then the whole record is saved
/// in one transaction, or nothing is.</summary>
public sealed class InspectionService(PcmdDbContext db, InspectionAccess access, AuditTrail audit, OrgUnitTree tree)
{
    Task<int> OnDay(int unit, DateOnly? day) => day is { } d ? tree.UnitOn(unit, d) : Task.FromResult(unit);

    public const string NotFoundText = "Không tìm thấy lần kiểm tra này hoặc nó nằm ngoài phạm vi bạn được giao.";

    public async Task<Inspection> Create(UserScope scope, InspectionInput input, CancellationToken ct = default)
    {
        if (!scope.Can(Permission.ManageRegistries)) throw new ForbiddenException();
        var errors = new ErrorList();
        var unit = await EstablishmentUnit(scope, input.EstablishmentId, errors, ct);
        await Check(scope, input, null, unit, errors, ct);
        errors.ThrowIfAny();
        // The commune of the establishment on the day of recording: a later move of the establishment does not move its history.
        // An establishment still filed under a ward abolished on 1/7/2025 is visited in the ward it now lies in (issue 15, item 9).
        var inspection = new Inspection { EstablishmentId = input.EstablishmentId, OrgUnitId = await OnDay(unit!.Value, input.Date) };
        Apply(inspection, input);
        db.Inspections.Add(inspection);
        await db.SaveChangesAsync(ct);
        return inspection;
    }

    public async Task<Inspection> Update(UserScope scope, int id, InspectionInput input, CancellationToken ct = default)
    {
        if (!scope.Can(Permission.ManageRegistries)) throw new ForbiddenException();
        var inspection = await db.Inspections.Include(i => i.Members).Include(i => i.Violations).Include(i => i.Sanctions)
            .AsSplitQuery().FirstOrDefaultAsync(i => i.Id == id, ct);
        if (inspection is null) throw new NotFoundException(NotFoundText);
        if (!scope.CanReadUnit(inspection.OrgUnitId)) throw audit.Denied(nameof(Inspection), id, new NotFoundException(NotFoundText));
        if (!scope.CanWriteUnit(inspection.OrgUnitId)) throw audit.Denied(nameof(Inspection), id, new ForbiddenException("Lần kiểm tra này thuộc địa bàn bạn chỉ được xem."));
        if (inspection.Version != input.Version) throw new ConflictException();
        inspection.Sanctions.Sort((a, b) => a.Id.CompareTo(b.Id));
        var errors = new ErrorList();
        var moved = input.EstablishmentId != inspection.EstablishmentId;
        var unit = moved ? await EstablishmentUnit(scope, input.EstablishmentId, errors, ct) : inspection.OrgUnitId;
        await Check(scope, input, inspection, unit, errors, ct);
        errors.ThrowIfAny();
        db.Entry(inspection).Property(i => i.Version).OriginalValue = input.Version;
        if (moved)
        {
            inspection.EstablishmentId = input.EstablishmentId;
            inspection.OrgUnitId = unit!.Value;
        }
        inspection.OrgUnitId = await OnDay(inspection.OrgUnitId, input.Date);
        Apply(inspection, input);
        db.Entry(inspection).State = EntityState.Modified;
        await db.SaveChangesAsync(ct);
        return inspection;
    }

    async Task<int?> EstablishmentUnit(UserScope scope, int establishmentId, ErrorList errors, CancellationToken ct)
    {
        if (establishmentId <= 0)
        {
            errors.Add("establishmentId", "Hãy chọn cơ sở được kiểm tra.");
            return null;
        }
        var unit = await db.Establishments.Where(e => e.Id == establishmentId).Select(e => (int?)e.OrgUnitId).FirstOrDefaultAsync(ct);
        if (unit is null || !scope.CanReadUnit(unit.Value))
            throw new NotFoundException("Không tìm thấy cơ sở kinh doanh này hoặc cơ sở nằm ngoài phạm vi bạn được giao.");
        if (!scope.CanWriteUnit(unit.Value)) throw new ForbiddenException("Cơ sở này nằm ngoài địa bàn bạn được ghi biên bản kiểm tra.");
        return unit;
    }

    async Task Check(UserScope scope, InspectionInput input, Inspection? existing, int? unit, ErrorList errors, CancellationToken ct)
    {
        InspectionRules.CheckDate(input.Date, access.Today(), errors);
        InspectionRules.CheckKind(input.Kind, input.Reason, input.ReasonNote, errors);
        InspectionRules.CheckText(input.Findings, input.OwnersInformed, input.WorkersInformed, errors);
        await CheckTeam(scope, input, existing, unit, errors, ct);
        await CheckViolations(input, existing, errors, ct);
        await CheckSanctions(input, errors, ct);
        await CheckLinks(scope, input, existing, errors, ct);
    }

    async Task CheckTeam(UserScope scope, InspectionInput input, Inspection? existing, int? unit, ErrorList errors, CancellationToken ct)
    {
        var memberIds = input.MemberIds ?? [];
        var team = await db.InspectionTeams.AsNoTracking().Where(t => t.Id == input.TeamId)
            .Select(t => new { t.OrgUnitId, t.IsActive, Members = t.Members.Select(m => new { m.Id, m.IsActive }).ToList() })
            .FirstOrDefaultAsync(ct);
        if (team is null || !scope.CanReadUnit(team.OrgUnitId))
        {
            errors.Add("teamId", "Hãy chọn đội kiểm tra.");
            InspectionRules.CheckMemberCount(memberIds.Distinct().Count(), errors);
            return;
        }
        var sameTeam = existing?.TeamId == input.TeamId;
        if (!team.IsActive && !sameTeam) errors.Add("teamId", "Đội kiểm tra này đã ngừng hoạt động.");
        if (unit is { } u && !(await access.Area(team.OrgUnitId)).Contains(u))
            errors.Add("teamId", "Cơ sở không thuộc địa bàn của đội kiểm tra đã chọn.");
        // Members recorded before they left the team stay on the record; newly ticked ones must be active members.
        var recorded = sameTeam ? existing!.Members.Select(m => m.TeamMemberId).ToHashSet() : [];
        var members = team.Members.ToDictionary(m => m.Id, m => m.IsActive);
        var seen = new HashSet<int>();
        for (var i = 0; i < memberIds.Count; i++)
        {
            var id = memberIds[i];
            if (!seen.Add(id)) continue;
            if (!members.TryGetValue(id, out var active))
                errors.Add($"memberIds[{i}]", $"Người có mã {id} không phải thành viên của đội kiểm tra đã chọn.");
            else if (!active && !recorded.Contains(id))
                errors.Add($"memberIds[{i}]", $"Người có mã {id} đã thôi tham gia đội kiểm tra.");
        }
        InspectionRules.CheckMemberCount(seen.Count, errors);
    }

    async Task CheckViolations(InspectionInput input, Inspection? existing, ErrorList errors, CancellationToken ct)
    {
        var violations = input.Violations ?? [];
        var ids = violations.Select(v => v.ViolationTypeId).Distinct().ToList();
        var types = await db.ViolationTypes.AsNoTracking().Where(v => ids.Contains(v.Id)).ToDictionaryAsync(v => v.Id, v => v.IsActive, ct);
        var recorded = existing?.Violations.Select(v => v.ViolationTypeId).ToHashSet() ?? [];
        var seen = new HashSet<int>();
        for (var i = 0; i < violations.Count; i++)
        {
            var v = violations[i];
            var path = $"violations[{i}].";
            if (!types.TryGetValue(v.ViolationTypeId, out var active)) errors.Add(path + "violationTypeId", "Không có loại vi phạm này trong danh mục.");
            else if (!active && !recorded.Contains(v.ViolationTypeId)) errors.Add(path + "violationTypeId", "Loại vi phạm này đã ngừng sử dụng trong danh mục.");
            else if (!seen.Add(v.ViolationTypeId)) errors.Add(path + "violationTypeId", "Loại vi phạm này đã được chọn ở trên.");
            if (v.Note?.Trim().Length > 1000) errors.Add(path + "note", "Ghi chú vi phạm dài quá 1.000 ký tự.");
        }
    }

    async Task CheckSanctions(InspectionInput input, ErrorList errors, CancellationToken ct)
    {
        var sanctions = input.Sanctions ?? [];
        if (sanctions.Count == 0) return;
        var ids = sanctions.Where(s => s.DecreeId is not null).Select(s => s.DecreeId!.Value).Distinct().ToList();
        var decrees = await db.Decrees.AsNoTracking().Where(d => ids.Contains(d.Id)).ToDictionaryAsync(d => d.Id, ct);
        for (var i = 0; i < sanctions.Count; i++)
        {
            var s = sanctions[i];
            InspectionRules.CheckSanction(s, $"sanctions[{i}].", input.Date, s.DecreeId is { } d ? decrees.GetValueOrDefault(d) : null, errors);
        }
        if ((input.Violations ?? []).Count == 0)
            errors.Add("violations", "Đã ghi hình thức xử phạt nhưng chưa chọn hành vi vi phạm nào.");
    }

    async Task CheckLinks(UserScope scope, InspectionInput input, Inspection? existing, ErrorList errors, CancellationToken ct)
    {
        if (input.FollowUpOfId is { } f)
        {
            var prior = await db.Inspections.AsNoTracking().Where(i => i.Id == f)
                .Select(i => new { i.Id, i.EstablishmentId, i.Date, i.OrgUnitId }).FirstOrDefaultAsync(ct);
            // Strictly earlier (by date, then by order of recording) so that follow-ups never form a loop.
            var earlier = prior is not null && input.Date is { } d
                && (prior.Date < d || (prior.Date == d && (existing is null || prior.Id < existing.Id)));
            if (prior is null || !scope.CanReadUnit(prior.OrgUnitId) || prior.EstablishmentId != input.EstablishmentId || (input.Date is not null && !earlier))
                errors.Add("followUpOfId", "Lần kiểm tra lại phải nối với một lần kiểm tra trước đó của cùng cơ sở.");
        }
        if (existing is not null && input.Date is { } date)
        {
            var laterFollowUp = await db.Inspections.AsNoTracking().Where(i => i.FollowUpOfId == existing.Id && i.Date < date)
                .Select(i => (DateOnly?)i.Date).FirstOrDefaultAsync(ct);
            if (laterFollowUp is { } lf)
                errors.Add("date", $"Đã có lần kiểm tra lại ngày {PageText.Date(lf)}, trước ngày kiểm tra mới này.");
        }
        if (input.InspectionPlanItemId is { } itemId)
        {
            var item = await db.InspectionPlanItems.AsNoTracking().Where(x => x.Id == itemId)
                .Select(x => new { x.EstablishmentId, TeamId = db.InspectionPlans.Where(p => p.Id == x.InspectionPlanId).Select(p => p.TeamId).FirstOrDefault() })
                .FirstOrDefaultAsync(ct);
            if (item is null || item.EstablishmentId != input.EstablishmentId || item.TeamId != input.TeamId)
                errors.Add("inspectionPlanItemId", "Mục kế hoạch kiểm tra không khớp với cơ sở và đội đã chọn.");
        }
    }

    static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    static void Apply(Inspection x, InspectionInput input)
    {
        x.TeamId = input.TeamId;
        x.Date = input.Date!.Value;
        x.Kind = input.Kind;
        x.Reason = input.Kind == InspectionKind.Unannounced ? input.Reason : null;
        x.ReasonNote = input.Kind == InspectionKind.Unannounced ? Clean(input.ReasonNote) : null;
        x.InspectionPlanItemId = input.InspectionPlanItemId;
        x.Findings = Clean(input.Findings);
        x.OwnersInformed = input.OwnersInformed;
        x.WorkersInformed = input.WorkersInformed;
        x.FollowUpOfId = input.FollowUpOfId;

        var members = (input.MemberIds ?? []).Distinct().ToList();
        x.Members.RemoveAll(m => !members.Contains(m.TeamMemberId));
        foreach (var id in members.Where(id => x.Members.All(m => m.TeamMemberId != id)))
            x.Members.Add(new InspectionMember { TeamMemberId = id });

        var violations = (input.Violations ?? []).ToList();
        x.Violations.RemoveAll(v => violations.All(w => w.ViolationTypeId != v.ViolationTypeId));
        foreach (var v in violations)
        {
            var row = x.Violations.FirstOrDefault(r => r.ViolationTypeId == v.ViolationTypeId);
            if (row is null) x.Violations.Add(row = new InspectionViolation { ViolationTypeId = v.ViolationTypeId });
            row.Note = Clean(v.Note);
        }

        var sanctions = input.Sanctions ?? [];
        if (x.Sanctions.Count > sanctions.Count) x.Sanctions.RemoveRange(sanctions.Count, x.Sanctions.Count - sanctions.Count);
        for (var i = 0; i < sanctions.Count; i++)
        {
            if (i == x.Sanctions.Count) x.Sanctions.Add(new Sanction());
            var s = x.Sanctions[i];
            s.Kind = sanctions[i].Kind;
            s.Amount = sanctions[i].Kind == SanctionKind.Fine ? sanctions[i].Amount : null;
            s.DecreeId = sanctions[i].DecreeId;
            s.LegalBasis = Clean(sanctions[i].LegalBasis);
            s.Measures = Clean(sanctions[i].Measures);
        }
    }
}
