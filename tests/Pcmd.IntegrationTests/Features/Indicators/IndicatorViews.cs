using Pcmd.Web.Features.Indicators;
using Pcmd.Web.Features.Targets;

namespace Pcmd.IntegrationTests.Features.Indicators;

// What the indicator endpoints answer, as the tests read it: the app's own Actual and ResultUnit records, and statuses
// and computations as the strings on the wire.

/// <summary>A plan's indicators with their actuals in a year, for the whole area or one unit (GET /api/v1/plans/{id}/results).</summary>
public sealed record ResultsView(ResultUnit PlanUnit, ResultUnit Unit, List<IndicatorResultView> Indicators)
{
    public IndicatorResultView Row(string number) => Indicators.Single(i => i.Number == number);
}

public sealed record IndicatorResultView(int IndicatorId, string Number, string TargetText, Actual? Actual, decimal? Measure,
    decimal? PercentOfTarget, string Status, string? Computation, string? Source, string? Link);

/// <summary>One indicator per unit below (GET /api/v1/indicators/{id}/results): the drill-down.</summary>
public sealed record DrillDownView(IndicatorResultView Total, List<UnitResultView> Units);

public sealed record UnitResultView(ResultUnit Unit, IndicatorResultView Result);

/// <summary>The answer of a binding saved or removed: the plan's new version.</summary>
public sealed record BindingView(string? Computation, int PlanVersion);
