using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Pcmd.Testing;

/// <summary>The built PCMD (<c>Pcmd.Web.dll</c>) as a real Kestrel process on a free loopback port: the browser tests, the
/// kill test and the benchmarks need it as its own process (killed with SIGKILL, its memory its own, as in production).
/// Shared as a linked source file by the test projects and bench/, so that all start it the same way.</summary>
public sealed class WebAppProcess : IAsyncDisposable
{
    readonly Process _process;
    readonly List<string> _log = [];
    readonly Action<string>? _onLine;

    public string BaseUrl { get; }
    public int Pid => _process.Id;
    public bool HasExited => _process.HasExited;

    WebAppProcess(Process process, string baseUrl, Action<string>? onLine) => (_process, BaseUrl, _onLine) = (process, baseUrl, onLine);

    /// <summary>The repository's root (the folder with package.json and src/), found upwards from the running assembly.</summary>
    public static string RepoRoot
    {
        get
        {
            for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
                if (File.Exists(Path.Combine(d.FullName, "package.json")) && Directory.Exists(Path.Combine(d.FullName, "src"))) return d.FullName;
            throw new InvalidOperationException("Repository root not found");
        }
    }

    public static string WebFolder => Path.Combine(RepoRoot, "src", "Pcmd.Web");

    /// <summary>src/Pcmd.Web/bin/<paramref name="configuration"/>/net10.0/Pcmd.Web.dll; null: the newer of the Debug and Release builds.</summary>
    public static string Dll(string? configuration = null)
    {
        var candidates = (configuration is null ? ["Debug", "Release"] : new[] { configuration })
            .Select(c => Path.Combine(WebFolder, "bin", c, "net10.0", "Pcmd.Web.dll")).Where(File.Exists);
        return candidates.OrderByDescending(File.GetLastWriteTimeUtc).FirstOrDefault()
            ?? throw new InvalidOperationException($"Pcmd.Web.dll ({configuration ?? "Debug or Release"}) not found: build src/Pcmd.Web first.");
    }

    /// <summary>Starts the app with <paramref name="environment"/> (ASPNETCORE_ENVIRONMENT and settings as variables) and
    /// waits until <c>/health</c> answers; every output line is kept (the last 200) and passed to <paramref name="onLine"/>.</summary>
    /// <param name="contentRoot">The app's folder (another build's src/Pcmd.Web, to compare); this repository's by default.</param>
    public static async Task<WebAppProcess> Start(string dll, IReadOnlyDictionary<string, string> environment, TimeSpan timeout,
        Action<string>? onLine = null, string? contentRoot = null)
    {
        var url = $"http://127.0.0.1:{FreePort()}";
        var root = contentRoot ?? WebFolder;
        var psi = new ProcessStartInfo("dotnet", [dll, "--urls", url, "--contentRoot", root])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = root, UseShellExecute = false,
        };
        foreach (var (key, value) in environment) psi.Environment[key] = value;
        var app = new WebAppProcess(Process.Start(psi)!, url, onLine);
        app.Add($"--- start {DateTime.UtcNow:HH:mm:ss.fff} {url}");
        app._process.OutputDataReceived += (_, e) => app.Add(e.Data);
        app._process.ErrorDataReceived += (_, e) => app.Add(e.Data);
        app._process.BeginOutputReadLine();
        app._process.BeginErrorReadLine();
        try { await app.WaitUntilHealthy(timeout); }
        catch { await app.DisposeAsync(); throw; }
        return app;
    }

    void Add(string? line)
    {
        if (line is null) return;
        lock (_log)
        {
            _log.Add(line);
            if (_log.Count > 200) _log.RemoveAt(0);
        }
        _onLine?.Invoke(line);
    }

    async Task WaitUntilHealthy(TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline && !_process.HasExited)
        {
            try { if ((await http.GetAsync(BaseUrl + "/health")).IsSuccessStatusCode) return; }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { }
            await Task.Delay(250);
        }
        var exit = _process.HasExited ? $"exited with {_process.ExitCode}" : $"did not start within {timeout.TotalSeconds:0} s";
        throw new InvalidOperationException($"PCMD {exit}:\n{Log(40)}");
    }

    /// <summary>The last <paramref name="lines"/> lines the process wrote.</summary>
    public string Log(int lines)
    {
        lock (_log) return string.Join('\n', _log.TakeLast(lines));
    }

    /// <summary>SIGKILL at once (Process.Kill sends it on Linux): no shutdown hook, no flush. Not the process tree: walking
    /// /proc for children would delay the signal by milliseconds that a kill test cares about.</summary>
    public void KillNow()
    {
        if (!_process.HasExited) _process.Kill();
    }

    /// <summary>Kills (if still running) and waits until the process is gone; returns its exit code.</summary>
    public async Task<int> Kill()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        Add($"--- killed {DateTime.UtcNow:HH:mm:ss.fff} (exit {_process.ExitCode})");
        return _process.ExitCode;
    }

    public static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        var port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }

    public async ValueTask DisposeAsync()
    {
        await Kill();
        _process.Dispose();
    }
}
