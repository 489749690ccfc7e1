using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Pcmd.Web.Security;

namespace Pcmd.Web.Features.Users;

public sealed record LoginRequest(string? UserName, string? Password);
public sealed record MeResponse(string UserName, string FullName, string[] Roles, int? OrgUnitId, int? AgencyId);

/// <summary>Sign-in for the browser (form posts) and for API clients (JSON; the answer sets the same cookie).</summary>
public static class AuthApi
{
    public const string LockedOut = "Tài khoản tạm bị khóa do đăng nhập sai nhiều lần. Vui lòng thử lại sau 15 phút.";
    public const string LockedByAdministrator = "Tài khoản đã bị quản trị hệ thống khóa. Hãy liên hệ quản trị hệ thống.";
    public const string BadCredentials = "Tên đăng nhập hoặc mật khẩu không đúng.";

    public static void MapAuth(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1/auth").WithTags("Đăng nhập");
        api.MapPost("/login", async ([FromBody] LoginRequest req, SignInManager<PcmdUser> signIn) =>
        {
            var result = await SignIn(signIn, req.UserName, req.Password);
            return result is null
                ? Results.Ok(new { message = "Đăng nhập thành công." })
                : Results.Problem(title: "Đăng nhập không thành công", detail: result, statusCode: 401);
        }).AllowAnonymous();
        api.MapPost("/logout", async (SignInManager<PcmdUser> signIn) => { await signIn.SignOutAsync(); return Results.NoContent(); });
        api.MapGet("/me", async (CurrentScope current, HttpContext ctx) =>
        {
            var s = await current.Get();
            return Results.Ok(new MeResponse(s.UserName!, ctx.User.FindFirst("pcmd:full_name")?.Value ?? "", s.Roles.ToArray(), s.OrgUnitId, s.AgencyId));
        }).RequireAuthorization();

        // Browser forms (antiforgery-checked by the framework because they bind [FromForm]).
        app.MapPost("/account/login", async ([FromForm] string? userName, [FromForm] string? password, [FromForm] string? returnUrl,
            SignInManager<PcmdUser> signIn, HttpContext ctx) =>
        {
            var error = await SignIn(signIn, userName, password);
            if (error is not null)
                return Results.Redirect($"/login?error={Uri.EscapeDataString(error)}&returnUrl={Uri.EscapeDataString(returnUrl ?? "/")}");
            return Results.LocalRedirect(string.IsNullOrEmpty(returnUrl) || !returnUrl.StartsWith('/') || returnUrl.StartsWith("//") ? "/" : returnUrl);
        }).AllowAnonymous().ExcludeFromDescription();
        app.MapPost("/account/logout", async (SignInManager<PcmdUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return Results.Redirect("/login");
        }).ExcludeFromDescription();
        app.MapGet("/culture/{name}", (string name, string? returnUrl, HttpContext ctx) =>
        {
            var culture = name == "en" ? "en-US" : "vi-VN";
            ctx.Response.Cookies.Append(Microsoft.AspNetCore.Localization.CookieRequestCultureProvider.DefaultCookieName,
                Microsoft.AspNetCore.Localization.CookieRequestCultureProvider.MakeCookieValue(new(culture)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), SameSite = SameSiteMode.Lax, HttpOnly = true });
            return Results.LocalRedirect(string.IsNullOrEmpty(returnUrl) || !returnUrl.StartsWith('/') || returnUrl.StartsWith("//") ? "/" : returnUrl);
        }).AllowAnonymous().ExcludeFromDescription();
    }

    /// <summary>Null on success, else the Vietnamese reason.</summary>
    static async Task<string?> SignIn(SignInManager<PcmdUser> signIn, string? userName, string? password)
    {
        if (string.IsNullOrWhiteSpace(userName) || string.IsNullOrEmpty(password)) return "Hãy nhập tên đăng nhập và mật khẩu.";
        var result = await signIn.PasswordSignInAsync(userName.Trim(), password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded) return null;
        if (!result.IsLockedOut) return BadCredentials;
        // Failed sign-ins lock for the lockout time span; a longer lock is an administrator's (UserService.Lock).
        var user = await signIn.UserManager.FindByNameAsync(userName.Trim());
        var span = signIn.Options.Lockout.DefaultLockoutTimeSpan;
        return user?.LockoutEnd is { } end && end > DateTimeOffset.UtcNow + span + TimeSpan.FromMinutes(1) ? LockedByAdministrator : LockedOut;
    }
}
