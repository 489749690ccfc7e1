using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Data;

namespace Pcmd.Web.Features.Agencies;

/// <summary>Which agencies' assignments bind an agency. One rule for "Nhiệm vụ của tôi" (Plans) and the report form
/// (Reporting), so a task a user is shown as theirs is the task their report asks about.</summary>
public static class AgencyChain
{
    /// <summary>The agency and the agencies it is part of, nearest first (Chi cục → Sở).</summary>
    public static async Task<List<int>> SelfAndAbove(PcmdDbContext db, int agencyId, CancellationToken ct)
    {
        var result = new List<int> { agencyId };
        for (int? p = await ParentOf(db, agencyId, ct); p is { } pid && !result.Contains(pid); p = await ParentOf(db, pid, ct))
            result.Add(pid);
        return result;
    }

    static Task<int?> ParentOf(PcmdDbContext db, int id, CancellationToken ct) =>
        db.Agencies.Where(a => a.Id == id).Select(a => a.ParentId).FirstOrDefaultAsync(ct);

    /// <summary>Itself, the collectives it is a member of, and the agencies above it in the same unit (a Chi cục carries out
    /// what its Sở is given). An agency above it in another unit does not bind it: a ward's police is not given the city
    /// police's tasks and indicators, which the city police answers for (issue 15, item 3: a ward is asked only what is
    /// assigned to wards).</summary>
    public static async Task<List<int>> Bound(PcmdDbContext db, int agencyId, CancellationToken ct)
    {
        var chain = await SelfAndAbove(db, agencyId, ct);
        var units = await db.Agencies.AsNoTracking().Where(a => chain.Contains(a.Id)).Select(a => new { a.Id, a.OrgUnitId }).ToListAsync(ct);
        var own = units.First(u => u.Id == agencyId).OrgUnitId;
        var result = chain.Where(id => units.Any(u => u.Id == id && u.OrgUnitId == own)).ToList();
        result.AddRange(await db.AgencyMemberships.Where(m => m.MemberId == agencyId && m.Body!.Kind == AgencyKind.Collective)
            .Select(m => m.BodyId).ToListAsync(ct));
        return result;
    }
}
