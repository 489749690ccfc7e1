using Pcmd.Web.Data;
using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Pcmd.Web.Security;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.Indicators;

/// <summary>Computed indicators: what each plan indicator achieved against its target, per year and per unit, and the
/// binding of an indicator to a computation over the registries.</summary>
public static class IndicatorsApi
{
    public sealed record ComputationInfo(Computation Code, string Name, bool IsShare);
    public sealed record UnboundResponse(int PlanVersion);

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/plans/{planId:int}/results", GetPlanResults).WithName(nameof(GetPlanResults))
            .WithSummary("Kết quả các chỉ tiêu của kế hoạch trong một năm").ProducesNotFound();
        api.MapGet("/indicators/{indicatorId:int}/results", GetIndicatorResults).WithName(nameof(GetIndicatorResults))
            .WithSummary("Kết quả một chỉ tiêu theo từng đơn vị").ProducesNotFound();
        api.MapPut("/indicators/{indicatorId:int}/binding", BindIndicator).WithName(nameof(BindIndicator))
            .WithSummary("Gắn chỉ tiêu với một phép tính trên dữ liệu").ProducesWriteProblems();
        api.MapDelete("/indicators/{indicatorId:int}/binding", UnbindIndicator).WithName(nameof(UnbindIndicator))
            .WithSummary("Bỏ gắn chỉ tiêu với phép tính").ProducesWriteProblems();
        api.MapGet("/indicators/computations", ListComputations).WithName(nameof(ListComputations)).WithSummary("Các phép tính có thể gắn");
    }

    public static async Task<Ok<PlanResults>> GetPlanResults(int planId, int? year, int? unitId, UserScope scope, ReadDb reads,
        CancellationToken ct) => TypedResults.Ok(await reads.Run((IndicatorResultsService svc) => svc.ForPlan(scope, planId, year, unitId, ct)));

    public static async Task<Ok<IndicatorUnitResults>> GetIndicatorResults(int indicatorId, int? year, int? unitId, UserScope scope,
        ReadDb reads, CancellationToken ct) =>
        TypedResults.Ok(await reads.Run((IndicatorResultsService svc) => svc.ForIndicator(scope, indicatorId, year, unitId, ct)));

    public static async Task<Ok<BindingSaved>> BindIndicator(int indicatorId, int? version, [FromBody] BindingInput input, UserScope scope,
        IndicatorBindingService svc, CancellationToken ct) => TypedResults.Ok(await svc.Bind(scope, indicatorId, input, version, ct));

    public static async Task<Ok<UnboundResponse>> UnbindIndicator(int indicatorId, int? version, UserScope scope, IndicatorBindingService svc,
        CancellationToken ct) => TypedResults.Ok(new UnboundResponse(await svc.Unbind(scope, indicatorId, version, ct)));

    public static Ok<List<ComputationInfo>> ListComputations() => TypedResults.Ok(Enum.GetValues<Computation>()
        .Select(c => new ComputationInfo(c, IndicatorLabels.Computation(c, CultureInfo.CurrentCulture), IndicatorComputations.IsShare(c))).ToList());
}
