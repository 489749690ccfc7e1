using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Data;
using Pcmd.Web.Security;

namespace Pcmd.Web.Features.Support;

/// <summary>The screening checklist (issue 12, item 3): kinds of need as data, which an administrator extends. A kind in use is
/// retired (inactive), never deleted, so past screenings keep their meaning.</summary>
public sealed class NeedKindService(PcmdDbContext db)
{
    public Task<List<NeedKindDto>> List(bool activeOnly, CancellationToken ct = default) =>
        db.NeedKinds.AsNoTracking().Where(k => !activeOnly || k.Active).OrderBy(k => k.SortOrder).ThenBy(k => k.Id)
            .Select(k => new NeedKindDto(k.Id, k.Code, k.Name, k.SortOrder, k.Active)).ToListAsync(ct);

    public async Task<NeedKind> Create(UserScope scope, NeedKindInput input, CancellationToken ct = default)
    {
        if (!scope.IsGlobal) throw new ForbiddenException("Chỉ quản trị hệ thống sửa danh mục nhu cầu.");
        var errors = new ErrorList();
        var code = input.Code?.Trim().ToLowerInvariant() ?? "";
        if (code.Length is 0 or > 40 || !code.All(ch => char.IsAsciiLetterOrDigit(ch) || ch == '-'))
            errors.Add("code", "Mã gồm 1–40 chữ cái không dấu, chữ số hoặc dấu gạch ngang.");
        else if (await db.NeedKinds.AnyAsync(k => k.Code == code, ct)) errors.Add("code", "Đã có loại nhu cầu với mã này.");
        Check(input, errors);
        errors.ThrowIfAny();
        var kind = new NeedKind { Code = code, Name = input.Name!.Trim(), SortOrder = input.SortOrder ?? 100, Active = input.Active ?? true };
        db.NeedKinds.Add(kind);
        await db.SaveChangesAsync(ct);
        return kind;
    }

    public async Task<NeedKind> Update(UserScope scope, int id, NeedKindInput input, CancellationToken ct = default)
    {
        if (!scope.IsGlobal) throw new ForbiddenException("Chỉ quản trị hệ thống sửa danh mục nhu cầu.");
        var kind = await db.NeedKinds.FirstOrDefaultAsync(k => k.Id == id, ct) ?? throw new NotFoundException();
        var errors = new ErrorList();
        if (input.Code is { } c && c.Trim().ToLowerInvariant() != kind.Code) errors.Add("code", "Không đổi mã của loại nhu cầu đã có.");
        Check(input, errors);
        errors.ThrowIfAny();
        kind.Name = input.Name!.Trim();
        kind.SortOrder = input.SortOrder ?? kind.SortOrder;
        kind.Active = input.Active ?? kind.Active;
        await db.SaveChangesAsync(ct);
        return kind;
    }

    static void Check(NeedKindInput input, ErrorList errors)
    {
        if (string.IsNullOrWhiteSpace(input.Name)) errors.Add("name", "Nhập tên loại nhu cầu.");
        else if (input.Name.Trim().Length > 200) errors.Add("name", "Tên dài quá 200 ký tự.");
        if (input.SortOrder is < 0 or > 10_000) errors.Add("sortOrder", "Thứ tự từ 0 đến 10.000.");
    }
}
