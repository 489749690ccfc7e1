using Microsoft.AspNetCore.Http.HttpResults;
using Pcmd.Web.Features.Plans.Files;
using Pcmd.Web.Security;
using Pcmd.Web.Shared;
using static Pcmd.Web.Features.Plans.PlanPartsApi;

namespace Pcmd.Web.Features.Plans;

/// <summary>One appendix and the report schedule of a plan, in plan-file form (docs/plan-file.md), under the plan's version
/// like the tasks and indicators (<see cref="PlanPartsApi"/>).</summary>
public static class PlanSectionsApi
{
    public sealed record ScheduleSaved(int PlanVersion);

    /// <summary>The report schedule as the plan file names it, so that an error's path is the file's ("reportSchedule[0].dueDay").</summary>
    public sealed class ScheduleBody
    {
        public List<ScheduleDto>? ReportSchedule { get; set; }
    }

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/appendices/{appendixId:int}", GetPlanAppendix).WithName(nameof(GetPlanAppendix)).WithSummary("Một phụ lục của kế hoạch")
            .ProducesNotFound();
        api.MapPost("/appendices", AddPlanAppendix).WithName(nameof(AddPlanAppendix)).WithSummary("Thêm phụ lục vào kế hoạch")
            .Accepts<AppendixDto>("application/json").ProducesWriteProblems();
        api.MapPut("/appendices/{appendixId:int}", UpdatePlanAppendix).WithName(nameof(UpdatePlanAppendix))
            .WithSummary("Sửa một phụ lục (tên, loại và các dòng)").Accepts<AppendixDto>("application/json").ProducesWriteProblems();
        api.MapDelete("/appendices/{appendixId:int}", DeletePlanAppendix).WithName(nameof(DeletePlanAppendix)).WithSummary("Xóa một phụ lục")
            .ProducesWriteProblems();
        api.MapGet("/report-schedule", GetPlanSchedule).WithName(nameof(GetPlanSchedule)).WithSummary("Lịch báo cáo của kế hoạch")
            .ProducesNotFound();
        api.MapPut("/report-schedule", UpdatePlanSchedule).WithName(nameof(UpdatePlanSchedule)).WithSummary("Sửa lịch báo cáo của kế hoạch")
            .Accepts<ScheduleBody>("application/json").ProducesWriteProblems();
    }

    public static async Task<Ok<PartResponse<AppendixDto>>> GetPlanAppendix(int id, int appendixId, UserScope scope, PlanSectionsService svc,
        CancellationToken ct)
    {
        var p = await svc.GetAppendix(scope, id, appendixId, ct);
        return TypedResults.Ok(new PartResponse<AppendixDto>(p.Id, p.Plan.Id, p.Plan.Version, p.Part));
    }

    public static async Task<Created<SavedResponse>> AddPlanAppendix(int id, int version, HttpRequest req, UserScope scope, PlanSectionsService svc,
        CancellationToken ct)
    {
        var dto = PlanFileReader.ParsePart<AppendixDto>(await JsonBody.Read(req, PlanFileDocument.FileKind, ct));
        var saved = await svc.AddAppendix(scope, id, dto, version, ct);
        return TypedResults.Created($"/api/v1/plans/{id}/appendices/{saved.Id}", new SavedResponse(saved.Id, saved.PlanVersion));
    }

    public static async Task<Ok<SavedResponse>> UpdatePlanAppendix(int id, int appendixId, int version, HttpRequest req, UserScope scope,
        PlanSectionsService svc, CancellationToken ct)
    {
        var dto = PlanFileReader.ParsePart<AppendixDto>(await JsonBody.Read(req, PlanFileDocument.FileKind, ct));
        var saved = await svc.UpdateAppendix(scope, id, appendixId, dto, version, ct);
        return TypedResults.Ok(new SavedResponse(saved.Id, saved.PlanVersion));
    }

    public static async Task<Ok<DeletedResponse>> DeletePlanAppendix(int id, int appendixId, int version, UserScope scope, PlanSectionsService svc,
        CancellationToken ct) => TypedResults.Ok(new DeletedResponse(await svc.DeleteAppendix(scope, id, appendixId, version, ct)));

    public static async Task<Ok<PartResponse<ScheduleBody>>> GetPlanSchedule(int id, UserScope scope, PlanSectionsService svc, CancellationToken ct)
    {
        var p = await svc.GetSchedule(scope, id, ct);
        return TypedResults.Ok(new PartResponse<ScheduleBody>(p.Id, p.Plan.Id, p.Plan.Version, new ScheduleBody { ReportSchedule = p.Part }));
    }

    public static async Task<Ok<ScheduleSaved>> UpdatePlanSchedule(int id, int version, HttpRequest req, UserScope scope, PlanSectionsService svc,
        CancellationToken ct)
    {
        var body = PlanFileReader.ParsePart<ScheduleBody>(await JsonBody.Read(req, PlanFileDocument.FileKind, ct));
        return TypedResults.Ok(new ScheduleSaved(await svc.UpdateSchedule(scope, id, body.ReportSchedule ?? [], version, ct)));
    }
}
