using System.Globalization;
using System.Resources;
using Pcmd.Web.Features.Targets;

namespace Pcmd.Web.Features.Indicators;

/// <summary>How computations, their sources and statuses read (keys "Indicators.*" in Resources/strings.tsv), in the
/// culture asked: Vietnamese by default, English with en-US.</summary>
public static class IndicatorLabels
{
    static readonly ResourceManager Strings = new("Pcmd.Web.Resources.SharedResource", typeof(SharedResource).Assembly);

    static string T(string key, CultureInfo c) => Strings.GetString(key, c) ?? Strings.GetString(key, CultureInfo.InvariantCulture) ?? key;

    public static string Computation(Computation c, CultureInfo culture) => T("Indicators.Computation." + c, culture);

    /// <summary>"Cơ sở đang quản lý được kiểm tra ít nhất một lần: 1.234/2.000".</summary>
    public static string Source(Computation c, Actual a, CultureInfo culture) =>
        string.Format(culture, T("Indicators.Source." + c, culture), Number(a.Value, culture), Number(a.Denominator ?? 0, culture));

    public static string Status(TargetStatus s, CultureInfo culture) => T("Indicators.Status." + s, culture);

    /// <summary>The Bootstrap badge of a status: green achieved, blue on track, amber at risk, red missed, grey otherwise.</summary>
    public static string Badge(TargetStatus s) => s switch
    {
        TargetStatus.Achieved or TargetStatus.Exceeded => "text-bg-success",
        TargetStatus.OnTrack => "text-bg-primary",
        TargetStatus.AtRisk => "text-bg-warning",
        TargetStatus.Missed => "text-bg-danger",
        TargetStatus.NotStarted => "text-bg-secondary",
        _ => "text-bg-light border",
    };

    public static string Number(decimal v, CultureInfo culture) => v.ToString("#,##0.##", culture);

    /// <summary>The actual as the target is written: "63,5 %" for a share or a change, "1.234" for a count.</summary>
    public static string Measure(TargetKind? kind, decimal? measure, Actual? actual, CultureInfo culture)
    {
        if (measure is null) return actual is null ? "—" : actual.Denominator is not null ? "—" : Number(actual.Value, culture);
        var share = kind is TargetKind.Percentage or TargetKind.AtLeastOnce or TargetKind.Change
            || (kind is null && actual?.Denominator is not null);
        return share ? Number(measure.Value, culture) + " %" : Number(measure.Value, culture);
    }

    /// <summary>Where the records behind a figure are listed, filtered as the computation counts them (by the plan for one that
    /// reads its plan).</summary>
    public static string Link(Computation c, int unitId, MeasureWindow w, int? planId = null) => c switch
    {
        Indicators.Computation.InspectionCount or Indicators.Computation.PeopleInformed or Indicators.Computation.EstablishmentsInspected =>
            $"/inspections?unit={unitId}&from={w.From:yyyy-MM-dd}&to={w.To:yyyy-MM-dd}",
        Indicators.Computation.HotspotsEliminated or Indicators.Computation.HotspotsReEmerged or Indicators.Computation.NewHotspots =>
            $"/hotspots?unit={unitId}",
        _ when ActivityFacts.Handles(c) => ActivityFacts.Link(c, unitId, w, planId),
        Indicators.Computation.HighRiskInspectedShare => $"/establishments?unit={unitId}&status=UnderManagement&risk=High",
        // Support records are confidential: the figure links to the suppressed statistics, never to a list of cases.
        Indicators.Computation.SupportReachedShare or Indicators.Computation.PeopleReferred or Indicators.Computation.OutreachContacts =>
            $"/support/statistics?from={w.From:yyyy-MM-dd}&to={w.To:yyyy-MM-dd}",
        Indicators.Computation.TipsReceived or Indicators.Computation.TipsHandledOnTimeShare => $"/tips?unit={unitId}",
        Indicators.Computation.CriminalCasesDetected or Indicators.Computation.CriminalCasesTried or Indicators.Computation.DefendantsTried
            or Indicators.Computation.TriedShareOfIndicted or Indicators.Computation.PeopleSanctioned or Indicators.Computation.SellersSanctioned
            or Indicators.Computation.FinesTotal => $"/enforcement?unit={unitId}",
        _ => $"/establishments?unit={unitId}&status=UnderManagement",
    };
}
