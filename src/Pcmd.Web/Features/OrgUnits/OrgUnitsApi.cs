using Microsoft.AspNetCore.Mvc;
using Pcmd.Web.Security;

namespace Pcmd.Web.Features.OrgUnits;

public sealed record SuccessionInput(int OldUnitId, int NewUnitId, DateOnly? EffectiveOn, string? Note);
public sealed record ProvinceImportInput(string? ProvinceCode);

public static class OrgUnitsApi
{
    public static void MapOrgUnitsApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1/org-units").WithTags("Đơn vị hành chính").RequireAuthorization();

        // Without parentId: the top of the user's reach (the country for administrators).
        api.MapGet("/", async (int? parentId, DateOnly? on, string? search, CurrentScope cs, OrgUnitService svc, CancellationToken ct) =>
        {
            var scope = await cs.Get();
            if (!string.IsNullOrWhiteSpace(search)) return Results.Ok(await svc.Search(scope, search, on, 50, ct));
            return Results.Ok(await svc.Children(scope, parentId, on, ct));
        });
        api.MapGet("/{id:int}", async (int id, CurrentScope cs, OrgUnitService svc, CancellationToken ct) =>
            Results.Ok(await svc.Get(await cs.Get(), id, ct)));
        api.MapGet("/{id:int}/successions", async (int id, CurrentScope cs, OrgUnitService svc, CancellationToken ct) =>
            Results.Ok(await svc.Successions(await cs.Get(), id, ct)));
        api.MapPost("/", async ([FromBody] OrgUnitInput input, CurrentScope cs, OrgUnitService svc, CancellationToken ct) =>
        {
            var u = await svc.Save(await cs.Get(), null, input, ct);
            return Results.Created($"/api/v1/org-units/{u.Id}", new { u.Id, u.Version });
        });
        api.MapPut("/{id:int}", async (int id, [FromBody] OrgUnitInput input, CurrentScope cs, OrgUnitService svc, CancellationToken ct) =>
        {
            var u = await svc.Save(await cs.Get(), id, input, ct);
            return Results.Ok(new { u.Id, u.Version });
        });
        api.MapPost("/successions", async ([FromBody] SuccessionInput input, CurrentScope cs, OrgUnitService svc, CancellationToken ct) =>
            Results.Ok(await svc.AddSuccession(await cs.Get(), input.OldUnitId, input.NewUnitId, input.EffectiveOn ?? AddressPackageImporter.ReformDay, input.Note, ct)));

        api.MapGet("/provinces", async (CurrentScope cs, AddressPackageImporter importer) =>
        {
            if (!(await cs.Get()).Can(Permission.ManageOrgUnits)) throw new ForbiddenException();
            return Results.Ok(importer.Provinces());
        });
        api.MapPost("/import-province", async ([FromBody] ProvinceImportInput input, CurrentScope cs, AddressPackageImporter importer, CancellationToken ct) =>
        {
            if (!(await cs.Get()).Can(Permission.ManageOrgUnits)) throw new ForbiddenException("Chỉ quản trị hệ thống được nạp đơn vị hành chính.");
            if (string.IsNullOrWhiteSpace(input.ProvinceCode)) throw ValidationException.One("provinceCode", "Hãy chọn tỉnh, thành phố.");
            return Results.Ok(await importer.ImportProvince(input.ProvinceCode, null, ct));
        });
    }
}
