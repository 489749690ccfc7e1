using Pcmd.Web.Components.Layout;
using Pcmd.Web.Features.Demo;
using Microsoft.AspNetCore.Identity;
using Pcmd.Web.Data;
using Pcmd.Web.Security;
using Pcmd.Web.Features.Users.Sessions;
using Pcmd.Web.Features.Users.SignIn;

namespace Pcmd.Web.Features.Users;

public static class UsersModule
{
    public static IServiceCollection AddUsers(this IServiceCollection services) => services
        .AddNavEntry(new NavEntry(NavGroup.Admin, "Users.Title", "/users", 30, NavEntry.Roles()))
        .AddScoped<UserService>()
        .AddScoped<IDemoStep, UsersDemoStep>();

    public static IEndpointRouteBuilder MapUsersApi(this IEndpointRouteBuilder app)
    {
        AuthApi.Map(app.MapGroup("/api/v1/auth").WithTags("Đăng nhập"));
        AuthApi.MapBrowserForms(app);
        TwoFactorApi.Map(app.MapGroup("/api/v1/auth/2fa").WithTags("Đăng nhập").RequireAuthorization(SecurityModule.SignedInPolicy));
        UsersApi.Map(app.MapGroup("/api/v1/users").WithTags("Người dùng").RequireAuthorization());
        return app;
    }

    /// <summary>Identity over the PCMD database, its password and lockout rules, and the sign-in cookie.</summary>
    /// <summary>Sign-in attempts are counted before any password is hashed (<see cref="SignIn.SignInRateLimit"/>).</summary>
    public static WebApplication UseSignInLimits(this WebApplication app)
    {
        app.Use(SignIn.SignInRateLimit.Limit);
        return app;
    }

    public static WebApplicationBuilder AddPcmdIdentity(this WebApplicationBuilder builder)
    {
        builder.Services.AddIdentity<PcmdUser, IdentityRole>(o =>
            {
                o.Password.RequiredLength = 10;
                o.Password.RequireDigit = true;
                o.Password.RequireUppercase = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireNonAlphanumeric = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
            })
            .AddEntityFrameworkStores<PcmdDbContext>()
            .AddClaimsPrincipalFactory<PcmdClaimsFactory>()
            .AddErrorDescriber<VietnameseIdentityErrors>()
            .AddDefaultTokenProviders();
        // The cookie carries role, unit and agency. An administrator's change to them, a lock or a new password ends the user's
        // sessions at once (Sessions/SessionStore, checked on every request, which also compares the cookie's security stamp
        // with the user's, held in memory: Identity's own validator is replaced, see SessionCookie).
        builder.Services.Configure<UserSessionOptions>(builder.Configuration.GetSection("Pcmd:Sessions"));
        builder.Services.AddSingleton<SessionStore>();
        builder.Services.AddSingleton<SessionListener>().AddClusterSignal<SessionListener>();
        builder.Services.AddSingleton<TwoFactorPolicy>();
        builder.Services.AddScoped<SignInFlow>();
        builder.Services.AddScoped<TwoFactorService>();
        builder.Services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "pcmd.auth";
            o.Cookie.HttpOnly = true;
            // Strict keeps the cookie off cross-site requests, which is what protects the JSON API from CSRF.
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.LoginPath = "/login";
            o.AccessDeniedPath = "/access-denied";
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(8); // the cookie's own limit; the session's idle timeout is shorter
            SessionCookie.Attach(o.Events);
            o.Events.OnRedirectToLogin = ctx => ApiOr(ctx.HttpContext, 401, "Chưa đăng nhập", "Hãy đăng nhập (POST /api/v1/auth/login) trước khi gọi API.", () => ctx.Response.Redirect(ctx.RedirectUri));
            o.Events.OnRedirectToAccessDenied = ctx =>
            {
                if (ctx.HttpContext.User.HasClaim(c => c.Type == UserScope.EnrolmentClaim))
                    return ApiOr(ctx.HttpContext, 403, "Cần bật xác thực hai bước", SignInFlow.NeedsEnrolment, () => ctx.Response.Redirect(TwoFactorApi.EnrolPage));
                ctx.HttpContext.RequestServices.GetRequiredService<Audit.AuditTrail>().RecordDeniedPath(403);
                return ApiOr(ctx.HttpContext, 403, "Không có quyền", "Vai trò của bạn không được phép thực hiện thao tác này.", () => ctx.Response.Redirect(ctx.RedirectUri));
            };
        });
        return builder;
    }

    static Task ApiOr(HttpContext ctx, int status, string title, string detail, Action browser)
    {
        if (!ctx.Request.Path.StartsWithSegments("/api")) { browser(); return Task.CompletedTask; }
        ctx.Response.StatusCode = status;
        return ctx.Response.WriteAsJsonAsync(new { type = "about:blank", title, status, detail }, options: null, contentType: "application/problem+json");
    }
}
