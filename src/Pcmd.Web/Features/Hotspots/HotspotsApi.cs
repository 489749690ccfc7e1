using Microsoft.AspNetCore.Mvc;
using Pcmd.Web.Features.Plans;
using Pcmd.Web.Security;

namespace Pcmd.Web.Features.Hotspots;

public static class HotspotsApi
{
    public static void MapHotspotsApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1/hotspots").WithTags("Điểm phức tạp").RequireAuthorization();
        api.MapGet("/", async (int? unit, string? kind, string? complexity, string? state, string? search, int? appendixItem, int? page, int? pageSize,
            CurrentScope cs, HotspotService svc, CancellationToken ct) =>
        {
            var filter = ParseFilter(unit, kind, complexity, state, search, appendixItem, page, pageSize);
            return Results.Ok(await svc.List(await cs.Get(), filter, ct));
        });
        api.MapGet("/{id:int}", async (int id, CurrentScope cs, HotspotService svc, CancellationToken ct) =>
            Results.Ok(await svc.Get(await cs.Get(), id, ct)));
        api.MapGet("/by-appendix-item/{itemId:int}", async (int itemId, CurrentScope cs, HotspotService svc, CancellationToken ct) =>
            Results.Ok(await svc.ByAppendixItem(await cs.Get(), itemId, ct)));
        api.MapPost("/", async ([FromBody] HotspotInput input, CurrentScope cs, HotspotService svc, CancellationToken ct) =>
        {
            var h = await svc.Create(await cs.Get(), input, ct);
            return Results.Created($"/api/v1/hotspots/{h.Id}", new { h.Id, h.Version, h.State, h.Complexity });
        });
        api.MapPut("/{id:int}", async (int id, [FromBody] HotspotInput input, CurrentScope cs, HotspotService svc, CancellationToken ct) =>
        {
            var h = await svc.Update(await cs.Get(), id, input, ct);
            return Results.Ok(new { h.Id, h.Version, h.State, h.Complexity });
        });
        api.MapPost("/{id:int}/events", async (int id, [FromBody] HotspotEventInput input, CurrentScope cs, HotspotService svc, CancellationToken ct) =>
        {
            var h = await svc.AddEvent(await cs.Get(), id, input, ct);
            return Results.Ok(new { h.Id, h.Version, h.State, h.Complexity });
        });
    }

    /// <summary>Filter values as the JSON spells them ("publicPlace", "complex", "handedOver"), any case; an unknown
    /// value is a Vietnamese 400, not an empty list.</summary>
    public static HotspotFilter ParseFilter(int? unit, string? kind, string? complexity, string? state, string? search, int? appendixItem,
        int? page, int? pageSize)
    {
        var errors = new ErrorList();
        var k = Parse<HotspotKind>(kind, "kind", "Loại điểm không hợp lệ.", errors);
        var c = Parse<ComplexityLevel>(complexity, "complexity", "Mức độ phức tạp không hợp lệ.", errors);
        var s = Parse<HotspotEventKind>(state, "state", "Tình trạng không hợp lệ.", errors);
        errors.ThrowIfAny();
        return new HotspotFilter(unit, k, c, s, search, appendixItem, page ?? 1, pageSize ?? 50);
    }

    public static T? Parse<T>(string? value, string field, string message, ErrorList errors) where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (Enum.TryParse<T>(value.Trim(), ignoreCase: true, out var v) && Enum.IsDefined(v) && !int.TryParse(value, out _)) return v;
        errors.Add(field, message);
        return null;
    }
}
