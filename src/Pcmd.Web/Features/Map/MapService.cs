using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Establishments;
using Pcmd.Web.Features.Hotspots;
using Pcmd.Web.Features.OrgUnits;
using Pcmd.Web.Features.Plans;
using Pcmd.Web.Security;

namespace Pcmd.Web.Features.Map;

public enum MapLayer { Both, Hotspots, Establishments }

public sealed record MapFilter(int? OrgUnitId = null, MapLayer Layer = MapLayer.Both, HotspotEventKind? State = null, ManagementStatus? Status = null);

/// <summary>One marker: a hotspot (with its level and state) or an establishment (with its management status).</summary>
public sealed record MapPoint(string Kind, int Id, string Name, double Lat, double Lng,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ComplexityLevel? Level,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] HotspotEventKind? State,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ManagementStatus? Status,
    string Url, string OrgUnitName)
{
    public const string Hotspot = "hotspot", Establishment = "establishment";
    /// <summary>The level or status in the reader's language, for the popup and the table.</summary>
    public string? Label { get; init; }
}

public sealed record MapPoints(List<MapPoint> Points, bool Truncated);

/// <summary>The points of the map within the user's scope: hotspots and establishments that have coordinates.</summary>
public sealed class MapService(PcmdDbContext db, OrgUnitTree tree, HotspotService hotspots)
{
    /// <summary>A browser draws a few thousand circle markers smoothly; beyond that the user should narrow the filter.</summary>
    public const int MaxPoints = 5000;

    public async Task<MapPoints> Points(UserScope scope, MapFilter f, CancellationToken ct = default)
    {
        var points = new List<MapPoint>();
        var truncated = false;
        if (f.Layer != MapLayer.Establishments)
        {
            var q = (await hotspots.Filtered(scope, f.OrgUnitId, ct)).Where(h => h.Latitude != null && h.Longitude != null);
            if (f.State is { } state) q = q.Where(h => h.State == state);
            var rows = await q.OrderBy(h => h.Id).Take(MaxPoints + 1)
                .Select(h => new MapPoint(MapPoint.Hotspot, h.Id, h.Name, h.Latitude!.Value, h.Longitude!.Value, h.Complexity, h.State, null,
                    "/hotspots/" + h.Id, h.OrgUnit!.Name))
                .ToListAsync(ct);
            truncated = rows.Count > MaxPoints;
            points.AddRange(rows.Take(MaxPoints));
        }
        var room = MaxPoints - points.Count;
        if (f.Layer != MapLayer.Hotspots && room == 0) truncated = true; // hotspots alone filled the map
        else if (f.Layer != MapLayer.Hotspots)
        {
            var q = db.Establishments.AsNoTracking().Where(e => e.Latitude != null && e.Longitude != null)
                .InReadableScope(db, scope, e => e.OrgUnitId);
            if (f.OrgUnitId is { } unit)
            {
                // Filtered() above already refused a unit out of reach when the hotspot layer is on.
                if (!scope.CanReadUnit(unit) || await tree.Find(unit) is null) throw new NotFoundException("Không có đơn vị này trong phạm vi của bạn.");
                q = q.InAreaOf(db, unit, e => e.OrgUnitId);
            }
            if (f.Status is { } status) q = q.Where(e => e.Status == status);
            var rows = await q.OrderBy(e => e.Id).Take(room + 1)
                .Select(e => new MapPoint(MapPoint.Establishment, e.Id, e.Name, e.Latitude!.Value, e.Longitude!.Value, null, null, e.Status,
                    "/establishments/" + e.Id, e.OrgUnit!.Name))
                .ToListAsync(ct);
            truncated |= rows.Count > room;
            points.AddRange(rows.Take(room));
        }
        return new MapPoints(points, truncated);
    }
}
