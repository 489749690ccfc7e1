using Microsoft.AspNetCore.Http.HttpResults;
using Pcmd.Web.Features.Establishments;
using Pcmd.Web.Features.Establishments.Import;
using Pcmd.Web.Security;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.Enforcement.Import;

/// <summary>The spreadsheet imports of sanctions and criminal cases: a template per kind, an upload that starts a job
/// (checked at once: a wrong file or a zip bomb is a 400 and no job), and the job's progress and row-by-row report.</summary>
public static class EnforcementImportApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/sanctions/import/template.xlsx", GetSanctionImportTemplate).WithName(nameof(GetSanctionImportTemplate))
            .WithSummary("Tệp mẫu để nhập quyết định xử phạt hành chính").Produces(200, contentType: EstablishmentFiles.XlsxType);
        api.MapPost("/sanctions/import", StartSanctionImport).WithName(nameof(StartSanctionImport))
            .WithSummary("Nhập quyết định xử phạt từ tệp .xlsx (chạy nền; có dòng lỗi thì không lưu dòng nào)")
            .DisableAntiforgery().Accepts<IFormFile>("multipart/form-data").ProducesInvalid();
        api.MapGet("/criminal-cases/import/template.xlsx", GetCriminalCaseImportTemplate).WithName(nameof(GetCriminalCaseImportTemplate))
            .WithSummary("Tệp mẫu để nhập vụ án hình sự").Produces(200, contentType: EstablishmentFiles.XlsxType);
        api.MapPost("/criminal-cases/import", StartCriminalCaseImport).WithName(nameof(StartCriminalCaseImport))
            .WithSummary("Nhập vụ án hình sự từ tệp .xlsx (chạy nền; có dòng lỗi thì không lưu dòng nào)")
            .DisableAntiforgery().Accepts<IFormFile>("multipart/form-data").ProducesInvalid();
        api.MapGet("/import/{jobId:guid}", GetEnforcementImportJob).WithName(nameof(GetEnforcementImportJob))
            .WithSummary("Tiến độ và kết quả một lần nhập xử phạt hoặc vụ án").ProducesNotFound();
    }

    public static async Task<PushStreamHttpResult> GetSanctionImportTemplate(UserScope scope, EnforcementTemplates templates, CancellationToken ct) =>
        TypedResults.Stream(await templates.Template(scope, ImportKind.Sanctions, ct), EstablishmentFiles.XlsxType, "mau-nhap-xu-phat.xlsx");

    public static async Task<PushStreamHttpResult> GetCriminalCaseImportTemplate(UserScope scope, EnforcementTemplates templates, CancellationToken ct) =>
        TypedResults.Stream(await templates.Template(scope, ImportKind.CriminalCases, ct), EstablishmentFiles.XlsxType, "mau-nhap-vu-an.xlsx");

    public static Task<Accepted<ImportStarted>> StartSanctionImport(HttpRequest req, UserScope scope, ImportJobs jobs, CancellationToken ct) =>
        Start(req, scope, jobs, ImportKind.Sanctions, EnforcementService.CanRecordSanctions(scope), ct);

    public static Task<Accepted<ImportStarted>> StartCriminalCaseImport(HttpRequest req, UserScope scope, ImportJobs jobs, CancellationToken ct) =>
        Start(req, scope, jobs, ImportKind.CriminalCases, EnforcementService.CanRecordCases(scope), ct);

    static async Task<Accepted<ImportStarted>> Start(HttpRequest req, UserScope scope, ImportJobs jobs, ImportKind kind, bool allowed, CancellationToken ct)
    {
        if (!allowed) throw new ForbiddenException();
        if (!req.HasFormContentType) throw ValidationException.One("file", "Hãy gửi tệp .xlsx dạng multipart/form-data (trường 'file').");
        var form = await req.ReadFormAsync(ct);
        var file = form.Files.GetFile("file") ?? form.Files.FirstOrDefault() ?? throw ValidationException.One("file", "Hãy chọn tệp .xlsx để nhập.");
        await using var content = file.OpenReadStream();
        var job = await jobs.Start(scope, content, file.FileName, ImportMode.AllOrNothing, ct, kind);
        return TypedResults.Accepted($"/api/v1/enforcement/import/{job.Id}", new ImportStarted(job.Id));
    }

    /// <summary>A job of these kinds, to the user who started it or an administrator; anything else is 404.</summary>
    public static async Task<Ok<ImportJobView>> GetEnforcementImportJob(Guid jobId, UserScope scope, ImportJobs jobs, CancellationToken ct) =>
        await jobs.Find(scope, jobId, ct) is { Kind: ImportKind.Sanctions or ImportKind.CriminalCases } job
            ? TypedResults.Ok(ImportJobView.Of(job)) : throw new NotFoundException();
}
