using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Pcmd.Web.Security;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.Users;

/// <summary>User administration for administrators; everyone else gets 403.</summary>
public static class UsersApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("", ListUsers).WithName(nameof(ListUsers)).WithSummary("Danh sách tài khoản");
        api.MapGet("/{id}", GetUser).WithName(nameof(GetUser)).WithSummary("Một tài khoản").ProducesNotFound();
        api.MapPost("", CreateUser).WithName(nameof(CreateUser)).WithSummary("Tạo tài khoản").ProducesInvalid();
        api.MapPut("/{id}", UpdateUser).WithName(nameof(UpdateUser)).WithSummary("Sửa tài khoản (vai trò, đơn vị, cơ quan)").ProducesWriteProblems();
        // The body is optional: without "until" the account stays locked until it is unlocked.
        api.MapPost("/{id}/lock", LockUser).WithName(nameof(LockUser)).WithSummary("Khóa tài khoản").ProducesWriteProblems();
        api.MapPost("/{id}/unlock", UnlockUser).WithName(nameof(UnlockUser)).WithSummary("Mở khóa tài khoản").ProducesNotFound();
        api.MapPost("/{id}/password", ResetPassword).WithName(nameof(ResetPassword)).WithSummary("Đặt lại mật khẩu").ProducesWriteProblems();
    }

    public static async Task<Ok<List<UserListItem>>> ListUsers(string? search, UserScope scope, UserService svc, CancellationToken ct) =>
        TypedResults.Ok(await svc.List(scope, search, ct));

    public static async Task<Ok<UserDto>> GetUser(string id, UserScope scope, UserService svc, CancellationToken ct) =>
        TypedResults.Ok(await svc.Get(scope, id, ct));

    public static async Task<Created<UserDto>> CreateUser([FromBody] NewUserInput input, UserScope scope, UserService svc, CancellationToken ct)
    {
        var user = await svc.Create(scope, input, ct);
        return TypedResults.Created($"/api/v1/users/{user.Id}", user);
    }

    public static async Task<Ok<UserDto>> UpdateUser(string id, [FromBody] UserUpdateInput input, UserScope scope, UserService svc,
        CancellationToken ct) => TypedResults.Ok(await svc.Update(scope, id, input, ct));

    public static async Task<Ok<UserDto>> LockUser(string id, [FromBody] LockInput? input, UserScope scope, UserService svc, CancellationToken ct) =>
        TypedResults.Ok(await svc.Lock(scope, id, input?.Until, ct));

    public static async Task<Ok<UserDto>> UnlockUser(string id, UserScope scope, UserService svc, CancellationToken ct) =>
        TypedResults.Ok(await svc.Unlock(scope, id, ct));

    public static async Task<NoContent> ResetPassword(string id, [FromBody] PasswordInput input, UserScope scope, UserService svc, CancellationToken ct)
    {
        await svc.ResetPassword(scope, id, input.Password, ct);
        return TypedResults.NoContent();
    }
}
