using Microsoft.AspNetCore.Mvc;
using Pcmd.Web.Data;

namespace Pcmd.Web.Features.Tips;

/// <summary>Settings <c>Pcmd:Portal</c>: how much one client may send to the public side.</summary>
public sealed class PortalOptions
{
    /// <summary>Reports accepted from one client per window.</summary>
    public int ReportsPerWindow { get; set; } = 5;
    /// <summary>Status lookups and answers from one client per window.</summary>
    public int LookupsPerWindow { get; set; } = 30;
    public int WindowMinutes { get; set; } = 10;
    /// <summary>Wrong code or secret tolerated per window before each further failure is answered slowly.</summary>
    public int FailuresBeforeSlowDown { get; set; } = 3;
    public int SlowDownMilliseconds { get; set; } = 3000;
}

/// <summary>The public side's limits per client, counted in the database (<see cref="RateCounters"/>) so that they hold over
/// every node behind the proxy; the client's address is only ever stored as a keyed hash that changes with each window.
/// Past a limit the answer is a Vietnamese 429.</summary>
public sealed class PortalGuard(IConfiguration config, RateCounters counters)
{
    public const string Title = "Quá nhiều yêu cầu";
    public const string Message = "Bạn đã gửi quá nhiều yêu cầu trong thời gian ngắn. Vui lòng đợi vài phút rồi thử lại; nếu khẩn cấp, hãy gọi 113.";

    readonly PortalOptions _options = config.GetSection("Pcmd:Portal").Get<PortalOptions>() ?? new PortalOptions();

    TimeSpan Window => TimeSpan.FromMinutes(Math.Max(1, _options.WindowMinutes));

    async Task<bool> Take(string kind, int permits, HttpContext ctx, CancellationToken ct) =>
        (await counters.Take(kind, RateCounters.ClientOf(ctx), Math.Max(1, permits), Window, ct)).Allowed;

    public Task<bool> TryReport(HttpContext ctx, CancellationToken ct = default) => Take("portal-report", _options.ReportsPerWindow, ctx, ct);

    public Task<bool> TryLookup(HttpContext ctx, CancellationToken ct = default) => Take("portal-lookup", _options.LookupsPerWindow, ctx, ct);

    /// <summary>A wrong code or secret: past the tolerated number, the answer waits, so guessing is slow.</summary>
    public async Task Failed(HttpContext ctx, CancellationToken ct)
    {
        if (!await Take("portal-failure", _options.FailuresBeforeSlowDown, ctx, ct)) await Task.Delay(_options.SlowDownMilliseconds, ct);
    }

    public static ProblemDetails TooMany() => new() { Title = Title, Detail = Message, Status = StatusCodes.Status429TooManyRequests };
}
