using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Pcmd.Web.Features.Hotspots;
using Pcmd.Web.Security;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.Training;

public static class TrainingApi
{
    public static void MapCourses(RouteGroupBuilder api)
    {
        api.MapGet("", ListTrainingCourses).WithName(nameof(ListTrainingCourses)).WithSummary("Tìm khóa tập huấn trong phạm vi")
            .ProducesInvalid().ProducesNotFound();
        api.MapGet("/{id:int}", GetTrainingCourse).WithName(nameof(GetTrainingCourse)).WithSummary("Một khóa tập huấn và người tham dự").ProducesNotFound();
        api.MapPost("", CreateTrainingCourse).WithName(nameof(CreateTrainingCourse)).WithSummary("Ghi một khóa tập huấn").ProducesInvalid();
        api.MapPut("/{id:int}", UpdateTrainingCourse).WithName(nameof(UpdateTrainingCourse)).WithSummary("Sửa khóa tập huấn").ProducesWriteProblems();
        api.MapDelete("/{id:int}", DeleteTrainingCourse).WithName(nameof(DeleteTrainingCourse)).WithSummary("Xóa khóa tập huấn").ProducesWriteProblems();
    }

    public static void MapRosters(RouteGroupBuilder api)
    {
        api.MapGet("", ListStaffRosters).WithName(nameof(ListStaffRosters)).WithSummary("Danh sách cán bộ làm công tác phòng, chống mại dâm theo đơn vị")
            .ProducesNotFound();
        api.MapPost("", CreateStaffRoster).WithName(nameof(CreateStaffRoster)).WithSummary("Ghi số cán bộ của một đơn vị, cơ quan vào một ngày").ProducesInvalid();
        api.MapPut("/{id:int}", UpdateStaffRoster).WithName(nameof(UpdateStaffRoster)).WithSummary("Sửa số cán bộ").ProducesWriteProblems();
        api.MapDelete("/{id:int}", DeleteStaffRoster).WithName(nameof(DeleteStaffRoster)).WithSummary("Xóa một dòng danh sách cán bộ").ProducesWriteProblems();
    }

    public static async Task<Ok<TrainingCoursePage>> ListTrainingCourses(int? unit, DateQuery? from, DateQuery? to, string? level, int? page,
        int? pageSize, UserScope scope, TrainingService svc, CancellationToken ct)
    {
        var errors = new ErrorList();
        var l = HotspotsApi.Parse<TrainingLevel>(level, "level", "Cấp tập huấn không hợp lệ.", errors);
        errors.ThrowIfAny();
        return TypedResults.Ok(await svc.List(scope, new TrainingFilter(unit, from.Day(), to.Day(), l, page ?? 1, pageSize ?? 50), ct));
    }

    public static async Task<Ok<TrainingCourseDto>> GetTrainingCourse(int id, UserScope scope, TrainingService svc, CancellationToken ct) =>
        TypedResults.Ok(await svc.Get(scope, id, ct));

    public static async Task<Created<TrainingSaved>> CreateTrainingCourse([FromBody] TrainingCourseInput input, UserScope scope, TrainingService svc,
        CancellationToken ct)
    {
        var c = await svc.Create(scope, input, ct);
        return TypedResults.Created($"/api/v1/training-courses/{c.Id}", new TrainingSaved(c.Id, c.Version));
    }

    public static async Task<Ok<TrainingSaved>> UpdateTrainingCourse(int id, [FromBody] TrainingCourseInput input, UserScope scope, TrainingService svc,
        CancellationToken ct)
    {
        var c = await svc.Update(scope, id, input, ct);
        return TypedResults.Ok(new TrainingSaved(c.Id, c.Version));
    }

    public static async Task<NoContent> DeleteTrainingCourse(int id, int version, UserScope scope, TrainingService svc, CancellationToken ct)
    {
        await svc.Delete(scope, id, version, ct);
        return TypedResults.NoContent();
    }

    public static async Task<Ok<List<StaffRosterDto>>> ListStaffRosters(int? unit, UserScope scope, StaffRosterService svc, CancellationToken ct) =>
        TypedResults.Ok(await svc.List(scope, unit, ct));

    public static async Task<Created<TrainingSaved>> CreateStaffRoster([FromBody] StaffRosterInput input, UserScope scope, StaffRosterService svc,
        CancellationToken ct)
    {
        var r = await svc.Create(scope, input, ct);
        return TypedResults.Created($"/api/v1/staff-rosters/{r.Id}", new TrainingSaved(r.Id, r.Version));
    }

    public static async Task<Ok<TrainingSaved>> UpdateStaffRoster(int id, [FromBody] StaffRosterInput input, UserScope scope, StaffRosterService svc,
        CancellationToken ct)
    {
        var r = await svc.Update(scope, id, input, ct);
        return TypedResults.Ok(new TrainingSaved(r.Id, r.Version));
    }

    public static async Task<NoContent> DeleteStaffRoster(int id, int version, UserScope scope, StaffRosterService svc, CancellationToken ct)
    {
        await svc.Delete(scope, id, version, ct);
        return TypedResults.NoContent();
    }
}
