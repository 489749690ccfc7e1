using Microsoft.Playwright;
using Pcmd.Testing;

namespace Pcmd.BrowserTests;

/// <summary>The built PCMD started as a real Kestrel process (<see cref="WebAppProcess"/>) on a free loopback port with a fresh SQLite
/// database and the demo data, and Debian's Chromium driven by Playwright (no browser download).</summary>
public sealed class PcmdServer : IAsyncLifetime
{
    public const string Password = "Pcmd@2026demo";
    WebAppProcess? _app;
    IPlaywright? _playwright;
    public IBrowser Browser { get; private set; } = default!;
    public string BaseUrl => _app?.BaseUrl ?? "";
    /// <summary>The app's last log lines, for a failing test's message.</summary>
    public string Log(int lines = 60) => _app?.Log(lines) ?? "";
    readonly string _dataDir = Path.Combine(Path.GetTempPath(), $"pcmd-browser-{Guid.NewGuid():N}");

    public static string RepoRoot => WebAppProcess.RepoRoot;

    /// <summary>How long the first start (demo data) may take: 120 s, or PCMD_START_SECONDS on a machine loaded by others.</summary>
    static int StartSeconds => int.TryParse(Environment.GetEnvironmentVariable("PCMD_START_SECONDS"), out var s) && s > 0 ? s : 120;

    public async Task InitializeAsync()
    {
        _app = await WebAppProcess.Start(WebAppProcess.Dll(), new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development", ["Pcmd__DataDirectory"] = _dataDir, ["ConnectionStrings__Postgres"] = "",
        }, TimeSpan.FromSeconds(StartSeconds));

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>A new browser context (own cookies) signed in as a demo account, at the given viewport width.</summary>
    public async Task<IPage> SignIn(string userName, int width = 1280, bool javaScript = true)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl, Locale = "vi-VN", ViewportSize = new ViewportSize { Width = width, Height = 900 }, JavaScriptEnabled = javaScript,
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/login");
        await page.GetByLabel("Tên đăng nhập").FillAsync(userName);
        await page.GetByLabel("Mật khẩu").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập" }).ClickAsync();
        await page.WaitForURLAsync(u => !u.Contains("/login"));
        return page;
    }

    /// <summary>Follows a link of the menu as a user would: the menu button first on a phone, then the section's drop-down
    /// when the link is in one.</summary>
    public static async Task Menu(IPage page, string link, string? group = null)
    {
        var menu = page.GetByTestId("menu");
        var button = page.GetByTestId("menu-button");
        if (await button.IsVisibleAsync() && await button.GetAttributeAsync("aria-expanded") != "true") await button.ClickAsync();
        if (group is not null) await menu.Locator("summary", new() { HasText = group }).ClickAsync();
        await menu.GetByRole(AriaRole.Link, new() { Name = link, Exact = true }).ClickAsync();
    }

    /// <summary>Answers yes in the confirmation dialog of an irreversible step (js/confirm.js).</summary>
    public static async Task Confirm(IPage page, string yes)
    {
        var dialog = page.GetByTestId("confirm-dialog");
        await Assertions.Expect(dialog).ToBeVisibleAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = yes, Exact = true }).ClickAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        if (_app is not null) await _app.DisposeAsync();
        try { Directory.Delete(_dataDir, recursive: true); } catch (IOException) { }
    }
}

[CollectionDefinition(Name)]
public sealed class ServerCollection : ICollectionFixture<PcmdServer> { public const string Name = "server"; }
