namespace Pcmd.Web.Features.WorkCalendar;

/// <summary>A feature whose stored deadlines count working days: when a day of the calendar changes, it recomputes them in
/// the same transaction (tips' next deadlines), so that an overdue list never rests on the calendar as it was.</summary>
public interface IWorkCalendarDependents
{
    /// <summary>Adds the recomputed deadlines to the DbContext (the caller saves); the number of records changed. Only a
    /// deadline on or after <paramref name="from"/> (the earliest day that changed) can move: a count of days that ended
    /// before it never crossed it.</summary>
    Task<int> CalendarChanged(WorkDays calendar, DateOnly from, CancellationToken ct);
}
