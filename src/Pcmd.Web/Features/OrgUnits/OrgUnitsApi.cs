using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Pcmd.Web.Security;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.OrgUnits;

public sealed record SuccessionInput(int OldUnitId, int NewUnitId, DateOnly? EffectiveOn, string? Note);
public sealed record ProvinceImportInput(string? ProvinceCode);

public static class OrgUnitsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("", ListOrgUnits).WithName(nameof(ListOrgUnits)).WithSummary("Đơn vị con, hoặc tìm đơn vị theo tên").ProducesNotFound();
        api.MapGet("/{id:int}", GetOrgUnit).WithName(nameof(GetOrgUnit)).WithSummary("Một đơn vị hành chính").ProducesNotFound();
        api.MapGet("/{id:int}/successions", ListSuccessions).WithName(nameof(ListSuccessions))
            .WithSummary("Các đơn vị cũ đã sáp nhập vào đơn vị này và ngược lại").ProducesNotFound();
        api.MapPost("", CreateOrgUnit).WithName(nameof(CreateOrgUnit)).WithSummary("Thêm đơn vị hành chính").ProducesInvalid();
        api.MapPut("/{id:int}", UpdateOrgUnit).WithName(nameof(UpdateOrgUnit)).WithSummary("Sửa đơn vị hành chính").ProducesWriteProblems();
        api.MapPost("/successions", AddSuccession).WithName(nameof(AddSuccession)).WithSummary("Ghi một lần sáp nhập (đơn vị cũ → mới)")
            .ProducesWriteProblems();
        api.MapGet("/provinces", ListProvinces).WithName(nameof(ListProvinces)).WithSummary("Các tỉnh, thành phố trong gói dữ liệu địa chỉ");
        api.MapPost("/import-province", ImportProvince).WithName(nameof(ImportProvince))
            .WithSummary("Nạp đơn vị hành chính của một tỉnh từ gói dữ liệu địa chỉ").ProducesInvalid();
    }

    /// <summary>Without parentId: the top of the user's reach (the country for administrators).</summary>
    public static async Task<Ok<List<OrgUnitDto>>> ListOrgUnits(int? parentId, DateQuery? on, string? search, UserScope scope, OrgUnitService svc,
        CancellationToken ct) =>
        TypedResults.Ok(string.IsNullOrWhiteSpace(search) ? await svc.Children(scope, parentId, on.Day(), ct) : await svc.Search(scope, search, on.Day(), 50, ct));

    public static async Task<Ok<OrgUnitDto>> GetOrgUnit(int id, UserScope scope, OrgUnitService svc, CancellationToken ct) =>
        TypedResults.Ok(await svc.Get(scope, id, ct));

    public static async Task<Ok<List<SuccessionDto>>> ListSuccessions(int id, UserScope scope, OrgUnitService svc, CancellationToken ct) =>
        TypedResults.Ok(await svc.Successions(scope, id, ct));

    public static async Task<Created<IdVersion>> CreateOrgUnit([FromBody] OrgUnitInput input, UserScope scope, OrgUnitService svc, CancellationToken ct)
    {
        var u = await svc.Save(scope, null, input, ct);
        return TypedResults.Created($"/api/v1/org-units/{u.Id}", new IdVersion(u.Id, u.Version));
    }

    public static async Task<Ok<IdVersion>> UpdateOrgUnit(int id, [FromBody] OrgUnitInput input, UserScope scope, OrgUnitService svc,
        CancellationToken ct)
    {
        var u = await svc.Save(scope, id, input, ct);
        return TypedResults.Ok(new IdVersion(u.Id, u.Version));
    }

    public static async Task<Ok<SuccessionDto>> AddSuccession([FromBody] SuccessionInput input, UserScope scope, OrgUnitService svc,
        CancellationToken ct) =>
        TypedResults.Ok(await svc.AddSuccession(scope, input.OldUnitId, input.NewUnitId, input.EffectiveOn ?? AddressPackageImporter.ReformDay,
            input.Note, ct));

    public static Ok<IReadOnlyList<AddressPackageImporter.Province>> ListProvinces(UserScope scope, AddressPackageImporter importer)
    {
        if (!scope.Can(Permission.ManageOrgUnits)) throw new ForbiddenException();
        return TypedResults.Ok(importer.Provinces());
    }

    public static async Task<Ok<AddressPackageImporter.Result>> ImportProvince([FromBody] ProvinceImportInput input, UserScope scope,
        AddressPackageImporter importer, CancellationToken ct)
    {
        if (!scope.Can(Permission.ManageOrgUnits)) throw new ForbiddenException("Chỉ quản trị hệ thống được nạp đơn vị hành chính.");
        if (string.IsNullOrWhiteSpace(input.ProvinceCode)) throw ValidationException.One("provinceCode", "Hãy chọn tỉnh, thành phố.");
        return TypedResults.Ok(await importer.ImportProvince(input.ProvinceCode, null, ct));
    }
}
