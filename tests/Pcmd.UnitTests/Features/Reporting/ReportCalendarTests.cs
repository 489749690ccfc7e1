using Pcmd.Web.Features.Plans;
using Pcmd.Web.Features.Reporting;

namespace Pcmd.UnitTests.Features.Reporting;

/// <summary>The data windows of Nghị định 09/2019/NĐ-CP art. 12 and the deadlines a plan sets, day by day.</summary>
public class ReportCalendarTests
{
    static ReportScheduleEntry Entry(ReportKind kind, int? day = null, int? month = null, int? cday = null, int? cmonth = null) =>
        new() { Kind = kind, DueDay = day, DueMonth = month, ConsolidationDueDay = cday, ConsolidationDueMonth = cmonth };

    static DateOnly D(string s) => DateOnly.Parse(s);

    [Fact]
    public void Six_monthly_covers_15_December_to_14_June_and_is_due_on_the_plans_day()
    {
        var p = Assert.Single(ReportCalendar.PeriodsOf(Entry(ReportKind.Semiannual, 17, 6), 2026, 2026, 2030));
        Assert.Equal((D("2025-12-15"), D("2026-06-14"), D("2026-06-17")), (p.DataFrom, p.DataTo, p.DueOn));
        Assert.Null(p.ConsolidationDueOn);
        Assert.Equal("Báo cáo 6 tháng đầu năm 2026", p.Title);
    }

    [Fact]
    public void Yearly_covers_15_December_to_14_December()
    {
        var p = Assert.Single(ReportCalendar.PeriodsOf(Entry(ReportKind.Annual, 17, 12), 2027, 2026, 2030));
        Assert.Equal((D("2026-12-15"), D("2027-12-14"), D("2027-12-17")), (p.DataFrom, p.DataTo, p.DueOn));
    }

    [Fact]
    public void Without_a_day_the_deadline_is_three_days_after_the_cut_off()
    {
        var p = Assert.Single(ReportCalendar.PeriodsOf(Entry(ReportKind.Semiannual), 2026, 2026, 2030));
        Assert.Equal(D("2026-06-17"), p.DueOn);
    }

    [Fact]
    public void A_district_sends_its_consolidation_upward_by_a_later_day()
    {
        // A district asks its communes by 10/6 so that it sends its own consolidation by 15/6: the plan's days win over
        // the decree's cut-off, in the period's year.
        var p = Assert.Single(ReportCalendar.PeriodsOf(Entry(ReportKind.Semiannual, 10, 6, 15, 6), 2024, 2024, 2024));
        Assert.Equal((D("2024-06-14"), D("2024-06-10"), D("2024-06-15")), (p.DataTo, p.DueOn, p.ConsolidationDueOn!.Value));
    }

    [Fact]
    public void A_consolidation_day_before_the_units_day_is_moved_to_it()
    {
        var p = Assert.Single(ReportCalendar.PeriodsOf(Entry(ReportKind.Annual, 17, 12, 10, 12), 2026, 2026, 2030));
        Assert.Equal(D("2026-12-17"), p.ConsolidationDueOn);
    }

    [Fact]
    public void Consolidation_day_after_the_units_day()
    {
        var p = Assert.Single(ReportCalendar.PeriodsOf(Entry(ReportKind.Annual, 17, 12, 22, 12), 2026, 2026, 2030));
        Assert.Equal((D("2026-12-17"), D("2026-12-22")), (p.DueOn, p.ConsolidationDueOn!.Value));
    }

    [Fact]
    public void Quarters_run_from_the_15th_before_the_quarter_to_the_14th_of_its_last_month()
    {
        var q = ReportCalendar.PeriodsOf(Entry(ReportKind.Quarterly, 20), 2026, 2026, 2030).ToList();
        Assert.Equal(4, q.Count);
        Assert.Equal((D("2025-12-15"), D("2026-03-14"), D("2026-03-20")), (q[0].DataFrom, q[0].DataTo, q[0].DueOn));
        Assert.Equal((D("2026-09-15"), D("2026-12-14"), D("2026-12-20")), (q[3].DataFrom, q[3].DataTo, q[3].DueOn));
        Assert.Equal("Báo cáo quý IV năm 2026", q[3].Title);
    }

    [Fact]
    public void A_monthly_day_before_the_cut_off_falls_in_the_next_month()
    {
        var m = ReportCalendar.PeriodsOf(Entry(ReportKind.Monthly, 5), 2026, 2026, 2030).ToList();
        Assert.Equal(12, m.Count);
        Assert.Equal((D("2026-01-15"), D("2026-02-14"), D("2026-03-05")), (m[1].DataFrom, m[1].DataTo, m[1].DueOn));
    }

    [Fact]
    public void The_final_report_covers_the_whole_plan_and_comes_in_its_last_year_only()
    {
        var e = Entry(ReportKind.Final, 30, 11);
        Assert.Empty(ReportCalendar.PeriodsOf(e, 2029, 2026, 2030));
        var p = Assert.Single(ReportCalendar.PeriodsOf(e, 2030, 2026, 2030));
        Assert.Equal((D("2025-12-15"), D("2030-11-14")), (p.DataFrom, p.DataTo));
        Assert.Equal(D("2030-11-30"), p.DueOn);
        Assert.Equal("Báo cáo tổng kết giai đoạn 2026–2030", p.Title);
    }

    [Theory]
    [InlineData(5, 11, "2030-10-14", "2030-11-05")]   // issue 16: due 05/11 used to cover data to 14/12
    [InlineData(14, 11, "2030-10-14", "2030-11-14")]  // on the cut-off day itself: the month before
    [InlineData(15, 11, "2030-11-14", "2030-11-15")]
    [InlineData(20, 12, "2030-12-14", "2030-12-20")]
    [InlineData(null, null, "2030-12-14", "2030-12-17")]
    public void The_final_reports_data_end_on_or_before_its_deadline(int? day, int? month, string dataTo, string due)
    {
        var p = Assert.Single(ReportCalendar.PeriodsOf(Entry(ReportKind.Final, day, month), 2030, 2026, 2030));
        Assert.Equal((D(dataTo), D(due)), (p.DataTo, p.DueOn));
        Assert.True(p.DataTo <= p.DueOn);
    }

    [Fact]
    public void Ad_hoc_periods_are_not_generated()
    {
        Assert.Empty(ReportCalendar.PeriodsOf(Entry(ReportKind.Adhoc), 2026, 2026, 2030));
    }

    [Theory]
    [InlineData("2026-06-17", "2026-06-10", 0)]
    [InlineData("2026-06-17", "2026-06-17", 0)]
    [InlineData("2026-06-17", "2026-06-18", 1)]
    [InlineData("2026-06-17", "2026-07-17", 30)]
    public void Lateness_counts_days_after_the_deadline(string due, string submitted, int late) =>
        Assert.Equal(late, ReportCalendar.DaysLate(D(due), D(submitted)));

    [Fact]
    public void A_period_opens_on_the_first_day_of_its_data_window()
    {
        var p = Assert.Single(ReportCalendar.PeriodsOf(Entry(ReportKind.Semiannual, 17, 6), 2027, 2026, 2030));
        Assert.False(ReportCalendar.Opens(p, D("2026-12-14")));
        Assert.True(ReportCalendar.Opens(p, D("2026-12-15")));
    }

    [Theory]
    [InlineData("2026-06-17T16:59:00Z", "2026-06-17")] // 23:59 in Hà Nội: still the due day
    [InlineData("2026-06-17T17:01:00Z", "2026-06-18")] // 00:01 in Hà Nội: the next day
    public void The_day_of_a_submission_is_the_day_in_Ha_Noi(string utc, string day) =>
        Assert.Equal(D(day), Pcmd.Web.Shared.VietnamTime.Day(DateTime.Parse(utc, null, System.Globalization.DateTimeStyles.AdjustToUniversal)));

    [Theory]
    [InlineData(1, "I")]
    [InlineData(4, "IV")]
    [InlineData(5, "V")] // a report with questions numbers its proposals V
    [InlineData(9, "IX")]
    [InlineData(14, "XIV")]
    [InlineData(40, "XL")]
    public void Sections_and_quarters_are_numbered_in_Roman_numerals(int n, string roman) => Assert.Equal(roman, ReportCalendar.Roman(n));
}
