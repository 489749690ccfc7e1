namespace Pcmd.IntegrationTests.Features.Map;

/// <summary>The answer of GET /api/v1/map/points as a client reads it.</summary>
public sealed record MapAnswer(MapExtent? Extent, double CellSize, MapLayerAnswer? Hotspots, MapLayerAnswer? Establishments,
    MapLabelsAnswer Labels, Dictionary<string, string> Units, Dictionary<string, string> Urls);

public sealed record MapExtent(double West, double South, double East, double North);

public sealed record MapLayerAnswer(int Total, List<MapPointAnswer>? Points, List<MapClusterAnswer>? Clusters);

public sealed record MapPointAnswer(int Id, string Name, double Lat, double Lng, string? Level, string? State, string? Status, int UnitId);

public sealed record MapClusterAnswer(int Count, double Lat, double Lng, double[] Bounds);

public sealed record MapLabelsAnswer(Dictionary<string, string> Levels, Dictionary<string, string> States, Dictionary<string, string> Statuses,
    Dictionary<string, string> Layers);
