using Pcmd.Web.Shared;
using Microsoft.AspNetCore.Mvc;
using Pcmd.Web.Data;
using Pcmd.Web.Security;

namespace Pcmd.Web.Features.Reporting;

public sealed record OpenYearInput(int Year);
public sealed record VersionInput(int Version);

public static class ReportingApi
{
    public const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static void MapReportingApi(this WebApplication app)
    {
        var plans = app.MapGroup("/api/v1/plans/{planId:int}").WithTags("Báo cáo định kỳ").RequireAuthorization();
        plans.MapGet("/report-periods", async (int planId, CurrentScope cs, PcmdDbContext db, CancellationToken ct) =>
        {
            var scope = await cs.Get();
            var plan = await db.Plans.FindAsync([planId], ct);
            if (plan is null || !Plans.PlanAccess.CanRead(scope, plan)) throw new NotFoundException();
            return Results.Ok(await ReportQueries.Periods(db, planId, ct));
        }).Produces<List<PeriodRow>>();
        plans.MapPost("/report-periods/open", async (int planId, [FromBody] OpenYearInput input, CurrentScope cs, ReportPeriodService svc, CancellationToken ct) =>
            Results.Ok(await svc.OpenYear(await cs.Get(), planId, input.Year, ct))).Produces<List<PeriodRow>>();
        plans.MapPost("/report-periods/adhoc", async (int planId, [FromBody] AdhocRequest input, CurrentScope cs, ReportPeriodService svc, CancellationToken ct) =>
        {
            var p = await svc.OpenAdhoc(await cs.Get(), planId, input, ct);
            return Results.Created($"/api/v1/report-periods/{p.Id}", p);
        }).Produces<PeriodRow>(201);
        plans.MapGet("/report-matrix", async (int planId, CurrentScope cs, ConsolidationService svc, CancellationToken ct) =>
            Results.Ok(await svc.Matrix(await cs.Get(), planId, null, ct))).Produces<ReportMatrix>();

        var periods = app.MapGroup("/api/v1/report-periods/{id:int}").WithTags("Báo cáo định kỳ").RequireAuthorization();
        periods.MapPut("/", async (int id, [FromBody] PeriodDates input, CurrentScope cs, ReportPeriodService svc, CancellationToken ct) =>
            Results.Ok(await svc.UpdateDates(await cs.Get(), id, input, ct))).Produces<PeriodRow>();
        periods.MapGet("/matrix", async (int id, CurrentScope cs, PcmdDbContext db, ConsolidationService svc, CancellationToken ct) =>
        {
            var planId = await PlanOf(db, id, ct);
            return Results.Ok(await svc.Matrix(await cs.Get(), planId, id, ct));
        }).Produces<ReportMatrix>();
        periods.MapPost("/reminders", async (int id, CurrentScope cs, ConsolidationService svc, CancellationToken ct) =>
            Results.Ok(new { sent = await svc.Remind(await cs.Get(), id, ct) }));
        periods.MapGet("/xlsx", async (int id, CurrentScope cs, ReportDocuments docs, CancellationToken ct) =>
        {
            var (bytes, name) = await docs.Xlsx(await cs.Get(), id, ct);
            return Results.File(bytes, XlsxType, name);
        }).Produces(200, contentType: XlsxType);

        var reports = app.MapGroup("/api/v1/reports").WithTags("Báo cáo định kỳ").RequireAuthorization();
        reports.MapGet("/mine", async (CurrentScope cs, PcmdDbContext db, TimeProvider clock, CancellationToken ct) =>
            Results.Ok(await ReportQueries.Mine(db, await cs.Get(), VietnamTime.Today(clock), ct)))
            .Produces<List<ReportRow>>();
        reports.MapGet("/{id:int}", async (int id, CurrentScope cs, ReportFormService svc, CancellationToken ct) =>
            Results.Ok(await svc.Get(await cs.Get(), id, ct))).Produces<ReportForm>();
        reports.MapPut("/{id:int}", async (int id, [FromBody] ReportDraft input, CurrentScope cs, ReportDraftService svc, CancellationToken ct) =>
            Results.Ok(await svc.Save(await cs.Get(), id, input, ct))).Produces<ReportDraftService.Saved>();
        reports.MapPost("/{id:int}/submit", async (int id, [FromBody] VersionInput input, CurrentScope cs, ReportWorkflow wf, CancellationToken ct) =>
            Results.Ok(await wf.Submit(await cs.Get(), id, input.Version, ct))).Produces<ReportForm>();
        reports.MapPost("/{id:int}/return", async (int id, [FromBody] ReviewInput input, CurrentScope cs, ReportWorkflow wf, CancellationToken ct) =>
            Results.Ok(await wf.Return(await cs.Get(), id, input, ct))).Produces<ReportForm>();
        reports.MapPost("/{id:int}/accept", async (int id, [FromBody] ReviewInput input, CurrentScope cs, ReportWorkflow wf, CancellationToken ct) =>
            Results.Ok(await wf.Accept(await cs.Get(), id, input, ct))).Produces<ReportForm>();
        reports.MapGet("/{id:int}/docx", async (int id, bool? units, CurrentScope cs, ReportDocuments docs, CancellationToken ct) =>
        {
            var (bytes, name) = await docs.Docx(await cs.Get(), id, ct, units ?? true);
            return Results.File(bytes, DocxType, name);
        }).Produces(200, contentType: DocxType);
        reports.MapPost("/{id:int}/attachments", async (int id, HttpRequest req, CurrentScope cs, ReportAttachments svc, CancellationToken ct) =>
        {
            if (!req.HasFormContentType) throw ValidationException.One("file", "Hãy gửi tệp dạng multipart/form-data (trường 'file' và 'version').");
            var form = await req.ReadFormAsync(ct);
            var file = form.Files.GetFile("file") ?? throw ValidationException.One("file", "Hãy chọn tệp để đính kèm.");
            if (!int.TryParse(form["version"], out var version)) throw ValidationException.One("version", "Thiếu phiên bản của báo cáo (version).");
            await using var content = file.OpenReadStream();
            var a = await svc.Add(await cs.Get(), id, version, file.FileName, content, file.Length, ct);
            return Results.Created($"/api/v1/reports/{id}/attachments/{a.Id}", a);
        }).DisableAntiforgery().Accepts<IFormFile>("multipart/form-data").Produces<AttachmentRow>(201);
        reports.MapGet("/{id:int}/attachments/{attachmentId:int}", async (int id, int attachmentId, CurrentScope cs, ReportAttachments svc, CancellationToken ct) =>
        {
            var a = await svc.Get(await cs.Get(), id, attachmentId, ct);
            return Results.File(a.Content, a.ContentType, a.FileName);
        });
        reports.MapDelete("/{id:int}/attachments/{attachmentId:int}", async (int id, int attachmentId, int version, CurrentScope cs, ReportAttachments svc,
            CancellationToken ct) => Results.Ok(new { version = await svc.Delete(await cs.Get(), id, attachmentId, version, ct) }));
    }

    static async Task<int> PlanOf(PcmdDbContext db, int periodId, CancellationToken ct) =>
        (await db.Set<ReportPeriod>().FindAsync([periodId], ct))?.PlanId ?? throw new NotFoundException();
}
