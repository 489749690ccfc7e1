using Pcmd.Web.Features.Plans;

namespace Pcmd.Web.Features.Reporting;

/// <summary>One period a plan's schedule asks for.</summary>
public sealed record PeriodSpec(ReportKind Kind, int Year, int Sequence, string Title, DateOnly DataFrom, DateOnly DataTo, DateOnly DueOn,
    DateOnly? ConsolidationDueOn);

/// <summary>The report calendar: which periods a schedule entry gives in a year, their data windows and deadlines, and
/// lateness. Pure rules (no clock, no database) so that they are tested day by day.</summary>
public static class ReportCalendar
{
    /// <summary>The periods of one schedule entry in one year of the plan. The data windows follow Nghị định 09/2019/NĐ-CP
    /// art. 12: six-monthly from 15/12 of the previous year to 14/6, yearly from 15/12 to 14/12, quarterly from the 15th
    /// of the month before the quarter to the 14th of its last month, monthly from the 15th of the month before to the 14th.
    /// Deadlines are the plan's day and month; without them, three days after the cut-off (14/6 → 17/6, as 001 §IV.1 asks).
    /// A final report covers the whole plan and is due in the plan's last year. Ad hoc periods are opened by hand.</summary>
    public static IEnumerable<PeriodSpec> PeriodsOf(ReportScheduleEntry entry, int year, int planFrom, int planTo)
    {
        switch (entry.Kind)
        {
            case ReportKind.Semiannual:
                yield return Spec(entry, ReportKind.Semiannual, year, 1, $"Báo cáo 6 tháng đầu năm {year}",
                    new DateOnly(year - 1, 12, 15), new DateOnly(year, 6, 14));
                break;
            case ReportKind.Annual:
                yield return Spec(entry, ReportKind.Annual, year, 1, $"Báo cáo năm {year}", new DateOnly(year - 1, 12, 15), new DateOnly(year, 12, 14));
                break;
            case ReportKind.Quarterly:
                for (var q = 1; q <= 4; q++)
                {
                    var last = new DateOnly(year, q * 3, 14);
                    yield return Spec(entry, ReportKind.Quarterly, year, q, $"Báo cáo quý {Roman(q)} năm {year}", last.AddMonths(-3).AddDays(1), last);
                }
                break;
            case ReportKind.Monthly:
                for (var m = 1; m <= 12; m++)
                {
                    var last = new DateOnly(year, m, 14);
                    yield return Spec(entry, ReportKind.Monthly, year, m, $"Báo cáo tháng {m}/{year}", last.AddMonths(-1).AddDays(1), last);
                }
                break;
            case ReportKind.Final when year == planTo:
                yield return Spec(entry, ReportKind.Final, year, 1, $"Báo cáo tổng kết giai đoạn {planFrom}–{planTo}",
                    new DateOnly(planFrom - 1, 12, 15), FinalCutoff(entry, planTo));
                break;
        }
    }

    /// <summary>A final report is often due before the year ends ("tổng kết trước ngày 05/11/2030"): its data then stop
    /// at the last 14th before the deadline (14/10 for 05/11, 14/11 for 30/11), the cut-off day of Nghị định 09/2019 art. 12,
    /// so that no report covers days after it is due. Without a day and month, the yearly cut-off 14/12.</summary>
    static DateOnly FinalCutoff(ReportScheduleEntry e, int planTo)
    {
        var yearEnd = new DateOnly(planTo, 12, 14);
        if (e is not { DueDay: { } d, DueMonth: { } m }) return yearEnd;
        var due = new DateOnly(planTo, m, Math.Min(d, DateTime.DaysInMonth(planTo, m)));
        var cutoff = new DateOnly(planTo, m, 14);
        if (cutoff >= due) cutoff = cutoff.AddMonths(-1);
        return cutoff < yearEnd ? cutoff : yearEnd;
    }

    static PeriodSpec Spec(ReportScheduleEntry e, ReportKind kind, int year, int seq, string title, DateOnly from, DateOnly to)
    {
        var due = DayAfter(to, e.DueMonth, e.DueDay, to.AddDays(3));
        // A level that consolidates sends upward by its own later day; without one it sends by the units' day.
        DateOnly? consolidation = e.ConsolidationDueDay is null ? null : DayAfter(to, e.ConsolidationDueMonth, e.ConsolidationDueDay, due);
        if (consolidation < due) consolidation = due;
        return new PeriodSpec(kind, year, seq, title, from, to, due, consolidation);
    }

    /// <summary>A day and month the plan writes ("trước ngày 17/6") fall in the year of the cut-off, even before it: a
    /// district may ask its communes for figures by 10/6 so that it can send its own by 15/6. A day alone (monthly and
    /// quarterly reports) is the first such day after the cut-off.</summary>
    static DateOnly DayAfter(DateOnly cutoff, int? month, int? day, DateOnly fallback)
    {
        if (day is not { } d) return fallback;
        if (month is { } m) return new DateOnly(cutoff.Year, m, Math.Min(d, DateTime.DaysInMonth(cutoff.Year, m)));
        var sameMonth = new DateOnly(cutoff.Year, cutoff.Month, Math.Min(d, DateTime.DaysInMonth(cutoff.Year, cutoff.Month)));
        return sameMonth > cutoff ? sameMonth : sameMonth.AddMonths(1);
    }

    /// <summary>Days after the deadline (0 when on or before it). A report is on time on its due day, whatever the hour.</summary>
    public static int DaysLate(DateOnly due, DateOnly submittedOn) => Math.Max(0, submittedOn.DayNumber - due.DayNumber);

    /// <summary>Whether a period is open for the units to report: from the first day of its data window. A plan opens
    /// the periods of the years it covers as each begins (<see cref="ReportPeriodService"/>).</summary>
    public static bool Opens(PeriodSpec p, DateOnly today) => p.DataFrom <= today;

    /// <summary>Quarters and the sections of a report are numbered in Roman numerals (Nghị định 30/2020, Phụ lục I).</summary>
    public static string Roman(int n)
    {
        if (n is < 1 or > 3999) return n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var sb = new System.Text.StringBuilder();
        foreach (var (value, numeral) in Numerals)
            for (; n >= value; n -= value) sb.Append(numeral);
        return sb.ToString();
    }

    static readonly (int Value, string Numeral)[] Numerals =
        [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")];
}
