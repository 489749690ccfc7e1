using Pcmd.Web.Features.Audit;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Pcmd.Web.Security;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.Agencies;

public sealed record CatalogueImported(int Added);

public static class AgenciesApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("", ListAgencies).WithName(nameof(ListAgencies)).WithSummary("Danh sách cơ quan trong phạm vi");
        api.MapGet("/{id:int}", GetAgency).WithName(nameof(GetAgency)).WithSummary("Một cơ quan").ProducesNotFound();
        api.MapPost("", CreateAgency).WithName(nameof(CreateAgency)).WithSummary("Thêm cơ quan").ProducesInvalid();
        api.MapPut("/{id:int}", UpdateAgency).WithName(nameof(UpdateAgency)).WithSummary("Sửa cơ quan").ProducesWriteProblems();
        api.MapPost("/import", ImportAgencies).WithName(nameof(ImportAgencies)).WithSummary("Nạp danh mục cơ quan (tệp JSON)")
            .Accepts<List<AgencyFileEntry>>("application/json").DisableAntiforgery().ProducesInvalid();
    }

    public static async Task<Ok<List<AgencyDto>>> ListAgencies(string? search, AgencyKind? kind, int? orgUnitId, UserScope scope, AgencyService svc,
        CancellationToken ct) => TypedResults.Ok(await svc.List(scope, search, kind, orgUnitId, ct));

    public static async Task<Ok<AgencyDto>> GetAgency(int id, UserScope scope, AgencyService svc, CancellationToken ct) =>
        TypedResults.Ok(await svc.Get(scope, id, ct));

    public static async Task<Created<IdVersion>> CreateAgency([FromBody] AgencyInput input, UserScope scope, AgencyService svc, CancellationToken ct)
    {
        var a = await svc.Save(scope, null, input, ct);
        return TypedResults.Created($"/api/v1/agencies/{a.Id}", new IdVersion(a.Id, a.Version));
    }

    public static async Task<Ok<IdVersion>> UpdateAgency(int id, [FromBody] AgencyInput input, UserScope scope, AgencyService svc, CancellationToken ct)
    {
        var a = await svc.Save(scope, id, input, ct);
        return TypedResults.Ok(new IdVersion(a.Id, a.Version));
    }

    public static async Task<Ok<CatalogueImported>> ImportAgencies(HttpRequest req, UserScope scope, AgencyCatalogue catalogue, AuditTrail audit,
        CancellationToken ct)
    {
        AgencyCatalogue.EnsureMayImport(scope);
        var added = await audit.Importing("AgencyCatalogue", null, async () =>
            await catalogue.Import(scope, await JsonBody.Read(req, AgencyCatalogue.FileKind, ct), ct));
        return TypedResults.Ok(new CatalogueImported(added));
    }
}
