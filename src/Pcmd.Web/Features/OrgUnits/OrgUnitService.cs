using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Data;
using Pcmd.Web.Security;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.OrgUnits;

public sealed record OrgUnitDto(int Id, string Code, string Name, OrgUnitLevel Level, int? ParentId, DateOnly? ValidFrom, DateOnly? ValidTo,
    bool CodeIsOfficial, int Version, int ChildCount);

public sealed record SuccessionDto(int Id, int OldUnitId, string OldCode, string OldName, int NewUnitId, string NewCode, string NewName, DateOnly EffectiveOn, string? Note);

public sealed record OrgUnitInput(string? Code, string? Name, OrgUnitLevel Level, int? ParentId, DateOnly? ValidFrom, DateOnly? ValidTo, int Version = 0);

/// <summary>Browse the unit tree within scope; only administrators change the structure, which is official.</summary>
public sealed class OrgUnitService(PcmdDbContext db, OrgUnitTree tree)
{
    public async Task<List<OrgUnitDto>> Children(UserScope scope, int? parentId, DateOnly? on = null, CancellationToken ct = default)
    {
        if (parentId is { } p && !scope.CanReadUnit(p)) throw new NotFoundException();
        var q = db.OrgUnits.AsNoTracking().Where(u => u.ParentId == parentId);
        if (on is { } day) q = q.Where(u => (u.ValidFrom == null || u.ValidFrom <= day) && (u.ValidTo == null || u.ValidTo >= day));
        var rows = await q.Select(u => new OrgUnitDto(u.Id, u.Code, u.Name, u.Level, u.ParentId, u.ValidFrom, u.ValidTo, u.CodeIsOfficial, u.Version,
            db.OrgUnits.Count(c => c.ParentId == u.Id))).ToListAsync(ct);
        var visible = new List<OrgUnitDto>();
        foreach (var u in rows.Where(u => scope.CanReadUnit(u.Id)))
            visible.Add(scope.IsGlobal ? u : u with { ChildCount = (await tree.Children(u.Id)).Count(scope.CanReadUnit) });
        return visible.OrderBy(u => u.ValidTo is null ? 0 : 1).ThenBy(u => u.Name, VietnameseText.Comparer).ToList();
    }

    public async Task<List<OrgUnitDto>> Search(UserScope scope, string text, DateOnly? on, int limit = 50, CancellationToken ct = default)
    {
        var q = db.OrgUnits.AsNoTracking().Where(u => u.Name.Contains(text) || u.Code.StartsWith(text));
        if (on is { } day) q = q.Where(u => (u.ValidFrom == null || u.ValidFrom <= day) && (u.ValidTo == null || u.ValidTo >= day));
        var rows = await q.Take(2000).Select(u => new OrgUnitDto(u.Id, u.Code, u.Name, u.Level, u.ParentId, u.ValidFrom, u.ValidTo, u.CodeIsOfficial, u.Version,
            db.OrgUnits.Count(c => c.ParentId == u.Id))).ToListAsync(ct);
        return rows.Where(u => scope.CanReadUnit(u.Id)).OrderBy(u => u.Name, VietnameseText.Comparer).Take(limit).ToList();
    }

    public async Task<OrgUnitDto> Get(UserScope scope, int id, CancellationToken ct = default)
    {
        if (!scope.CanReadUnit(id)) throw new NotFoundException();
        return await db.OrgUnits.AsNoTracking().Where(u => u.Id == id)
            .Select(u => new OrgUnitDto(u.Id, u.Code, u.Name, u.Level, u.ParentId, u.ValidFrom, u.ValidTo, u.CodeIsOfficial, u.Version,
                db.OrgUnits.Count(c => c.ParentId == u.Id)))
            .FirstOrDefaultAsync(ct) ?? throw new NotFoundException();
    }

    public async Task<List<OrgUnitTree.Node>> Path(UserScope scope, int id)
    {
        if (!scope.CanReadUnit(id)) throw new NotFoundException();
        var path = (await tree.Ancestors(id)).Where(n => scope.CanReadUnit(n.Id)).Reverse().ToList();
        if (await tree.Find(id) is { } self) path.Add(self);
        return path;
    }

    /// <summary>The mapping rules touching a unit, both directions, within scope.</summary>
    public async Task<List<SuccessionDto>> Successions(UserScope scope, int id, CancellationToken ct = default)
    {
        if (!scope.CanReadUnit(id)) throw new NotFoundException();
        var rows = await db.OrgUnitSuccessions.AsNoTracking().Where(s => s.OldUnitId == id || s.NewUnitId == id)
            .Select(s => new SuccessionDto(s.Id, s.OldUnitId, s.OldUnit!.Code, s.OldUnit.Name, s.NewUnitId, s.NewUnit!.Code, s.NewUnit.Name, s.EffectiveOn, s.Note))
            .ToListAsync(ct);
        return rows.Where(r => scope.CanReadUnit(r.OldUnitId) && scope.CanReadUnit(r.NewUnitId)).ToList();
    }

    public async Task<OrgUnit> Save(UserScope scope, int? id, OrgUnitInput input, CancellationToken ct = default)
    {
        if (!scope.Can(Permission.ManageOrgUnits)) throw new ForbiddenException("Chỉ quản trị hệ thống được thay đổi cơ cấu đơn vị hành chính.");
        var errors = new ErrorList();
        if (string.IsNullOrWhiteSpace(input.Code)) errors.Add("code", "Thiếu mã đơn vị.");
        else if (input.Code.Length > 40) errors.Add("code", "Mã đơn vị dài quá 40 ký tự.");
        if (string.IsNullOrWhiteSpace(input.Name)) errors.Add("name", "Thiếu tên đơn vị.");
        if (!Enum.IsDefined(input.Level)) errors.Add("level", "Cấp đơn vị không hợp lệ.");
        if (input is { ValidFrom: { } f, ValidTo: { } t } && t < f)
            errors.Add("validTo", $"Ngày hết hiệu lực ({t:dd/MM/yyyy}) trước ngày có hiệu lực ({f:dd/MM/yyyy}).");
        if (input.ParentId is { } pid)
        {
            var parent = await db.OrgUnits.AsNoTracking().FirstOrDefaultAsync(u => u.Id == pid, ct);
            if (parent is null) errors.Add("parentId", "Không có đơn vị cấp trên này.");
            else if (parent.Level >= input.Level) errors.Add("level", "Cấp của đơn vị phải thấp hơn cấp của đơn vị cấp trên.");
            if (id is { } self && (await tree.Subtree(self)).Contains(pid)) errors.Add("parentId", "Không thể đặt đơn vị vào dưới chính nó.");
        }
        if (!string.IsNullOrWhiteSpace(input.Code) && await db.OrgUnits.AnyAsync(u => u.Code == input.Code && u.ValidFrom == input.ValidFrom && u.Id != id, ct))
            errors.Add("code", $"Đã có đơn vị mã '{input.Code}' với cùng ngày có hiệu lực.");
        errors.ThrowIfAny();

        OrgUnit unit;
        if (id is { } existingId)
        {
            unit = await db.OrgUnits.FirstOrDefaultAsync(u => u.Id == existingId, ct) ?? throw new NotFoundException();
            if (unit.Version != input.Version) throw new ConflictException();
            db.Entry(unit).Property(u => u.Version).OriginalValue = input.Version;
        }
        else db.OrgUnits.Add(unit = new OrgUnit { CodeIsOfficial = true });
        unit.Code = input.Code!.Trim();
        unit.Name = input.Name!.Trim();
        unit.Level = input.Level;
        unit.ParentId = input.ParentId;
        unit.ValidFrom = input.ValidFrom;
        unit.ValidTo = input.ValidTo;
        await db.SaveChangesAsync(ct);
        await tree.Changed(db);
        return unit;
    }

    public async Task<SuccessionDto> AddSuccession(UserScope scope, int oldId, int newId, DateOnly effectiveOn, string? note, CancellationToken ct = default)
    {
        if (!scope.Can(Permission.ManageOrgUnits)) throw new ForbiddenException("Chỉ quản trị hệ thống được thay đổi cơ cấu đơn vị hành chính.");
        var errors = new ErrorList();
        var from = await db.OrgUnits.FindAsync([oldId], ct);
        var to = await db.OrgUnits.FindAsync([newId], ct);
        if (from is null) errors.Add("oldUnitId", "Không có đơn vị cũ này.");
        if (to is null) errors.Add("newUnitId", "Không có đơn vị mới này.");
        if (oldId == newId) errors.Add("newUnitId", "Đơn vị mới phải khác đơn vị cũ.");
        if (await db.OrgUnitSuccessions.AnyAsync(s => s.OldUnitId == oldId && s.NewUnitId == newId, ct)) errors.Add("newUnitId", "Quy tắc chuyển đổi này đã có.");
        errors.ThrowIfAny();
        var s = new OrgUnitSuccession { OldUnitId = oldId, NewUnitId = newId, EffectiveOn = effectiveOn, Note = note };
        db.OrgUnitSuccessions.Add(s);
        await db.SaveChangesAsync(ct);
        await tree.Changed(db);
        return new SuccessionDto(s.Id, oldId, from!.Code, from.Name, newId, to!.Code, to.Name, effectiveOn, note);
    }
}
