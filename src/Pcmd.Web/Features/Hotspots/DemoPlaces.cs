using Pcmd.Web.Features.OrgUnits;

namespace Pcmd.Web.Features.Hotspots;

/// <summary>Believable coordinates for demo hotspots: the approximate centre of the Hà Nội district (as it was
/// before 1/7/2025) that holds the unit, moved by a jitter of at most ±0.012° (about ±1.3 km) in each direction,
/// derived from the hotspot's name so that every start gives the same map. For the demo only: real hotspots get
/// their coordinates from the people who record them.</summary>
public static class DemoPlaces
{
    public const double Jitter = 0.012;

    /// <summary>Approximate centres (latitude, longitude) of the 30 districts, towns and urban districts of Hà Nội before 2025.</summary>
    static readonly Dictionary<string, (double Lat, double Lng)> Centres = new()
    {
        ["Ba Đình"] = (21.0340, 105.8140), ["Hoàn Kiếm"] = (21.0285, 105.8520), ["Tây Hồ"] = (21.0700, 105.8190),
        ["Long Biên"] = (21.0480, 105.8880), ["Cầu Giấy"] = (21.0300, 105.7900), ["Đống Đa"] = (21.0130, 105.8270),
        ["Hai Bà Trưng"] = (21.0060, 105.8570), ["Hoàng Mai"] = (20.9740, 105.8630), ["Thanh Xuân"] = (20.9930, 105.8110),
        ["Nam Từ Liêm"] = (21.0120, 105.7580), ["Bắc Từ Liêm"] = (21.0700, 105.7600), ["Hà Đông"] = (20.9630, 105.7700),
        ["Sơn Tây"] = (21.1380, 105.5050), ["Ba Vì"] = (21.1990, 105.4230), ["Phúc Thọ"] = (21.1000, 105.5600),
        ["Đan Phượng"] = (21.0870, 105.6700), ["Hoài Đức"] = (21.0250, 105.7000), ["Quốc Oai"] = (20.9900, 105.6400),
        ["Thạch Thất"] = (21.0200, 105.5600), ["Chương Mỹ"] = (20.8800, 105.6700), ["Thanh Oai"] = (20.8600, 105.7700),
        ["Thường Tín"] = (20.8700, 105.8600), ["Phú Xuyên"] = (20.7400, 105.9100), ["Ứng Hòa"] = (20.7200, 105.7800),
        ["Mỹ Đức"] = (20.6900, 105.7200), ["Sóc Sơn"] = (21.2600, 105.8300), ["Đông Anh"] = (21.1400, 105.8500),
        ["Gia Lâm"] = (21.0200, 105.9400), ["Mê Linh"] = (21.1800, 105.7200), ["Thanh Trì"] = (20.9400, 105.8400),
    };

    static readonly string[] Prefixes = ["Quận ", "Huyện ", "Thị xã "];

    /// <summary>The district's name without "Quận", "Huyện" or "Thị xã".</summary>
    public static string Bare(string name) => Prefixes.Aggregate(name.Trim(), (n, p) => n.StartsWith(p, StringComparison.Ordinal) ? n[p.Length..] : n);

    public static bool IsKnownDistrict(string name) => Centres.ContainsKey(Bare(name));

    /// <summary>The old district of a unit: itself, its parent district, or (for a ward created on 1/7/2025) the
    /// district of the old wards merged into it.</summary>
    public static async Task<OrgUnitTree.Node?> District(OrgUnitTree tree, int unitId)
    {
        var node = await tree.Find(unitId);
        if (node is null) return null;
        if (node.Level == OrgUnitLevel.District) return node;
        if ((await tree.Ancestors(unitId)).FirstOrDefault(a => a.Level == OrgUnitLevel.District) is { } district) return district;
        foreach (var old in await tree.Predecessors(unitId))
            if (await District(tree, old) is { } d) return d;
        return null;
    }

    public static async Task<(double Lat, double Lng)?> Place(OrgUnitTree tree, int unitId, string name)
    {
        if (await District(tree, unitId) is not { } district || !Centres.TryGetValue(Bare(district.Name), out var centre)) return null;
        var h = Fnv(name);
        double Offset(uint bits) => ((bits & 0xFFFF) / 65535.0 * 2 - 1) * Jitter;
        return (Math.Round(centre.Lat + Offset(h), 5), Math.Round(centre.Lng + Offset(h >> 16), 5));
    }

    /// <summary>FNV-1a: stable across runs, unlike string.GetHashCode.</summary>
    static uint Fnv(string s)
    {
        var h = 2166136261u;
        foreach (var c in s) { h ^= c; h *= 16777619u; }
        return h;
    }
}
