using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Pcmd.Web.Features.Hotspots;
using Pcmd.Web.Security;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.Communication;

public static class CommunicationApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("", ListCommunicationEvents).WithName(nameof(ListCommunicationEvents)).WithSummary("Tìm hoạt động truyền thông trong phạm vi")
            .ProducesInvalid().ProducesNotFound();
        api.MapGet("/{id:int}", GetCommunicationEvent).WithName(nameof(GetCommunicationEvent)).WithSummary("Một hoạt động truyền thông").ProducesNotFound();
        api.MapPost("", CreateCommunicationEvent).WithName(nameof(CreateCommunicationEvent)).WithSummary("Ghi một hoạt động truyền thông").ProducesInvalid();
        api.MapPut("/{id:int}", UpdateCommunicationEvent).WithName(nameof(UpdateCommunicationEvent)).WithSummary("Sửa hoạt động truyền thông")
            .ProducesWriteProblems();
        api.MapDelete("/{id:int}", DeleteCommunicationEvent).WithName(nameof(DeleteCommunicationEvent)).WithSummary("Xóa hoạt động truyền thông")
            .ProducesWriteProblems();
        api.MapGet("/rule", GetCommunicationRule).WithName(nameof(GetCommunicationRule))
            .WithSummary("Quy tắc \"duy trì thường xuyên\": số hoạt động tối thiểu mỗi quý");
        api.MapPut("/rule", SetCommunicationRule).WithName(nameof(SetCommunicationRule))
            .WithSummary("Đặt quy tắc \"duy trì thường xuyên\"").ProducesInvalid().ProducesProblem(StatusCodes.Status409Conflict);
    }

    public static async Task<Ok<CommunicationEventPage>> ListCommunicationEvents(int? unit, DateQuery? from, DateQuery? to, string? kind, int? page,
        int? pageSize, UserScope scope, CommunicationService svc, CancellationToken ct)
    {
        var errors = new ErrorList();
        var k = HotspotsApi.Parse<CommunicationKind>(kind, "kind", "Hình thức truyền thông không hợp lệ.", errors);
        errors.ThrowIfAny();
        return TypedResults.Ok(await svc.List(scope, new CommunicationFilter(unit, from.Day(), to.Day(), k, page ?? 1, pageSize ?? 50), ct));
    }

    public static async Task<Ok<CommunicationEventDto>> GetCommunicationEvent(int id, UserScope scope, CommunicationService svc, CancellationToken ct) =>
        TypedResults.Ok(await svc.Get(scope, id, ct));

    public static async Task<Created<CommunicationSaved>> CreateCommunicationEvent([FromBody] CommunicationEventInput input, UserScope scope,
        CommunicationService svc, CancellationToken ct)
    {
        var e = await svc.Create(scope, input, ct);
        return TypedResults.Created($"/api/v1/communication-events/{e.Id}", new CommunicationSaved(e.Id, e.Version));
    }

    public static async Task<Ok<CommunicationSaved>> UpdateCommunicationEvent(int id, [FromBody] CommunicationEventInput input, UserScope scope,
        CommunicationService svc, CancellationToken ct)
    {
        var e = await svc.Update(scope, id, input, ct);
        return TypedResults.Ok(new CommunicationSaved(e.Id, e.Version));
    }

    public static async Task<NoContent> DeleteCommunicationEvent(int id, int version, UserScope scope, CommunicationService svc, CancellationToken ct)
    {
        await svc.Delete(scope, id, version, ct);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<CommunicationRuleDto>> GetCommunicationRule(CommunicationService svc, CancellationToken ct) =>
        TypedResults.Ok(await svc.Rule(ct));

    public static async Task<Ok<CommunicationRuleDto>> SetCommunicationRule([FromBody] CommunicationRuleInput input, UserScope scope,
        CommunicationService svc, CancellationToken ct) => TypedResults.Ok(await svc.SetRule(scope, input, ct));
}
