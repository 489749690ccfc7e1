using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Pcmd.Web.Security;

namespace Pcmd.Web.Shared;

/// <summary>The limits and rules of the HTTP contract that hold before any endpoint runs, each answered as a Vietnamese
/// problem: URL length (414), body size (413), content types of API writes (415), the Origin of cookie-signed API
/// writes (403), HEAD on API routes (as GET without a body), and <c>Cache-Control: no-store</c> on what may carry
/// personal data. Settings under <c>Pcmd:Http</c>.</summary>
public sealed class ApiGuards(IConfiguration config)
{
    /// <summary>Kestrel's own request-line limit: above it Kestrel answers 414 itself, with an empty body, before any
    /// middleware runs. The app's limit (<see cref="MaxUrlLength"/>) is well below it, so the app's problem is what
    /// clients see for any URL a browser or a proxy would send.</summary>
    public const int KestrelMaxRequestLine = 32 * 1024;

    public int MaxUrlLength { get; } = config.GetValue("Pcmd:Http:MaxUrlLength", 4096);
    public long MaxBodyBytes { get; } = config.GetValue("Pcmd:Http:MaxRequestBodyBytes", 30L * 1024 * 1024);
    readonly string[] _allowedOrigins = config.GetSection("Pcmd:Http:AllowedOrigins").Get<string[]>() ?? [];

    public const string AuthCookie = "pcmd.auth";

    /// <summary>Before routing: URL length and HEAD (routing must see GET to find the API's GET endpoint).</summary>
    public async Task BeforeRouting(HttpContext ctx, RequestDelegate next)
    {
        var url = ctx.Request.Path.Value?.Length + ctx.Request.QueryString.Value?.Length ?? 0;
        if (url > MaxUrlLength)
        {
            await Write(ctx, 414, $"Địa chỉ (đường dẫn và tham số) dài {url} ký tự, quá giới hạn {MaxUrlLength}.", "url");
            return;
        }
        if (HttpMethods.IsHead(ctx.Request.Method) && IsApi(ctx))
        {
            // Answered as GET (same status and headers) with the body thrown away: Kestrel sends no body to HEAD anyway,
            // the swap keeps other servers (the test server) from sending one.
            ctx.Request.Method = HttpMethods.Get;
            ctx.Response.Body = Stream.Null;
            ctx.Response.OnStarting(() => { ctx.Request.Method = HttpMethods.Head; return Task.CompletedTask; });
        }
        await next(ctx);
    }

    /// <summary>After authentication: what an API write may send and from where; and no caching of anything personal.</summary>
    public async Task Writes(HttpContext ctx, RequestDelegate next)
    {
        ctx.Response.OnStarting(() =>
        {
            // Every API answer (records, exports) and every page a signed-in user sees may carry personal data.
            var html = ctx.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true;
            if (IsApi(ctx) || (html && ctx.User.Identity?.IsAuthenticated == true))
            {
                ctx.Response.Headers.CacheControl = "no-store";
                ctx.Response.Headers.Pragma = "no-cache";
            }
            return Task.CompletedTask;
        });
        var req = ctx.Request;
        if (req.ContentLength > MaxBodyBytes)
        {
            await Write(ctx, 413, $"Nội dung gửi lên lớn quá {MaxBodyBytes / 1024 / 1024} MB.", BindingProblems.BodyKey);
            return;
        }
        // Bodies without a length are stopped by the server while they are read (Kestrel answers 413 through ProblemHandler).
        if (ctx.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = MaxBodyBytes;
        if (!IsApi(ctx) || IsSafe(req.Method)) { await next(ctx); return; }

        // A foreign page may post text/plain or a form to the API without a CORS preflight; JSON and uploads need one
        // (or are multipart, checked by Origin below), so only those are accepted.
        var hasBody = req.ContentLength > 0 || (req.ContentLength is null && req.Headers.TransferEncoding.Count > 0);
        if ((hasBody || !string.IsNullOrEmpty(req.ContentType)) && !IsAcceptedType(req.ContentType))
        {
            await Write(ctx, 415, $"API chỉ nhận application/json hoặc multipart/form-data, không nhận \"{Short(req.ContentType ?? "")}\".", "Content-Type");
            return;
        }
        if (req.Cookies.ContainsKey(AuthCookie) && req.Headers.Origin is { Count: > 0 } origin && !IsAllowedOrigin(ctx, origin.ToString()))
        {
            await Write(ctx, 403, $"Yêu cầu ghi từ nguồn \"{Short(origin.ToString())}\" không được chấp nhận.", "Origin");
            return;
        }
        await next(ctx);
    }

    bool IsAllowedOrigin(HttpContext ctx, string origin)
    {
        var self = $"{ctx.Request.Scheme}://{ctx.Request.Host.Value}";
        return string.Equals(origin, self, StringComparison.OrdinalIgnoreCase)
            || _allowedOrigins.Any(o => string.Equals(origin, o.TrimEnd('/'), StringComparison.OrdinalIgnoreCase));
    }

    static bool IsAcceptedType(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType)) return false;
        var media = contentType.Split(';')[0].Trim();
        return media.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || (media.StartsWith("application/", StringComparison.OrdinalIgnoreCase) && media.EndsWith("+json", StringComparison.OrdinalIgnoreCase))
            || media.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase);
    }

    static bool IsSafe(string method) => HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method);

    public static bool IsApi(HttpContext ctx) => ctx.Request.Path.StartsWithSegments("/api");

    static string Short(string s) => s.Length > 60 ? s[..60] + "…" : s;

    static async Task Write(HttpContext ctx, int status, string message, string field)
    {
        ctx.Response.StatusCode = status;
        var problem = new ValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = status, Title = Titles.For(status), Detail = Titles.DefaultDetail(status),
        };
        await ctx.RequestServices.GetRequiredService<IProblemDetailsService>()
            .WriteAsync(new ProblemDetailsContext { HttpContext = ctx, ProblemDetails = problem });
    }
}
