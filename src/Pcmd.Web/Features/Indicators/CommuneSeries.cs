using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Data;
using Pcmd.Web.Features.CommuneModel;
using Pcmd.Web.Features.OrgUnits;
using Pcmd.Web.Security;

namespace Pcmd.Web.Features.Indicators;

/// <summary>The commune-model computations of <see cref="CommuneFacts"/> (model communes counted and as a share, healthy communes)
/// over many windows at once, as <see cref="DocumentSeries"/> does for the document shares: the communes existing on any window's
/// last day, their areas (themselves and the old communes merged into them), and the model rows and confirmed ratings of the
/// windows' years, read in three statements whatever the number of windows; then each commune judged per window in memory. A
/// window counts the year of its last day, so a trend's months of one year share the same rows. Same figures as the query per
/// window (unit tests).</summary>
public static class CommuneSeries
{
    /// <summary>The keys folded here (<see cref="WindowSeries.Foldable"/>).</summary>
    public static List<FigureKey> Foldable(IEnumerable<FigureKey> keys) => WindowSeries.Foldable(keys, CommuneFacts.Handles);

    public static async Task<Dictionary<FigureKey, Dictionary<int, (int Num, int Den)>>> ByUnit(PcmdDbContext db, List<FigureKey> keys, int? area,
        CancellationToken ct)
    {
        var result = new Dictionary<FigureKey, Dictionary<int, (int Num, int Den)>>();
        if (keys.Count == 0) return result;
        var (firstEnd, last) = (keys.Min(k => k.To), keys.Max(k => k.To));
        var years = keys.Select(k => k.To.Year).Distinct().ToList();
        var communeQuery = db.OrgUnits.Where(u => u.Level == OrgUnitLevel.Commune
            && (u.ValidFrom == null || u.ValidFrom <= last) && (u.ValidTo == null || u.ValidTo >= firstEnd));
        if (area is { } a) communeQuery = communeQuery.InAreaOf(db, a, u => u.Id);
        var communes = await communeQuery.Select(u => new { u.Id, u.ValidFrom, u.ValidTo }).ToListAsync(ct);
        var ids = communes.Select(u => u.Id).ToHashSet();
        var inAreas = db.OrgUnitAreas.Where(x => !x.Above && communeQuery.Any(u => u.Id == x.AreaId));
        // A row of unit X counts for every commune whose area holds X, as the query per window reads it.
        var areasOf = (await inAreas.Select(x => new { x.AreaId, x.UnitId }).ToListAsync(ct)).ToLookup(x => x.UnitId, x => x.AreaId);
        var memberIds = inAreas.Select(x => x.UnitId);

        var withModel = new HashSet<(int Commune, int Year)>();
        var healthy = new Dictionary<(int Commune, int Year), Rating>();
        if (keys.Any(k => k.Computation != Computation.HealthyCommuneShare))
            foreach (var m in await db.ModelCommunes.Where(m => years.Contains(m.Year) && memberIds.Contains(m.OrgUnitId))
                         .Select(m => new { m.OrgUnitId, m.Year }).Distinct().ToListAsync(ct))
                foreach (var commune in areasOf[m.OrgUnitId]) withModel.Add((commune, m.Year));
        if (keys.Any(k => k.Computation == Computation.HealthyCommuneShare))
            foreach (var r in await db.CommuneAssessments.Where(x => years.Contains(x.Year) && x.Status == AssessmentStatus.Confirmed
                             && (memberIds.Contains(x.OrgUnitId) || communeQuery.Any(u => u.Id == x.OrgUnitId)))
                         .Select(x => new { x.OrgUnitId, x.Year, x.Healthy }).Distinct().ToListAsync(ct))
            {
                Rating Of(int commune) => healthy.TryGetValue((commune, r.Year), out var x) ? x : healthy[(commune, r.Year)] = new();
                if (ids.Contains(r.OrgUnitId))
                {
                    var own = Of(r.OrgUnitId);
                    own.Rated = true;
                    own.Healthy |= r.Healthy == true;
                }
                foreach (var commune in areasOf[r.OrgUnitId])
                {
                    var part = Of(commune);
                    part.PartHealthy |= r.Healthy == true;
                    part.PartNotHealthy |= r.Healthy == false;
                }
            }

        foreach (var k in keys)
        {
            var figures = new Dictionary<int, (int Num, int Den)>();
            var year = k.To.Year;
            foreach (var u in communes.Where(u => (u.ValidFrom == null || u.ValidFrom <= k.To) && (u.ValidTo == null || u.ValidTo >= k.To)))
            {
                var model = withModel.Contains((u.Id, year));
                switch (k.Computation)
                {
                    case Computation.ModelCommuneCount:
                        if (model) figures[u.Id] = (1, 0);
                        break;
                    case Computation.ModelCommuneShare:
                        figures[u.Id] = (model ? 1 : 0, 1);
                        break;
                    default:
                        figures[u.Id] = (healthy.GetValueOrDefault((u.Id, year))?.Met == true ? 1 : 0, 1);
                        break;
                }
            }
            result[k] = figures;
        }
        return result;
    }

    /// <summary>A commune's confirmed ratings of a year: its own (<see cref="Rated"/>, <see cref="Healthy"/>) and those of its area's
    /// units, itself included. Healthy by its own rating; without one, when a part was rated healthy and none not healthy.</summary>
    sealed class Rating
    {
        public bool Rated, Healthy, PartHealthy, PartNotHealthy;
        public bool Met => Healthy || (!Rated && PartHealthy && !PartNotHealthy);
    }
}
