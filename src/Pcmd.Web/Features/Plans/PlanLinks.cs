using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Data;

namespace Pcmd.Web.Features.Plans;

/// <summary>A plan may cite a parent that is not in PCMD by number, date and issuer (issue 16, item 10); it is linked when
/// that plan is entered. Numbers repeat every year ("01/KH-UBND"), so a link needs the number and the date to match one
/// plan only.</summary>
public static class PlanLinks
{
    /// <summary>The one stored plan with this number and date, if there is exactly one.</summary>
    public static async Task<int?> Cited(PcmdDbContext db, string number, DateOnly issuedOn, CancellationToken ct)
    {
        var ids = await db.Plans.Where(p => p.Number == number && p.IssuedOn == issuedOn).Select(p => p.Id).Take(2).ToListAsync(ct);
        return ids.Count == 1 ? ids[0] : null;
    }

    /// <summary>Links the plans that cite <paramref name="parent"/> and were waiting for it; each linked plan's version moves on.</summary>
    public static async Task<int> LinkWaitingChildren(PcmdDbContext db, Plan parent, CancellationToken ct)
    {
        if (parent.Number is not { } number || parent.IssuedOn is not { } issued || parent.IssuedPrecision is not null) return 0;
        if (await Cited(db, number, issued, ct) != parent.Id) return 0;
        return await db.Plans
            .Where(p => p.ParentId == null && p.Id != parent.Id && p.ParentNumber == number && p.ParentIssuedOn == issued)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.ParentId, parent.Id).SetProperty(p => p.Version, p => p.Version + 1), ct);
    }
}
