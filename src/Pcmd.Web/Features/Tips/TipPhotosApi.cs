using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Pcmd.Web.Security;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.Tips;

/// <summary>Photos of tips: the public report with photos (multipart, one request, so that the report and its photos are
/// saved together or not at all), and staff's list, view and "identifying" mark.</summary>
public static class TipPhotosApi
{
    public static void MapPublic(RouteGroupBuilder api)
    {
        api.MapPost("/tips/with-photos", SubmitPublicTipWithPhotos).WithName(nameof(SubmitPublicTipWithPhotos))
            .WithSummary("Gửi tin báo kèm tối đa 3 ảnh (multipart: trường 'report' là JSON của tin, các tệp 'photos', 'keepPhotoLocation' = true để giữ vị trí trong ảnh)")
            .DisableAntiforgery().Accepts<IFormFile>("multipart/form-data").ProducesInvalid().ProducesProblem(StatusCodes.Status429TooManyRequests);
    }

    public static void MapStaff(RouteGroupBuilder api)
    {
        api.MapGet("/{id:int}/photos", ListTipPhotos).WithName(nameof(ListTipPhotos))
            .WithSummary("Ảnh người báo tin gửi kèm (ảnh đánh dấu nhận diện người báo tin chỉ cán bộ tiếp nhận thấy)").ProducesNotFound();
        api.MapGet("/{id:int}/photos/{photoId:int}", GetTipPhoto).WithName(nameof(GetTipPhoto))
            .WithSummary("Tải một ảnh của tin báo").Produces(200, contentType: "image/jpeg").ProducesNotFound();
        api.MapPut("/{id:int}/photos/{photoId:int}/identifying", MarkTipPhoto).WithName(nameof(MarkTipPhoto))
            .WithSummary("Đánh dấu (hoặc bỏ đánh dấu) ảnh nhận diện người báo tin (cán bộ tiếp nhận)").ProducesWriteProblems();
    }

    public static async Task<Results<Created<PortalReceipt>, Ok<PortalReceipt>, ProblemHttpResult>> SubmitPublicTipWithPhotos(HttpRequest req, HttpContext ctx,
        PortalGuard guard, PortalService svc, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, CancellationToken ct)
    {
        if (!req.HasFormContentType) throw ValidationException.One("report", "Hãy gửi tin dạng multipart/form-data: trường 'report' (JSON) và các tệp 'photos'.");
        var form = await req.ReadFormAsync(ct);
        PortalReportInput? input;
        try { input = JsonSerializer.Deserialize<PortalReportInput>(form["report"].ToString() is { Length: > 0 } text ? text : "null", json.Value.SerializerOptions); }
        catch (JsonException) { input = null; }
        if (input is null) throw ValidationException.One("report", "Trường 'report' phải là JSON của một tin báo (loại, xã/phường, mô tả…).");
        var keep = string.Equals(form["keepPhotoLocation"], "true", StringComparison.OrdinalIgnoreCase);
        var photos = await TipPhotos.CheckAll(form.Files.GetFiles("photos"), keep, "photos", ct);
        return PortalApi.Answer(await svc.Submit(input, ct, () => guard.TryReport(ctx), photos));
    }

    public static async Task<Ok<TipPhotoList>> ListTipPhotos(int id, UserScope scope, TipPhotos svc, CancellationToken ct) =>
        TypedResults.Ok(await svc.List(scope, id, ct));

    public static async Task<FileContentHttpResult> GetTipPhoto(int id, int photoId, UserScope scope, TipPhotos svc, CancellationToken ct)
    {
        var p = await svc.Get(scope, id, photoId, ct);
        return TypedResults.File(p.Content, p.ContentType, p.FileName);
    }

    public static async Task<Ok<TipPhotoRow>> MarkTipPhoto(int id, int photoId, [FromBody] TipPhotoMark mark, UserScope scope, TipPhotos svc,
        CancellationToken ct) => TypedResults.Ok(await svc.Mark(scope, id, photoId, mark, ct));
}
