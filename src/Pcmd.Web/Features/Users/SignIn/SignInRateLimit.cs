using Pcmd.Web.Data;

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

    /// <summary>Counted in the database (<see cref="RateCounters"/>), so the limits hold over every node behind the proxy, not
    /// once per node; a request that is not a sign-in costs nothing.</summary>
    public static async Task Limit(HttpContext ctx, RequestDelegate next)
    {
        if (!IsSignIn(ctx.Request)) { await next(ctx); return; }
        var limits = ctx.RequestServices.GetRequiredService<IConfiguration>().GetSection("Pcmd:SignIn").Get<SignInLimitOptions>() ?? new SignInLimitOptions();
        var counters = ctx.RequestServices.GetRequiredService<RateCounters>();
        var minute = TimeSpan.FromMinutes(1);
        var client = await counters.Take("sign-in", RateCounters.ClientOf(ctx), limits.PerClientPerMinute, minute, ctx.RequestAborted);
        var all = client.Allowed ? await counters.Take("sign-in", "all", limits.AllClientsPerMinute, minute, ctx.RequestAborted) : client;
        if (all.Allowed) { await next(ctx); return; }
        await Rejected(ctx, all.RetryAfter);
    }

    static async Task Rejected(HttpContext ctx, TimeSpan retry)
    {
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
