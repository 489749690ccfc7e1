using Microsoft.AspNetCore.Mvc;
using Pcmd.Web.Security;

namespace Pcmd.Web.Features.Users;

/// <summary>User administration for administrators; everyone else gets 403.</summary>
public static class UsersApi
{
    public static void MapUsersApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1/users").WithTags("Người dùng").RequireAuthorization();
        api.MapGet("/", async (string? search, CurrentScope cs, UserService svc, CancellationToken ct) =>
            Results.Ok(await svc.List(await cs.Get(), search, ct)));
        api.MapGet("/{id}", async (string id, CurrentScope cs, UserService svc, CancellationToken ct) =>
            Results.Ok(await svc.Get(await cs.Get(), id, ct)));
        api.MapPost("/", async ([FromBody] NewUserInput input, CurrentScope cs, UserService svc, CancellationToken ct) =>
        {
            var user = await svc.Create(await cs.Get(), input, ct);
            return Results.Created($"/api/v1/users/{user.Id}", user);
        });
        api.MapPut("/{id}", async (string id, [FromBody] UserUpdateInput input, CurrentScope cs, UserService svc, CancellationToken ct) =>
            Results.Ok(await svc.Update(await cs.Get(), id, input, ct)));
        // The body is optional: without "until" the account stays locked until it is unlocked.
        api.MapPost("/{id}/lock", async (string id, [FromBody] LockInput? input, CurrentScope cs, UserService svc, CancellationToken ct) =>
            Results.Ok(await svc.Lock(await cs.Get(), id, input?.Until, ct)));
        api.MapPost("/{id}/unlock", async (string id, CurrentScope cs, UserService svc, CancellationToken ct) =>
            Results.Ok(await svc.Unlock(await cs.Get(), id, ct)));
        api.MapPost("/{id}/password", async (string id, [FromBody] PasswordInput input, CurrentScope cs, UserService svc, CancellationToken ct) =>
        {
            await svc.ResetPassword(await cs.Get(), id, input.Password, ct);
            return Results.NoContent();
        });
    }
}
