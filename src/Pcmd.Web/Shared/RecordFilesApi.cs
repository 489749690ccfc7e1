using Microsoft.AspNetCore.Http.HttpResults;
using Pcmd.Web.Security;

namespace Pcmd.Web.Shared;

/// <summary>The four file operations of a record kind, under its route group: <c>GET {id}/files</c>, <c>POST {id}/files</c>
/// (multipart: one or more 'file', and 'version', the record's version the user saw), <c>GET {id}/files/{fileId}</c> (a download:
/// Content-Disposition attachment) and <c>DELETE {id}/files/{fileId}?version=</c>. <paramref name="noun"/> names the record in
/// the operations' names ("CommunicationEvent" → ListCommunicationEventFiles).</summary>
public static class RecordFilesApi
{
    public static void Map<TFiles>(RouteGroupBuilder api, string noun, string what) where TFiles : IRecordFiles
    {
        api.MapGet("/{id:int}/files", Handlers<TFiles>.List).WithName($"List{noun}Files").WithSummary($"Ảnh, tệp đính kèm {what}").ProducesNotFound();
        api.MapPost("/{id:int}/files", Handlers<TFiles>.Add).WithName($"Add{noun}Files")
            .WithSummary($"Đính kèm ảnh, tệp vào {what} (multipart: các tệp 'file' và 'version')")
            .DisableAntiforgery().Accepts<IFormFile>("multipart/form-data").ProducesWriteProblems();
        api.MapGet("/{id:int}/files/{fileId:int}", Handlers<TFiles>.Get).WithName($"Get{noun}File").WithSummary($"Tải một tệp đính kèm {what}")
            .Produces(200, contentType: "application/octet-stream").ProducesNotFound();
        api.MapDelete("/{id:int}/files/{fileId:int}", Handlers<TFiles>.Delete).WithName($"Delete{noun}File")
            .WithSummary($"Xóa một tệp đính kèm {what}").ProducesWriteProblems();
    }

    public static class Handlers<TFiles> where TFiles : IRecordFiles
    {
        public static async Task<Ok<List<FileRow>>> List(int id, UserScope scope, TFiles svc, CancellationToken ct) =>
            TypedResults.Ok(await svc.List(scope, id, ct));

        public static async Task<Created<FilesSaved>> Add(int id, HttpRequest req, UserScope scope, TFiles svc, CancellationToken ct)
        {
            await svc.CheckWriter(scope, id, ct);
            if (!req.HasFormContentType) throw ValidationException.One("file", "Hãy gửi tệp dạng multipart/form-data (các trường 'file' và 'version').");
            var form = await req.ReadFormAsync(ct);
            if (!int.TryParse(form["version"], out var version)) throw ValidationException.One("version", "Thiếu phiên bản của hồ sơ (version).");
            var saved = await svc.Add(scope, id, version, form.Files.GetFiles("file"), ct);
            return TypedResults.Created($"{req.Path}/{saved.Files[0].Id}", saved);
        }

        public static async Task<FileContentHttpResult> Get(int id, int fileId, UserScope scope, TFiles svc, CancellationToken ct) =>
            (await svc.Get(scope, id, fileId, ct)).Download();

        public static async Task<Ok<FileDeleted>> Delete(int id, int fileId, int version, UserScope scope, TFiles svc, CancellationToken ct) =>
            TypedResults.Ok(new FileDeleted(await svc.Delete(scope, id, fileId, version, ct)));
    }
}
