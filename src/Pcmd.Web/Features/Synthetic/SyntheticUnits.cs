using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Data;
using Pcmd.Web.Features.OrgUnits;

namespace Pcmd.Web.Features.Synthetic;

/// <summary>The units synthetic records are attached to: each current commune (from 1/7/2025) with the old communes
/// that were merged into it (until 30/6/2025) and their old district, and a rough centre for coordinates.</summary>
public sealed class SyntheticUnits
{
    public sealed record OldCommune(int Id, string Code, string Name, int DistrictId);

    public sealed class Commune
    {
        public required int Id { get; init; }
        public required string Code { get; init; }
        public required string Name { get; init; }
        public required string ProvinceCode { get; init; }
        public required string ProvinceName { get; init; }
        public required List<OldCommune> Predecessors { get; init; }
        public double Weight { get; set; }
        public double Latitude { get; set; }
        public double Longitude { get; set; }
    }

    public required List<Commune> Communes { get; init; }
    /// <summary>Old districts (until 30/6/2025), ordered by code: before the reform, the Đội 178 worked at district level.</summary>
    public required List<(int Id, string Name)> OldDistricts { get; init; }
    public int OldCommuneCount => Communes.SelectMany(c => c.Predecessors).Select(p => p.Id).Distinct().Count();

    /// <summary>Rough centres of the 34 provinces after the 2025 mergers (degrees) and how far their communes spread.</summary>
    static readonly Dictionary<string, (double Lat, double Lon, double Spread)> Centres = new()
    {
        ["01"] = (21.03, 105.80, 0.25), ["04"] = (22.67, 106.26, 0.35), ["08"] = (22.30, 105.10, 0.5), ["11"] = (21.39, 103.02, 0.4),
        ["12"] = (22.40, 103.46, 0.35), ["14"] = (21.33, 103.91, 0.5), ["15"] = (22.00, 104.40, 0.5), ["19"] = (21.80, 105.85, 0.4),
        ["20"] = (21.85, 106.76, 0.4), ["22"] = (21.10, 107.20, 0.4), ["24"] = (21.20, 106.15, 0.25), ["25"] = (21.10, 105.30, 0.4),
        ["31"] = (20.90, 106.50, 0.3), ["33"] = (20.60, 106.20, 0.25), ["37"] = (20.35, 106.00, 0.3), ["38"] = (19.90, 105.50, 0.45),
        ["40"] = (19.10, 104.90, 0.5), ["42"] = (18.30, 105.80, 0.35), ["44"] = (17.20, 106.70, 0.45), ["46"] = (16.40, 107.55, 0.3),
        ["48"] = (15.70, 108.10, 0.45), ["51"] = (14.80, 108.30, 0.5), ["52"] = (13.90, 108.60, 0.5), ["56"] = (12.10, 109.00, 0.4),
        ["66"] = (12.80, 108.50, 0.5), ["68"] = (11.60, 107.90, 0.5), ["75"] = (11.20, 106.90, 0.4), ["79"] = (10.80, 106.70, 0.3),
        ["80"] = (10.90, 106.20, 0.35), ["82"] = (10.40, 105.90, 0.35), ["86"] = (10.10, 106.20, 0.3), ["91"] = (10.20, 105.20, 0.4),
        ["92"] = (9.80, 105.80, 0.3), ["96"] = (9.20, 105.30, 0.3),
    };

    public static async Task<SyntheticUnits> Load(PcmdDbContext db, SyntheticScale scale, Random random, CancellationToken ct)
    {
        var units = await db.OrgUnits.AsNoTracking()
            .Select(u => new { u.Id, u.Code, u.Name, u.Level, u.ParentId, u.ValidFrom, u.ValidTo })
            .ToListAsync(ct);
        var provinces = units.Where(u => u.Level == OrgUnitLevel.Province && scale.Provinces.Contains(u.Code) && u.ValidTo == null)
            .ToDictionary(u => u.Id);
        var missing = scale.Provinces.Except(provinces.Values.Select(p => p.Code)).ToList();
        if (missing.Count > 0)
            throw new InvalidOperationException(
                $"The units of province(s) {string.Join(", ", missing)} are not loaded: import them from the address package first (AddressPackageImporter).");
        var districts = units.Where(u => u.Level == OrgUnitLevel.District && u.ParentId is { } p && provinces.ContainsKey(p))
            .OrderBy(u => u.Code, StringComparer.Ordinal).ToList();
        var districtIds = districts.Select(d => d.Id).ToHashSet();
        var old = units.Where(u => u.Level == OrgUnitLevel.Commune && u.ParentId is { } p && districtIds.Contains(p) && u.ValidTo != null)
            .ToDictionary(u => u.Id, u => new OldCommune(u.Id, u.Code, u.Name, u.ParentId!.Value));
        var current = units.Where(u => u.Level == OrgUnitLevel.Commune && u.ParentId is { } p && provinces.ContainsKey(p) && u.ValidTo == null)
            .OrderBy(u => provinces[u.ParentId!.Value].Code, StringComparer.Ordinal).ThenBy(u => u.Code, StringComparer.Ordinal).ToList();
        var currentIds = current.Select(c => c.Id).ToHashSet();
        var successions = (await db.OrgUnitSuccessions.AsNoTracking().Select(s => new { s.OldUnitId, s.NewUnitId }).ToListAsync(ct))
            .Where(s => old.ContainsKey(s.OldUnitId) && currentIds.Contains(s.NewUnitId))
            .ToLookup(s => s.NewUnitId, s => old[s.OldUnitId]);

        var communes = new List<Commune>();
        foreach (var u in current)
        {
            var province = provinces[u.ParentId!.Value];
            var (lat, lon, spread) = Centres.GetValueOrDefault(province.Code, (16.0, 107.0, 0.5));
            // Wards (phường) are towns with more businesses than rural communes (xã).
            var urban = u.Name.StartsWith("Phường", StringComparison.Ordinal) ? 2.2 : u.Name.StartsWith("Đặc khu", StringComparison.Ordinal) ? 1.2 : 0.7;
            communes.Add(new Commune
            {
                Id = u.Id, Code = u.Code, Name = u.Name, ProvinceCode = province.Code, ProvinceName = province.Name,
                Predecessors = successions[u.Id].OrderBy(p => p.Code, StringComparer.Ordinal).ToList(),
                Weight = urban * (0.4 + random.NextDouble() * 1.2),
                Latitude = Math.Clamp(lat + (random.NextDouble() * 2 - 1) * spread, 8.6, 23.3),
                Longitude = Math.Clamp(lon + (random.NextDouble() * 2 - 1) * spread, 102.2, 109.4),
            });
        }
        if (communes.Count == 0) throw new InvalidOperationException("No current commune in the scale's provinces.");
        return new SyntheticUnits { Communes = communes, OldDistricts = districts.Select(d => (d.Id, d.Name)).ToList() };
    }

    /// <summary>A commune drawn in proportion to its weight (cumulative weights, binary search).</summary>
    public Func<Random, Commune> Sampler()
    {
        var cumulative = new double[Communes.Count];
        var sum = 0.0;
        for (var i = 0; i < Communes.Count; i++) cumulative[i] = sum += Communes[i].Weight;
        return r =>
        {
            var x = r.NextDouble() * sum;
            var i = Array.BinarySearch(cumulative, x);
            return Communes[Math.Min(i < 0 ? ~i : i, Communes.Count - 1)];
        };
    }
}
