using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Features.Audit;

namespace Pcmd.Web.Security;

/// <summary>The one place where exceptions become problem details (RFC 7807).</summary>
public sealed class ProblemHandler(IProblemDetailsService problems, ILogger<ProblemHandler> log, AuditTrail audit) : IExceptionHandler
{
    public const string StaleForm = "Biểu mẫu đã hết hạn hoặc không hợp lệ. Vui lòng tải lại trang và thử lại.";

    public async ValueTask<bool> TryHandleAsync(HttpContext ctx, Exception ex, CancellationToken ct)
    {
        // A sign-in form left open too long (or posted from elsewhere): back to the form with a message.
        var staleForm = ex is Microsoft.AspNetCore.Antiforgery.AntiforgeryValidationException
            || ctx.Features.Get<Microsoft.AspNetCore.Antiforgery.IAntiforgeryValidationFeature>() is { IsValid: false };
        if (staleForm && ctx.Request.Path.StartsWithSegments("/account/login"))
        {
            ctx.Response.Redirect("/login?error=" + Uri.EscapeDataString(StaleForm));
            return true;
        }
        ProblemDetails details = staleForm ? new ProblemDetails { Title = "Yêu cầu không hợp lệ", Detail = StaleForm, Status = 400 } : ex switch
        {
            ValidationException v => new ValidationProblemDetails(v.Errors) { Title = v.Title, Detail = v.Detail, Status = v.Status },
            AppProblemException p => new ProblemDetails { Title = p.Title, Detail = p.Detail, Status = p.Status },
            DbUpdateConcurrencyException => new ProblemDetails { Title = new ConflictException().Title, Detail = new ConflictException().Detail, Status = 409 },
            Microsoft.AspNetCore.Antiforgery.AntiforgeryValidationException => new ProblemDetails { Title = "Yêu cầu không hợp lệ", Detail = StaleForm, Status = 400 },
            BadHttpRequestException b => BindingProblems.From(b),
            System.Text.Json.JsonException j => BindingProblems.FromJson(j),
            // A multipart body that does not parse (no boundary, a section past the form limits).
            InvalidDataException => BindingProblems.Unreadable(),
            _ => new ProblemDetails { Title = "Lỗi hệ thống", Detail = "Đã có lỗi xảy ra; thao tác chưa được lưu. Vui lòng thử lại hoặc báo quản trị viên.", Status = 500 },
        };
        if (details.Status == 500) log.LogError(ex, "Unhandled error");
        // A refusal by role names no record; one of a record out of reach was recorded where it was raised.
        if (ex is ForbiddenException { Audited: false }) audit.RecordDeniedPath(403);
        ctx.Response.StatusCode = details.Status ?? 500;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = ctx, ProblemDetails = details, Exception = ex });
    }
}
