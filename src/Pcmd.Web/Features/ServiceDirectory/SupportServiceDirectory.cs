using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Data;
using Pcmd.Web.Features.OrgUnits;
using Pcmd.Web.Security;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.ServiceDirectory;

/// <summary>The support-service directory: one list for the public portal, the case workers' referrals and the
/// administrators who keep it. Reading needs no scope (it is public information); writing needs
/// <see cref="Permission.ManageServiceDirectory"/> in a unit the user may write in.</summary>
public sealed partial class SupportServiceDirectory(PcmdDbContext db, OrgUnitTree tree, TimeProvider clock)
{
    public const int MaxPageSize = 200;

    [GeneratedRegex(@"^[0-9+() .\-]{3,50}$")]
    private static partial Regex PhonePattern();

    public async Task<SupportServicePage> Search(SupportServiceFilter f, CancellationToken ct = default)
    {
        var q = db.SupportServices.AsNoTracking();
        if (!f.IncludeInactive) q = q.Where(s => s.Active);
        if (f.OrgUnitId is { } unit)
        {
            if (await tree.Find(unit) is null) throw new ValidationException(new Dictionary<string, string[]> { ["unit"] = ["Không có đơn vị hành chính này."] });
            // A commune's people are served by what is in the commune and by what serves the whole city (a hotline, a centre).
            var above = (await tree.Ancestors(unit)).Select(n => n.Id).ToList();
            var area = db.AreaOf(unit);
            q = q.Where(s => area.Contains(s.OrgUnitId) || above.Contains(s.OrgUnitId));
        }
        if (f.Kind is { } kind) q = q.Where(s => s.Kind == kind);
        if (!string.IsNullOrWhiteSpace(f.Search))
        {
            var words = f.Search.Trim();
            q = q.Where(s => s.Name.Contains(words) || s.Address.Contains(words));
        }
        var size = Math.Clamp(f.PageSize, 1, MaxPageSize);
        var total = await q.CountAsync(ct);
        var page = Math.Clamp(f.Page, 1, Math.Max(1, (total + size - 1) / size));
        var items = await Views(q.OrderBy(s => s.Name).ThenBy(s => s.Id).Skip((page - 1) * size).Take(size)).ToListAsync(ct);
        return new SupportServicePage(total, page, size, items);
    }

    public async Task<SupportServiceView> Get(int id, CancellationToken ct = default) =>
        await Views(db.SupportServices.AsNoTracking().Where(s => s.Id == id)).FirstOrDefaultAsync(ct) ?? throw new NotFoundException();

    /// <summary>Whether a service exists and takes new referrals.</summary>
    public Task<bool> IsActive(int id, CancellationToken ct = default) => db.SupportServices.AnyAsync(s => s.Id == id && s.Active, ct);

    static IQueryable<SupportServiceView> Views(IQueryable<SupportService> q) =>
        q.Select(s => new SupportServiceView(s.Id, s.Name, s.Kind, s.OrgUnitId, s.OrgUnit!.Name, s.Address, s.Hours, s.Phone, s.Description,
            s.Active, s.Version));

    /// <summary>The units a service may be placed in: provinces and today's communes, in Vietnamese order.</summary>
    public async Task<List<ServiceUnit>> Units(UserScope? writer = null)
    {
        var today = VietnamTime.Today(clock);
        return (await tree.All())
            .Where(n => n.Level is OrgUnitLevel.Province or OrgUnitLevel.Commune && (n.ValidTo is null || n.ValidTo >= today))
            .Where(n => writer is null || writer.CanWriteUnit(n.Id))
            .OrderBy(n => n.Level).ThenBy(n => n.Name, VietnameseText.Comparer)
            .Select(n => new ServiceUnit(n.Id, n.Name)).ToList();
    }

    public static bool CanManage(UserScope s) => s.Can(Permission.ManageServiceDirectory);

    public async Task<SupportService> Create(UserScope scope, SupportServiceInput input, CancellationToken ct = default)
    {
        if (!CanManage(scope)) throw new ForbiddenException();
        await Validate(scope, input);
        var service = new SupportService();
        Fill(service, input);
        db.SupportServices.Add(service);
        await db.SaveChangesAsync(ct);
        return service;
    }

    public async Task<SupportService> Update(UserScope scope, int id, SupportServiceInput input, CancellationToken ct = default)
    {
        if (!CanManage(scope)) throw new ForbiddenException();
        var service = await db.SupportServices.FirstOrDefaultAsync(s => s.Id == id, ct) ?? throw new NotFoundException();
        if (!scope.CanWriteUnit(service.OrgUnitId)) throw new ForbiddenException();
        await Validate(scope, input);
        if (service.Version != input.Version) throw new ConflictException();
        Fill(service, input);
        await db.SaveChangesAsync(ct);
        return service;
    }

    async Task Validate(UserScope scope, SupportServiceInput input)
    {
        var errors = new ErrorList();
        Text(errors, "name", input.Name, SupportServiceConfiguration.NameMax, "Cần nhập tên nơi cung cấp dịch vụ.");
        Text(errors, "address", input.Address, SupportServiceConfiguration.AddressMax, "Cần nhập địa chỉ.");
        Text(errors, "hours", input.Hours, SupportServiceConfiguration.HoursMax, null);
        Text(errors, "description", input.Description, SupportServiceConfiguration.DescriptionMax, null);
        if (input.Kind is null || !Enum.IsDefined(input.Kind.Value)) errors.Add("kind", "Cần chọn loại dịch vụ.");
        if (!string.IsNullOrWhiteSpace(input.Phone) && !PhonePattern().IsMatch(input.Phone.Trim()))
            errors.Add("phone", "Số điện thoại chỉ gồm chữ số, dấu cách và các dấu + - . ( ), từ 3 đến 50 ký tự.");
        if (input.OrgUnitId is not { } unit) errors.Add("orgUnitId", "Cần chọn xã, phường hoặc tỉnh, thành phố nơi có dịch vụ.");
        else if (!(await Units()).Any(u => u.Id == unit)) errors.Add("orgUnitId", "Chỉ chọn được tỉnh, thành phố hoặc xã, phường hiện hành.");
        else if (!scope.CanWriteUnit(unit)) errors.Add("orgUnitId", "Đơn vị này ngoài phạm vi bạn được giao.");
        errors.ThrowIfAny();
    }

    static void Text(ErrorList errors, string field, string? value, int max, string? requiredMessage)
    {
        if (string.IsNullOrWhiteSpace(value)) { if (requiredMessage is not null) errors.Add(field, requiredMessage); }
        else if (value.Trim().Length > max) errors.Add(field, $"Tối đa {max} ký tự.");
    }

    static void Fill(SupportService s, SupportServiceInput input)
    {
        s.Name = input.Name!.Trim();
        s.Kind = input.Kind!.Value;
        s.OrgUnitId = input.OrgUnitId!.Value;
        s.Address = input.Address!.Trim();
        s.Hours = Blank(input.Hours);
        s.Phone = Blank(input.Phone);
        s.Description = Blank(input.Description);
        s.Active = input.Active ?? true;
    }

    static string? Blank(string? v) => string.IsNullOrWhiteSpace(v) ? null : v.Trim();
}
