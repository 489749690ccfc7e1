using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Pcmd.Web.Features.Users.SignIn;

/// <summary>Settings <c>Pcmd:SignIn</c>: sign-in attempts allowed per minute from one client address and from all together.</summary>
public sealed class SignInLimitOptions
{
    public int PerClientPerMinute { get; set; } = 10;
    public int AllClientsPerMinute { get; set; } = 300;
}

/// <summary>Limits the posts that check a password or a code (form and API, both steps): per client address, against one
/// person guessing, and for everyone together, against many addresses guessing at once. Past a limit the answer is 429, a
/// Vietnamese problem for the API and the sign-in page with the message for the browser. Other requests are not limited.</summary>
public static class SignInRateLimit
{
    public const string Title = "Quá nhiều lần đăng nhập";
    public const string Message = "Có quá nhiều lần đăng nhập trong thời gian ngắn. Vui lòng đợi một phút rồi thử lại.";

    static readonly string[] Paths = ["/api/v1/auth/login", "/api/v1/auth/login/2fa", "/account/login", "/account/login/2fa"];

    public static bool IsSignIn(HttpRequest r) =>
        HttpMethods.IsPost(r.Method) && Paths.Any(p => r.Path.Equals(p, StringComparison.OrdinalIgnoreCase));

    public static IServiceCollection AddSignInRateLimit(this IServiceCollection services, IConfiguration config)
    {
        var limits = config.GetSection("Pcmd:SignIn").Get<SignInLimitOptions>() ?? new SignInLimitOptions();
        static FixedWindowRateLimiterOptions PerMinute(int permits) =>
            new() { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 };
        return services.AddRateLimiter(o =>
        {
            o.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(ctx => IsSignIn(ctx.Request)
                    ? RateLimitPartition.GetFixedWindowLimiter(ctx.Connection.RemoteIpAddress?.ToString() ?? "?", _ => PerMinute(limits.PerClientPerMinute))
                    : RateLimitPartition.GetNoLimiter("")),
                PartitionedRateLimiter.Create<HttpContext, string>(ctx => IsSignIn(ctx.Request)
                    ? RateLimitPartition.GetFixedWindowLimiter("all", _ => PerMinute(limits.AllClientsPerMinute))
                    : RateLimitPartition.GetNoLimiter("")));
            o.OnRejected = Rejected;
        });
    }

    static async ValueTask Rejected(OnRejectedContext rejected, CancellationToken ct)
    {
        var ctx = rejected.HttpContext;
        var retry = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromMinutes(1);
        ctx.Response.Headers.RetryAfter = ((int)Math.Ceiling(retry.TotalSeconds)).ToString();
        if (!ctx.Request.Path.StartsWithSegments("/api"))
        {
            // A browser is sent back to the page it came from, which shows the message.
            var page = ctx.Request.Path.Value!.EndsWith("/2fa", StringComparison.OrdinalIgnoreCase) ? "/login/2fa" : "/login";
            ctx.Response.Redirect($"{page}?error={Uri.EscapeDataString(Message)}");
            return;
        }
        ctx.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        await ctx.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = ctx, ProblemDetails = new Microsoft.AspNetCore.Mvc.ProblemDetails { Title = Title, Detail = Message, Status = 429 },
        });
    }
}
