using Pcmd.Web.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Pcmd.Web.Features.Establishments;
using Pcmd.Web.Features.Hotspots;
using Pcmd.Web.Security;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.Map;

public static class MapApi
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/points", ListMapPoints).WithName(nameof(ListMapPoints)).WithSummary("Các điểm trên bản đồ trong khung nhìn, gom cụm khi nhiều")
            .WithDescription("Điểm phức tạp, cơ sở kinh doanh (kèm đã/chưa kiểm tra trong năm year) và tin báo (layer=tips hoặc all; chỉ nơi xảy ra, " +
                             "không bao giờ người báo tin) có tọa độ trong phạm vi của người dùng, trong khung bbox=tây,nam,đông,bắc " +
                             "(độ thập phân) ở mức phóng to zoom (0–22). Mỗi lớp trả về các điểm nếu có không quá " +
                             $"{MapService.MaxPoints} điểm trong khung, nếu nhiều hơn thì trả về các cụm theo lưới (số điểm, tâm, khung bao). " +
                             "Không có bbox: toàn bộ vùng, kèm extent (khung bao các điểm). Tên mức độ, tình trạng và tên đơn vị " +
                             $"nằm một lần trong labels và units. Mỗi phản hồi dưới {MapService.MaxBytes / 1000} kB.")
            .ProducesInvalid();

    public static async Task<Ok<MapView>> ListMapPoints(int? unit, string? layer, string? state, string? status, int? year, string? inspection,
        string? bbox, int? zoom, UserScope scope, ReadDb reads, CancellationToken ct)
    {
        var (filter, box) = Parse(unit, layer, state, status, year, inspection, bbox, zoom);
        return TypedResults.Ok(await reads.Run((MapService svc) => svc.View(scope, filter, box, zoom, ct)));
    }

    public static (MapFilter Filter, MapBox? Box) Parse(int? unit, string? layer, string? state, string? status, int? year, string? inspection,
        string? bbox, int? zoom)
    {
        var errors = new ErrorList();
        var filter = ParseFilter(unit, layer, state, status, year, inspection, errors);
        var box = MapGrid.ParseBox(bbox, "bbox", errors);
        if (zoom is < 0 or > MapGrid.MaxZoom) errors.Add("zoom", $"Mức phóng to phải là số nguyên từ 0 đến {MapGrid.MaxZoom}.");
        errors.ThrowIfAny();
        return (filter, box);
    }

    public static MapFilter ParseFilter(int? unit, string? layer, string? state, string? status, int? year, string? inspection, ErrorList? collect = null)
    {
        var errors = collect ?? new ErrorList();
        var l = HotspotsApi.Parse<MapLayer>(layer, "layer", "Lớp bản đồ không hợp lệ (hotspots, establishments, both, tips hoặc all).", errors);
        var i = HotspotsApi.Parse<MapInspection>(inspection, "inspection", "Tình trạng kiểm tra không hợp lệ (inspected hoặc notInspected).", errors);
        if (year is < DateInput.MinYear or > DateInput.MaxYear) errors.Add("year", $"Năm phải từ {DateInput.MinYear} đến {DateInput.MaxYear}.");
        var s = HotspotsApi.Parse<HotspotEventKind>(state, "state", "Tình trạng điểm phức tạp không hợp lệ.", errors);
        var st = HotspotsApi.Parse<ManagementStatus>(status, "status", "Tình trạng quản lý cơ sở không hợp lệ.", errors);
        if (collect is null) errors.ThrowIfAny();
        return new MapFilter(unit, l ?? MapLayer.Both, s, st, year, i);
    }
}
