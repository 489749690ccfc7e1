using Pcmd.Web.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Pcmd.Web.Features.Plans;
using Pcmd.Web.Security;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.Hotspots;

public sealed record HotspotSaved(int Id, int Version, HotspotEventKind State, ComplexityLevel Complexity)
{
    public static HotspotSaved Of(Hotspot h) => new(h.Id, h.Version, h.State, h.Complexity);
}

public static class HotspotsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("", ListHotspots).WithName(nameof(ListHotspots)).WithSummary("Tìm điểm phức tạp trong phạm vi").ProducesInvalid();
        api.MapGet("/{id:int}", GetHotspot).WithName(nameof(GetHotspot)).WithSummary("Một điểm phức tạp và diễn biến của nó").ProducesNotFound();
        api.MapGet("/by-appendix-item/{itemId:int}", ListHotspotsByAppendixItem).WithName(nameof(ListHotspotsByAppendixItem))
            .WithSummary("Các điểm gắn với một dòng phụ lục kế hoạch").ProducesNotFound();
        api.MapPost("", CreateHotspot).WithName(nameof(CreateHotspot)).WithSummary("Thêm điểm phức tạp").ProducesInvalid();
        api.MapPut("/{id:int}", UpdateHotspot).WithName(nameof(UpdateHotspot)).WithSummary("Sửa điểm phức tạp").ProducesWriteProblems();
        api.MapPost("/{id:int}/events", AddHotspotEvent).WithName(nameof(AddHotspotEvent)).WithSummary("Ghi một diễn biến của điểm").ProducesWriteProblems();
    }

    public static async Task<Ok<HotspotPage>> ListHotspots(int? unit, string? kind, string? complexity, string? state, string? search,
        int? appendixItem, int? page, int? pageSize, UserScope scope, ReadDb reads, CancellationToken ct)
    {
        var filter = ParseFilter(unit, kind, complexity, state, search, appendixItem, page, pageSize);
        return TypedResults.Ok(await reads.Run((HotspotService svc) => svc.List(scope, filter, ct)));
    }

    public static async Task<Ok<HotspotDetail>> GetHotspot(int id, UserScope scope, HotspotService svc, CancellationToken ct) =>
        TypedResults.Ok(await svc.Get(scope, id, ct));

    public static async Task<Ok<List<HotspotLink>>> ListHotspotsByAppendixItem(int itemId, UserScope scope, HotspotService svc, CancellationToken ct) =>
        TypedResults.Ok(await svc.ByAppendixItem(scope, itemId, ct));

    public static async Task<Created<HotspotSaved>> CreateHotspot([FromBody] HotspotInput input, UserScope scope, HotspotService svc, CancellationToken ct)
    {
        var h = await svc.Create(scope, input, ct);
        return TypedResults.Created($"/api/v1/hotspots/{h.Id}", HotspotSaved.Of(h));
    }

    public static async Task<Ok<HotspotSaved>> UpdateHotspot(int id, [FromBody] HotspotInput input, UserScope scope, HotspotService svc,
        CancellationToken ct) => TypedResults.Ok(HotspotSaved.Of(await svc.Update(scope, id, input, ct)));

    public static async Task<Ok<HotspotSaved>> AddHotspotEvent(int id, [FromBody] HotspotEventInput input, UserScope scope, HotspotService svc,
        CancellationToken ct) => TypedResults.Ok(HotspotSaved.Of(await svc.AddEvent(scope, id, input, ct)));

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

    public static T? Parse<T>(string? value, string field, string message, ErrorList errors) where T : struct, Enum =>
        QueryValues.Enum<T>(value, field, message, errors);
}
