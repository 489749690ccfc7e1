using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Pcmd.Web.Features.Establishments;
using Pcmd.Web.Features.Hotspots;
using Pcmd.Web.Security;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.Map;

public static class MapApi
{
    public const string TruncatedHeader = "X-Pcmd-Truncated";

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/points", ListMapPoints).WithName(nameof(ListMapPoints)).WithSummary("Các điểm trên bản đồ trong phạm vi")
            .WithDescription($"Điểm phức tạp và cơ sở kinh doanh có tọa độ trong phạm vi của người dùng, tối đa {MapService.MaxPoints} điểm; " +
                             $"khi bị cắt bớt, phản hồi có header {TruncatedHeader}: true.")
            .ProducesInvalid();

    public static async Task<Ok<List<MapPoint>>> ListMapPoints(int? unit, string? layer, string? state, string? status, HttpResponse response,
        UserScope scope, MapService svc, IStringLocalizer<SharedResource> L, CancellationToken ct)
    {
        var result = await svc.Points(scope, ParseFilter(unit, layer, state, status), ct);
        if (result.Truncated) response.Headers[TruncatedHeader] = "true";
        return TypedResults.Ok(WithLabels(result.Points, L));
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
