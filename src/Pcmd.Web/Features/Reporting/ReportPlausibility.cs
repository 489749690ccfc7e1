using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Data;
using Pcmd.Web.Security;

namespace Pcmd.Web.Features.Reporting;

/// <summary>A figure far from last period's (issue 15, item 3): ten times larger or smaller than the same unit's figure in its
/// previous report of the kind is more often a typing slip (an extra zero, the city's figure in a ward's report) than a fact.
/// Submitting then asks the unit to check it and, if it is right, to say why in the indicator's note; the note is the
/// confirmation, kept with the figure for the coordinator. A figure (or a denominator: the count of units or establishments
/// that exist) that differs from the registries' already needs a note (<see cref="ReportRules.Missing"/>). Pure but for
/// <see cref="Previous"/>.</summary>
public static class ReportPlausibility
{
    public const decimal Factor = 10;

    public sealed record Earlier(string PeriodTitle, IReadOnlyDictionary<int, decimal?> Values, IReadOnlyDictionary<int, decimal?> Denominators);

    public static ErrorList Check(ReportForm form, Earlier? previous)
    {
        var errors = new ErrorList();
        foreach (var (row, n) in form.Indicators.Select((r, n) => (r, n)))
        {
            if (!string.IsNullOrWhiteSpace(row.Note)) continue;
            var reasons = new List<string>();
            if (previous is not null && previous.Values.GetValueOrDefault(row.IndicatorId) is { } last)
                Far(row.Value, last, "số liệu kỳ trước (" + previous.PeriodTitle + ")", reasons);
            if (previous is not null && row.IsShare && previous.Denominators.GetValueOrDefault(row.IndicatorId) is { } lastDen)
                Far(row.Denominator, lastDen, "mẫu số kỳ trước", reasons, "mẫu số ");
            if (reasons.Count > 0)
                errors.Add($"values[{n}].note", $"Chỉ tiêu {row.Number}: {string.Join("; ", reasons)}. Hãy kiểm tra lại; nếu số liệu đúng, ghi chú lý do rồi nộp.");
        }
        return errors;
    }

    static void Far(decimal? typed, decimal? reference, string what, List<string> reasons, string prefix = "")
    {
        if (typed is not > 0 || reference is not > 0) return;
        if (typed >= reference * Factor)
            reasons.Add($"{prefix}{ReportLabels.Number(typed)} lớn gấp {ReportLabels.Number(Math.Floor(typed.Value / reference.Value))} lần {what} ({ReportLabels.Number(reference)})");
        else if (typed * Factor <= reference)
            reasons.Add($"{prefix}{ReportLabels.Number(typed)} chưa bằng một phần mười {what} ({ReportLabels.Number(reference)})");
    }

    /// <summary>The same unit's figures in its latest earlier report of the same kind (six-monthly with six-monthly) of the
    /// plan, submitted or accepted.</summary>
    public static async Task<Earlier?> Previous(PcmdDbContext db, Report report, ReportPeriod period, CancellationToken ct)
    {
        var last = await db.Reports.AsNoTracking()
            .Where(r => r.AgencyId == report.AgencyId && r.IsConsolidated == report.IsConsolidated && r.Id != report.Id
                && (r.Status == ReportStatus.Submitted || r.Status == ReportStatus.Accepted)
                && r.Period!.PlanId == period.PlanId && r.Period.Kind == period.Kind && r.Period.DataTo < period.DataFrom)
            .OrderByDescending(r => r.Period!.DataTo).Select(r => new { r.Id, r.Period!.Title }).FirstOrDefaultAsync(ct);
        if (last is null) return null;
        var values = await db.ReportIndicatorValues.AsNoTracking().Where(v => v.ReportId == last.Id).ToListAsync(ct);
        return new Earlier(last.Title, values.ToDictionary(v => v.IndicatorId, v => v.Value), values.ToDictionary(v => v.IndicatorId, v => v.Denominator));
    }
}
