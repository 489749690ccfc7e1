using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Audit;
using Pcmd.Web.Features.OrgUnits;
using Pcmd.Web.Features.Users;
using Pcmd.Web.Security;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.UnitDocuments;

/// <summary>Documents issued by units and agencies within the user's scope (a ward records its own, the coordinator all), and
/// the plan cascade: which units below a plan implement it.</summary>
public sealed class UnitDocumentService(PcmdDbContext db, OrgUnitTree tree, TimeProvider clock, AuditTrail audit)
{
    public const int MaxPageSize = 200;

    public static bool CanEdit(UserScope s) =>
        Roles.RecordsActivities(s);

    public static bool CanEditIn(UserScope s, int unitId) => CanEdit(s) && s.CanWriteUnit(unitId);

    public async Task<UnitDocumentPage> List(UserScope scope, UnitDocumentFilter f, CancellationToken ct = default)
    {
        var q = db.UnitDocuments.AsNoTracking().InReadableScope(db, scope, d => d.OrgUnitId);
        if (f.OrgUnitId is { } unit)
        {
            await tree.EnsureReadable(scope, unit);
            q = q.InAreaOf(db, unit, d => d.OrgUnitId);
        }
        if (f.Year is { } year) q = q.Where(d => d.Year == year);
        if (f.Kind is { } kind) q = q.Where(d => d.Kind == kind);
        if (f.PlanId is { } plan) q = q.Where(d => d.PlanId == plan);
        var size = Math.Clamp(f.PageSize, 1, MaxPageSize);
        var total = await q.CountAsync(ct);
        var page = Math.Clamp(f.Page, 1, Math.Max(1, (total + size - 1) / size));
        var rows = await q.OrderByDescending(d => d.IssuedOn).ThenByDescending(d => d.Id).Skip((page - 1) * size).Take(size)
            .Select(d => new { d, Unit = d.OrgUnit!.Name, Agency = d.Agency == null ? null : d.Agency.Name, Plan = d.Plan == null ? null : d.Plan.Title })
            .ToListAsync(ct);
        return new UnitDocumentPage(total, page, size, rows.Select(r => ToDto(scope, r.d, r.Unit, r.Agency, r.Plan)).ToList());
    }

    public async Task<UnitDocumentDto> Get(UserScope scope, int id, CancellationToken ct = default)
    {
        var r = await db.UnitDocuments.AsNoTracking().Where(d => d.Id == id)
            .Select(d => new { d, Unit = d.OrgUnit!.Name, Agency = d.Agency == null ? null : d.Agency.Name, Plan = d.Plan == null ? null : d.Plan.Title })
            .FirstOrDefaultAsync(ct) ?? throw new NotFoundException();
        if (!scope.CanReadUnit(r.d.OrgUnitId)) throw audit.Denied(nameof(UnitDocument), id, new NotFoundException());
        return ToDto(scope, r.d, r.Unit, r.Agency, r.Plan);
    }

    public async Task<UnitDocument> Create(UserScope scope, UnitDocumentInput input, CancellationToken ct = default)
    {
        if (!CanEdit(scope)) throw new ForbiddenException();
        await Validate(scope, input, null, ct);
        var d = new UnitDocument();
        Fill(d, input);
        db.UnitDocuments.Add(d);
        await Save(ct);
        return d;
    }

    public async Task<UnitDocument> Update(UserScope scope, int id, UnitDocumentInput input, CancellationToken ct = default)
    {
        var d = await Load(scope, id, ct);
        await Validate(scope, input, id, ct);
        db.Expect(d, input.Version);
        Fill(d, input);
        await Save(ct);
        return d;
    }

    public async Task Delete(UserScope scope, int id, int version, CancellationToken ct = default)
    {
        var d = await Load(scope, id, ct);
        db.Expect(d, version);
        db.UnitDocuments.Remove(d);
        await Save(ct);
    }

    /// <summary>The save, with the two ways two people can collide: a changed version, or the same number recorded at once
    /// (the unique index answers what the check before could not see).</summary>
    async Task Save(CancellationToken ct)
    {
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { throw new ConflictException(); }
        catch (DbUpdateException) { throw ValidationException.One("number", DuplicateNumber); }
    }

    const string DuplicateNumber = "Đơn vị đã có văn bản mang số, ký hiệu này trong năm.";

    /// <summary>404 (audited) unless the user may read the record: the check its files are read under.</summary>
    public async Task EnsureReadable(UserScope scope, int id, CancellationToken ct = default)
    {
        var unit = await db.UnitDocuments.Where(x => x.Id == id).Select(x => (int?)x.OrgUnitId).FirstOrDefaultAsync(ct) ?? throw new NotFoundException();
        if (!scope.CanReadUnit(unit)) throw audit.Denied(nameof(UnitDocument), id, new NotFoundException());
    }

    /// <summary>The record, tracked, for a write: 404 out of reach, 403 when only readable.</summary>
    public async Task<UnitDocument> Load(UserScope scope, int id, CancellationToken ct)
    {
        var d = await db.UnitDocuments.FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException();
        if (!scope.CanReadUnit(d.OrgUnitId)) throw audit.Denied(nameof(UnitDocument), id, new NotFoundException());
        if (!CanEditIn(scope, d.OrgUnitId)) throw audit.Denied(nameof(UnitDocument), id, new ForbiddenException());
        return d;
    }

    static void Fill(UnitDocument d, UnitDocumentInput input)
    {
        d.OrgUnitId = input.OrgUnitId!.Value;
        d.AgencyId = input.AgencyId;
        d.Kind = input.Kind!.Value;
        d.Number = input.Number!.Trim();
        d.IssuedOn = input.IssuedOn!.Value;
        d.Year = d.IssuedOn.Year;
        d.Signer = input.Signer!.Trim();
        d.Subject = input.Subject!.Trim();
        d.PlanId = input.PlanId;
    }

    async Task Validate(UserScope scope, UnitDocumentInput input, int? id, CancellationToken ct)
    {
        var errors = new ErrorList();
        if (input.Kind is not { } kind || !Enum.IsDefined(kind)) errors.Add("kind", "Chọn loại văn bản: kế hoạch, quyết định, chỉ thị hoặc công văn.");
        if (string.IsNullOrWhiteSpace(input.Number)) errors.Add("number", "Nhập số, ký hiệu văn bản.");
        else if (input.Number.Trim().Length > 50) errors.Add("number", "Số, ký hiệu dài quá 50 ký tự.");
        if (string.IsNullOrWhiteSpace(input.Signer)) errors.Add("signer", "Nhập người ký.");
        else if (input.Signer.Trim().Length > 200) errors.Add("signer", "Tên người ký dài quá 200 ký tự.");
        if (string.IsNullOrWhiteSpace(input.Subject)) errors.Add("subject", "Nhập trích yếu nội dung.");
        else if (input.Subject.Trim().Length > 1000) errors.Add("subject", "Trích yếu dài quá 1.000 ký tự.");
        if (input.IssuedOn is not { } day) errors.Add("issuedOn", "Nhập ngày ban hành.");
        else if (day > VietnamTime.Today(clock)) errors.Add("issuedOn", "Ngày ban hành không được sau hôm nay.");
        else if (day.Year < 2000) errors.Add("issuedOn", "Ngày ban hành không hợp lệ.");

        if (input.OrgUnitId is not { } unitId) errors.Add("orgUnitId", "Chọn đơn vị ban hành.");
        else if (await tree.Find(unitId) is not { } unit || !scope.CanReadUnit(unitId)) errors.Add("orgUnitId", "Không có đơn vị hành chính này.");
        else if (!scope.CanWriteUnit(unitId)) errors.Add("orgUnitId", "Đơn vị này nằm ngoài phạm vi bạn được giao.");
        else if (input.IssuedOn is { } d && !((unit.ValidFrom is null || unit.ValidFrom <= d) && (unit.ValidTo is null || d <= unit.ValidTo)))
            errors.Add("orgUnitId", "Đơn vị này không tồn tại vào ngày ban hành.");
        if (input.AgencyId is { } ag && !await db.Agencies.AnyAsync(a => a.Id == ag, ct)) errors.Add("agencyId", "Không có cơ quan này.");

        if (input.PlanId is { } planId)
        {
            var plan = await db.Plans.AsNoTracking().Where(p => p.Id == planId)
                .Select(p => new { p.IssuingUnitId, p.PeriodFrom, p.PeriodTo }).FirstOrDefaultAsync(ct);
            if (plan is null || !scope.CanReadUnit(plan.IssuingUnitId)) errors.Add("planId", "Không có kế hoạch này trong phạm vi của bạn.");
            else if (input.IssuedOn is { } d && (d.Year < plan.PeriodFrom || d.Year > plan.PeriodTo))
                errors.Add("issuedOn", $"Ngày ban hành nằm ngoài thời kỳ của kế hoạch được thực hiện ({plan.PeriodFrom}–{plan.PeriodTo}).");
        }
        if (!errors.Any)
        {
            var number = input.Number!.Trim();
            var year = input.IssuedOn!.Value.Year;
            if (await db.UnitDocuments.AnyAsync(x => x.Id != id && x.OrgUnitId == input.OrgUnitId && x.Year == year && x.Number == number, ct))
                errors.Add("number", DuplicateNumber);
        }
        errors.ThrowIfAny();
    }

    static UnitDocumentDto ToDto(UserScope scope, UnitDocument d, string unit, string? agency, string? plan) => new(d.Id, d.OrgUnitId, unit,
        d.AgencyId, agency, d.Kind, d.Number, d.IssuedOn, d.Signer, d.Subject, d.PlanId, plan, d.Version, CanEditIn(scope, d.OrgUnitId));
}
