using Pcmd.Web.Features.Plans.Files;
using Pcmd.Web.Security;

namespace Pcmd.Web.Features.Plans;

/// <summary>One task or one indicator of a plan. The body is the plan-file form of the part (docs/plan-file.md:
/// agencies by code, unknown properties refused); <c>version</c> is the plan version the client saw, and every
/// write answers with the plan's new version.</summary>
public static class PlanPartsApi
{
    public sealed record PartResponse<T>(int Id, int PlanId, int PlanVersion, T Part);
    public sealed record SavedResponse(int Id, int PlanVersion);
    public sealed record DeletedResponse(int PlanVersion);

    public static void MapPlanPartsApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1/plans/{id:int}").WithTags("Kế hoạch").RequireAuthorization();

        // Tasks
        api.MapGet("/tasks/{taskId:int}", async (int id, int taskId, CurrentScope cs, PlanPartsService svc, CancellationToken ct) =>
        {
            var p = await svc.GetTask(await cs.Get(), id, taskId, ct);
            return Results.Ok(new PartResponse<TaskDto>(p.Id, p.Plan.Id, p.Plan.Version, p.Part));
        });

        api.MapPost("/tasks", async (int id, int version, HttpRequest req, CurrentScope cs, PlanPartsService svc, CancellationToken ct) =>
        {
            var dto = PlanFileReader.ParsePart<TaskDto>(await PlansApi.ReadBody(req, ct));
            var saved = await svc.AddTask(await cs.Get(), id, dto, version, ct);
            return Results.Created($"/api/v1/plans/{id}/tasks/{saved.Id}", new SavedResponse(saved.Id, saved.PlanVersion));
        }).Accepts<TaskDto>("application/json").Produces<SavedResponse>(StatusCodes.Status201Created);

        api.MapPut("/tasks/{taskId:int}", async (int id, int taskId, int version, HttpRequest req, CurrentScope cs, PlanPartsService svc,
            CancellationToken ct) =>
        {
            var dto = PlanFileReader.ParsePart<TaskDto>(await PlansApi.ReadBody(req, ct));
            var saved = await svc.UpdateTask(await cs.Get(), id, taskId, dto, version, ct);
            return Results.Ok(new SavedResponse(saved.Id, saved.PlanVersion));
        }).Accepts<TaskDto>("application/json").Produces<SavedResponse>();

        api.MapDelete("/tasks/{taskId:int}", async (int id, int taskId, int version, CurrentScope cs, PlanPartsService svc, CancellationToken ct) =>
            Results.Ok(new DeletedResponse(await svc.DeleteTask(await cs.Get(), id, taskId, version, ct))));

        // Indicators
        api.MapGet("/indicators/{indicatorId:int}", async (int id, int indicatorId, CurrentScope cs, PlanPartsService svc, CancellationToken ct) =>
        {
            var p = await svc.GetIndicator(await cs.Get(), id, indicatorId, ct);
            return Results.Ok(new PartResponse<IndicatorDto>(p.Id, p.Plan.Id, p.Plan.Version, p.Part));
        });

        api.MapPost("/indicators", async (int id, int version, HttpRequest req, CurrentScope cs, PlanPartsService svc, CancellationToken ct) =>
        {
            var dto = PlanFileReader.ParsePart<IndicatorDto>(await PlansApi.ReadBody(req, ct));
            var saved = await svc.AddIndicator(await cs.Get(), id, dto, version, ct);
            return Results.Created($"/api/v1/plans/{id}/indicators/{saved.Id}", new SavedResponse(saved.Id, saved.PlanVersion));
        }).Accepts<IndicatorDto>("application/json").Produces<SavedResponse>(StatusCodes.Status201Created);

        api.MapPut("/indicators/{indicatorId:int}", async (int id, int indicatorId, int version, HttpRequest req, CurrentScope cs,
            PlanPartsService svc, CancellationToken ct) =>
        {
            var dto = PlanFileReader.ParsePart<IndicatorDto>(await PlansApi.ReadBody(req, ct));
            var saved = await svc.UpdateIndicator(await cs.Get(), id, indicatorId, dto, version, ct);
            return Results.Ok(new SavedResponse(saved.Id, saved.PlanVersion));
        }).Accepts<IndicatorDto>("application/json").Produces<SavedResponse>();

        api.MapDelete("/indicators/{indicatorId:int}", async (int id, int indicatorId, int version, CurrentScope cs, PlanPartsService svc,
            CancellationToken ct) =>
            Results.Ok(new DeletedResponse(await svc.DeleteIndicator(await cs.Get(), id, indicatorId, version, ct))));
    }
}
