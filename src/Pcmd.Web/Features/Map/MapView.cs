using System.Text.Json.Serialization;
using Pcmd.Web.Features.Establishments;
using Pcmd.Web.Features.Hotspots;
using Pcmd.Web.Features.Plans;

namespace Pcmd.Web.Features.Map;

/// <summary>What the map shows: <see cref="Both"/> is hotspots and establishments (the default since before tips had a
/// layer); <see cref="All"/> adds the tips for the roles that may see tips.</summary>
public enum MapLayer { Both, Hotspots, Establishments, Tips, All }

/// <summary>An establishment inspected in the year asked, or not (issue 14, item 4).</summary>
public enum MapInspection { Inspected, NotInspected }

/// <summary><see cref="Year"/>: the year of the establishments' inspection status (this year when not given); given, it also
/// keeps the hotspots identified by the year's end and the tips received in the year.</summary>
public sealed record MapFilter(int? OrgUnitId = null, MapLayer Layer = MapLayer.Both, HotspotEventKind? State = null, ManagementStatus? Status = null,
    int? Year = null, MapInspection? Inspection = null)
{
    public bool HasHotspots => Layer is MapLayer.Both or MapLayer.Hotspots or MapLayer.All;
    public bool HasEstablishments => Layer is MapLayer.Both or MapLayer.Establishments or MapLayer.All;
    public bool HasTips => Layer is MapLayer.Tips or MapLayer.All;
}

/// <summary>A rectangle in degrees (WGS 84), west &lt; east and south &lt; north; the map's visible area or the points' extent.</summary>
public readonly record struct MapBox(double West, double South, double East, double North)
{
    public bool Contains(double lat, double lng) => lat >= South && lat <= North && lng >= West && lng <= East;
}

/// <summary>What the map draws for one view: per layer either its points (few enough) or grid clusters, and the labels
/// and unit names the points refer to, once per answer rather than once per point.</summary>
public sealed record MapView(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] MapBox? Extent,
    double CellSize,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] MapLayerView? Hotspots,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] MapLayerView? Establishments,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] MapLayerView? Tips,
    int Year,
    MapLabels Labels,
    Dictionary<int, string> Units,
    Dictionary<string, string> Urls);

/// <summary>One layer of a view: <see cref="Total"/> points in the box, listed in <see cref="Points"/> when they are few,
/// otherwise counted per grid cell in <see cref="Clusters"/>.</summary>
public sealed record MapLayerView(int Total,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] List<MapPoint>? Points,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] List<MapCluster>? Clusters);

/// <summary>One marker: a hotspot (with its level and state), an establishment (with its management status and whether it
/// was inspected in the view's year) or a tip (its place only: never who reported it). The
/// texts of the codes are in <see cref="MapView.Labels"/>, the unit's name in <see cref="MapView.Units"/>.</summary>
public sealed record MapPoint(int Id, string Name, double Lat, double Lng,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ComplexityLevel? Level,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] HotspotEventKind? State,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ManagementStatus? Status,
    int UnitId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? Inspected = null);

/// <summary>The points of one grid cell: how many, their centroid and the box around them as [south, west, north, east]
/// (the map zooms to it on a click).</summary>
public sealed record MapCluster(int Count, double Lat, double Lng, double[] Bounds);

/// <summary>The reader's texts of the codes the points carry, keyed by the code as the JSON writes it (camelCase).</summary>
public sealed record MapLabels(Dictionary<string, string> Levels, Dictionary<string, string> States, Dictionary<string, string> Statuses,
    Dictionary<string, string> Layers, Dictionary<string, string> Inspections);

/// <summary>The grid the clusters are counted on. The cell is a power-of-two fraction of 360° so that cells stay put
/// while the user pans at one zoom, and at least a quarter of a 256-px tile at that zoom (≈ 64 px on screen); it is
/// also at least 1/<see cref="MaxCellsAcross"/> of the box, so a box asked with any zoom yields at most
/// (MaxCellsAcross + 2)² cells per layer, which is what bounds the size of an answer.</summary>
public static class MapGrid
{
    public const int MaxZoom = 22, MaxCellsAcross = 16;

    public static double CellSize(MapBox box, int? zoom)
    {
        var need = Math.Max(box.East - box.West, box.North - box.South) / MaxCellsAcross;
        if (zoom is { } z) need = Math.Max(need, 90.0 / Math.Pow(2, z));
        var cell = 360.0;
        while (cell / 2 >= need && cell > 360.0 / (1 << 30)) cell /= 2;
        return cell;
    }

    /// <summary>Reads <c>west,south,east,north</c> (invariant decimals); an error by field otherwise.</summary>
    public static MapBox? ParseBox(string? text, string field, Pcmd.Web.Security.ErrorList errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var parts = text.Split(',');
        var values = new double[4];
        if (parts.Length != 4 || !parts.Select((p, i) => double.TryParse(p.Trim(), System.Globalization.NumberStyles.Float,
                System.Globalization.CultureInfo.InvariantCulture, out values[i]) && double.IsFinite(values[i])).All(ok => ok))
        {
            errors.Add(field, "Khung bản đồ phải gồm bốn số thập phân tây,nam,đông,bắc (ví dụ 105.7,20.9,105.9,21.1).");
            return null;
        }
        var box = new MapBox(values[0], values[1], values[2], values[3]);
        if (box.West < -180 || box.East > 180 || box.South < -90 || box.North > 90)
            errors.Add(field, "Khung bản đồ vượt ra ngoài kinh độ −180..180 hoặc vĩ độ −90..90.");
        else if (box.West >= box.East || box.South >= box.North)
            errors.Add(field, "Khung bản đồ phải có cạnh tây nhỏ hơn cạnh đông và cạnh nam nhỏ hơn cạnh bắc.");
        else return box;
        return null;
    }
}

/// <summary>A row of the page's table of points.</summary>
public sealed record MapRow(string Kind, int Id, string Name, double Lat, double Lng, ComplexityLevel? Level, HotspotEventKind? State,
    ManagementStatus? Status, string UnitName, int UnitId = 0)
{
    public const string Hotspot = "hotspot", Establishment = "establishment", Tip = "tip";
    public string Url => "/" + (Kind switch { Hotspot => "hotspots", Tip => "tips", _ => "establishments" }) + "/" + Id;
}

public sealed record MapListing(List<MapRow> Rows, int Total);

/// <summary>A unit with records the map cannot place (no coordinates), listed beside the map rather than dropped.</summary>
public sealed record MapUnlocated(int UnitId, int Hotspots, int Establishments, int Tips)
{
    public int Total => Hotspots + Establishments + Tips;
}
