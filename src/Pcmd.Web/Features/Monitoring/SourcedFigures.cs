using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Indicators;
using Pcmd.Web.Features.Plans;
using Pcmd.Web.Features.Reporting;
using Pcmd.Web.Features.Targets;
using Pcmd.Web.Security;

namespace Pcmd.Web.Features.Monitoring;

public enum FigureSourceKind { Computed, Reported, None }

/// <summary>The one figure a dashboard shows for an indicator (issue 14, item 6): computed from the registers where the
/// indicator is bound, otherwise the total of the accepted reports of the year's latest period, each labelled with its
/// source; where both exist and differ by more than the tolerance, <see cref="Differs"/> flags it.</summary>
public sealed record SourcedFigure(FigureSourceKind Kind, string ActualText, decimal? PercentOfTarget, TargetStatus Status, string SourceText,
    string? ReportedText, bool Differs);

/// <summary>The accepted reports' totals per indicator, as the consolidation adds them (counts as counts, shares as numerators
/// over denominators), for one plan, year and area.</summary>
public sealed class SourcedFigures(PcmdDbContext db)
{
    /// <summary>A share differs when the two are more than 5 percentage points apart; a count when more than 10 % (and 1) apart.</summary>
    public const decimal SharePoints = 5m, CountRatio = 0.10m;

    public sealed record Reported(decimal Value, decimal? Denominator, int Reports, string Period);

    /// <summary>From the latest period of the year (by the end of its data window) that has accepted unit reports in the area.</summary>
    public async Task<Dictionary<int, Reported>> Totals(int planId, int year, int areaUnitId, CancellationToken ct)
    {
        var periods = await db.ReportPeriods.AsNoTracking().Where(p => p.PlanId == planId && p.Year == year && p.Kind != ReportKind.Adhoc)
            .OrderByDescending(p => p.DataTo).ThenBy(p => p.Kind).Select(p => new { p.Id, p.Title }).ToListAsync(ct);
        foreach (var p in periods)
        {
            var reports = db.Reports.Where(r => r.PeriodId == p.Id && !r.IsConsolidated && r.Status == ReportStatus.Accepted).InAreaOf(db, areaUnitId, r => r.OrgUnitId);
            var rows = await db.ReportIndicatorValues.AsNoTracking()
                .Where(v => v.Value != null && reports.Any(r => r.Id == v.ReportId))
                .GroupBy(v => v.IndicatorId)
                .Select(g => new { g.Key, Value = g.Sum(v => v.Value), Den = g.Sum(v => v.Denominator), Count = g.Count() })
                .ToListAsync(ct);
            if (rows.Count > 0) return rows.ToDictionary(r => r.Key, r => new Reported(r.Value ?? 0, r.Den, r.Count, p.Title));
        }
        return [];
    }

    public static SourcedFigure For(IndicatorResult r, Reported? reported, int year, DateOnly today, CultureInfo culture)
    {
        var share = r.TargetKind is TargetKind.Percentage or TargetKind.AtLeastOnce || (r.Computation is { } c && IndicatorComputations.IsShare(c));
        Actual? fromReports = reported is null ? null
            : share ? (reported.Denominator is > 0 ? Actual.Ratio(reported.Value, reported.Denominator.Value) : null)
            : new Actual(reported.Value);
        var reportedText = fromReports is null ? null
            : string.Format(culture, Text("ByReports", culture), IndicatorLabels.Measure(share ? TargetKind.Percentage : null,
                IndicatorStatus.Measure(share ? TargetKind.Percentage : null, fromReports), fromReports, culture), reported!.Reports, reported.Period);
        if (r.Computation is not null)
        {
            var differs = fromReports is not null && r.Actual is not null && Differ(share, r.Actual, fromReports);
            return new(FigureSourceKind.Computed, r.ActualText, r.PercentOfTarget, r.Status, Text("FromRegisters", culture), reportedText, differs);
        }
        if (fromReports is null)
            return new(FigureSourceKind.None, "—", null, r.Target is null ? TargetStatus.NotMeasurable : r.Status, Text("NoSource", culture), null, false);
        var outcome = IndicatorStatus.Judge(r.Target, fromReports, year, new MeasureWindow(r.From, r.To), today);
        return new(FigureSourceKind.Reported, IndicatorLabels.Measure(r.TargetKind, outcome.Measure, fromReports, culture), outcome.PercentOfTarget,
            outcome.Status, reportedText!, null, false);
    }

    public static bool Differ(bool share, Actual computed, Actual reported)
    {
        if (share)
        {
            var a = IndicatorStatus.Measure(TargetKind.Percentage, computed);
            var b = IndicatorStatus.Measure(TargetKind.Percentage, reported);
            return a is { } x && b is { } y && Math.Abs(x - y) > SharePoints;
        }
        var diff = Math.Abs(computed.Value - reported.Value);
        return diff > 1 && diff > CountRatio * Math.Max(computed.Value, reported.Value);
    }

    static string Text(string key, CultureInfo c) => MonitoringLabels.T("Monitoring.Source." + key, c);
}
