using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Pcmd.Web.Security;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.Commendations;

public static class CommendationsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("", ListCommendations).WithName(nameof(ListCommendations)).WithSummary("Tập thể, cá nhân được khen thưởng trong năm")
            .ProducesInvalid().ProducesNotFound();
        api.MapGet("/{id:int}", GetCommendation).WithName(nameof(GetCommendation)).WithSummary("Một khen thưởng").ProducesNotFound();
        api.MapPost("", CreateCommendation).WithName(nameof(CreateCommendation)).WithSummary("Ghi một khen thưởng").ProducesInvalid();
        api.MapPut("/{id:int}", UpdateCommendation).WithName(nameof(UpdateCommendation)).WithSummary("Sửa khen thưởng").ProducesWriteProblems();
        api.MapDelete("/{id:int}", DeleteCommendation).WithName(nameof(DeleteCommendation)).WithSummary("Xóa khen thưởng").ProducesWriteProblems();
    }

    public static async Task<Ok<CommendationList>> ListCommendations(int? year, int? unit, int? plan, UserScope scope, CommendationService svc,
        CancellationToken ct)
    {
        if (year is < 2000 or > 2100) throw ValidationException.One("year", "Năm không hợp lệ.");
        return TypedResults.Ok(await svc.List(scope, year ?? DateTime.UtcNow.AddHours(7).Year, unit, plan, ct));
    }

    public static async Task<Ok<CommendationDto>> GetCommendation(int id, UserScope scope, CommendationService svc, CancellationToken ct) =>
        TypedResults.Ok(await svc.Get(scope, id, ct));

    public static async Task<Created<CommendationSaved>> CreateCommendation([FromBody] CommendationInput input, UserScope scope,
        CommendationService svc, CancellationToken ct)
    {
        var c = await svc.Create(scope, input, ct);
        return TypedResults.Created($"/api/v1/commendations/{c.Id}", new CommendationSaved(c.Id, c.Version));
    }

    public static async Task<Ok<CommendationSaved>> UpdateCommendation(int id, [FromBody] CommendationInput input, UserScope scope,
        CommendationService svc, CancellationToken ct)
    {
        var c = await svc.Update(scope, id, input, ct);
        return TypedResults.Ok(new CommendationSaved(c.Id, c.Version));
    }

    public static async Task<NoContent> DeleteCommendation(int id, int version, UserScope scope, CommendationService svc, CancellationToken ct)
    {
        await svc.Delete(scope, id, version, ct);
        return TypedResults.NoContent();
    }
}
