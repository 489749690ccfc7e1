using System.Diagnostics.Metrics;
using System.Net;
using OpenTelemetry.Metrics;

namespace Pcmd.Web.Shared;

/// <summary>Operators' metrics in Prometheus text format at <c>/metrics</c> (OpenTelemetry): requests (ASP.NET Core's own
/// <c>http.server.request.duration</c>, active requests, Kestrel connections), the database (Npgsql's <c>db.client.*</c>:
/// command durations, pool usage), the runtime (GC, thread pool) and PCMD's scheduled jobs (<see cref="JobRuns"/>:
/// <c>pcmd_job_runs_total{job,outcome}</c>, <c>pcmd_job_duration_seconds</c>). Served only to loopback and to
/// <c>Pcmd:Metrics:AllowedNetworks</c> (CIDR, comma-separated: the Prometheus server); anyone else gets 404, also through the
/// proxy, where the client's own address is what counts.</summary>
public static class Metrics
{
    public const string MeterName = "Pcmd";
    static readonly Meter Meter = new(MeterName);
    static readonly Counter<long> Runs = Meter.CreateCounter<long>("pcmd.job.runs", description: "Passes of scheduled jobs: ran here, or skipped because another node ran it");
    static readonly Histogram<double> Duration = Meter.CreateHistogram<double>("pcmd.job.duration", "s", "Duration of the passes that ran");

    /// <summary>Records one pass of a scheduled job.</summary>
    public static void JobRuns(string job, bool ran, TimeSpan duration)
    {
        var tags = new KeyValuePair<string, object?>[] { new("job", job), new("outcome", ran ? "ran" : "skipped") };
        Runs.Add(1, tags);
        if (ran) Duration.Record(duration.TotalSeconds, tags[0]);
    }

    public static WebApplicationBuilder AddPcmdMetrics(this WebApplicationBuilder builder)
    {
        builder.Services.AddOpenTelemetry().WithMetrics(m => m
            .AddMeter("Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "Npgsql", "System.Runtime", MeterName)
            // No cached scrape (the exporter's default keeps one for 300 ms): a check that reads a counter before and after a
            // request must see the request; Prometheus scrapes every few seconds, so the cache saved nothing.
            .AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0));
        return builder;
    }

    public static WebApplication MapPcmdMetrics(this WebApplication app)
    {
        var allowed = (app.Configuration["Pcmd:Metrics:AllowedNetworks"] ?? "")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(IPNetwork.Parse).ToList();
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/metrics") && !Allowed(c.Connection.RemoteIpAddress, allowed),
            a => a.Run(c => { c.Response.StatusCode = StatusCodes.Status404NotFound; return Task.CompletedTask; }));
        app.MapPrometheusScrapingEndpoint("/metrics");
        return app;
    }

    static bool Allowed(IPAddress? ip, List<IPNetwork> allowed) =>
        ip is not null && (IPAddress.IsLoopback(ip) || allowed.Any(n => n.Contains(ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip)));
}
