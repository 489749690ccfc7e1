using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.Users.SignIn;

/// <summary>The signed-in user's own two-factor sign-in. Open to a user who must still enrol (policy signed-in).</summary>
public static class TwoFactorApi
{
    /// <summary>The page a user is sent to when their role requires two-factor sign-in and it is not on yet.</summary>
    public const string EnrolPage = "/account/two-factor";

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("", GetTwoFactor).WithName(nameof(GetTwoFactor)).WithSummary("Trạng thái xác thực hai bước của tôi");
        api.MapPost("/enrol", EnrolTwoFactor).WithName(nameof(EnrolTwoFactor)).WithSummary("Bắt đầu bật xác thực hai bước: khóa và địa chỉ otpauth://");
        api.MapPost("/confirm", ConfirmTwoFactor).WithName(nameof(ConfirmTwoFactor))
            .WithSummary("Xác nhận bằng mã của ứng dụng; bật xác thực hai bước và trả 10 mã khôi phục (chỉ hiện một lần)").ProducesInvalid();
        api.MapPost("/recovery-codes", NewRecoveryCodes).WithName(nameof(NewRecoveryCodes))
            .WithSummary("Tạo 10 mã khôi phục mới (các mã cũ hết hiệu lực)").ProducesInvalid();
    }

    public static async Task<Ok<TwoFactorStatus>> GetTwoFactor(HttpContext ctx, TwoFactorService svc) =>
        TypedResults.Ok(await svc.Status(ctx.User));

    public static async Task<Ok<TwoFactorSetup>> EnrolTwoFactor(HttpContext ctx, TwoFactorService svc) =>
        TypedResults.Ok(await svc.Begin(ctx.User));

    public static async Task<Ok<RecoveryCodes>> ConfirmTwoFactor([FromBody] TwoFactorCodeInput input, HttpContext ctx, TwoFactorService svc) =>
        TypedResults.Ok(await svc.Confirm(ctx.User, input.Code));

    public static async Task<Ok<RecoveryCodes>> NewRecoveryCodes(HttpContext ctx, TwoFactorService svc) =>
        TypedResults.Ok(await svc.NewRecoveryCodes(ctx.User));
}
