using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Demo;
using Pcmd.Web.Security;

namespace Pcmd.Web.Features.Inspections;

public sealed record DecreeDto(int Id, string Code, string Title, DateOnly ValidFrom, DateOnly? ValidTo);

public sealed record ViolationTypeDto(int Id, string Code, string Name, bool IsActive);

public static class InspectionsModule
{
    public static IServiceCollection AddInspections(this IServiceCollection services)
    {
        services.AddScoped<InspectionAccess>();
        services.AddScoped<Establishments.IEstablishmentReferences, InspectionEstablishmentReferences>();
        services.AddScoped<TeamService>();
        services.AddScoped<InspectionPlanService>();
        services.AddScoped<InspectionService>();
        services.AddScoped<InspectionQueries>();
        services.AddScoped<IDemoStep, InspectionDemoStep>();
        return services;
    }

    public static WebApplication MapInspectionsApi(this WebApplication app)
    {
        MapTeams(app.MapGroup("/api/v1/inspection-teams").WithTags("Đội kiểm tra").RequireAuthorization());
        MapPlans(app.MapGroup("/api/v1/inspection-plans").WithTags("Kế hoạch kiểm tra").RequireAuthorization());
        MapInspections(app.MapGroup("/api/v1/inspections").WithTags("Kiểm tra").RequireAuthorization());
        var reference = app.MapGroup("/api/v1").WithTags("Kiểm tra").RequireAuthorization();
        reference.MapGet("/decrees", async (PcmdDbContext db, CancellationToken ct) => Results.Ok(await db.Decrees.AsNoTracking()
            .OrderBy(d => d.ValidFrom).Select(d => new DecreeDto(d.Id, d.Code, d.Title, d.ValidFrom, d.ValidTo)).ToListAsync(ct)));
        reference.MapGet("/violation-types", async (PcmdDbContext db, CancellationToken ct) => Results.Ok(await db.ViolationTypes.AsNoTracking()
            .OrderBy(v => v.Id).Select(v => new ViolationTypeDto(v.Id, v.Code, v.Name, v.IsActive)).ToListAsync(ct)));
        return app;
    }

    static void MapTeams(RouteGroupBuilder api)
    {
        api.MapGet("/", async (int? orgUnitId, bool? active, CurrentScope cs, TeamService svc, CancellationToken ct) =>
            Results.Ok(await svc.List(await cs.Get(), orgUnitId, active == true, ct)));
        api.MapGet("/{id:int}", async (int id, CurrentScope cs, TeamService svc, CancellationToken ct) =>
            Results.Ok(await svc.Get(await cs.Get(), id, ct)));
        api.MapPost("/", async ([FromBody] TeamInput input, CurrentScope cs, TeamService svc, CancellationToken ct) =>
        {
            var t = await svc.Create(await cs.Get(), input, ct);
            return Results.Created($"/api/v1/inspection-teams/{t.Id}", new { t.Id, t.Version });
        });
        api.MapPut("/{id:int}", async (int id, [FromBody] TeamInput input, CurrentScope cs, TeamService svc, CancellationToken ct) =>
        {
            var t = await svc.Update(await cs.Get(), id, input, ct);
            return Results.Ok(new { t.Id, t.Version });
        });
        api.MapPost("/{id:int}/members", async (int id, [FromBody] TeamMemberInput input, CurrentScope cs, TeamService svc, CancellationToken ct) =>
        {
            var (t, m) = await svc.AddMember(await cs.Get(), id, input, ct);
            return Results.Created($"/api/v1/inspection-teams/{t.Id}", new { m.Id, TeamId = t.Id, t.Version });
        });
        api.MapPut("/{id:int}/members/{memberId:int}", async (int id, int memberId, [FromBody] TeamMemberInput input, CurrentScope cs, TeamService svc,
            CancellationToken ct) =>
        {
            var t = await svc.UpdateMember(await cs.Get(), id, memberId, input, ct);
            return Results.Ok(new { Id = memberId, TeamId = t.Id, t.Version });
        });
        api.MapPost("/{id:int}/members/{memberId:int}/deactivate", async (int id, int memberId, int version, CurrentScope cs, TeamService svc,
            CancellationToken ct) =>
        {
            var t = await svc.DeactivateMember(await cs.Get(), id, memberId, version, ct);
            return Results.Ok(new { Id = memberId, TeamId = t.Id, t.Version });
        });
    }

    static void MapPlans(RouteGroupBuilder api)
    {
        api.MapGet("/", async (int? teamId, CurrentScope cs, InspectionPlanService svc, CancellationToken ct) =>
            Results.Ok(await svc.List(await cs.Get(), teamId, ct)));
        api.MapGet("/{id:int}", async (int id, CurrentScope cs, InspectionPlanService svc, CancellationToken ct) =>
            Results.Ok(await svc.Get(await cs.Get(), id, ct)));
        api.MapPost("/", async ([FromBody] InspectionPlanInput input, CurrentScope cs, InspectionPlanService svc, CancellationToken ct) =>
        {
            var p = await svc.Create(await cs.Get(), input, ct);
            return Results.Created($"/api/v1/inspection-plans/{p.Id}", new { p.Id, p.Version });
        });
        api.MapPut("/{id:int}", async (int id, [FromBody] InspectionPlanInput input, CurrentScope cs, InspectionPlanService svc, CancellationToken ct) =>
        {
            var p = await svc.Update(await cs.Get(), id, input, ct);
            return Results.Ok(new { p.Id, p.Version });
        });
        api.MapPost("/{id:int}/items", async (int id, [FromBody] InspectionPlanItemsInput input, CurrentScope cs, InspectionPlanService svc,
            CancellationToken ct) =>
        {
            var p = await svc.AddItems(await cs.Get(), id, input, ct);
            return Results.Ok(new { p.Id, p.Version, Items = p.Items.Count });
        });
        api.MapDelete("/{id:int}/items/{itemId:int}", async (int id, int itemId, int version, CurrentScope cs, InspectionPlanService svc,
            CancellationToken ct) =>
        {
            var p = await svc.RemoveItem(await cs.Get(), id, itemId, version, ct);
            return Results.Ok(new { p.Id, p.Version, Items = p.Items.Count });
        });
    }

    static void MapInspections(RouteGroupBuilder api)
    {
        api.MapGet("/", async (int? orgUnitId, int? teamId, DateOnly? from, DateOnly? to, int? establishmentId, bool? hasSanction, int? page,
            int? pageSize, CurrentScope cs, InspectionQueries q, CancellationToken ct) =>
            Results.Ok(await q.List(await cs.Get(), new InspectionFilter(orgUnitId, teamId, from, to, establishmentId, hasSanction, page ?? 1,
                pageSize ?? 50), ct)));
        api.MapGet("/{id:int}", async (int id, CurrentScope cs, InspectionQueries q, CancellationToken ct) =>
            Results.Ok(await q.Get(await cs.Get(), id, ct)));
        api.MapPost("/", async ([FromBody] InspectionInput input, CurrentScope cs, InspectionService svc, CancellationToken ct) =>
        {
            var i = await svc.Create(await cs.Get(), input, ct);
            return Results.Created($"/api/v1/inspections/{i.Id}", new { i.Id, i.Version, i.OrgUnitId });
        });
        api.MapPut("/{id:int}", async (int id, [FromBody] InspectionInput input, CurrentScope cs, InspectionService svc, CancellationToken ct) =>
        {
            var i = await svc.Update(await cs.Get(), id, input, ct);
            return Results.Ok(new { i.Id, i.Version, i.OrgUnitId });
        });
    }
}
