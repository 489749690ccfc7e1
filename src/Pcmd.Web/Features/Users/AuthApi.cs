using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Pcmd.Web.Features.Audit;
using Pcmd.Web.Security;

namespace Pcmd.Web.Features.Users;

public sealed record LoginRequest(string? UserName, string? Password);
public sealed record LoginResponse(string Message);
public sealed record MeResponse(string UserName, string FullName, string[] Roles, int? OrgUnitId, int? AgencyId);

/// <summary>Sign-in for the browser (form posts) and for API clients (JSON; the answer sets the same cookie).</summary>
public static class AuthApi
{
    public const string LockedOut = "Tài khoản tạm bị khóa do đăng nhập sai nhiều lần. Vui lòng thử lại sau 15 phút.";
    public const string LockedByAdministrator = "Tài khoản đã bị quản trị hệ thống khóa. Hãy liên hệ quản trị hệ thống.";
    public const string BadCredentials = "Tên đăng nhập hoặc mật khẩu không đúng.";

    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/login", Login).WithName(nameof(Login)).WithSummary("Đăng nhập; phản hồi đặt cookie pcmd.auth")
            .AllowAnonymous().ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapPost("/logout", Logout).WithName(nameof(Logout)).WithSummary("Đăng xuất");
        api.MapGet("/me", Me).WithName(nameof(Me)).WithSummary("Người đang đăng nhập, vai trò, đơn vị và cơ quan").RequireAuthorization();
    }

    /// <summary>Browser forms (antiforgery-checked by the framework because they bind [FromForm]); not part of the API.</summary>
    public static void MapBrowserForms(IEndpointRouteBuilder app)
    {
        app.MapPost("/account/login", FormLogin).AllowAnonymous().ExcludeFromDescription();
        app.MapPost("/account/logout", FormLogout).ExcludeFromDescription();
        app.MapGet("/culture/{name}", SetCulture).AllowAnonymous().ExcludeFromDescription();
    }

    public static async Task<Results<Ok<LoginResponse>, ProblemHttpResult>> Login([FromBody] LoginRequest req, SignInManager<PcmdUser> signIn,
        AuditTrail audit)
    {
        var result = await SignIn(signIn, audit, req.UserName, req.Password);
        return result is null
            ? TypedResults.Ok(new LoginResponse("Đăng nhập thành công."))
            : TypedResults.Problem(title: "Đăng nhập không thành công", detail: result, statusCode: 401);
    }

    public static async Task<NoContent> Logout(SignInManager<PcmdUser> signIn)
    {
        await signIn.SignOutAsync();
        return TypedResults.NoContent();
    }

    public static Ok<MeResponse> Me(UserScope s, HttpContext ctx) =>
        TypedResults.Ok(new MeResponse(s.UserName!, ctx.User.FindFirst("pcmd:full_name")?.Value ?? "", s.Roles.ToArray(), s.OrgUnitId, s.AgencyId));

    static async Task<RedirectHttpResult> FormLogin([FromForm] string? userName, [FromForm] string? password, [FromForm] string? returnUrl,
        SignInManager<PcmdUser> signIn, AuditTrail audit)
    {
        var error = await SignIn(signIn, audit, userName, password);
        if (error is not null)
            return TypedResults.Redirect($"/login?error={Uri.EscapeDataString(error)}&returnUrl={Uri.EscapeDataString(returnUrl ?? "/")}");
        return TypedResults.LocalRedirect(LocalOrHome(returnUrl));
    }

    static async Task<RedirectHttpResult> FormLogout(SignInManager<PcmdUser> signIn)
    {
        await signIn.SignOutAsync();
        return TypedResults.Redirect("/login");
    }

    static RedirectHttpResult SetCulture(string name, string? returnUrl, HttpContext ctx)
    {
        var culture = name == "en" ? "en-US" : "vi-VN";
        ctx.Response.Cookies.Append(Microsoft.AspNetCore.Localization.CookieRequestCultureProvider.DefaultCookieName,
            Microsoft.AspNetCore.Localization.CookieRequestCultureProvider.MakeCookieValue(new(culture)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), SameSite = SameSiteMode.Lax, HttpOnly = true });
        return TypedResults.LocalRedirect(LocalOrHome(returnUrl));
    }

    /// <summary>Only a path on this site: "//evil.example" is another site to a browser.</summary>
    static string LocalOrHome(string? returnUrl) =>
        string.IsNullOrEmpty(returnUrl) || !returnUrl.StartsWith('/') || returnUrl.StartsWith("//") ? "/" : returnUrl;

    /// <summary>Null on success, else the Vietnamese reason.</summary>
    static async Task<string?> SignIn(SignInManager<PcmdUser> signIn, AuditTrail audit, string? userName, string? password)
    {
        if (string.IsNullOrWhiteSpace(userName) || string.IsNullOrEmpty(password)) return "Hãy nhập tên đăng nhập và mật khẩu.";
        var result = await signIn.PasswordSignInAsync(userName.Trim(), password, isPersistent: false, lockoutOnFailure: true);
        audit.RecordSignIn(userName.Trim(), result.Succeeded ? SignInOutcome.Succeeded : result.IsLockedOut ? SignInOutcome.LockedOut : SignInOutcome.Failed);
        if (result.Succeeded) return null;
        if (!result.IsLockedOut) return BadCredentials;
        // Failed sign-ins lock for the lockout time span; a longer lock is an administrator's (UserService.Lock).
        var user = await signIn.UserManager.FindByNameAsync(userName.Trim());
        var span = signIn.Options.Lockout.DefaultLockoutTimeSpan;
        return user?.LockoutEnd is { } end && end > DateTimeOffset.UtcNow + span + TimeSpan.FromMinutes(1) ? LockedByAdministrator : LockedOut;
    }
}
