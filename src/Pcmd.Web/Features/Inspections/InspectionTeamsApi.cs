using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Pcmd.Web.Security;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.Inspections;

public sealed record TeamMemberSaved(int Id, int TeamId, int Version);

public static class InspectionTeamsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("", ListTeams).WithName(nameof(ListTeams)).WithSummary("Đội kiểm tra trong phạm vi");
        api.MapGet("/{id:int}", GetTeam).WithName(nameof(GetTeam)).WithSummary("Một đội kiểm tra và thành viên").ProducesNotFound();
        api.MapPost("", CreateTeam).WithName(nameof(CreateTeam)).WithSummary("Lập đội kiểm tra").ProducesInvalid();
        api.MapPut("/{id:int}", UpdateTeam).WithName(nameof(UpdateTeam)).WithSummary("Sửa đội kiểm tra").ProducesWriteProblems();
        api.MapPost("/{id:int}/members", AddTeamMember).WithName(nameof(AddTeamMember)).WithSummary("Thêm thành viên").ProducesWriteProblems();
        api.MapPut("/{id:int}/members/{memberId:int}", UpdateTeamMember).WithName(nameof(UpdateTeamMember)).WithSummary("Sửa thành viên")
            .ProducesWriteProblems();
        api.MapPost("/{id:int}/members/{memberId:int}/deactivate", DeactivateTeamMember).WithName(nameof(DeactivateTeamMember))
            .WithSummary("Cho thành viên thôi tham gia đội").ProducesWriteProblems();
    }

    public static async Task<Ok<List<TeamSummaryDto>>> ListTeams(int? orgUnitId, bool? active, UserScope scope, TeamService svc, CancellationToken ct) =>
        TypedResults.Ok(await svc.List(scope, orgUnitId, active == true, ct));

    public static async Task<Ok<TeamDto>> GetTeam(int id, UserScope scope, TeamService svc, CancellationToken ct) =>
        TypedResults.Ok(await svc.Get(scope, id, ct));

    public static async Task<Created<IdVersion>> CreateTeam([FromBody] TeamInput input, UserScope scope, TeamService svc, CancellationToken ct)
    {
        var t = await svc.Create(scope, input, ct);
        return TypedResults.Created($"/api/v1/inspection-teams/{t.Id}", new IdVersion(t.Id, t.Version));
    }

    public static async Task<Ok<IdVersion>> UpdateTeam(int id, [FromBody] TeamInput input, UserScope scope, TeamService svc, CancellationToken ct)
    {
        var t = await svc.Update(scope, id, input, ct);
        return TypedResults.Ok(new IdVersion(t.Id, t.Version));
    }

    public static async Task<Created<TeamMemberSaved>> AddTeamMember(int id, [FromBody] TeamMemberInput input, UserScope scope, TeamService svc,
        CancellationToken ct)
    {
        var (t, m) = await svc.AddMember(scope, id, input, ct);
        return TypedResults.Created($"/api/v1/inspection-teams/{t.Id}", new TeamMemberSaved(m.Id, t.Id, t.Version));
    }

    public static async Task<Ok<TeamMemberSaved>> UpdateTeamMember(int id, int memberId, [FromBody] TeamMemberInput input, UserScope scope,
        TeamService svc, CancellationToken ct)
    {
        var t = await svc.UpdateMember(scope, id, memberId, input, ct);
        return TypedResults.Ok(new TeamMemberSaved(memberId, t.Id, t.Version));
    }

    public static async Task<Ok<TeamMemberSaved>> DeactivateTeamMember(int id, int memberId, int version, UserScope scope, TeamService svc,
        CancellationToken ct)
    {
        var t = await svc.DeactivateMember(scope, id, memberId, version, ct);
        return TypedResults.Ok(new TeamMemberSaved(memberId, t.Id, t.Version));
    }
}
