using Pcmd.Web.Features.Tips;
using Pcmd.Web.Features.WorkCalendar;

namespace Pcmd.UnitTests.Features.WorkCalendar;

/// <summary>Working days with the calendar's days off and weekend days worked, and the tips' deadlines that count them.</summary>
public sealed class WorkDaysTests
{
    static DateOnly D(int y, int m, int d) => new(y, m, d);

    // 2026: Tết Bính Ngọ Monday 16/2 – Friday 20/2; a Saturday worked in exchange for a made-up test.
    static readonly WorkDays Tet = new([(D(2026, 2, 16), true), (D(2026, 2, 17), true), (D(2026, 2, 18), true), (D(2026, 2, 19), true),
        (D(2026, 2, 20), true), (D(2026, 2, 28), false)]);

    [Fact]
    public void Days_off_are_skipped_and_a_weekend_day_worked_counts()
    {
        Assert.False(Tet.IsWorkingDay(D(2026, 2, 17)));
        Assert.True(Tet.IsWorkingDay(D(2026, 2, 28)));   // a Saturday worked
        Assert.False(Tet.IsWorkingDay(D(2026, 3, 1)));   // an ordinary Sunday
        Assert.True(Tet.IsWorkingDay(D(2026, 2, 23)));
        // Received Friday 13/2: the next working days are Mon 23, Tue 24, Wed 25 (the Tết week and the weekend skipped).
        Assert.Equal(D(2026, 2, 25), Tet.AddWorkingDays(D(2026, 2, 13), 3));
        Assert.Equal(D(2026, 2, 18), WorkDays.Weekdays.AddWorkingDays(D(2026, 2, 13), 3));
        // Received Thursday 26/2: Fri 27, Sat 28 (worked), Mon 2/3.
        Assert.Equal(D(2026, 3, 2), Tet.AddWorkingDays(D(2026, 2, 26), 3));
        Assert.Equal(D(2026, 2, 13), Tet.AddWorkingDays(D(2026, 2, 13), 0));
    }

    [Fact]
    public void A_tip_deadline_in_working_days_moves_past_the_holidays_and_one_in_calendar_days_does_not()
    {
        // Verification: 3 working days from reception; a crime report is classified within 3 calendar days.
        Assert.Equal(D(2026, 2, 25), TipDeadlines.DueOn(TipState.Verifying, null, D(2026, 2, 13), null, D(2026, 2, 13), 0, Tet));
        Assert.Equal(D(2026, 2, 18), TipDeadlines.DueOn(TipState.Verifying, null, D(2026, 2, 13), null, D(2026, 2, 13), 0));
        Assert.Equal(D(2026, 2, 16), TipDeadlines.DueOn(TipState.Classified, TipKind.CrimeReport, D(2026, 2, 13), null, D(2026, 2, 13), 0, Tet));
    }

    [Fact]
    public void A_date_listed_twice_takes_its_last_entry() =>
        Assert.True(new WorkDays([(D(2026, 5, 4), true), (D(2026, 5, 4), false)]).IsWorkingDay(D(2026, 5, 4)));

    [Fact]
    public void The_shipped_calendar_has_no_day_off_on_a_weekend_and_no_worked_weekday()
    {
        var json = System.Text.Json.JsonDocument.Parse(Pcmd.Web.Shared.EmbeddedFiles.Read("reference/work-calendar.json").Single().Text);
        var rows = json.RootElement.EnumerateArray().Select(e => (Date: DateOnly.Parse(e.GetProperty("date").GetString()!), Off: e.GetProperty("dayOff").GetBoolean())).ToList();
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.NotEqual(r.Off, r.Date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday));
        Assert.Equal(rows.Count, rows.Select(r => r.Date).Distinct().Count());
    }
}
