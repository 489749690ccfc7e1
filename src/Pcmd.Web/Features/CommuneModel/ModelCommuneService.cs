using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Audit;
using Pcmd.Web.Features.OrgUnits;
using Pcmd.Web.Features.Users;
using Pcmd.Web.Security;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.CommuneModel;

/// <summary>The communes applying the PCMD model, per year, within the user's scope: a ward records its own, the coordinator
/// the whole city's list (the appendix of the yearly plan).</summary>
public sealed class ModelCommuneService(PcmdDbContext db, OrgUnitTree tree, AuditTrail audit)
{
    public const int MinYear = 2000, MaxYear = 2100;

    public static bool CanEdit(UserScope s) => s.IsGlobal || s.IsInRole(Roles.Coordinator) || s.IsInRole(Roles.CommuneOfficer);

    public static bool CanEditIn(UserScope s, int unitId) => CanEdit(s) && s.CanWriteUnit(unitId);

    public async Task<ModelCommuneList> List(UserScope scope, int year, int? unit, CancellationToken ct = default)
    {
        var q = db.ModelCommunes.AsNoTracking().InReadableScope(db, scope, m => m.OrgUnitId).Where(m => m.Year == year);
        if (unit is { } u)
        {
            await tree.EnsureReadable(scope, u);
            q = q.InAreaOf(db, u, m => m.OrgUnitId);
        }
        var rows = await q.Include(m => m.OrgUnit).ToListAsync(ct);
        var items = rows.OrderBy(m => m.OrgUnit?.Name, VietnameseText.Comparer)
            .Select(m => ToDto(scope, m)).ToList();
        return new ModelCommuneList(year, items.Count(m => m.Status == ModelStatus.Maintained), items.Count(m => m.Status == ModelStatus.New), items);
    }

    public async Task<ModelCommuneDto> Get(UserScope scope, int id, CancellationToken ct = default)
    {
        var m = await db.ModelCommunes.AsNoTracking().Include(x => x.OrgUnit).FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException();
        if (!scope.CanReadUnit(m.OrgUnitId)) throw audit.Denied(nameof(ModelCommune), id, new NotFoundException());
        return ToDto(scope, m);
    }

    public async Task<ModelCommune> Create(UserScope scope, ModelCommuneInput input, CancellationToken ct = default)
    {
        if (!CanEdit(scope)) throw new ForbiddenException();
        await Validate(scope, input, null, ct);
        var m = new ModelCommune();
        Fill(m, input);
        db.ModelCommunes.Add(m);
        await Save(ct);
        return m;
    }

    public async Task<ModelCommune> Update(UserScope scope, int id, ModelCommuneInput input, CancellationToken ct = default)
    {
        var m = await Load(scope, id, ct);
        await Validate(scope, input, id, ct);
        db.Expect(m, input.Version);
        Fill(m, input);
        await Save(ct);
        return m;
    }

    public async Task Delete(UserScope scope, int id, int version, CancellationToken ct = default)
    {
        var m = await Load(scope, id, ct);
        db.Expect(m, version);
        db.ModelCommunes.Remove(m);
        await db.SaveVersioned(ct);
    }

    const string Duplicate = "Xã, phường này đã có trong danh sách áp dụng mô hình của năm.";

    async Task Save(CancellationToken ct)
    {
        // The unique (commune, year) index settles a race between two writers the check in Validate could not see.
        try { await db.SaveVersioned(ct); }
        catch (DbUpdateException) { throw ValidationException.One("orgUnitId", Duplicate); }
    }

    async Task<ModelCommune> Load(UserScope scope, int id, CancellationToken ct)
    {
        var m = await db.ModelCommunes.FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException();
        if (!scope.CanReadUnit(m.OrgUnitId)) throw audit.Denied(nameof(ModelCommune), id, new NotFoundException());
        if (!CanEditIn(scope, m.OrgUnitId)) throw audit.Denied(nameof(ModelCommune), id, new ForbiddenException());
        return m;
    }

    static void Fill(ModelCommune m, ModelCommuneInput input)
    {
        m.OrgUnitId = input.OrgUnitId!.Value;
        m.Year = input.Year!.Value;
        m.Status = input.Status!.Value;
        m.PlanId = input.PlanId;
        m.Note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim();
    }

    async Task Validate(UserScope scope, ModelCommuneInput input, int? id, CancellationToken ct)
    {
        var errors = new ErrorList();
        if (input.Year is not { } year) errors.Add("year", "Nhập năm áp dụng mô hình.");
        else if (year is < MinYear or > MaxYear) errors.Add("year", $"Năm áp dụng phải từ {MinYear} đến {MaxYear}.");
        if (input.Status is not { } st || !Enum.IsDefined(st)) errors.Add("status", "Chọn \"duy trì\" hoặc \"áp dụng mới\".");
        if (input.Note?.Trim().Length > 1000) errors.Add("note", "Ghi chú dài quá 1.000 ký tự.");
        await CommuneRules.CheckCommune(tree, scope, input.OrgUnitId, input.Year, errors);
        if (input.PlanId is { } planId && !await db.Plans.AnyAsync(p => p.Id == planId, ct)) errors.Add("planId", "Không có kế hoạch này.");
        if (!errors.Any && await db.ModelCommunes.AnyAsync(m => m.OrgUnitId == input.OrgUnitId && m.Year == input.Year && m.Id != id, ct))
            errors.Add("orgUnitId", Duplicate);
        errors.ThrowIfAny();
    }

    static ModelCommuneDto ToDto(UserScope scope, ModelCommune m) =>
        new(m.Id, m.OrgUnitId, m.OrgUnit?.Name ?? "", m.Year, m.Status, m.PlanId, m.Note, m.Version, CanEditIn(scope, m.OrgUnitId));
}

/// <summary>Checks shared by the model list and the assessments: a commune of the user's writable area that existed in the year.</summary>
public static class CommuneRules
{
    public static async Task CheckCommune(OrgUnitTree tree, UserScope scope, int? unitId, int? year, ErrorList errors)
    {
        if (unitId is not { } id) { errors.Add("orgUnitId", "Chọn xã, phường."); return; }
        if (await tree.Find(id) is not { } unit || !scope.CanReadUnit(id)) errors.Add("orgUnitId", "Không có đơn vị hành chính này.");
        else if (unit.Level != OrgUnitLevel.Commune) errors.Add("orgUnitId", "Chỉ ghi cho một xã, phường, thị trấn.");
        else if (!scope.CanWriteUnit(id)) errors.Add("orgUnitId", "Xã, phường này nằm ngoài phạm vi bạn được giao.");
        else if (year is { } y && !((unit.ValidFrom is null || unit.ValidFrom.Value.Year <= y) && (unit.ValidTo is null || unit.ValidTo.Value.Year >= y)))
            errors.Add("orgUnitId", $"Xã, phường này không tồn tại trong năm {y} (sắp xếp đơn vị hành chính ngày 01/07/2025).");
    }
}
