using Pcmd.Web.Features.Indicators;
using Pcmd.Web.Features.Targets;

namespace Pcmd.IntegrationTests.Features.Monitoring;

// What the monitoring endpoints answer, as the tests read them (enums as the strings on the wire).

public sealed record ResultView(int IndicatorId, string Number, string TargetText, Actual? Actual, decimal? Measure, string Status, string? Link);

public sealed record FigureView(string Kind, string ActualText, string Status, string SourceText, string? ReportedText, bool Differs);

public sealed record ProjectionView(decimal Value, string ValueText, string Method, string? Status, bool LikelyToMiss, decimal Gap);

public sealed record PointView(string Label, decimal? Value);

public sealed record OutlookView(List<PointView> Trend, ProjectionView? Projection);

public sealed record DashboardRowView(ResultView Result, FigureView Figure, OutlookView Outlook);

public sealed record PlanDashboardView(int PlanId, int Year, ResultUnit PlanUnit, ResultUnit Unit, List<ResultUnit> Units, List<DashboardRowView> Indicators)
{
    public DashboardRowView Row(string number) => Indicators.Single(i => i.Result.Number == number);
}

public sealed record UnitRowView(ResultUnit Unit, ResultView Result, OutlookView Outlook);

public sealed record IndicatorDashboardView(int PlanId, int Year, ResultUnit Unit, ResultView Total, OutlookView Outlook, string Sort, List<UnitRowView> Units);

public sealed record SeriesYearView(int Year, List<decimal?> Values);

public sealed record SeriesView(string Computation, bool IsShare, ResultUnit Unit, string Granularity, List<string> Labels, List<SeriesYearView> Years);

public sealed record AlertView(string Kind, int UnitId, string Text, string Link, string Key);

public sealed record HomePlanView(int PlanId, ResultUnit Unit, List<DashboardRowView> Indicators);

public sealed record HomeView(string Kind, int Year, ResultUnit? Unit, List<HomePlanView> Plans, List<AlertView> Alerts, List<JsonElementHolder> LikelyToMiss,
    int DueCount);

public sealed record JsonElementHolder(int IndicatorId, ResultUnit Unit, decimal Gap);
