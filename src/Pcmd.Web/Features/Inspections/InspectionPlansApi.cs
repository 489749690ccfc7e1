using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Pcmd.Web.Security;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.Inspections;

public sealed record InspectionPlanItemsSaved(int Id, int Version, int Items);

public static class InspectionPlansApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("", ListInspectionPlans).WithName(nameof(ListInspectionPlans)).WithSummary("Kế hoạch kiểm tra trong phạm vi");
        api.MapGet("/{id:int}", GetInspectionPlan).WithName(nameof(GetInspectionPlan)).WithSummary("Một kế hoạch kiểm tra").ProducesNotFound();
        api.MapPost("", CreateInspectionPlan).WithName(nameof(CreateInspectionPlan)).WithSummary("Lập kế hoạch kiểm tra").ProducesInvalid();
        api.MapPut("/{id:int}", UpdateInspectionPlan).WithName(nameof(UpdateInspectionPlan)).WithSummary("Sửa kế hoạch kiểm tra")
            .ProducesWriteProblems();
        api.MapPost("/{id:int}/items", AddInspectionPlanItems).WithName(nameof(AddInspectionPlanItems))
            .WithSummary("Thêm cơ sở vào kế hoạch kiểm tra").ProducesWriteProblems();
        api.MapDelete("/{id:int}/items/{itemId:int}", RemoveInspectionPlanItem).WithName(nameof(RemoveInspectionPlanItem))
            .WithSummary("Bỏ một cơ sở khỏi kế hoạch kiểm tra").ProducesWriteProblems();
    }

    public static async Task<Ok<List<InspectionPlanSummaryDto>>> ListInspectionPlans(int? teamId, UserScope scope, InspectionPlanService svc,
        CancellationToken ct) => TypedResults.Ok(await svc.List(scope, teamId, ct));

    public static async Task<Ok<InspectionPlanDto>> GetInspectionPlan(int id, UserScope scope, InspectionPlanService svc, CancellationToken ct) =>
        TypedResults.Ok(await svc.Get(scope, id, ct));

    public static async Task<Created<IdVersion>> CreateInspectionPlan([FromBody] InspectionPlanInput input, UserScope scope, InspectionPlanService svc,
        CancellationToken ct)
    {
        var p = await svc.Create(scope, input, ct);
        return TypedResults.Created($"/api/v1/inspection-plans/{p.Id}", new IdVersion(p.Id, p.Version));
    }

    public static async Task<Ok<IdVersion>> UpdateInspectionPlan(int id, [FromBody] InspectionPlanInput input, UserScope scope,
        InspectionPlanService svc, CancellationToken ct)
    {
        var p = await svc.Update(scope, id, input, ct);
        return TypedResults.Ok(new IdVersion(p.Id, p.Version));
    }

    public static async Task<Ok<InspectionPlanItemsSaved>> AddInspectionPlanItems(int id, [FromBody] InspectionPlanItemsInput input, UserScope scope,
        InspectionPlanService svc, CancellationToken ct)
    {
        var p = await svc.AddItems(scope, id, input, ct);
        return TypedResults.Ok(new InspectionPlanItemsSaved(p.Id, p.Version, p.Items.Count));
    }

    public static async Task<Ok<InspectionPlanItemsSaved>> RemoveInspectionPlanItem(int id, int itemId, int version, UserScope scope,
        InspectionPlanService svc, CancellationToken ct)
    {
        var p = await svc.RemoveItem(scope, id, itemId, version, ct);
        return TypedResults.Ok(new InspectionPlanItemsSaved(p.Id, p.Version, p.Items.Count));
    }
}
