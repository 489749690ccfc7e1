using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;

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

/// <summary>The public side's limits per client. The client is known by its connection's address only inside these
/// limiters' memory (the framework's partitioned limiters, dropped when idle); nothing of it is written anywhere. Past a
/// limit the answer is a Vietnamese 429.</summary>
public sealed class PortalGuard : IDisposable
{
    public const string Title = "Quá nhiều yêu cầu";
    public const string Message = "Bạn đã gửi quá nhiều yêu cầu trong thời gian ngắn. Vui lòng đợi vài phút rồi thử lại; nếu khẩn cấp, hãy gọi 113.";

    readonly PortalOptions _options;
    readonly PartitionedRateLimiter<string> _reports, _lookups, _failures;

    public PortalGuard(IConfiguration config)
    {
        _options = config.GetSection("Pcmd:Portal").Get<PortalOptions>() ?? new PortalOptions();
        var window = TimeSpan.FromMinutes(Math.Max(1, _options.WindowMinutes));
        PartitionedRateLimiter<string> Limiter(int permits) => PartitionedRateLimiter.Create<string, string>(key =>
            RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions { PermitLimit = Math.Max(1, permits), Window = window, QueueLimit = 0 }));
        _reports = Limiter(_options.ReportsPerWindow);
        _lookups = Limiter(_options.LookupsPerWindow);
        _failures = Limiter(_options.FailuresBeforeSlowDown);
    }

    static string Client(HttpContext ctx) => ctx.Connection.RemoteIpAddress?.ToString() ?? "?";

    public bool TryReport(HttpContext ctx) => _reports.AttemptAcquire(Client(ctx)).IsAcquired;

    public bool TryLookup(HttpContext ctx) => _lookups.AttemptAcquire(Client(ctx)).IsAcquired;

    /// <summary>A wrong code or secret: past the tolerated number, the answer waits, so guessing is slow.</summary>
    public async Task Failed(HttpContext ctx, CancellationToken ct)
    {
        if (!_failures.AttemptAcquire(Client(ctx)).IsAcquired) await Task.Delay(_options.SlowDownMilliseconds, ct);
    }

    public static ProblemDetails TooMany() => new() { Title = Title, Detail = Message, Status = StatusCodes.Status429TooManyRequests };

    public void Dispose()
    {
        _reports.Dispose();
        _lookups.Dispose();
        _failures.Dispose();
    }
}
