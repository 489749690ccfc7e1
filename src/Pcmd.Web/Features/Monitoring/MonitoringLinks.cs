using Pcmd.Web.Features.Indicators;

namespace Pcmd.Web.Features.Monitoring;

/// <summary>Links from a figure to the records behind it beyond the one the Indicators feature gives (<see cref="IndicatorResult.Link"/>):
/// a share "inspected at least once" counts establishments, and the inspections that make its numerator are listed too.</summary>
public static class MonitoringLinks
{
    public static string? Inspections(IndicatorResult r, int unitId) =>
        r.Computation is Computation.InspectedShare or Computation.HighRiskInspectedShare
            ? $"/inspections?unit={unitId}&from={r.From:yyyy-MM-dd}&to={r.To:yyyy-MM-dd}"
            : null;
}
