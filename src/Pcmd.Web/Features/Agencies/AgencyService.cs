using Pcmd.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Data;
using Pcmd.Web.Security;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.Agencies;

public sealed record AgencyDto(int Id, string Code, string Name, string? ShortName, AgencyKind Kind, int OrgUnitId, string OrgUnitName,
    int? ParentId, string? ParentName, DateOnly? ValidFrom, DateOnly? ValidTo, int Version, List<AgencyRef> Members,
    int? SuccessorId = null, string? SuccessorName = null);

public sealed record AgencyRef(int Id, string Code, string Name);

public sealed record AgencyInput(string? Code, string? Name, string? ShortName, AgencyKind Kind, int OrgUnitId, int? ParentId,
    DateOnly? ValidFrom, DateOnly? ValidTo, List<int>? MemberIds, int Version = 0, int? SuccessorId = null);

/// <summary>Agencies and interagency bodies within the user's scope.</summary>
public sealed class AgencyService(PcmdDbContext db, AuditTrail audit)
{
    public async Task<List<AgencyDto>> List(UserScope scope, string? search = null, AgencyKind? kind = null, int? orgUnitId = null, CancellationToken ct = default)
    {
        var q = db.Agencies.AsNoTracking();
        q = q.InReadableScope(db, scope, a => a.OrgUnitId);
        if (kind is { } k) q = q.Where(a => a.Kind == k);
        if (orgUnitId is { } u) q = q.Where(a => a.OrgUnitId == u);
        if (!string.IsNullOrWhiteSpace(search)) q = q.Where(a => a.Name.Contains(search) || a.Code.Contains(search.ToUpper()));
        var rows = await Project(q).ToListAsync(ct);
        return rows.OrderBy(a => a.OrgUnitName, VietnameseText.Comparer).ThenBy(a => a.Name, VietnameseText.Comparer).ToList();
    }

    public async Task<AgencyDto> Get(UserScope scope, int id, CancellationToken ct = default)
    {
        var dto = await Project(db.Agencies.AsNoTracking().Where(a => a.Id == id)).FirstOrDefaultAsync(ct);
        if (dto is null) throw new NotFoundException();
        if (!scope.CanReadUnit(dto.OrgUnitId)) throw audit.Denied(nameof(Agency), id, new NotFoundException());
        return dto with { Members = dto.Members.OrderBy(m => m.Name, VietnameseText.Comparer).ToList() };
    }

    IQueryable<AgencyDto> Project(IQueryable<Agency> q) => q.Select(a => new AgencyDto(a.Id, a.Code, a.Name, a.ShortName, a.Kind, a.OrgUnitId,
        a.OrgUnit!.Name, a.ParentId, a.Parent != null ? a.Parent.Name : null, a.ValidFrom, a.ValidTo, a.Version,
        a.Members.Select(m => new AgencyRef(m.MemberId, m.Member!.Code, m.Member.Name)).ToList(), a.SuccessorId, a.Successor != null ? a.Successor.Name : null));

    public async Task<Agency> Save(UserScope scope, int? id, AgencyInput input, CancellationToken ct = default)
    {
        if (!scope.Can(Permission.ManageAgencies)) throw new ForbiddenException();
        // Out of reach is answered before the input is judged: a refusal must not depend on what was sent.
        Agency? agency = null;
        if (id is { } existingId)
        {
            agency = await db.Agencies.Include(a => a.Members).FirstOrDefaultAsync(a => a.Id == existingId, ct) ?? throw new NotFoundException();
            if (!scope.CanReadUnit(agency.OrgUnitId)) throw audit.Denied(nameof(Agency), existingId, new NotFoundException());
            if (!scope.CanWriteUnit(agency.OrgUnitId)) throw audit.Denied(nameof(Agency), existingId, new ForbiddenException());
        }
        var errors = new ErrorList();
        if (string.IsNullOrWhiteSpace(input.Code)) errors.Add("code", "Thiếu mã cơ quan.");
        else if (input.Code.Length > 60) errors.Add("code", "Mã cơ quan dài quá 60 ký tự.");
        if (string.IsNullOrWhiteSpace(input.Name)) errors.Add("name", "Thiếu tên cơ quan.");
        else if (input.Name.Length > 300) errors.Add("name", "Tên cơ quan dài quá 300 ký tự.");
        if (input.ShortName?.Length > 100) errors.Add("shortName", "Tên viết tắt dài quá 100 ký tự.");
        if (!Enum.IsDefined(input.Kind)) errors.Add("kind", "Loại cơ quan không hợp lệ.");
        if (input is { ValidFrom: { } f, ValidTo: { } t } && t < f) errors.Add("validTo", "Ngày hết hiệu lực trước ngày có hiệu lực.");
        if (!await db.OrgUnits.AnyAsync(u => u.Id == input.OrgUnitId, ct)) errors.Add("orgUnitId", "Không có đơn vị hành chính này.");
        else if (!scope.CanWriteUnit(input.OrgUnitId)) errors.Add("orgUnitId", "Đơn vị này nằm ngoài phạm vi bạn được giao.");
        if (input.ParentId is { } pid && (pid == id || !await db.Agencies.AnyAsync(a => a.Id == pid, ct))) errors.Add("parentId", "Cơ quan cấp trên không hợp lệ.");
        // The successor took over when this one ended (issue 16, item 5): only an ended agency has one, never itself.
        if (input.SuccessorId is { } sid)
        {
            if (sid == id || !await db.Agencies.AnyAsync(a => a.Id == sid, ct)) errors.Add("successorId", "Cơ quan kế thừa không hợp lệ.");
            else if (input.ValidTo is null) errors.Add("successorId", "Chỉ cơ quan đã hết hiệu lực (có ngày hết hiệu lực) mới có cơ quan kế thừa.");
        }
        var memberIds = (input.MemberIds ?? []).Distinct().ToList();
        if (memberIds.Contains(id ?? -1)) errors.Add("memberIds", "Một cơ quan không thể là thành viên của chính nó.");
        if (await db.Agencies.CountAsync(a => memberIds.Contains(a.Id), ct) != memberIds.Count) errors.Add("memberIds", "Có cơ quan thành viên không tồn tại.");
        if (!string.IsNullOrWhiteSpace(input.Code) && await db.Agencies.AnyAsync(a => a.Code == input.Code && a.Id != id, ct))
            errors.Add("code", $"Đã có cơ quan mã '{input.Code}'.");
        errors.ThrowIfAny();

        if (agency is not null)
        {
            if (agency.Version != input.Version) throw new ConflictException();
            db.Entry(agency).Property(a => a.Version).OriginalValue = input.Version;
            db.Entry(agency).State = EntityState.Modified;
        }
        else db.Agencies.Add(agency = new Agency());
        agency.Code = input.Code!.Trim();
        agency.Name = input.Name!.Trim();
        agency.ShortName = string.IsNullOrWhiteSpace(input.ShortName) ? null : input.ShortName.Trim();
        agency.Kind = input.Kind;
        agency.OrgUnitId = input.OrgUnitId;
        agency.ParentId = input.ParentId;
        agency.ValidFrom = input.ValidFrom;
        agency.ValidTo = input.ValidTo;
        agency.SuccessorId = input.SuccessorId;
        agency.Members.RemoveAll(m => !memberIds.Contains(m.MemberId));
        foreach (var m in memberIds.Where(m => agency.Members.All(x => x.MemberId != m)))
            agency.Members.Add(new AgencyMembership { MemberId = m });
        await db.SaveChangesAsync(ct);
        return agency;
    }
}
