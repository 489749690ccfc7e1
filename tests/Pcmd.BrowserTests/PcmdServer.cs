using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Playwright;

namespace Pcmd.BrowserTests;

/// <summary>The built PCMD started as a real Kestrel process on a free loopback port with a fresh SQLite
/// database and the demo data, and Debian's Chromium driven by Playwright (no browser download).</summary>
public sealed class PcmdServer : IAsyncLifetime
{
    public const string Password = "Pcmd@2026demo";
    Process? _process;
    IPlaywright? _playwright;
    public IBrowser Browser { get; private set; } = default!;
    public string BaseUrl { get; private set; } = "";
    readonly string _dataDir = Path.Combine(Path.GetTempPath(), $"pcmd-browser-{Guid.NewGuid():N}");
    readonly List<string> _log = [];

    public static string RepoRoot
    {
        get
        {
            for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
                if (File.Exists(Path.Combine(d.FullName, "package.json")) && Directory.Exists(Path.Combine(d.FullName, "src"))) return d.FullName;
            throw new InvalidOperationException("Repository root not found");
        }
    }

    public async Task InitializeAsync()
    {
        var port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}";
        var web = Path.Combine(RepoRoot, "src", "Pcmd.Web");
        var dll = new[] { "Debug", "Release" }.Select(c => Path.Combine(web, "bin", c, "net10.0", "Pcmd.Web.dll"))
            .Where(File.Exists).OrderByDescending(File.GetLastWriteTimeUtc).FirstOrDefault()
            ?? throw new InvalidOperationException("Build src/Pcmd.Web first (the test command does).");
        var psi = new ProcessStartInfo("dotnet", [dll, "--urls", BaseUrl, "--contentRoot", web])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = web,
        };
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        psi.Environment["Pcmd__DataDirectory"] = _dataDir;
        psi.Environment["ConnectionStrings__Postgres"] = "";
        _process = Process.Start(psi)!;
        _process.OutputDataReceived += (_, e) => { lock (_log) _log.Add(e.Data ?? ""); };
        _process.ErrorDataReceived += (_, e) => { lock (_log) _log.Add(e.Data ?? ""); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitUntilHealthy();

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    async Task WaitUntilHealthy()
    {
        using var http = new HttpClient();
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (DateTime.UtcNow < deadline)
        {
            if (_process!.HasExited) break;
            try { if ((await http.GetAsync(BaseUrl + "/health")).IsSuccessStatusCode) return; } catch (HttpRequestException) { }
            await Task.Delay(500);
        }
        string log;
        lock (_log) log = string.Join('\n', _log.TakeLast(40));
        throw new InvalidOperationException("PCMD did not start:\n" + log);
    }

    static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        var port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }

    /// <summary>A new browser context (own cookies) signed in as a demo account, at the given viewport width.</summary>
    public async Task<IPage> SignIn(string userName, int width = 1280)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl, Locale = "vi-VN", ViewportSize = new ViewportSize { Width = width, Height = 900 },
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/login");
        await page.GetByLabel("Tên đăng nhập").FillAsync(userName);
        await page.GetByLabel("Mật khẩu").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await page.WaitForURLAsync(u => !u.Contains("/login"));
        return page;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        if (_process is { HasExited: false }) { _process.Kill(entireProcessTree: true); await _process.WaitForExitAsync(); }
        try { Directory.Delete(_dataDir, recursive: true); } catch (IOException) { }
    }
}

[CollectionDefinition(Name)]
public sealed class ServerCollection : ICollectionFixture<PcmdServer> { public const string Name = "server"; }
