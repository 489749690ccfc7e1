using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Pcmd.Web.Security;

namespace Pcmd.Web.Features.Indicators;

/// <summary>Computed indicators: what each plan indicator achieved against its target, per year and per unit, and the
/// binding of an indicator to a computation over the registries.</summary>
public static class IndicatorsApi
{
    public sealed record ComputationInfo(Computation Code, string Name, bool IsShare);
    public sealed record UnboundResponse(int PlanVersion);

    public static void MapIndicatorsApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Chỉ tiêu").RequireAuthorization();

        api.MapGet("/plans/{planId:int}/results", async (int planId, int? year, int? unitId, CurrentScope cs, IndicatorResultsService svc,
            CancellationToken ct) => Results.Ok(await svc.ForPlan(await cs.Get(), planId, year, unitId, ct)))
            .Produces<PlanResults>();

        api.MapGet("/indicators/{indicatorId:int}/results", async (int indicatorId, int? year, int? unitId, CurrentScope cs,
            IndicatorResultsService svc, CancellationToken ct) => Results.Ok(await svc.ForIndicator(await cs.Get(), indicatorId, year, unitId, ct)))
            .Produces<IndicatorUnitResults>();

        api.MapPut("/indicators/{indicatorId:int}/binding", async (int indicatorId, int? version, [FromBody] BindingInput input, CurrentScope cs,
            IndicatorBindingService svc, CancellationToken ct) => Results.Ok(await svc.Bind(await cs.Get(), indicatorId, input, version, ct)))
            .Produces<BindingSaved>();

        api.MapDelete("/indicators/{indicatorId:int}/binding", async (int indicatorId, int? version, CurrentScope cs, IndicatorBindingService svc,
            CancellationToken ct) => Results.Ok(new UnboundResponse(await svc.Unbind(await cs.Get(), indicatorId, version, ct))))
            .Produces<UnboundResponse>();

        api.MapGet("/indicators/computations", () => Results.Ok(Enum.GetValues<Computation>()
                .Select(c => new ComputationInfo(c, IndicatorLabels.Computation(c, CultureInfo.CurrentCulture), IndicatorComputations.IsShare(c)))))
            .Produces<List<ComputationInfo>>();
    }
}
