using System.Globalization;
using Pcmd.Web.Features.Indicators;
using Pcmd.Web.Features.Targets;
using Pcmd.Web.Security;

namespace Pcmd.Web.Features.Monitoring;

public enum Granularity { Month, Quarter, Year }

/// <summary>One year of a series: a value per period (null: not yet reached).</summary>
public sealed record SeriesYear(int Year, List<decimal?> Values);

/// <summary>A computation's series over an area: <see cref="Labels"/> name the periods (T1…T12, Q1…Q4 or the years).</summary>
public sealed record Series(Computation Computation, string Name, bool IsShare, ResultUnit Unit, Granularity Granularity, List<string> Labels,
    List<SeriesYear> Years, string Explanation);

/// <summary>Trends (issue 14, item 3): any computation over an area, month by month, quarter by quarter or year by year, this
/// year against the previous ones. Every value is the computation over its own window in ONE statement of
/// <see cref="IndicatorComputations"/> (the year to the end of each month): a count per period is the difference of two
/// year-to-date figures (so "establishments inspected" counts each one once a year, in the month of its first visit); a share is
/// the year-to-date share at the period's end.</summary>
public sealed class SeriesService(IndicatorComputations computations, IndicatorAreas areas, Projection projection)
{
    public const int MaxYears = 6;

    public static Computation ParseComputation(string? value)
    {
        if (!string.IsNullOrWhiteSpace(value) && !int.TryParse(value, out _) && Enum.TryParse<Computation>(value.Trim(), true, out var c) && Enum.IsDefined(c))
            return c;
        throw ValidationException.One("computation", string.IsNullOrWhiteSpace(value)
            ? "Hãy chọn phép tính (computation)."
            : $"Không có phép tính '{value}'. Các phép tính: {string.Join(", ", Enum.GetNames<Computation>())}.");
    }

    public static Granularity ParseGranularity(string? value) =>
        string.IsNullOrWhiteSpace(value) ? Granularity.Month
        : !int.TryParse(value, out _) && Enum.TryParse<Granularity>(value.Trim(), true, out var g) && Enum.IsDefined(g) ? g
        : throw ValidationException.One("by", "Chu kỳ không hợp lệ (month, quarter, year).");

    public async Task<Series> For(UserScope scope, string? computation, int? unitId, string? by, int? years, CancellationToken ct = default)
    {
        var c = ParseComputation(computation);
        var g = ParseGranularity(by);
        var n = years ?? 3;
        if (n < 1 || n > MaxYears) throw ValidationException.One("years", $"Số năm phải từ 1 đến {MaxYears}.");
        var unit = MonitoringScope.Default(scope, unitId, null);
        var node = await areas.Find(unit) ?? throw new NotFoundException();
        var today = projection.Today;
        var yearList = Enumerable.Range(today.Year - n + 1, n).ToList();
        // The year to the end of each month (up to this month this year).
        var keys = yearList.SelectMany(y => Enumerable.Range(1, y < today.Year ? 12 : today.Month)
            .Select(m => new FigureKey(c, new DateOnly(y, 1, 1), new DateOnly(y, m, DateTime.DaysInMonth(y, m))))).ToList();
        var figures = await computations.Compute(keys, await areas.ForQuery(unit), ct);
        var share = IndicatorComputations.IsShare(c);
        decimal? ToDate(int y, int m) => figures.TryGetValue(new FigureKey(c, new DateOnly(y, 1, 1), new DateOnly(y, m, DateTime.DaysInMonth(y, m))), out var a)
            ? share ? IndicatorStatus.Measure(TargetKind.Percentage, a) ?? 0 : a.Value : null;
        // Period p ends at month ends[p]; a count per period is the difference from the previous period's end.
        int[] ends = g switch { Granularity.Month => [.. Enumerable.Range(1, 12)], Granularity.Quarter => [3, 6, 9, 12], _ => [12] };
        var rows = yearList.Select(y => new SeriesYear(y, ends.Select((m, i) =>
        {
            var last = y < today.Year ? m : Math.Min(m, today.Month);
            if (y == today.Year && i > 0 && ends[i - 1] >= today.Month) return null;
            var v = ToDate(y, last);
            if (share || v is null || i == 0) return v;
            return v - (ToDate(y, ends[i - 1]) ?? 0);
        }).ToList())).ToList();
        if (g == Granularity.Year)
        {
            // One row: a value per year.
            var culture = CultureInfo.CurrentCulture;
            return new Series(c, IndicatorLabels.Computation(c, culture), share, new ResultUnit(node.Id, node.Code, node.Name), g,
                yearList.Select(y => y.ToString(CultureInfo.InvariantCulture)).ToList(),
                [new SeriesYear(today.Year, rows.Select(r => r.Values[0]).ToList())], Explain(share, g));
        }
        List<string> labels = g == Granularity.Month ? [.. Enumerable.Range(1, 12).Select(m => $"T{m}")] : ["Q1", "Q2", "Q3", "Q4"];
        return new Series(c, IndicatorLabels.Computation(c, CultureInfo.CurrentCulture), share, new ResultUnit(node.Id, node.Code, node.Name), g,
            labels, rows, Explain(share, g));
    }

    static string Explain(bool share, Granularity g) =>
        MonitoringLabels.T(share ? "Monitoring.Series.ShareExplained" : "Monitoring.Series.CountExplained", CultureInfo.CurrentCulture);
}
