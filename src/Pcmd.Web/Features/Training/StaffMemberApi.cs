using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Pcmd.Web.Security;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.Training;

/// <summary>/api/v1/staff-members: the named roster (issue 13, item 2). The list gives initials; GET by id the name and phone,
/// audited.</summary>
public static class StaffMemberApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("", ListStaffMembers).WithName(nameof(ListStaffMembers))
            .WithSummary("Cán bộ có tên trong danh sách làm công tác phòng, chống mại dâm (chỉ chữ cái đầu của tên)").ProducesNotFound();
        api.MapGet("/{id:int}", GetStaffMember).WithName(nameof(GetStaffMember)).WithSummary("Một cán bộ có tên (họ tên, điện thoại; được ghi nhật ký)")
            .ProducesNotFound();
        api.MapPost("", CreateStaffMember).WithName(nameof(CreateStaffMember)).WithSummary("Ghi một cán bộ có tên vào danh sách").ProducesInvalid();
        api.MapPut("/{id:int}", UpdateStaffMember).WithName(nameof(UpdateStaffMember)).WithSummary("Sửa thông tin cán bộ có tên").ProducesWriteProblems();
        api.MapDelete("/{id:int}", DeleteStaffMember).WithName(nameof(DeleteStaffMember)).WithSummary("Xóa cán bộ ghi nhầm").ProducesWriteProblems();
    }

    public static async Task<Ok<List<StaffMemberListItem>>> ListStaffMembers(int? unit, DateQuery? onDate, UserScope scope, StaffMemberService svc,
        CancellationToken ct) =>
        TypedResults.Ok(await svc.List(scope, unit, onDate.Day(), ct));

    public static async Task<Ok<StaffMemberDto>> GetStaffMember(int id, UserScope scope, StaffMemberService svc, CancellationToken ct) =>
        TypedResults.Ok(await svc.Get(scope, id, ct));

    public static async Task<Created<TrainingSaved>> CreateStaffMember([FromBody] StaffMemberInput input, UserScope scope, StaffMemberService svc,
        CancellationToken ct)
    {
        var m = await svc.Create(scope, input, ct);
        return TypedResults.Created($"/api/v1/staff-members/{m.Id}", new TrainingSaved(m.Id, m.Version));
    }

    public static async Task<Ok<TrainingSaved>> UpdateStaffMember(int id, [FromBody] StaffMemberInput input, UserScope scope, StaffMemberService svc,
        CancellationToken ct)
    {
        var m = await svc.Update(scope, id, input, ct);
        return TypedResults.Ok(new TrainingSaved(m.Id, m.Version));
    }

    public static async Task<NoContent> DeleteStaffMember(int id, int version, UserScope scope, StaffMemberService svc, CancellationToken ct)
    {
        await svc.Delete(scope, id, version, ct);
        return TypedResults.NoContent();
    }
}
