using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Pcmd.Web.Security;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.Support;

/// <summary>Peer and self-help groups under /api/v1/support/groups, with the rules of the pages (GroupService).</summary>
public static class GroupApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/groups", ListSupportGroups).WithName(nameof(ListSupportGroups)).WithSummary("Nhóm đồng đẳng, nhóm tự lực, câu lạc bộ trong địa bàn");
        api.MapPost("/groups", CreateSupportGroup).WithName(nameof(CreateSupportGroup)).WithSummary("Lập một nhóm").ProducesInvalid();
        api.MapGet("/groups/{id:int}", GetSupportGroup).WithName(nameof(GetSupportGroup))
            .WithSummary("Một nhóm: thành viên theo mã hồ sơ (chỉ hồ sơ mình phụ trách), buổi sinh hoạt").ProducesNotFound();
        api.MapPut("/groups/{id:int}", UpdateSupportGroup).WithName(nameof(UpdateSupportGroup)).WithSummary("Sửa, kết thúc nhóm").ProducesWriteProblems();
        api.MapPost("/groups/{id:int}/members", AddSupportGroupMember).WithName(nameof(AddSupportGroupMember))
            .WithSummary("Đưa một hồ sơ vào nhóm (cần đồng ý được chuyển gửi)").ProducesWriteProblems();
        api.MapPost("/groups/{id:int}/members/{membershipId:int}/leave", LeaveSupportGroup).WithName(nameof(LeaveSupportGroup))
            .WithSummary("Ghi ngày một thành viên rời nhóm").ProducesWriteProblems();
        api.MapPost("/groups/{id:int}/meetings", AddSupportGroupMeeting).WithName(nameof(AddSupportGroupMeeting))
            .WithSummary("Ghi một buổi sinh hoạt và người tham dự").ProducesWriteProblems();
    }

    public static async Task<Ok<List<GroupSummary>>> ListSupportGroups(UserScope scope, GroupService svc, CancellationToken ct) =>
        TypedResults.Ok(await svc.List(scope, ct));

    public static async Task<Created<GroupSaved>> CreateSupportGroup([FromBody] GroupInput input, UserScope scope, GroupService svc, CancellationToken ct)
    {
        var g = await svc.Create(scope, input, ct);
        return TypedResults.Created($"/api/v1/support/groups/{g.Id}", new GroupSaved(g.Id, g.Version));
    }

    public static async Task<Ok<GroupDetail>> GetSupportGroup(int id, UserScope scope, GroupService svc, CancellationToken ct) =>
        TypedResults.Ok(await svc.Get(scope, id, ct));

    public static async Task<Ok<GroupSaved>> UpdateSupportGroup(int id, [FromBody] GroupInput input, UserScope scope, GroupService svc, CancellationToken ct) =>
        TypedResults.Ok(Saved(await svc.Update(scope, id, input, ct)));

    public static async Task<Ok<GroupSaved>> AddSupportGroupMember(int id, [FromBody] MemberInput input, UserScope scope, GroupService svc,
        CancellationToken ct) => TypedResults.Ok(Saved(await svc.AddMember(scope, id, input, ct)));

    public static async Task<Ok<GroupSaved>> LeaveSupportGroup(int id, int membershipId, [FromBody] LeaveInput input, UserScope scope, GroupService svc,
        CancellationToken ct) => TypedResults.Ok(Saved(await svc.Leave(scope, id, membershipId, input, ct)));

    public static async Task<Ok<GroupSaved>> AddSupportGroupMeeting(int id, [FromBody] MeetingInput input, UserScope scope, GroupService svc,
        CancellationToken ct) => TypedResults.Ok(Saved(await svc.AddMeeting(scope, id, input, ct)));

    static GroupSaved Saved(SupportGroup g) => new(g.Id, g.Version);
}
