using Pcmd.Web.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Pcmd.Web.Security;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.Inspections;

public sealed record DecreeDto(int Id, string Code, string Title, DateOnly ValidFrom, DateOnly? ValidTo);

public sealed record ViolationTypeDto(int Id, string Code, string Name, bool IsActive);

public sealed record InspectionSaved(int Id, int Version, int OrgUnitId)
{
    public static InspectionSaved Of(Inspection i) => new(i.Id, i.Version, i.OrgUnitId);
}

public static class InspectionsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("", ListInspections).WithName(nameof(ListInspections)).WithSummary("Tìm các cuộc kiểm tra trong phạm vi");
        api.MapGet("/{id:int}", GetInspection).WithName(nameof(GetInspection)).WithSummary("Một cuộc kiểm tra, vi phạm và xử lý").ProducesNotFound();
        api.MapPost("", CreateInspection).WithName(nameof(CreateInspection)).WithSummary("Ghi một cuộc kiểm tra").ProducesInvalid();
        api.MapPut("/{id:int}", UpdateInspection).WithName(nameof(UpdateInspection)).WithSummary("Sửa một cuộc kiểm tra").ProducesWriteProblems();
        api.MapPost("/{id:int}/photos", AddInspectionPhoto).WithName(nameof(AddInspectionPhoto)).WithSummary("Đính kèm ảnh biên bản (.jpg, .png)")
            .DisableAntiforgery().Accepts<IFormFile>("multipart/form-data").ProducesWriteProblems();
        api.MapGet("/{id:int}/photos/{photoId:int}", GetInspectionPhoto).WithName(nameof(GetInspectionPhoto))
            .WithSummary("Tải một ảnh biên bản").Produces(200, contentType: "image/jpeg").ProducesNotFound();
    }

    public static void MapCatalogues(RouteGroupBuilder api)
    {
        api.MapGet("/decrees", ListDecrees).WithName(nameof(ListDecrees)).WithSummary("Các nghị định xử phạt và thời gian hiệu lực");
        api.MapGet("/violation-types", ListViolationTypes).WithName(nameof(ListViolationTypes)).WithSummary("Danh mục hành vi vi phạm");
    }

    public static async Task<Ok<InspectionPage>> ListInspections(int? orgUnitId, int? teamId, DateQuery? from, DateQuery? to, int? establishmentId,
        bool? hasSanction, int? page, int? pageSize, string? after, string? before, UserScope scope, ReadDb reads, CancellationToken ct) =>
        TypedResults.Ok(await reads.Run((InspectionQueries q) => q.List(scope, new InspectionFilter(orgUnitId, teamId, from.Day(), to.Day(), establishmentId,
            hasSanction, page ?? 1, pageSize ?? 50, after, before), ct)));

    public static async Task<Ok<InspectionDto>> GetInspection(int id, UserScope scope, InspectionQueries q, CancellationToken ct) =>
        TypedResults.Ok(await q.Get(scope, id, ct));

    public static async Task<Created<InspectionSaved>> CreateInspection([FromBody] InspectionInput input, UserScope scope, InspectionService svc,
        CancellationToken ct)
    {
        var i = await svc.Create(scope, input, ct);
        return TypedResults.Created($"/api/v1/inspections/{i.Id}", InspectionSaved.Of(i));
    }

    public static async Task<Ok<InspectionSaved>> UpdateInspection(int id, [FromBody] InspectionInput input, UserScope scope, InspectionService svc,
        CancellationToken ct) => TypedResults.Ok(InspectionSaved.Of(await svc.Update(scope, id, input, ct)));

    public static async Task<Created<InspectionPhotoRow>> AddInspectionPhoto(int id, HttpRequest req, UserScope scope, InspectionPhotos svc,
        CancellationToken ct)
    {
        await svc.CheckWriter(scope, id, ct);
        if (!req.HasFormContentType) throw ValidationException.One("file", "Hãy gửi ảnh dạng multipart/form-data (trường 'file').");
        var form = await req.ReadFormAsync(ct);
        var file = form.Files.GetFile("file") ?? throw ValidationException.One("file", "Hãy chọn ảnh để đính kèm.");
        await using var content = file.OpenReadStream();
        var row = await svc.Add(scope, id, await InspectionPhotos.Check(file.FileName, content, file.Length, "file", ct), ct);
        return TypedResults.Created($"/api/v1/inspections/{id}/photos/{row.Id}", row);
    }

    public static async Task<FileContentHttpResult> GetInspectionPhoto(int id, int photoId, UserScope scope, InspectionPhotos svc, CancellationToken ct)
    {
        var p = await svc.Get(scope, id, photoId, ct);
        return TypedResults.File(p.Content, p.ContentType, p.FileName);
    }

    public static async Task<Ok<List<DecreeDto>>> ListDecrees(InspectionQueries q, CancellationToken ct) =>
        TypedResults.Ok(await q.Decrees(newestFirst: false, ct));

    public static async Task<Ok<List<ViolationTypeDto>>> ListViolationTypes(InspectionQueries q, CancellationToken ct) =>
        TypedResults.Ok(await q.AllViolationTypes(ct));
}
