using Microsoft.AspNetCore.Mvc;
using Pcmd.Web.Features.Plans;
using Pcmd.Web.Security;

namespace Pcmd.Web.Features.Agencies;

public static class AgenciesApi
{
    public static void MapAgenciesApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1/agencies").WithTags("Cơ quan").RequireAuthorization();
        api.MapGet("/", async (string? search, AgencyKind? kind, int? orgUnitId, CurrentScope cs, AgencyService svc, CancellationToken ct) =>
            Results.Ok(await svc.List(await cs.Get(), search, kind, orgUnitId, ct)));
        api.MapGet("/{id:int}", async (int id, CurrentScope cs, AgencyService svc, CancellationToken ct) =>
            Results.Ok(await svc.Get(await cs.Get(), id, ct)));
        api.MapPost("/", async ([FromBody] AgencyInput input, CurrentScope cs, AgencyService svc, CancellationToken ct) =>
        {
            var a = await svc.Save(await cs.Get(), null, input, ct);
            return Results.Created($"/api/v1/agencies/{a.Id}", new { a.Id, a.Version });
        });
        api.MapPut("/{id:int}", async (int id, [FromBody] AgencyInput input, CurrentScope cs, AgencyService svc, CancellationToken ct) =>
        {
            var a = await svc.Save(await cs.Get(), id, input, ct);
            return Results.Ok(new { a.Id, a.Version });
        });
        api.MapPost("/import", async (HttpRequest req, CurrentScope cs, AgencyCatalogue catalogue, CancellationToken ct) =>
            Results.Ok(new { added = await catalogue.Import(await cs.Get(), await PlansApi.ReadBody(req, ct), ct) }))
            .Accepts<List<AgencyFileEntry>>("application/json").DisableAntiforgery();
    }
}
