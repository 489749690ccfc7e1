using Pcmd.Web.Data;
using Pcmd.Web.Features.Tips;
using Pcmd.Web.Security;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.Indicators;

/// <summary>The facts of the tip computations (issue 11): tips counted where they happened (their commune), by the
/// Vietnamese day they were received.</summary>
public static class TipFacts
{
    /// <summary>Tin báo, tố giác, khiếu nại received in the window, whatever the channel.</summary>
    public static IQueryable<Fact> Received(PcmdDbContext db, int? area, DateOnly from, DateOnly to) =>
        InWindow(db, area, from, to).Select(t => new Fact { UnitId = t.OrgUnitId, Num = 1, Den = 0 });

    /// <summary>"100 % tin … được tiếp nhận, xác minh, phân loại, xử lý kịp thời" (KH 2026–2030, 3.1.4): of the tips received
    /// in the window, those whose every recorded step met its deadline and whose next step is not overdue at the window's
    /// end (or today, if the window has not ended).</summary>
    public static IQueryable<Fact> HandledOnTime(PcmdDbContext db, int? area, DateOnly from, DateOnly to) =>
        HandledOnTime(db, area, from, to, VietnamTime.Today(TimeProvider.System));

    /// <summary>As above with the day taken as today (the computations have no clock of their own; tests give one).</summary>
    public static IQueryable<Fact> HandledOnTime(PcmdDbContext db, int? area, DateOnly from, DateOnly to, DateOnly today)
    {
        var cutoff = today < to ? today : to;
        return InWindow(db, area, from, to).Select(t => new Fact
        {
            UnitId = t.OrgUnitId, Den = 1,
            Num = !db.TipSteps.Any(s => s.TipId == t.Id && !s.OnTime) && !(t.State != TipState.Closed && t.NextDueOn < cutoff) ? 1 : 0,
        });
    }

    static IQueryable<Tip> InWindow(PcmdDbContext db, int? area, DateOnly from, DateOnly to)
    {
        var start = VietnamTime.StartOf(from).UtcDateTime;
        var end = VietnamTime.StartOf(to.AddDays(1)).UtcDateTime;
        var q = db.Tips.Where(t => t.ReceivedAt >= start && t.ReceivedAt < end);
        return area is { } a ? q.InAreaOf(db, a, t => t.OrgUnitId) : q;
    }
}
