using Microsoft.Extensions.Localization;
using Pcmd.Web.Features.Establishments;
using Pcmd.Web.Features.Hotspots;
using Pcmd.Web.Security;

namespace Pcmd.Web.Features.Map;

public static class MapApi
{
    public const string TruncatedHeader = "X-Pcmd-Truncated";

    public static void MapMapApi(this WebApplication app)
    {
        app.MapGet("/api/v1/map/points", async (int? unit, string? layer, string? state, string? status, HttpResponse response,
                CurrentScope cs, MapService svc, IStringLocalizer<SharedResource> L, CancellationToken ct) =>
            {
                var result = await svc.Points(await cs.Get(), ParseFilter(unit, layer, state, status), ct);
                if (result.Truncated) response.Headers[TruncatedHeader] = "true";
                return Results.Ok(WithLabels(result.Points, L));
            })
            .WithTags("Bản đồ").RequireAuthorization()
            .WithDescription($"Điểm phức tạp và cơ sở kinh doanh có tọa độ trong phạm vi của người dùng, tối đa {MapService.MaxPoints} điểm; " +
                             $"khi bị cắt bớt, phản hồi có header {TruncatedHeader}: true.");
    }

    public static MapFilter ParseFilter(int? unit, string? layer, string? state, string? status)
    {
        var errors = new ErrorList();
        var l = HotspotsApi.Parse<MapLayer>(layer, "layer", "Lớp bản đồ không hợp lệ (hotspots, establishments hoặc both).", errors);
        var s = HotspotsApi.Parse<HotspotEventKind>(state, "state", "Tình trạng điểm phức tạp không hợp lệ.", errors);
        var st = HotspotsApi.Parse<ManagementStatus>(status, "status", "Tình trạng quản lý cơ sở không hợp lệ.", errors);
        errors.ThrowIfAny();
        return new MapFilter(unit, l ?? MapLayer.Both, s, st);
    }

    public static List<MapPoint> WithLabels(IEnumerable<MapPoint> points, IStringLocalizer L) =>
        points.Select(p => p with { Label = Label(p, L) }).ToList();

    public static string Label(MapPoint p, IStringLocalizer L) => p.Level is { } level
        ? L["Plans.Complexity." + level] + (p.State is { } s ? " · " + L["Hotspots.Event." + s] : "")
        : p.Status is { } status ? L["Map.Status." + status] : "";
}
