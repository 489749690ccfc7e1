using Pcmd.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Data;
using Pcmd.Web.Features.OrgUnits;
using Pcmd.Web.Features.Plans;
using Pcmd.Web.Security;

namespace Pcmd.Web.Features.Hotspots;

/// <summary>Hotspots within the user's scope: lists, records with their events, and the links from plan appendices.
/// The writes (and their rules) are in HotspotService.Writes.cs.</summary>
public sealed partial class HotspotService(PcmdDbContext db, OrgUnitTree tree, TimeProvider clock, AuditTrail audit)
{
    public const int MaxPageSize = 200;

    public async Task<HotspotPage> List(UserScope scope, HotspotFilter f, CancellationToken ct = default)
    {
        var q = await Filtered(scope, f.OrgUnitId, ct);
        if (f.Kind is { } kind) q = q.Where(h => h.Kind == kind);
        if (f.Complexity is { } level) q = q.Where(h => h.Complexity == level);
        if (f.State is { } state) q = q.Where(h => h.State == state);
        if (!string.IsNullOrWhiteSpace(f.Search)) { var s = f.Search.Trim(); q = q.Where(h => h.Name.Contains(s)); }
        if (f.AppendixItemId is { } item) q = q.Where(h => h.Events.Any(e => e.AppendixItemId == item));
        var size = Math.Clamp(f.PageSize, 1, MaxPageSize);
        var total = await q.CountAsync(ct);
        var page = Math.Clamp(f.Page, 1, Math.Max(1, (total + size - 1) / size));
        var items = await q.OrderBy(h => h.Name).ThenBy(h => h.Id).Skip((page - 1) * size).Take(size)
            .Select(h => new HotspotSummary(h.Id, h.Name, h.Kind, h.OrgUnitId, h.OrgUnit!.Name, h.Complexity, h.State,
                h.Events.Max(e => (DateOnly?)e.Date), h.Latitude, h.Longitude, h.Version))
            .ToListAsync(ct);
        return new HotspotPage(total, page, size, items);
    }

    /// <summary>The hotspots the user may read, optionally within one unit's area (its subtree and the old units merged
    /// into it). A unit out of reach is "not found", as its records would be.</summary>
    public async Task<IQueryable<Hotspot>> Filtered(UserScope scope, int? orgUnitId, CancellationToken ct = default)
    {
        var q = db.Hotspots.AsNoTracking().InReadableScope(db, scope, h => h.OrgUnitId);
        if (orgUnitId is { } unit)
        {
            await tree.EnsureReadable(scope, unit);
            q = q.InAreaOf(db, unit, h => h.OrgUnitId);
        }
        return q;
    }

    public async Task<HotspotDetail> Get(UserScope scope, int id, CancellationToken ct = default)
    {
        var h = await db.Hotspots.AsNoTracking().Include(x => x.OrgUnit).Include(x => x.Events).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (h is null) throw new NotFoundException();
        if (!scope.CanReadUnit(h.OrgUnitId)) throw audit.Denied(nameof(Hotspot), id, new NotFoundException());
        string? establishmentName = h.EstablishmentId is { } eid
            ? await db.Establishments.Where(e => e.Id == eid).Select(e => e.Name).FirstOrDefaultAsync(ct) : null;
        var refs = await AppendixRefs(scope, h.Events.Where(e => e.AppendixItemId != null).Select(e => e.AppendixItemId!.Value), ct);
        var events = HotspotLifecycle.InOrder(h.Events)
            .Select(e => new HotspotEventDto(e.Id, e.Date, e.Kind, e.ComplexityObserved, e.AppendixItemId,
                e.AppendixItemId is { } i ? refs.GetValueOrDefault(i) : null, e.Note))
            .ToList();
        return new HotspotDetail(h.Id, h.Name, h.Description, h.Kind, h.EstablishmentId, establishmentName, h.OrgUnitId, h.OrgUnit!.Name,
            h.Latitude, h.Longitude, h.Complexity, h.State, h.Version, UnitArea.CanEditHotspotIn(scope, h.OrgUnitId), events);
    }

    /// <summary>The appendix rows (of plans the user may read) with their plan, for links from the timeline.</summary>
    async Task<Dictionary<int, AppendixItemRef>> AppendixRefs(UserScope scope, IEnumerable<int> itemIds, CancellationToken ct)
    {
        var ids = itemIds.Distinct().ToList();
        if (ids.Count == 0) return [];
        var rows = await (from i in db.AppendixItems
                          join a in db.Appendices on i.AppendixId equals a.Id
                          join p in db.Plans on a.PlanId equals p.Id
                          where ids.Contains(i.Id)
                          select new { i.Id, i.Name, a.Number, PlanId = p.Id, p.Title, p.IssuingUnitId }).ToListAsync(ct);
        return rows.Where(r => scope.CanReadUnit(r.IssuingUnitId))
            .ToDictionary(r => r.Id, r => new AppendixItemRef(r.Id, r.Name, r.Number, r.PlanId, r.Title));
    }

    /// <summary>The hotspots that events link to the given appendix rows, for the plan page ("Phụ lục II, III").</summary>
    public async Task<Dictionary<int, List<HotspotLink>>> LinksForItems(UserScope scope, IEnumerable<int> itemIds, CancellationToken ct = default)
    {
        var ids = itemIds.Distinct().ToList();
        if (ids.Count == 0) return [];
        var rows = await (from e in db.HotspotEvents
                          join h in db.Hotspots on e.HotspotId equals h.Id
                          where e.AppendixItemId != null && ids.Contains(e.AppendixItemId.Value)
                          select new { ItemId = e.AppendixItemId!.Value, h.Id, h.Name, h.Complexity, h.State, h.OrgUnitId })
            .AsNoTracking().ToListAsync(ct);
        return rows.Where(r => scope.CanReadUnit(r.OrgUnitId))
            .GroupBy(r => r.ItemId)
            .ToDictionary(g => g.Key, g => g.DistinctBy(r => r.Id).OrderBy(r => r.Id)
                .Select(r => new HotspotLink(r.Id, r.Name, r.Complexity, r.State, $"/hotspots/{r.Id}")).ToList());
    }

    public async Task<List<HotspotLink>> ByAppendixItem(UserScope scope, int itemId, CancellationToken ct = default) =>
        (await LinksForItems(scope, [itemId], ct)).GetValueOrDefault(itemId) ?? [];

    DateOnly Today() => Shared.VietnamTime.Today(clock);
}
