using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Pcmd.Web;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Establishments;
using Pcmd.Web.Features.Hotspots;
using Pcmd.Web.Features.Map;
using Pcmd.Web.Features.OrgUnits;
using Pcmd.Web.Features.Plans;
using Pcmd.Web.Security;

namespace Pcmd.Bench;

/// <summary>The map's points as the app answered them before issue 10 (up to 5,000 points of the whole area, each with
/// its label translated and its unit's name), kept in the bench only so that `map` measures old and new side by side.</summary>
public sealed class MapLegacy(PcmdDbContext db, OrgUnitTree tree, HotspotService hotspots, IStringLocalizer<SharedResource> L)
{
    public const int MaxPoints = 5000;

    public sealed record Point(string Kind, int Id, string Name, double Lat, double Lng,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ComplexityLevel? Level,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] HotspotEventKind? State,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ManagementStatus? Status,
        string Url, string OrgUnitName)
    {
        public string? Label { get; init; }
    }

    public async Task<List<Point>> Points(UserScope scope, MapFilter f, CancellationToken ct = default)
    {
        var points = new List<Point>();
        if (f.Layer != MapLayer.Establishments)
        {
            var q = (await hotspots.Filtered(scope, f.OrgUnitId, ct)).Where(h => h.Latitude != null && h.Longitude != null);
            if (f.State is { } state) q = q.Where(h => h.State == state);
            points.AddRange(await q.OrderBy(h => h.Id).Take(MaxPoints + 1)
                .Select(h => new Point("hotspot", h.Id, h.Name, h.Latitude!.Value, h.Longitude!.Value, h.Complexity, h.State, null,
                    "/hotspots/" + h.Id, h.OrgUnit!.Name))
                .ToListAsync(ct));
            if (points.Count > MaxPoints) points.RemoveAt(MaxPoints);
        }
        var room = MaxPoints - points.Count;
        if (f.Layer != MapLayer.Hotspots && room > 0)
        {
            var q = db.Establishments.AsNoTracking().Where(e => e.Latitude != null && e.Longitude != null);
            if (!scope.IsGlobal)
            {
                var readable = scope.ReadableUnits.ToList();
                q = q.Where(e => readable.Contains(e.OrgUnitId));
            }
            if (f.OrgUnitId is { } unit)
            {
                var area = (await UnitArea.Of(tree, unit)).ToList();
                q = q.Where(e => area.Contains(e.OrgUnitId));
            }
            if (f.Status is { } status) q = q.Where(e => e.Status == status);
            points.AddRange((await q.OrderBy(e => e.Id).Take(room + 1)
                .Select(e => new Point("establishment", e.Id, e.Name, e.Latitude!.Value, e.Longitude!.Value, null, null, e.Status,
                    "/establishments/" + e.Id, e.OrgUnit!.Name))
                .ToListAsync(ct)).Take(room));
        }
        return points.Select(p => p with { Label = Label(p) }).ToList();
    }

    string Label(Point p) => p.Level is { } level
        ? L["Plans.Complexity." + level] + (p.State is { } s ? " · " + L["Hotspots.Event." + s] : "")
        : p.Status is { } status ? L["Map.Status." + status] : "";
}
