namespace Pcmd.Web.Features.WorkCalendar;

/// <summary>Which days are working days: Monday to Friday, except the listed days off, plus the listed weekend days worked
/// in exchange. Pure, so that deadline rules stay testable without a database.</summary>
public sealed class WorkDays
{
    readonly Dictionary<DateOnly, bool> _listed;

    public WorkDays(IEnumerable<(DateOnly Date, bool DayOff)> listed) =>
        _listed = listed.GroupBy(d => d.Date).ToDictionary(g => g.Key, g => g.Last().DayOff);

    /// <summary>The plain week, no holiday known.</summary>
    public static readonly WorkDays Weekdays = new([]);

    public bool IsWorkingDay(DateOnly d) =>
        _listed.TryGetValue(d, out var off) ? !off : d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    /// <summary>The day <paramref name="days"/> working days after <paramref name="start"/> (the start itself is day 0).</summary>
    public DateOnly AddWorkingDays(DateOnly start, int days)
    {
        var d = start;
        for (var left = days; left > 0;)
        {
            d = d.AddDays(1);
            if (IsWorkingDay(d)) left--;
        }
        return d;
    }
}
