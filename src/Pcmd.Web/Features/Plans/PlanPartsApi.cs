using Microsoft.AspNetCore.Http.HttpResults;
using Pcmd.Web.Features.Plans.Files;
using Pcmd.Web.Security;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.Plans;

/// <summary>One task or one indicator of a plan. The body is the plan-file form of the part (docs/plan-file.md:
/// agencies by code, unknown properties refused); <c>version</c> is the plan version the client saw, and every
/// write answers with the plan's new version.</summary>
public static class PlanPartsApi
{
    public sealed record PartResponse<T>(int Id, int PlanId, int PlanVersion, T Part);
    public sealed record SavedResponse(int Id, int PlanVersion);
    public sealed record DeletedResponse(int PlanVersion);

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/tasks/{taskId:int}", GetPlanTask).WithName(nameof(GetPlanTask)).WithSummary("Một nhiệm vụ của kế hoạch").ProducesNotFound();
        api.MapPost("/tasks", AddPlanTask).WithName(nameof(AddPlanTask)).WithSummary("Thêm nhiệm vụ vào kế hoạch")
            .Accepts<TaskDto>("application/json").ProducesWriteProblems();
        api.MapPut("/tasks/{taskId:int}", UpdatePlanTask).WithName(nameof(UpdatePlanTask)).WithSummary("Sửa một nhiệm vụ")
            .Accepts<TaskDto>("application/json").ProducesWriteProblems();
        api.MapDelete("/tasks/{taskId:int}", DeletePlanTask).WithName(nameof(DeletePlanTask)).WithSummary("Xóa một nhiệm vụ").ProducesWriteProblems();

        api.MapGet("/indicators/{indicatorId:int}", GetPlanIndicator).WithName(nameof(GetPlanIndicator)).WithSummary("Một chỉ tiêu của kế hoạch")
            .ProducesNotFound();
        api.MapPost("/indicators", AddPlanIndicator).WithName(nameof(AddPlanIndicator)).WithSummary("Thêm chỉ tiêu vào kế hoạch")
            .Accepts<IndicatorDto>("application/json").ProducesWriteProblems();
        api.MapPut("/indicators/{indicatorId:int}", UpdatePlanIndicator).WithName(nameof(UpdatePlanIndicator)).WithSummary("Sửa một chỉ tiêu")
            .Accepts<IndicatorDto>("application/json").ProducesWriteProblems();
        api.MapDelete("/indicators/{indicatorId:int}", DeletePlanIndicator).WithName(nameof(DeletePlanIndicator)).WithSummary("Xóa một chỉ tiêu")
            .ProducesWriteProblems();
    }

    public static async Task<Ok<PartResponse<TaskDto>>> GetPlanTask(int id, int taskId, UserScope scope, PlanPartsService svc, CancellationToken ct)
    {
        var p = await svc.GetTask(scope, id, taskId, ct);
        return TypedResults.Ok(new PartResponse<TaskDto>(p.Id, p.Plan.Id, p.Plan.Version, p.Part));
    }

    public static async Task<Created<SavedResponse>> AddPlanTask(int id, int version, HttpRequest req, UserScope scope, PlanPartsService svc,
        CancellationToken ct)
    {
        var dto = PlanFileReader.ParsePart<TaskDto>(await JsonBody.Read(req, PlanFileDocument.FileKind, ct));
        var saved = await svc.AddTask(scope, id, dto, version, ct);
        return TypedResults.Created($"/api/v1/plans/{id}/tasks/{saved.Id}", new SavedResponse(saved.Id, saved.PlanVersion));
    }

    public static async Task<Ok<SavedResponse>> UpdatePlanTask(int id, int taskId, int version, HttpRequest req, UserScope scope,
        PlanPartsService svc, CancellationToken ct)
    {
        var dto = PlanFileReader.ParsePart<TaskDto>(await JsonBody.Read(req, PlanFileDocument.FileKind, ct));
        var saved = await svc.UpdateTask(scope, id, taskId, dto, version, ct);
        return TypedResults.Ok(new SavedResponse(saved.Id, saved.PlanVersion));
    }

    public static async Task<Ok<DeletedResponse>> DeletePlanTask(int id, int taskId, int version, UserScope scope, PlanPartsService svc,
        CancellationToken ct) => TypedResults.Ok(new DeletedResponse(await svc.DeleteTask(scope, id, taskId, version, ct)));

    public static async Task<Ok<PartResponse<IndicatorDto>>> GetPlanIndicator(int id, int indicatorId, UserScope scope, PlanPartsService svc,
        CancellationToken ct)
    {
        var p = await svc.GetIndicator(scope, id, indicatorId, ct);
        return TypedResults.Ok(new PartResponse<IndicatorDto>(p.Id, p.Plan.Id, p.Plan.Version, p.Part));
    }

    public static async Task<Created<SavedResponse>> AddPlanIndicator(int id, int version, HttpRequest req, UserScope scope, PlanPartsService svc,
        CancellationToken ct)
    {
        var dto = PlanFileReader.ParsePart<IndicatorDto>(await JsonBody.Read(req, PlanFileDocument.FileKind, ct));
        var saved = await svc.AddIndicator(scope, id, dto, version, ct);
        return TypedResults.Created($"/api/v1/plans/{id}/indicators/{saved.Id}", new SavedResponse(saved.Id, saved.PlanVersion));
    }

    public static async Task<Ok<SavedResponse>> UpdatePlanIndicator(int id, int indicatorId, int version, HttpRequest req, UserScope scope,
        PlanPartsService svc, CancellationToken ct)
    {
        var dto = PlanFileReader.ParsePart<IndicatorDto>(await JsonBody.Read(req, PlanFileDocument.FileKind, ct));
        var saved = await svc.UpdateIndicator(scope, id, indicatorId, dto, version, ct);
        return TypedResults.Ok(new SavedResponse(saved.Id, saved.PlanVersion));
    }

    public static async Task<Ok<DeletedResponse>> DeletePlanIndicator(int id, int indicatorId, int version, UserScope scope, PlanPartsService svc,
        CancellationToken ct) => TypedResults.Ok(new DeletedResponse(await svc.DeleteIndicator(scope, id, indicatorId, version, ct)));
}
