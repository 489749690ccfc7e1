using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Audit;
using Pcmd.Web.Features.Inspections;
using Pcmd.Web.Features.OrgUnits;
using Pcmd.Web.Features.Users;
using Pcmd.Web.Security;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.Enforcement;

/// <summary>Administrative sanctions and criminal cases within the user's scope. Police (agency reporters), the standing
/// office, wards and inspection teams record sanctions; criminal cases are the police's and the standing office's.</summary>
public sealed class EnforcementService(PcmdDbContext db, OrgUnitTree tree, TimeProvider clock, AuditTrail audit)
{
    public const int MaxPageSize = 200;
    public static bool CanRecordSanctions(UserScope s) => s.IsGlobal || s.IsInRole(Roles.Coordinator) || s.IsInRole(Roles.AgencyReporter)
        || s.IsInRole(Roles.CommuneOfficer) || s.IsInRole(Roles.Inspector);
    public static bool CanRecordCases(UserScope s) => s.IsGlobal || s.IsInRole(Roles.Coordinator) || s.IsInRole(Roles.AgencyReporter);

    public async Task<EnforcementPage<SanctionRecordView>> Sanctions(UserScope scope, int? unit, int page, int pageSize, CancellationToken ct = default)
    {
        var q = db.AdministrativeSanctions.AsNoTracking().InReadableScope(db, scope, s => s.OrgUnitId);
        if (unit is { } u) { await CheckUnit(scope, u); q = q.InAreaOf(db, u, s => s.OrgUnitId); }
        var size = Math.Clamp(pageSize, 1, MaxPageSize);
        var total = await q.CountAsync(ct);
        var items = await q.OrderByDescending(s => s.Date).ThenByDescending(s => s.Id).Skip((Math.Max(1, page) - 1) * size).Take(size)
            .Select(s => new SanctionRecordView(s.Id, s.OrgUnitId, db.OrgUnits.Where(o => o.Id == s.OrgUnitId).Select(o => o.Name).FirstOrDefault() ?? "",
                s.Date, s.Target, s.EstablishmentId, s.Kind, s.Amount, s.DecreeId, db.Decrees.Where(d => d.Id == s.DecreeId).Select(d => d.Code).FirstOrDefault() ?? "",
                s.LegalBasis, s.DecisionNumber, s.Note, s.Version)).ToListAsync(ct);
        return new(total, Math.Max(1, page), size, items);
    }

    public async Task<EnforcementPage<CriminalCaseView>> Cases(UserScope scope, int? unit, int page, int pageSize, CancellationToken ct = default)
    {
        var q = db.CriminalCases.AsNoTracking().InReadableScope(db, scope, c => c.OrgUnitId);
        if (unit is { } u) { await CheckUnit(scope, u); q = q.InAreaOf(db, u, c => c.OrgUnitId); }
        var size = Math.Clamp(pageSize, 1, MaxPageSize);
        var total = await q.CountAsync(ct);
        var items = await q.OrderByDescending(c => c.DetectedOn).ThenByDescending(c => c.Id).Skip((Math.Max(1, page) - 1) * size).Take(size)
            .Select(c => View(c, db.OrgUnits.Where(o => o.Id == c.OrgUnitId).Select(o => o.Name).FirstOrDefault() ?? "")).ToListAsync(ct);
        return new(total, Math.Max(1, page), size, items);
    }

    public async Task<CriminalCaseView> Case(UserScope scope, int id, CancellationToken ct = default)
    {
        var c = await db.CriminalCases.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException();
        if (!scope.CanReadUnit(c.OrgUnitId)) throw audit.Denied(nameof(CriminalCase), id, new NotFoundException());
        return View(c, (await tree.Find(c.OrgUnitId))?.Name ?? "");
    }

    static CriminalCaseView View(CriminalCase c, string unitName) => new(c.Id, c.OrgUnitId, unitName, c.Reference, c.Charge, c.DetectedOn, c.InstitutedOn,
        c.IndictedOn, c.TriedOn, c.MobileTrial, c.AccusedCount, c.DefendantsCount, c.RingDismantled, c.Note, c.Version);

    public async Task<AdministrativeSanction> CreateSanction(UserScope scope, SanctionRecordInput input, CancellationToken ct = default)
    {
        if (!CanRecordSanctions(scope)) throw new ForbiddenException();
        var errors = new ErrorList();
        var unit = input.OrgUnitId;
        if (input.Target is null || !Enum.IsDefined(input.Target.Value)) errors.Add("target", "Chọn đối tượng bị xử phạt (người bán dâm, mua dâm, môi giới, chủ cơ sở, người khác hoặc cơ sở).");
        if (input.Target == SanctionTarget.Premises)
        {
            if (input.EstablishmentId is not { } eid) errors.Add("establishmentId", "Xử phạt cơ sở phải chọn cơ sở kinh doanh.");
            else if (await db.Establishments.Where(e => e.Id == eid).Select(e => (int?)e.OrgUnitId).FirstOrDefaultAsync(ct) is not { } eu || !scope.CanReadUnit(eu))
                errors.Add("establishmentId", "Không có cơ sở kinh doanh này trong phạm vi của bạn.");
            else unit ??= eu;
        }
        else if (input.EstablishmentId is not null) errors.Add("establishmentId", "Chỉ xử phạt cơ sở mới gắn với cơ sở kinh doanh.");
        await CheckWritableCommune(scope, unit, errors);
        if (input.Date is not { } date) errors.Add("date", "Nhập ngày ra quyết định xử phạt.");
        else if (date > VietnamTime.Today(clock)) errors.Add("date", "Ngày xử phạt không thể ở tương lai.");
        if (input.Kind is null || !Enum.IsDefined(input.Kind.Value)) errors.Add("kind", "Chọn hình thức xử phạt.");
        else
        {
            // The same rules as a sanction in an inspection record: a fine's amount, a decree of the catalogue in force on the day.
            var decree = input.DecreeId is { } did ? await db.Decrees.AsNoTracking().FirstOrDefaultAsync(d => d.Id == did, ct) : null;
            InspectionRules.CheckSanction(new SanctionInput(input.Kind.Value, input.Amount, input.DecreeId, input.LegalBasis, input.Measures), "",
                input.Date, decree, errors);
        }
        if (input.DecisionNumber?.Trim().Length > 100) errors.Add("decisionNumber", "Số quyết định dài quá 100 ký tự.");
        if (input.Note?.Trim().Length > 1000) errors.Add("note", "Ghi chú dài quá 1.000 ký tự.");
        errors.ThrowIfAny();
        var s = new AdministrativeSanction
        {
            OrgUnitId = unit!.Value, Date = input.Date!.Value, Target = input.Target!.Value, EstablishmentId = input.EstablishmentId, Kind = input.Kind!.Value,
            Amount = input.Kind == SanctionKind.Fine ? input.Amount : null, Measures = Clean(input.Measures), DecreeId = input.DecreeId!.Value,
            LegalBasis = Clean(input.LegalBasis), DecisionNumber = Clean(input.DecisionNumber), Note = Clean(input.Note),
        };
        db.AdministrativeSanctions.Add(s);
        await db.SaveChangesAsync(ct);
        return s;
    }

    public async Task<CriminalCase> SaveCase(UserScope scope, int? id, CriminalCaseInput input, CancellationToken ct = default)
    {
        if (!CanRecordCases(scope)) throw new ForbiddenException();
        CriminalCase? c = null;
        if (id is { } existing)
        {
            c = await db.CriminalCases.FirstOrDefaultAsync(x => x.Id == existing, ct) ?? throw new NotFoundException();
            if (!scope.CanReadUnit(c.OrgUnitId)) throw audit.Denied(nameof(CriminalCase), existing, new NotFoundException());
            if (!scope.CanWriteUnit(c.OrgUnitId)) throw audit.Denied(nameof(CriminalCase), existing, new ForbiddenException());
        }
        var errors = new ErrorList();
        await CheckWritableCommune(scope, input.OrgUnitId, errors);
        if (string.IsNullOrWhiteSpace(input.Reference)) errors.Add("reference", "Nhập số hiệu hoặc tên vụ án.");
        else if (input.Reference.Trim().Length > 200) errors.Add("reference", "Số hiệu vụ án dài quá 200 ký tự.");
        if (input.Charge is null || !Enum.IsDefined(input.Charge.Value)) errors.Add("charge", "Chọn tội danh.");
        if (input.DetectedOn is null) errors.Add("detectedOn", "Nhập ngày phát hiện.");
        foreach (var problem in CaseRules.Stages(input, VietnamTime.Today(clock))) errors.Add(problem.Field, problem.Message);
        if (input.Note?.Trim().Length > 1000) errors.Add("note", "Ghi chú dài quá 1.000 ký tự.");
        errors.ThrowIfAny();
        if (c is null) db.CriminalCases.Add(c = new CriminalCase());
        else
        {
            if (c.Version != input.Version) throw new ConflictException();
            db.Entry(c).Property(x => x.Version).OriginalValue = input.Version;
        }
        c.OrgUnitId = input.OrgUnitId!.Value;
        c.Reference = input.Reference!.Trim();
        c.Charge = input.Charge!.Value;
        (c.DetectedOn, c.InstitutedOn, c.IndictedOn, c.TriedOn) = (input.DetectedOn!.Value, input.InstitutedOn, input.IndictedOn, input.TriedOn);
        (c.MobileTrial, c.AccusedCount, c.DefendantsCount, c.RingDismantled) = (input.MobileTrial, input.AccusedCount, input.DefendantsCount, input.RingDismantled);
        c.Note = Clean(input.Note);
        await db.SaveChangesAsync(ct);
        return c;
    }

    public Task<List<Decree>> Decrees() => db.Decrees.AsNoTracking().OrderBy(d => d.ValidFrom).ToListAsync();

    async Task CheckUnit(UserScope scope, int unit)
    {
        await tree.EnsureReadable(scope, unit);
    }

    async Task CheckWritableCommune(UserScope scope, int? unitId, ErrorList errors)
    {
        if (unitId is not { } u) errors.Add("orgUnitId", "Chọn xã, phường.");
        else if (await tree.Find(u) is not { } node || !scope.CanReadUnit(u)) errors.Add("orgUnitId", "Không có đơn vị hành chính này.");
        else if (node.Level is not (OrgUnitLevel.Commune or OrgUnitLevel.District or OrgUnitLevel.Province))
            errors.Add("orgUnitId", "Chọn xã, phường, quận, huyện hoặc tỉnh, thành phố.");
        else if (!scope.CanWriteUnit(u)) errors.Add("orgUnitId", "Đơn vị này nằm ngoài phạm vi bạn được giao.");
    }

    static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
