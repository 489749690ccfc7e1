using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Pcmd.Web.Security;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.Reporting;

public sealed record VersionInput(int Version);
public sealed record AttachmentDeleted(int Version);

/// <summary>One agency's report of a period: its form, draft, workflow (submit, return, accept), document and attachments.</summary>
public static class ReportsApi
{
    public const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/mine", ListMyReports).WithName(nameof(ListMyReports)).WithSummary("Báo cáo cơ quan tôi phải viết");
        api.MapGet("/{id:int}", GetReport).WithName(nameof(GetReport)).WithSummary("Biểu mẫu báo cáo, đã điền sẵn số liệu").ProducesNotFound();
        api.MapPut("/{id:int}", SaveReportDraft).WithName(nameof(SaveReportDraft)).WithSummary("Lưu bản nháp báo cáo").ProducesWriteProblems();
        api.MapPost("/{id:int}/submit", SubmitReport).WithName(nameof(SubmitReport)).WithSummary("Nộp báo cáo").ProducesWriteProblems();
        api.MapPost("/{id:int}/return", ReturnReport).WithName(nameof(ReturnReport)).WithSummary("Trả lại báo cáo để sửa").ProducesWriteProblems();
        api.MapPost("/{id:int}/accept", AcceptReport).WithName(nameof(AcceptReport)).WithSummary("Chấp nhận báo cáo").ProducesWriteProblems();
        api.MapGet("/{id:int}/docx", GetReportDocument).WithName(nameof(GetReportDocument)).WithSummary("Văn bản báo cáo (.docx, NĐ 30/2020)")
            .Produces(200, contentType: DocxType).ProducesNotFound();
        api.MapPost("/{id:int}/attachments", AddReportAttachment).WithName(nameof(AddReportAttachment)).WithSummary("Đính kèm một tệp vào báo cáo")
            .DisableAntiforgery().Accepts<IFormFile>("multipart/form-data").ProducesWriteProblems();
        api.MapGet("/{id:int}/attachments/{attachmentId:int}", GetReportAttachment).WithName(nameof(GetReportAttachment))
            .WithSummary("Tải một tệp đính kèm").Produces(200, contentType: "application/octet-stream").ProducesNotFound();
        api.MapDelete("/{id:int}/attachments/{attachmentId:int}", DeleteReportAttachment).WithName(nameof(DeleteReportAttachment))
            .WithSummary("Xóa một tệp đính kèm").ProducesWriteProblems();
    }

    public static async Task<Ok<List<ReportRow>>> ListMyReports(UserScope scope, ReportLists lists, CancellationToken ct) =>
        TypedResults.Ok(await lists.Mine(scope, ct));

    public static async Task<Ok<ReportForm>> GetReport(int id, UserScope scope, ReportFormService svc, CancellationToken ct) =>
        TypedResults.Ok(await svc.Get(scope, id, ct));

    public static async Task<Ok<ReportDraftService.Saved>> SaveReportDraft(int id, [FromBody] ReportDraft input, UserScope scope,
        ReportDraftService svc, CancellationToken ct) => TypedResults.Ok(await svc.Save(scope, id, input, ct));

    public static async Task<Ok<ReportForm>> SubmitReport(int id, [FromBody] VersionInput input, UserScope scope, ReportWorkflow wf,
        CancellationToken ct) => TypedResults.Ok(await wf.Submit(scope, id, input.Version, ct));

    public static async Task<Ok<ReportForm>> ReturnReport(int id, [FromBody] ReviewInput input, UserScope scope, ReportWorkflow wf,
        CancellationToken ct) => TypedResults.Ok(await wf.Return(scope, id, input, ct));

    public static async Task<Ok<ReportForm>> AcceptReport(int id, [FromBody] ReviewInput input, UserScope scope, ReportWorkflow wf,
        CancellationToken ct) => TypedResults.Ok(await wf.Accept(scope, id, input, ct));

    /// <summary>The report as one text (a consolidated report's tasks as the coordinator wrote them, else drafted from the
    /// units' texts); <c>units=true</c> adds, under each task, what each unit wrote: the annex.</summary>
    public static async Task<FileContentHttpResult> GetPlanDocument(int id, UserScope scope, Documents.PlanDocuments docs, CancellationToken ct)
    {
        var (bytes, name) = await docs.Docx(scope, id, ct);
        return TypedResults.File(bytes, DocxType, name);
    }

    public static async Task<FileContentHttpResult> GetReportDocument(int id, bool? units, UserScope scope, ReportDocuments docs, CancellationToken ct)
    {
        var (bytes, name) = await docs.Docx(scope, id, ct, units ?? false);
        return TypedResults.File(bytes, DocxType, name);
    }

    public static async Task<Created<AttachmentRow>> AddReportAttachment(int id, HttpRequest req, UserScope scope, ReportAttachments svc,
        CancellationToken ct)
    {
        await svc.CheckWriter(scope, id, ct);
        if (!req.HasFormContentType) throw ValidationException.One("file", "Hãy gửi tệp dạng multipart/form-data (trường 'file' và 'version').");
        var form = await req.ReadFormAsync(ct);
        var file = form.Files.GetFile("file") ?? throw ValidationException.One("file", "Hãy chọn tệp để đính kèm.");
        if (!int.TryParse(form["version"], out var version)) throw ValidationException.One("version", "Thiếu phiên bản của báo cáo (version).");
        await using var content = file.OpenReadStream();
        var a = await svc.Add(scope, id, version, file.FileName, content, file.Length, ct);
        return TypedResults.Created($"/api/v1/reports/{id}/attachments/{a.Id}", a);
    }

    public static async Task<FileContentHttpResult> GetReportAttachment(int id, int attachmentId, UserScope scope, ReportAttachments svc,
        CancellationToken ct)
    {
        var a = await svc.Get(scope, id, attachmentId, ct);
        return TypedResults.File(a.Content, a.ContentType, a.FileName);
    }

    public static async Task<Ok<AttachmentDeleted>> DeleteReportAttachment(int id, int attachmentId, int version, UserScope scope,
        ReportAttachments svc, CancellationToken ct) => TypedResults.Ok(new AttachmentDeleted(await svc.Delete(scope, id, attachmentId, version, ct)));
}
