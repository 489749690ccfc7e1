using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Plans;

namespace Pcmd.Web.Features.Indicators;

/// <summary>A plan replaced from its file keeps its indicators' bindings to computations, matched by indicator number:
/// the file carries no bindings, and rebinding ten indicators after each correction of a plan would be lost work.</summary>
public sealed class IndicatorBindingDependents(PcmdDbContext db) : IIndicatorDependents
{
    public async Task RemoveWith(int indicatorId, CancellationToken ct) =>
        db.IndicatorBindings.RemoveRange(await db.IndicatorBindings.Where(b => b.IndicatorId == indicatorId).ToListAsync(ct));

    public async Task<Func<IReadOnlyCollection<Indicator>, CancellationToken, Task>> Capture(int planId, CancellationToken ct)
    {
        var bindings = await db.IndicatorBindings.Where(b => b.Indicator!.PlanId == planId)
            .Select(b => new { b.Indicator!.Number, b.Computation, b.OrgUnitId }).ToListAsync(ct);
        return async (indicators, ct2) =>
        {
            foreach (var b in bindings)
                if (indicators.FirstOrDefault(i => i.Number == b.Number) is { } ind)
                    db.IndicatorBindings.Add(new IndicatorBinding { IndicatorId = ind.Id, Computation = b.Computation, OrgUnitId = b.OrgUnitId });
            await db.SaveChangesAsync(ct2);
        };
    }
}
