using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Data;
using Pcmd.Web.Features.WorkCalendar;

namespace Pcmd.Web.Features.Tips;

/// <summary>When the working-day calendar changes, the next deadline of every open tip that could cross the changed day is
/// computed again, so that the due-soon and overdue lists and the overdue notices follow the calendar as it now is. Steps
/// already taken keep the deadline they had when taken (their "on time" was judged then).</summary>
public sealed class TipCalendarDeadlines(PcmdDbContext db) : IWorkCalendarDependents
{
    public async Task<int> CalendarChanged(WorkDays calendar, DateOnly from, CancellationToken ct)
    {
        var open = await db.Tips.Include(t => t.Steps).Include(t => t.Extensions)
            .Where(t => t.State != TipState.Closed && t.NextDueOn != null && t.NextDueOn >= from).ToListAsync(ct);
        var changed = 0;
        foreach (var tip in open)
        {
            var due = TipService.NextDue(tip, calendar);
            if (due == tip.NextDueOn) continue;
            tip.NextDueOn = due;
            changed++;
        }
        return changed;
    }
}
