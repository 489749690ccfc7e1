using System.Globalization;
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
            ctx.ProblemDetails.Title = ctx.ProblemDetails.Status switch
            {
                404 when ctx.Exception is null => "Không tìm thấy",
                405 => "Phương thức không được hỗ trợ",
                415 => "Kiểu nội dung không được hỗ trợ",
                _ => ctx.ProblemDetails.Title,
            };
        });
        builder.Services.AddExceptionHandler<ProblemHandler>();
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase));
            o.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All);
        });
        builder.Services.AddPcmdOpenApi();
        builder.Services.AddSingleton(TimeProvider.System); // the one clock of every feature; tests swap it
        builder.Services.AddArchiveLimits();
        builder.Services.AddAntiforgery();
        builder.Services.AddHsts(o => { o.MaxAge = TimeSpan.FromDays(365); o.IncludeSubDomains = true; });
        return builder;
    }

    public static WebApplication UsePcmdPlatform(this WebApplication app)
    {
        app.UseExceptionHandler();
        // The API answers bare status codes as problem details; pages show the Vietnamese "not found" page.
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), a => a.UseStatusCodePages());
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api"), a => a.UseStatusCodePagesWithReExecute("/not-found"));
        app.UseRouting(); // after the status-code pages, so that a re-executed request is routed again
        app.UseRateLimiter(); // sign-in attempts (Features/Users/SignIn/SignInRateLimit), before any password is hashed
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
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapOpenApi("/openapi/{documentName}.json");
        app.UseSwaggerUI(o => { o.SwaggerEndpoint("/openapi/v1.json", "PCMD API v1"); o.RoutePrefix = "swagger"; });
        app.MapHealthChecks("/health");
        return app;
    }
}
