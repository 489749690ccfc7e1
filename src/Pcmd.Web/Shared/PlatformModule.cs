using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Logging.Console;
using Pcmd.Web.Security;

namespace Pcmd.Web.Shared;

/// <summary>Cross-cutting pieces every feature relies on: JSON logs with a request id, vi-VN culture
/// with English as the second language, problem details, OpenAPI, security headers, HTTPS/HSTS.</summary>
public static class PlatformModule
{
    public static readonly CultureInfo[] Cultures = [CultureInfo.GetCultureInfo("vi-VN"), CultureInfo.GetCultureInfo("en-US")];

    public static WebApplicationBuilder AddPcmdPlatform(this WebApplicationBuilder builder)
    {
        // Serve wwwroot (and its build-time compressed copies) from the build output in every environment,
        // not only Development: without this a browser asking for gzip gets empty stylesheets.
        builder.WebHost.UseStaticWebAssets();
        builder.Logging.ClearProviders();
        builder.Logging.AddJsonConsole(o =>
        {
            o.IncludeScopes = true; // carries the request id (RequestId / TraceId) of each log line
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
            o.UseUtcTimestamp = true;
            o.JsonWriterOptions = new System.Text.Json.JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        });
        // Vietnamese letters are written as they are in HTML, not as numeric entities.
        builder.Services.AddWebEncoders(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        builder.Services.AddLocalization(o => o.ResourcesPath = "Resources");
        // Pages and JSON travel compressed (a city's map page was 1.33 MB, a report 703 kB). Over HTTPS too: the only secrets in
        // a page body are antiforgery tokens, sealed afresh with a random IV on every response, so BREACH has nothing repeated
        // to guess. The fastest level: the cost is per response, the gain is mostly from the first pass.
        builder.Services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<Microsoft.AspNetCore.ResponseCompression.BrotliCompressionProvider>();
            o.Providers.Add<Microsoft.AspNetCore.ResponseCompression.GzipCompressionProvider>();
            o.MimeTypes = Microsoft.AspNetCore.ResponseCompression.ResponseCompressionDefaults.MimeTypes.Append("application/problem+json");
        });
        builder.Services.Configure<Microsoft.AspNetCore.ResponseCompression.BrotliCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Fastest);
        builder.Services.Configure<Microsoft.AspNetCore.ResponseCompression.GzipCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Fastest);
        builder.Services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture("vi-VN");
            o.SupportedCultures = Cultures;
            o.SupportedUICultures = Cultures;
            o.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
        });
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            ctx.ProblemDetails.Extensions["traceId"] = ctx.HttpContext.TraceIdentifier;
            // Whatever the framework answers by itself (unknown route, wrong method, a bare status) is said in Vietnamese too.
            var status = ctx.ProblemDetails.Status ?? ctx.HttpContext.Response.StatusCode;
            if (Titles.IsFrameworkDefault(ctx.ProblemDetails.Title, status)) ctx.ProblemDetails.Title = Titles.For(status);
            ctx.ProblemDetails.Detail ??= Titles.DefaultDetail(status);
        });
        // Binding failures (a query value of the wrong type, unreadable JSON) reach ProblemHandler as exceptions in every
        // environment, so they are worded there with the field at fault instead of a bare 400.
        builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.AddSingleton<ApiGuards>();
        builder.WebHost.ConfigureKestrel((context, o) =>
        {
            o.Limits.MaxRequestLineSize = ApiGuards.KestrelMaxRequestLine;
            o.Limits.MaxRequestBodySize = context.Configuration.GetValue("Pcmd:Http:MaxRequestBodyBytes", 30L * 1024 * 1024);
        });
        builder.Services.AddExceptionHandler<ProblemHandler>();
        builder.Services.ConfigureHttpJsonOptions(o => ApiJson(o.SerializerOptions));
        builder.Services.AddPcmdOpenApi();
        builder.Services.AddSingleton(TimeProvider.System); // the one clock of every feature; tests swap it
        builder.Services.AddArchiveLimits();
        builder.Services.AddScoped<RecordFileStore>();
        builder.Services.AddAntiforgery();
        builder.Services.AddHsts(o => { o.MaxAge = TimeSpan.FromDays(365); o.IncludeSubDomains = true; });
        builder.Services.Configure<ForwardedHeadersOptions>(o => ConfigureProxies(o, builder.Configuration));
        return builder;
    }

    /// <summary>How the API writes JSON (enums as camelCase codes, Vietnamese unescaped); the benchmarks count bytes with it.</summary>
    public static System.Text.Json.JsonSerializerOptions ApiJson(System.Text.Json.JsonSerializerOptions o)
    {
        o.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase));
        o.Encoder = ApiJsonEncoder;
        return o;
    }

    public static readonly System.Text.Encodings.Web.JavaScriptEncoder ApiJsonEncoder =
        System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    /// <summary>Behind a reverse proxy (nginx, scripts/cluster.sh) the client's address and scheme come from X-Forwarded-For
    /// and X-Forwarded-Proto — but only from the proxies named: loopback by default (a proxy on the same machine), plus
    /// <c>Pcmd:Proxy:KnownProxies</c> (addresses, comma-separated) and <c>Pcmd:Proxy:KnownNetworks</c> (CIDR). A request from
    /// anywhere else keeps its own address and scheme, so nobody can claim HTTPS or another address by sending the header.
    /// Behind TLS on the proxy the request is then https, and the sign-in cookie (SameAsRequest) is Secure.</summary>
    static void ConfigureProxies(ForwardedHeadersOptions o, IConfiguration config)
    {
        o.ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto;
        o.ForwardLimit = 1; // one proxy in front: the last address it appended is the client's
        foreach (var a in (config["Pcmd:Proxy:KnownProxies"] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            o.KnownProxies.Add(System.Net.IPAddress.Parse(a));
        foreach (var n in (config["Pcmd:Proxy:KnownNetworks"] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(n));
    }

    public static WebApplication UsePcmdPlatform(this WebApplication app)
    {
        var guards = app.Services.GetRequiredService<ApiGuards>();
        app.UseForwardedHeaders(); // first: every later step (rate limits, audit, HTTPS redirection, cookies) sees the client
        app.UseExceptionHandler();
        app.UseResponseCompression();
        // The API answers bare status codes as problem details; pages show the Vietnamese "not found" page.
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), a => a.UseStatusCodePages());
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api"), a => a.UseStatusCodePagesWithReExecute("/not-found"));
        app.Use(guards.BeforeRouting);
        app.UseRouting(); // after the status-code pages, so that a re-executed request is routed again
        if (!app.Environment.IsDevelopment() && !app.Environment.IsEnvironment("Testing"))
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }
        app.Use(async (ctx, next) =>
        {
            var h = ctx.Response.Headers;
            h.XContentTypeOptions = "nosniff";
            h.XFrameOptions = "DENY";
            h["Referrer-Policy"] = "no-referrer";
            h["Permissions-Policy"] = "geolocation=(self), camera=(), microphone=()";
            h.ContentSecurityPolicy = ctx.Request.Path.StartsWithSegments("/swagger")
                ? "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self' 'unsafe-inline'"
                : "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'";
            await next();
        });
        app.UseRequestLocalization();
        app.UseAuthentication();
        app.Use(guards.Writes);
        // Outside Development the API's description is for signed-in users only (Pcmd:OpenApi:RequireSignIn).
        var openApiSignedIn = app.Configuration.GetValue("Pcmd:OpenApi:RequireSignIn", !app.Environment.IsDevelopment());
        if (openApiSignedIn)
            app.UseWhen(c => c.Request.Path.StartsWithSegments("/swagger"), a => a.Use(async (c, next) =>
            {
                if (c.User.Identity?.IsAuthenticated == true) await next(c);
                else await c.ChallengeAsync();
            }));
        app.UseAuthorization();
        app.UseAntiforgery();
        var openApi = app.MapOpenApi("/openapi/{documentName}.json");
        if (openApiSignedIn) openApi.RequireAuthorization();
        app.UseSwaggerUI(o => { o.SwaggerEndpoint("/openapi/v1.json", "PCMD API v1"); o.RoutePrefix = "swagger"; });
        app.MapHealthChecks("/health");
        app.MapHealthChecks("/health/live", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") });
        return app;
    }
}
