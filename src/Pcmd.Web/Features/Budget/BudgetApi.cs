using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Pcmd.Web.Security;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.Budget;

public static class BudgetApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/plans/{planId:int}/budget", GetPlanBudget).WithName(nameof(GetPlanBudget))
            .WithSummary("Kinh phí của kế hoạch: các dòng, tổng theo nguồn và tổng cộng").ProducesNotFound();
        api.MapGet("/budget-lines/{id:int}", GetBudgetLine).WithName(nameof(GetBudgetLine)).WithSummary("Một dòng kinh phí").ProducesNotFound();
        api.MapPost("/budget-lines", CreateBudgetLine).WithName(nameof(CreateBudgetLine)).WithSummary("Ghi một dòng kinh phí (dự toán, được giao, đã chi)")
            .ProducesInvalid().ProducesNotFound();
        api.MapPut("/budget-lines/{id:int}", UpdateBudgetLine).WithName(nameof(UpdateBudgetLine)).WithSummary("Sửa dòng kinh phí")
            .ProducesWriteProblems();
        api.MapDelete("/budget-lines/{id:int}", DeleteBudgetLine).WithName(nameof(DeleteBudgetLine)).WithSummary("Xóa dòng kinh phí")
            .ProducesWriteProblems();
    }

    public static async Task<Ok<BudgetSummary>> GetPlanBudget(int planId, int? year, int? agency, UserScope scope, BudgetService svc,
        CancellationToken ct) => TypedResults.Ok(await svc.ForPlan(scope, planId, year, agency, ct));

    public static async Task<Ok<BudgetLineDto>> GetBudgetLine(int id, UserScope scope, BudgetService svc, CancellationToken ct) =>
        TypedResults.Ok(await svc.Get(scope, id, ct));

    public static async Task<Created<BudgetSaved>> CreateBudgetLine([FromBody] BudgetLineInput input, UserScope scope, BudgetService svc,
        CancellationToken ct)
    {
        var l = await svc.Create(scope, input, ct);
        return TypedResults.Created($"/api/v1/budget-lines/{l.Id}", new BudgetSaved(l.Id, l.Version));
    }

    public static async Task<Ok<BudgetSaved>> UpdateBudgetLine(int id, [FromBody] BudgetLineInput input, UserScope scope, BudgetService svc,
        CancellationToken ct)
    {
        var l = await svc.Update(scope, id, input, ct);
        return TypedResults.Ok(new BudgetSaved(l.Id, l.Version));
    }

    public static async Task<NoContent> DeleteBudgetLine(int id, int version, UserScope scope, BudgetService svc, CancellationToken ct)
    {
        await svc.Delete(scope, id, version, ct);
        return TypedResults.NoContent();
    }
}
