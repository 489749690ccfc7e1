using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Pcmd.Web.Security;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.Reporting;

public sealed record OpenYearInput(int Year);
public sealed record RemindersSent(int Sent);

/// <summary>A plan's report periods, opened and dated by those who consolidate it, and their matrix of who has reported.</summary>
public static class ReportPeriodsApi
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static void MapPlanPeriods(RouteGroupBuilder api)
    {
        api.MapGet("/report-periods", ListReportPeriods).WithName(nameof(ListReportPeriods)).WithSummary("Các kỳ báo cáo của kế hoạch")
            .ProducesNotFound();
        api.MapPost("/report-periods/open", OpenReportYear).WithName(nameof(OpenReportYear))
            .WithSummary("Mở các kỳ báo cáo của một năm theo lịch của kế hoạch").ProducesWriteProblems();
        api.MapPost("/report-periods/adhoc", OpenAdhocPeriod).WithName(nameof(OpenAdhocPeriod)).WithSummary("Mở một kỳ báo cáo đột xuất")
            .ProducesWriteProblems();
        api.MapGet("/report-matrix", GetPlanReportMatrix).WithName(nameof(GetPlanReportMatrix))
            .WithSummary("Tình hình nộp báo cáo: đơn vị × kỳ").ProducesNotFound();
    }

    public static void Map(RouteGroupBuilder api)
    {
        api.MapPut("", UpdatePeriodDates).WithName(nameof(UpdatePeriodDates)).WithSummary("Sửa thời hạn của một kỳ báo cáo").ProducesWriteProblems();
        api.MapGet("/matrix", GetPeriodReportMatrix).WithName(nameof(GetPeriodReportMatrix)).WithSummary("Tình hình nộp báo cáo của một kỳ")
            .ProducesNotFound();
        api.MapPost("/reminders", SendReminders).WithName(nameof(SendReminders)).WithSummary("Nhắc các đơn vị chưa nộp báo cáo của kỳ")
            .ProducesNotFound();
        api.MapGet("/xlsx", GetPeriodWorkbook).WithName(nameof(GetPeriodWorkbook)).WithSummary("Bảng tổng hợp số liệu của kỳ (.xlsx)")
            .Produces(200, contentType: XlsxType).ProducesNotFound();
    }

    public static async Task<Ok<List<PeriodRow>>> ListReportPeriods(int planId, UserScope scope, ReportLists lists, CancellationToken ct) =>
        TypedResults.Ok(await lists.Periods(scope, planId, ct));

    public static async Task<Ok<List<PeriodRow>>> OpenReportYear(int planId, [FromBody] OpenYearInput input, UserScope scope, ReportPeriodService svc,
        CancellationToken ct) => TypedResults.Ok(await svc.OpenYear(scope, planId, input.Year, ct));

    public static async Task<Created<PeriodRow>> OpenAdhocPeriod(int planId, [FromBody] AdhocRequest input, UserScope scope, ReportPeriodService svc,
        CancellationToken ct)
    {
        var p = await svc.OpenAdhoc(scope, planId, input, ct);
        return TypedResults.Created($"/api/v1/report-periods/{p.Id}", p);
    }

    public static async Task<Ok<ReportMatrix>> GetPlanReportMatrix(int planId, UserScope scope, ConsolidationService svc, CancellationToken ct) =>
        TypedResults.Ok(await svc.Matrix(scope, planId, null, ct));

    public static async Task<Ok<PeriodRow>> UpdatePeriodDates(int id, [FromBody] PeriodDates input, UserScope scope, ReportPeriodService svc,
        CancellationToken ct) => TypedResults.Ok(await svc.UpdateDates(scope, id, input, ct));

    public static async Task<Ok<ReportMatrix>> GetPeriodReportMatrix(int id, UserScope scope, ConsolidationService svc, CancellationToken ct) =>
        TypedResults.Ok(await svc.PeriodMatrix(scope, id, ct));

    public static async Task<Ok<RemindersSent>> SendReminders(int id, UserScope scope, ConsolidationService svc, CancellationToken ct) =>
        TypedResults.Ok(new RemindersSent(await svc.Remind(scope, id, ct)));

    public static async Task<FileContentHttpResult> GetPeriodWorkbook(int id, UserScope scope, ReportDocuments docs, CancellationToken ct)
    {
        var (bytes, name) = await docs.Xlsx(scope, id, ct);
        return TypedResults.File(bytes, XlsxType, name);
    }
}
