using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Pcmd.Web.Features.Audit;
using Pcmd.Web.Features.Plans.Files;
using Pcmd.Web.Security;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.Plans;

public sealed record PlanSaved(int Id, string Key, int Version);

public static class PlansApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("", ListPlans).WithName(nameof(ListPlans)).WithSummary("Kế hoạch trong phạm vi");
        api.MapGet("/{id:int}", GetPlan).WithName(nameof(GetPlan)).WithSummary("Một kế hoạch với đầy đủ các phần").ProducesNotFound();
        api.MapGet("/{id:int}/export", ExportPlan).WithName(nameof(ExportPlan)).WithSummary("Xuất kế hoạch ra tệp kế hoạch (JSON)")
            .Produces<PlanFileDocument>().ProducesNotFound();
        api.MapPost("/import", ImportPlan).WithName(nameof(ImportPlan)).WithSummary("Nhập kế hoạch mới từ tệp kế hoạch")
            .Accepts<PlanFileDocument>("application/json").DisableAntiforgery().ProducesInvalid().ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPut("/{id:int}/file", ReplacePlan).WithName(nameof(ReplacePlan)).WithSummary("Thay toàn bộ kế hoạch bằng tệp kế hoạch")
            .Accepts<PlanFileDocument>("application/json").ProducesWriteProblems();
        api.MapPut("/{id:int}", UpdatePlanHeader).WithName(nameof(UpdatePlanHeader)).WithSummary("Sửa thông tin chung của kế hoạch")
            .ProducesWriteProblems();
        api.MapDelete("/{id:int}", DeletePlan).WithName(nameof(DeletePlan)).WithSummary("Xóa kế hoạch").ProducesWriteProblems();
    }

    public static void MapMyTasks(RouteGroupBuilder api)
    {
        api.MapGet("", ListMyTasks).WithName(nameof(ListMyTasks)).WithSummary("Nhiệm vụ và chỉ tiêu giao cho cơ quan của tôi");
        api.MapPost("/{taskId:int}/done", MarkTaskDone).WithName(nameof(MarkTaskDone))
            .WithSummary("Đánh dấu nhiệm vụ lặp lại đã hoàn thành trong một năm, kèm đường dẫn văn bản").ProducesWriteProblems();
    }

    public static async Task<Ok<TaskDone>> MarkTaskDone(int taskId, [FromBody] TaskDoneInput input, UserScope scope, TaskCompletions svc,
        CancellationToken ct) => TypedResults.Ok(await svc.MarkDone(scope, taskId, input, ct));

    public static async Task<Ok<List<PlanSummary>>> ListPlans(string? search, UserScope scope, PlanService svc, CancellationToken ct) =>
        TypedResults.Ok(await svc.List(scope, search, ct));

    public static async Task<Ok<PlanDetailDto>> GetPlan(int id, UserScope scope, PlanService svc, CancellationToken ct) =>
        TypedResults.Ok(await svc.Detail(scope, id, ct));

    /// <summary>Serialized here with the plan file's own options (property names and order of docs/plan-file.md), not the API's.</summary>
    public static async Task<FileContentHttpResult> ExportPlan(int id, UserScope scope, PlanService svc, CancellationToken ct)
    {
        var doc = await svc.Export(scope, id, ct);
        var bytes = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(doc, PlanFileDocument.Json));
        return TypedResults.File(bytes, "application/json; charset=utf-8", $"{doc.Plan!.Key}.json");
    }

    public const string AuditFile = "PlanFile";

    public static async Task<Created<PlanSaved>> ImportPlan(HttpRequest req, UserScope scope, PlanService svc, AuditTrail audit, CancellationToken ct)
    {
        // A role that may add no plan is refused before its file is read, as the agency catalogue's import is.
        if (!scope.Can(Permission.ManagePlans)) throw new ForbiddenException();
        var plan = await audit.Importing(AuditFile, null, async () =>
            await svc.Import(scope, PlanFileReader.Parse(await JsonBody.Read(req, PlanFileDocument.FileKind, ct)), ct));
        return TypedResults.Created($"/api/v1/plans/{plan.Id}", new PlanSaved(plan.Id, plan.Key, plan.Version));
    }

    public static async Task<Ok<PlanSaved>> ReplacePlan(int id, int version, HttpRequest req, UserScope scope, PlanService svc, AuditTrail audit,
        CancellationToken ct)
    {
        var plan = await audit.Importing(AuditFile, null, async () =>
            await svc.Replace(scope, id, PlanFileReader.Parse(await JsonBody.Read(req, PlanFileDocument.FileKind, ct)), version, ct));
        return TypedResults.Ok(new PlanSaved(plan.Id, plan.Key, plan.Version));
    }

    public static async Task<Ok<IdVersion>> UpdatePlanHeader(int id, [FromBody] PlanHeaderInput input, UserScope scope, PlanService svc,
        CancellationToken ct)
    {
        var plan = await svc.UpdateHeader(scope, id, input, ct);
        return TypedResults.Ok(new IdVersion(plan.Id, plan.Version));
    }

    public static async Task<NoContent> DeletePlan(int id, int version, UserScope scope, PlanService svc, CancellationToken ct)
    {
        await svc.Delete(scope, id, version, ct);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<List<MyAssignment>>> ListMyTasks(UserScope scope, MyTasks svc, CancellationToken ct) =>
        TypedResults.Ok(await svc.For(scope, ct));
}
