using Pcmd.Web.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Pcmd.Web.Features.Establishments.Import;
using Pcmd.Web.Security;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.Establishments;

public sealed record ImportStarted(Guid JobId);

public static class EstablishmentsApi
{
    static string Stamp => Shared.VietnamTime.ToLocal(DateTime.UtcNow).ToString("yyyyMMdd");

    public static void MapTypes(RouteGroupBuilder api) =>
        api.MapGet("", ListEstablishmentTypes).WithName(nameof(ListEstablishmentTypes)).WithSummary("Loại hình cơ sở kinh doanh");

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("", ListEstablishments).WithName(nameof(ListEstablishments)).WithSummary("Tìm cơ sở kinh doanh trong phạm vi").ProducesInvalid();
        api.MapGet("/{id:int}", GetEstablishment).WithName(nameof(GetEstablishment)).WithSummary("Một cơ sở kinh doanh").ProducesNotFound();
        api.MapPost("", CreateEstablishment).WithName(nameof(CreateEstablishment)).WithSummary("Thêm cơ sở kinh doanh").ProducesInvalid();
        api.MapPut("/{id:int}", UpdateEstablishment).WithName(nameof(UpdateEstablishment)).WithSummary("Sửa cơ sở kinh doanh").ProducesWriteProblems();
        api.MapDelete("/{id:int}", DeleteEstablishment).WithName(nameof(DeleteEstablishment)).WithSummary("Xóa cơ sở kinh doanh").ProducesWriteProblems();
        api.MapGet("/export.xlsx", ExportEstablishmentsXlsx).WithName(nameof(ExportEstablishmentsXlsx)).WithSummary("Xuất danh sách ra tệp .xlsx")
            .Produces(200, contentType: EstablishmentFiles.XlsxType).ProducesInvalid();
        api.MapGet("/export.csv", ExportEstablishmentsCsv).WithName(nameof(ExportEstablishmentsCsv)).WithSummary("Xuất danh sách ra tệp .csv")
            .Produces(200, contentType: "text/csv").ProducesInvalid();
        api.MapGet("/import/template.xlsx", GetImportTemplate).WithName(nameof(GetImportTemplate)).WithSummary("Tệp mẫu để nhập cơ sở kinh doanh")
            .Produces(200, contentType: EstablishmentFiles.XlsxType);
        api.MapPost("/import", StartImport).WithName(nameof(StartImport)).WithSummary("Nhập cơ sở kinh doanh từ tệp .xlsx (chạy nền)")
            .DisableAntiforgery().Accepts<IFormFile>("multipart/form-data").ProducesInvalid();
        api.MapGet("/import/{jobId:guid}", GetImportJob).WithName(nameof(GetImportJob)).WithSummary("Tiến độ và kết quả một lần nhập").ProducesNotFound();
    }

    public static async Task<Ok<List<EstablishmentTypeDto>>> ListEstablishmentTypes(EstablishmentService svc, CancellationToken ct) =>
        TypedResults.Ok(await svc.Types(ct));

    /// <summary><c>after</c> / <c>before</c>: the <c>next</c> / <c>prev</c> (or <c>last</c>) cursor of a page of the same list.</summary>
    public static async Task<Ok<EstablishmentPage>> ListEstablishments([AsParameters] EstablishmentQueryArgs args, int? page, int? pageSize,
        string? after, string? before, UserScope scope, ReadDb reads, CancellationToken ct) =>
        TypedResults.Ok(await reads.Run((EstablishmentService svc) =>
            svc.List(scope, args.ToFilter(), page ?? 1, pageSize ?? EstablishmentService.DefaultPageSize, ct, after, before)));

    public static async Task<Ok<EstablishmentDto>> GetEstablishment(int id, UserScope scope, EstablishmentService svc, CancellationToken ct) =>
        TypedResults.Ok(await svc.Get(scope, id, ct));

    public static async Task<Created<IdVersion>> CreateEstablishment([FromBody] EstablishmentInput input, UserScope scope, EstablishmentService svc,
        CancellationToken ct)
    {
        var e = await svc.Create(scope, input with { Version = 0 }, ct);
        return TypedResults.Created($"/api/v1/establishments/{e.Id}", new IdVersion(e.Id, e.Version));
    }

    public static async Task<Ok<IdVersion>> UpdateEstablishment(int id, [FromBody] EstablishmentInput input, UserScope scope, EstablishmentService svc,
        CancellationToken ct)
    {
        var e = await svc.Update(scope, id, input, ct);
        return TypedResults.Ok(new IdVersion(e.Id, e.Version));
    }

    public static async Task<NoContent> DeleteEstablishment(int id, int version, UserScope scope, EstablishmentService svc, CancellationToken ct)
    {
        await svc.Delete(scope, id, version, ct);
        return TypedResults.NoContent();
    }

    /// <summary>The exports stream to the client as the rows are read: the filter and the scope are checked first, so a
    /// problem is still a 4xx; once the first bytes are out, a failure can only cut the download.</summary>
    public static async Task<PushStreamHttpResult> ExportEstablishmentsXlsx([AsParameters] EstablishmentQueryArgs args, UserScope scope,
        EstablishmentFiles files, CancellationToken ct) =>
        TypedResults.Stream(await files.Xlsx(scope, args.ToFilter(), ct), EstablishmentFiles.XlsxType, $"co-so-kinh-doanh-{Stamp}.xlsx");

    public static async Task<PushStreamHttpResult> ExportEstablishmentsCsv([AsParameters] EstablishmentQueryArgs args, UserScope scope,
        EstablishmentFiles files, CancellationToken ct) =>
        TypedResults.Stream(await files.Csv(scope, args.ToFilter(), ct), "text/csv; charset=utf-8", $"co-so-kinh-doanh-{Stamp}.csv");

    public static async Task<PushStreamHttpResult> GetImportTemplate(UserScope scope, EstablishmentFiles files, CancellationToken ct) =>
        TypedResults.Stream(await files.Template(scope, ct), EstablishmentFiles.XlsxType, "mau-nhap-co-so-kinh-doanh.xlsx");

    public static async Task<Accepted<ImportStarted>> StartImport(HttpRequest req, UserScope scope, ImportJobs jobs, CancellationToken ct)
    {
        if (!EstablishmentAccess.CanWrite(scope)) throw new ForbiddenException();
        if (!req.HasFormContentType) throw ValidationException.One("file", "Hãy gửi tệp .xlsx dạng multipart/form-data (trường 'file').");
        var form = await req.ReadFormAsync(ct);
        var file = form.Files.GetFile("file") ?? form.Files.FirstOrDefault() ?? throw ValidationException.One("file", "Hãy chọn tệp .xlsx để nhập.");
        var mode = ParseMode(form["mode"]);
        await using var content = file.OpenReadStream();
        var job = await jobs.Start(scope, content, file.FileName, mode, ct);
        return TypedResults.Accepted($"/api/v1/establishments/import/{job.Id}", new ImportStarted(job.Id));
    }

    public static async Task<Ok<ImportJobView>> GetImportJob(Guid jobId, UserScope scope, ImportJobs jobs, CancellationToken ct) =>
        await jobs.Find(scope, jobId, ct) is { Kind: ImportKind.Establishments } job ? TypedResults.Ok(ImportJobView.Of(job)) : throw new NotFoundException();

    public static ImportMode ParseMode(string? mode) => mode?.Trim().ToLowerInvariant() switch
    {
        null or "" or "allornothing" => ImportMode.AllOrNothing,
        "skipbadrows" => ImportMode.SkipBadRows,
        _ => throw ValidationException.One("mode", "Chế độ nhập phải là allOrNothing (tất cả hoặc không) hoặc skipBadRows (bỏ qua dòng lỗi)."),
    };
}
