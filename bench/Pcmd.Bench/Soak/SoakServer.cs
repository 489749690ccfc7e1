using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Pcmd.Testing;

namespace Pcmd.Bench.Soak;

/// <summary>The built PCMD (Release) as its own process on a loopback port, as it runs in production, so that its memory is
/// its own (/proc/&lt;pid&gt;/status) and the load generator's allocations never show in it. Started by the shared <see cref="WebAppProcess"/>; its JSON log is read line by line:
/// Error and Critical entries are counted (a handler that throws logs one), a few kept for the report.</summary>
public sealed class SoakServer : IAsyncDisposable
{
    readonly List<string> _errors = [];
    readonly List<string> _warnings = [];
    readonly List<string> _fullErrors = [];
    int _errorCount, _warningCount;
    WebAppProcess _app = default!;

    public string BaseUrl => _app.BaseUrl;
    public int Pid => _app.Pid;
    public string Dll { get; }
    public int ErrorCount => Volatile.Read(ref _errorCount);
    public int WarningCount => Volatile.Read(ref _warningCount);
    public IReadOnlyList<string> FirstErrors { get { lock (_errors) return _errors.ToList(); } }
    /// <summary>The first 50 Error/Critical lines of the server's log as written (JSON with the whole exception), for diagnosis.</summary>
    public IReadOnlyList<string> FullErrors { get { lock (_errors) return _fullErrors.ToList(); } }
    public IReadOnlyList<string> FirstWarnings { get { lock (_warnings) return _warnings.ToList(); } }

    SoakServer(string dll) => Dll = dll;

    /// <summary>Starts src/Pcmd.Web/bin/Release/net10.0/Pcmd.Web.dll (built with the bench: `dotnet run -c Release` builds it).
    /// Outside Development, the <c>Pcmd</c> section of appsettings.Development.json (the personal-data key the synthetic data
    /// was encrypted with, and any other key the app requires outside Development) is passed as environment variables.
    /// <paramref name="web"/>: another build's src/Pcmd.Web folder (e.g. an older commit's, to compare), built in Release.
    /// <paramref name="configuration"/>: Debug on a machine where a Release build is not allowed (figures then pessimistic).</summary>
    public static async Task<SoakServer> Start(string environment, IReadOnlyDictionary<string, string> settings, string? web = null,
        string configuration = "Release")
    {
        web ??= Path.Combine(BenchHost.RepoRoot(), "src", "Pcmd.Web");
        var dll = Path.Combine(web, "bin", configuration, "net10.0", "Pcmd.Web.dll");
        if (!File.Exists(dll)) throw new InvalidOperationException($"{dll} is missing: run the bench with `dotnet run -c {configuration}`, which builds it.");
        var variables = new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = environment };
        if (environment != "Development")
            foreach (var (key, value) in DevelopmentSettings()) variables[key] = value;
        foreach (var (key, value) in settings) variables[key] = value;
        var server = new SoakServer(dll);
        try { server._app = await WebAppProcess.Start(dll, variables, TimeSpan.FromMinutes(10), server.Log, web); }
        catch (InvalidOperationException e)
        {
            throw new InvalidOperationException("(try --environment Development, or set in the environment what the log asks for) " + e.Message, e);
        }
        return server;
    }

    /// <summary>The demo accounts' password: --password, or Pcmd:Demo:Password of src/Pcmd.Web/appsettings.json.</summary>
    public static string DemoPassword(Args o) => o.Get("password") ?? new ConfigurationBuilder()
        .AddJsonFile(Path.Combine(BenchHost.RepoRoot(), "src", "Pcmd.Web", "appsettings.json")).Build()["Pcmd:Demo:Password"]
        ?? throw new InvalidOperationException("Pcmd:Demo:Password is not in src/Pcmd.Web/appsettings.json; pass --password.");

    static IEnumerable<(string, string)> DevelopmentSettings()
    {
        var file = Path.Combine(WebAppProcess.WebFolder, "appsettings.Development.json");
        var config = new ConfigurationBuilder().AddJsonFile(file, optional: true).Build();
        foreach (var (key, value) in config.GetSection("Pcmd").AsEnumerable())
            if (value is not null) yield return (key.Replace(":", "__", StringComparison.Ordinal), value);
    }

    void Log(string line)
    {
        if (line.Contains("\"LogLevel\":\"Error\"", StringComparison.Ordinal) || line.Contains("\"LogLevel\":\"Critical\"", StringComparison.Ordinal)
            || line.StartsWith("Unhandled exception", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _errorCount);
            lock (_errors)
            {
                if (_errors.Count < 5) _errors.Add(Short(line, 600));
                if (_fullErrors.Count < 50) _fullErrors.Add(line);
            }
        }
        else if (line.Contains("\"LogLevel\":\"Warning\"", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _warningCount);
            lock (_warnings) if (_warnings.Count < 5) _warnings.Add(Short(line, 300));
        }
    }

    /// <summary>"Level Category: Message | first line of the exception" of a JSON log line (the line itself if it is not JSON).</summary>
    static string Short(string line, int max)
    {
        var text = line;
        try
        {
            using var doc = JsonDocument.Parse(line);
            var e = doc.RootElement;
            string Get(string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "";
            text = $"{Get("Timestamp").Trim()} {Get("LogLevel")} {Get("Category")}: {Get("Message")}";
            if (Get("Exception") is { Length: > 0 } exception) text += " | " + exception.Split('\n')[0];
        }
        catch (JsonException) { }
        return text.Length > max ? text[..max] + "…" : text;
    }

    /// <summary>The resident set, thread count and open descriptors now (a leak of any shows as growth over the run).</summary>
    public (double RssMb, int Threads, int Fds)? Sample()
    {
        try
        {
            double rss = 0;
            var threads = 0;
            foreach (var line in File.ReadLines($"/proc/{Pid}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                    rss = long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
                else if (line.StartsWith("Threads:", StringComparison.Ordinal))
                    threads = int.Parse(line.Split(['\t', ' '], StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
            }
            return (rss, threads, Directory.GetFileSystemEntries($"/proc/{Pid}/fd").Length);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
    }

    static readonly HttpClient Metrics = new() { Timeout = TimeSpan.FromSeconds(5) };

    /// <summary>The managed heap as the GC left it after its last collection (every generation, large and pinned objects
    /// included) and the memory the GC had committed then, read from the app's own <c>/metrics</c> (served to loopback).
    /// The resident set alone cannot tell a leak from the server collector growing its heaps under load: it swings ±15 %
    /// on two cores; what the app still holds after a collection can. NaN when the build has no <c>/metrics</c>.</summary>
    public async Task<(double HeapMb, double CommittedMb)> HeapSample()
    {
        try
        {
            var text = await Metrics.GetStringAsync(BaseUrl.TrimEnd('/') + "/metrics");
            return (SoakMath.MetricMb(text, "dotnet_gc_last_collection_heap_size_bytes"),
                SoakMath.MetricMb(text, "dotnet_gc_last_collection_memory_committed_size_bytes"));
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { return (double.NaN, double.NaN); }
    }

    public bool HasExited => _app.HasExited;

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }
}
