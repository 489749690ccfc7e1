using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Pcmd.Web.Features.Hotspots;
using Pcmd.Web.Security;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.UnitDocuments;

public static class UnitDocumentsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("", ListUnitDocuments).WithName(nameof(ListUnitDocuments)).WithSummary("Tìm văn bản đơn vị đã ban hành trong phạm vi")
            .ProducesInvalid().ProducesNotFound();
        api.MapGet("/{id:int}", GetUnitDocument).WithName(nameof(GetUnitDocument)).WithSummary("Một văn bản đã ban hành").ProducesNotFound();
        api.MapPost("", CreateUnitDocument).WithName(nameof(CreateUnitDocument)).WithSummary("Ghi một văn bản đã ban hành").ProducesInvalid();
        api.MapPut("/{id:int}", UpdateUnitDocument).WithName(nameof(UpdateUnitDocument)).WithSummary("Sửa văn bản đã ban hành").ProducesWriteProblems();
        api.MapDelete("/{id:int}", DeleteUnitDocument).WithName(nameof(DeleteUnitDocument)).WithSummary("Xóa văn bản đã ban hành").ProducesWriteProblems();
    }

    public static void MapCascade(RouteGroupBuilder api) =>
        api.MapGet("/{planId:int}/cascade", GetPlanCascade).WithName(nameof(GetPlanCascade))
            .WithSummary("Cơ quan và xã, phường đã có, chưa có kế hoạch thực hiện kế hoạch này").ProducesNotFound();

    public static async Task<Ok<UnitDocumentPage>> ListUnitDocuments(int? unit, int? year, string? kind, int? plan, int? page, int? pageSize,
        UserScope scope, UnitDocumentService svc, CancellationToken ct)
    {
        var errors = new ErrorList();
        var k = HotspotsApi.Parse<DocumentKind>(kind, "kind", "Loại văn bản không hợp lệ.", errors);
        errors.ThrowIfAny();
        return TypedResults.Ok(await svc.List(scope, new UnitDocumentFilter(unit, year, k, plan, page ?? 1, pageSize ?? 50), ct));
    }

    public static async Task<Ok<UnitDocumentDto>> GetUnitDocument(int id, UserScope scope, UnitDocumentService svc, CancellationToken ct) =>
        TypedResults.Ok(await svc.Get(scope, id, ct));

    public static async Task<Created<DocumentSaved>> CreateUnitDocument([FromBody] UnitDocumentInput input, UserScope scope, UnitDocumentService svc,
        CancellationToken ct)
    {
        var d = await svc.Create(scope, input, ct);
        return TypedResults.Created($"/api/v1/unit-documents/{d.Id}", new DocumentSaved(d.Id, d.Version));
    }

    public static async Task<Ok<DocumentSaved>> UpdateUnitDocument(int id, [FromBody] UnitDocumentInput input, UserScope scope, UnitDocumentService svc,
        CancellationToken ct)
    {
        var d = await svc.Update(scope, id, input, ct);
        return TypedResults.Ok(new DocumentSaved(d.Id, d.Version));
    }

    public static async Task<NoContent> DeleteUnitDocument(int id, int version, UserScope scope, UnitDocumentService svc, CancellationToken ct)
    {
        await svc.Delete(scope, id, version, ct);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<PlanCascade.Cascade>> GetPlanCascade(int planId, UserScope scope, PlanCascade svc, CancellationToken ct) =>
        TypedResults.Ok(await svc.For(scope, planId, ct));
}
