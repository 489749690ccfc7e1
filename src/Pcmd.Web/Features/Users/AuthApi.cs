using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Pcmd.Web.Features.Users.SignIn;
using Pcmd.Web.Security;

namespace Pcmd.Web.Features.Users;

public sealed record LoginRequest(string? UserName, string? Password);
/// <summary>The second step: the 6-digit code of the authenticator app, or one recovery code.</summary>
public sealed record LoginTwoFactorRequest(string? Code, string? RecoveryCode);
/// <summary><see cref="Next"/>: none when signed in; "two-factor" when the code is needed (POST /api/v1/auth/login/2fa);
/// "enrol" when the role requires two-factor sign-in and it is not set up yet (only /api/v1/auth/2fa answers until it is).</summary>
public sealed record LoginResponse(string Message, string? Next = null);
public sealed record MeResponse(string UserName, string FullName, string[] Roles, int? OrgUnitId, int? AgencyId);

/// <summary>Sign-in for the browser (form posts) and for API clients (JSON; the answer sets the same cookie). What a step
/// comes to is decided in <see cref="SignInFlow"/>; here it only becomes an answer.</summary>
public static class AuthApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/login", Login).WithName(nameof(Login)).WithSummary("Đăng nhập; phản hồi đặt cookie pcmd.auth")
            .AllowAnonymous().ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status429TooManyRequests);
        api.MapPost("/login/2fa", LoginTwoFactor).WithName(nameof(LoginTwoFactor)).WithSummary("Bước hai của đăng nhập: mã xác thực hoặc mã khôi phục")
            .AllowAnonymous().ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status429TooManyRequests);
        api.MapPost("/logout", Logout).WithName(nameof(Logout)).WithSummary("Đăng xuất");
        api.MapGet("/me", Me).WithName(nameof(Me)).WithSummary("Người đang đăng nhập, vai trò, đơn vị và cơ quan").RequireAuthorization();
    }

    /// <summary>Browser forms (antiforgery-checked by the framework because they bind [FromForm]); not part of the API.</summary>
    public static void MapBrowserForms(IEndpointRouteBuilder app)
    {
        app.MapPost("/account/login", FormLogin).AllowAnonymous().ExcludeFromDescription();
        app.MapPost("/account/login/2fa", FormLoginTwoFactor).AllowAnonymous().ExcludeFromDescription();
        app.MapPost("/account/logout", FormLogout).ExcludeFromDescription();
        app.MapGet("/culture/{name}", SetCulture).AllowAnonymous().ExcludeFromDescription();
    }

    public static async Task<Results<Ok<LoginResponse>, ProblemHttpResult>> Login([FromBody] LoginRequest req, SignInFlow flow) =>
        Answer(await flow.Password(req.UserName, req.Password));

    public static async Task<Results<Ok<LoginResponse>, ProblemHttpResult>> LoginTwoFactor([FromBody] LoginTwoFactorRequest req, SignInFlow flow) =>
        Answer(await flow.SecondFactor(req.Code, req.RecoveryCode));

    static Results<Ok<LoginResponse>, ProblemHttpResult> Answer(SignInOutcome o) => o.Step switch
    {
        SignInStep.SignedIn => TypedResults.Ok(new LoginResponse(o.Message)),
        SignInStep.NeedsSecondFactor => TypedResults.Ok(new LoginResponse(o.Message, "two-factor")),
        SignInStep.NeedsEnrolment => TypedResults.Ok(new LoginResponse(o.Message, "enrol")),
        _ => TypedResults.Problem(title: "Đăng nhập không thành công", detail: o.Message, statusCode: 401),
    };

    public static async Task<NoContent> Logout(SignInManager<PcmdUser> signIn)
    {
        await signIn.SignOutAsync();
        return TypedResults.NoContent();
    }

    public static Ok<MeResponse> Me(UserScope s, HttpContext ctx) =>
        TypedResults.Ok(new MeResponse(s.UserName!, ctx.User.FindFirst("pcmd:full_name")?.Value ?? "", s.Roles.ToArray(), s.OrgUnitId, s.AgencyId));

    static async Task<RedirectHttpResult> FormLogin([FromForm] string? userName, [FromForm] string? password, [FromForm] string? returnUrl,
        SignInFlow flow)
    {
        var o = await flow.Password(userName, password);
        var back = Uri.EscapeDataString(returnUrl ?? "/");
        return o.Step switch
        {
            SignInStep.SignedIn => TypedResults.LocalRedirect(LocalOrHome(returnUrl)),
            SignInStep.NeedsSecondFactor => TypedResults.Redirect($"/login/2fa?returnUrl={back}"),
            SignInStep.NeedsEnrolment => TypedResults.Redirect(TwoFactorApi.EnrolPage),
            _ => TypedResults.Redirect($"/login?error={Uri.EscapeDataString(o.Message)}&returnUrl={back}"),
        };
    }

    static async Task<RedirectHttpResult> FormLoginTwoFactor([FromForm] string? code, [FromForm] string? recoveryCode, [FromForm] string? returnUrl,
        SignInFlow flow)
    {
        var o = await flow.SecondFactor(code, recoveryCode);
        return o.Step == SignInStep.SignedIn
            ? TypedResults.LocalRedirect(LocalOrHome(returnUrl))
            : TypedResults.Redirect($"/login/2fa?error={Uri.EscapeDataString(o.Message)}&returnUrl={Uri.EscapeDataString(returnUrl ?? "/")}");
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
}
