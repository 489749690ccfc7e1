using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Pcmd.Web.Security;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.WorkCalendar;

public static class WorkCalendarApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("", ListCalendarDays).WithName(nameof(ListCalendarDays))
            .WithSummary("Các ngày nghỉ lễ, nghỉ bù và ngày làm bù của một năm (thời hạn tính theo ngày làm việc dựa vào đây)").ProducesInvalid();
        api.MapGet("/{id:int}", GetCalendarDay).WithName(nameof(GetCalendarDay)).WithSummary("Một ngày của lịch làm việc").ProducesNotFound();
        api.MapPost("", CreateCalendarDay).WithName(nameof(CreateCalendarDay))
            .WithSummary("Thêm ngày nghỉ lễ, nghỉ bù hoặc ngày làm bù (quản trị viên); thời hạn của các tin đang mở được tính lại").ProducesInvalid();
        api.MapPut("/{id:int}", UpdateCalendarDay).WithName(nameof(UpdateCalendarDay)).WithSummary("Sửa một ngày của lịch làm việc")
            .ProducesWriteProblems();
        api.MapDelete("/{id:int}", DeleteCalendarDay).WithName(nameof(DeleteCalendarDay)).WithSummary("Xóa một ngày khỏi lịch làm việc")
            .ProducesWriteProblems();
    }

    public static async Task<Ok<List<CalendarDayView>>> ListCalendarDays(int? year, WorkCalendarService svc, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(await svc.List(year ?? VietnamTime.Today(clock).Year, ct));

    public static async Task<Ok<CalendarDayView>> GetCalendarDay(int id, WorkCalendarService svc, CancellationToken ct) =>
        TypedResults.Ok(await svc.Get(id, ct));

    public static async Task<Created<CalendarDaySaved>> CreateCalendarDay([FromBody] CalendarDayInput input, UserScope scope,
        WorkCalendarService svc, CancellationToken ct)
    {
        var d = await svc.Create(scope, input, ct);
        return TypedResults.Created($"/api/v1/work-calendar/{d.Id}", new CalendarDaySaved(d.Id, d.Version));
    }

    public static async Task<Ok<CalendarDaySaved>> UpdateCalendarDay(int id, [FromBody] CalendarDayInput input, UserScope scope,
        WorkCalendarService svc, CancellationToken ct)
    {
        var d = await svc.Update(scope, id, input, ct);
        return TypedResults.Ok(new CalendarDaySaved(d.Id, d.Version));
    }

    public static async Task<NoContent> DeleteCalendarDay(int id, int version, UserScope scope, WorkCalendarService svc, CancellationToken ct)
    {
        await svc.Delete(scope, id, version, ct);
        return TypedResults.NoContent();
    }
}
