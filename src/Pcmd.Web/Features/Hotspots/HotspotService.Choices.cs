using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Features.Plans;
using Pcmd.Web.Security;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.Hotspots;

public sealed record AppendixItemChoice(int ItemId, string ItemName, string AppendixNumber, int PlanId, string PlanTitle, int PlanFrom);

public sealed record EstablishmentChoice(int Id, string Name, string Address);

public sealed partial class HotspotService
{
    /// <summary>A select stays usable up to a few hundred options; a city has tens of thousands of establishments, so the
    /// form offers those of one commune (the page can also be opened with ?establishment=ID).</summary>
    public const int MaxEstablishmentChoices = 500;

    /// <summary>The rows of hotspot appendices in the plans the user may read, newest plans first.</summary>
    public async Task<List<AppendixItemChoice>> AppendixChoices(UserScope scope, CancellationToken ct = default)
    {
        var rows = await (from i in db.AppendixItems
                          join a in db.Appendices on i.AppendixId equals a.Id
                          join p in db.Plans on a.PlanId equals p.Id
                          where a.Kind == AppendixKind.Hotspots
                          select new { i.Id, i.Name, i.Position, a.Number, AppendixPosition = a.Position, PlanId = p.Id, p.Title, p.PeriodFrom, p.IssuingUnitId })
            .AsNoTracking().ToListAsync(ct);
        return rows.Where(r => scope.CanReadUnit(r.IssuingUnitId))
            .OrderByDescending(r => r.PeriodFrom).ThenBy(r => r.PlanId).ThenBy(r => r.AppendixPosition).ThenBy(r => r.Position)
            .Select(r => new AppendixItemChoice(r.Id, r.Name, r.Number, r.PlanId, r.Title, r.PeriodFrom)).ToList();
    }

    /// <summary>The establishments of a unit's area that the user may read (at most <see cref="MaxEstablishmentChoices"/>),
    /// plus the one the hotspot already names.</summary>
    public async Task<List<EstablishmentChoice>> EstablishmentChoices(UserScope scope, int? unitId, int? include, CancellationToken ct = default)
    {
        var result = new List<EstablishmentChoice>();
        if (unitId is { } unit && scope.CanReadUnit(unit))
        {
            // The unit's area and the areas of the units it was merged into (UnitArea.Related), within reach.
            var roots = (await tree.Successors(unit)).Append(unit).ToList();
            var area = db.OrgUnitAreas.Where(a => roots.Contains(a.AreaId) && !a.Above).Select(a => a.UnitId);
            result = await db.Establishments.AsNoTracking().Where(e => area.Contains(e.OrgUnitId)).InReadableScope(db, scope, e => e.OrgUnitId)
                .OrderBy(e => e.Name).Take(MaxEstablishmentChoices)
                .Select(e => new EstablishmentChoice(e.Id, e.Name, e.Address)).ToListAsync(ct);
        }
        if (include is { } id && result.All(e => e.Id != id))
        {
            var extra = await db.Establishments.AsNoTracking().Where(e => e.Id == id)
                .Select(e => new { e.Id, e.Name, e.Address, e.OrgUnitId }).FirstOrDefaultAsync(ct);
            if (extra is not null && scope.CanReadUnit(extra.OrgUnitId)) result.Add(new(extra.Id, extra.Name, extra.Address));
        }
        return result.OrderBy(e => e.Name, VietnameseText.Comparer).ToList();
    }
}
