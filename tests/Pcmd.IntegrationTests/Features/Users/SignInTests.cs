using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Pcmd.IntegrationTests.Infrastructure;
using Pcmd.Web.Features.Users;
using Pcmd.Web.Features.Users.SignIn;

namespace Pcmd.IntegrationTests.Features.Users;

/// <summary>Sign-in abuse: one answer for unknown, wrong and locked; limits per client and overall (429 in Vietnamese);
/// two-factor sign-in with an authenticator app and recovery codes, required for some roles by a setting.</summary>
public abstract class SignInTests(PcmdApp app)
{
    readonly UserTestData data = new(app);

    /// <summary>Lets a test speak from several client addresses (the test server has none).</summary>
    sealed class ClientAddress : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => a =>
        {
            a.Use((ctx, n) =>
            {
                if (ctx.Request.Headers.TryGetValue("X-Test-Client", out var v)) ctx.Connection.RemoteIpAddress = IPAddress.Parse(v.ToString());
                return n(ctx);
            });
            next(a);
        };
    }

    /// <summary>The limits are counted in the database for every node of it, per minute of the clock: each test runs in a
    /// minute of its own (a still clock), so that neither the other tests' sign-ins nor a minute's turn change its counts.</summary>
    WebApplicationFactory<Program> Limited(int perClient, int all, DateTimeOffset minute) => app.WithWebHostBuilder(b =>
    {
        b.UseSetting("Pcmd:SignIn:PerClientPerMinute", perClient.ToString());
        b.UseSetting("Pcmd:SignIn:AllClientsPerMinute", all.ToString());
        b.ConfigureTestServices(s => s.AddTransient<IStartupFilter, ClientAddress>().AddSingleton<TimeProvider>(new Notifications.TestClock(minute.AddSeconds(5))));
    });

    static HttpClient From(WebApplicationFactory<Program> host, string address)
    {
        var c = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        c.DefaultRequestHeaders.Add("X-Test-Client", address);
        return c;
    }

    static Task<HttpResponseMessage> Login(HttpClient c, string userName, string password) =>
        c.PostAsJsonAsync("/api/v1/auth/login", new { userName, password });

    [Fact]
    public async Task An_unknown_name_a_wrong_password_and_a_locked_account_get_the_same_answer()
    {
        var admin = await app.SignIn("admin");
        var known = await data.Create(admin, data.Name("same-" + Guid.NewGuid().ToString("N")[..6]));
        var locked = await data.Create(admin, data.Name("same-locked-" + Guid.NewGuid().ToString("N")[..6]));
        await (await admin.PostRaw($"/api/v1/users/{locked.Id}/lock", "{}")).Json(HttpStatusCode.OK);

        async Task<string> Answer(string userName, string password)
        {
            var body = await (await Login(data.Anonymous(), userName, password)).Json(HttpStatusCode.Unauthorized);
            body.AsObject().Remove("traceId");
            return body.ToJsonString();
        }
        var unknown = await Answer("khong-co-ai-" + Guid.NewGuid().ToString("N")[..6], "Sai@matkhau2026");
        Assert.Equal(unknown, await Answer(known.UserName, "Sai@matkhau2026"));
        Assert.Equal(unknown, await Answer(locked.UserName, UserTestData.StrongPassword));
        Assert.Equal(SignInFlow.Failed, JsonNode.Parse(unknown)!["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task Sign_in_attempts_are_limited_per_client_with_a_Vietnamese_429()
    {
        await using var host = Limited(perClient: 3, all: 1000, new DateTimeOffset(2031, 1, 6, 8, 0, 0, TimeSpan.Zero));
        var a = From(host, "10.1.0.1");
        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.Unauthorized, (await Login(a, "khongco" + i, "Sai@matkhau2026")).StatusCode);

        var limited = await Login(a, "admin", PcmdApp.Password);
        var problem = await limited.Json<Problem>(HttpStatusCode.TooManyRequests);
        Assert.Equal(SignInRateLimit.Title, problem.Title);
        Assert.Equal(SignInRateLimit.Message, problem.Detail);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType!.MediaType);
        Assert.True(limited.Headers.RetryAfter is not null);
        // The sign-in form of that client is sent back to the page, which says it in Vietnamese.
        var form = await a.PostAsync("/account/login", new FormUrlEncodedContent([new("userName", "admin"), new("password", PcmdApp.Password)]));
        Assert.Equal(HttpStatusCode.Redirect, form.StatusCode);
        var page = await a.GetStringAsync(form.Headers.Location!.OriginalString);
        Assert.Contains("Có quá nhiều lần đăng nhập trong thời gian ngắn", page);

        // Another client is not held back, and the rest of the API is not limited.
        Assert.Equal(HttpStatusCode.OK, (await Login(From(host, "10.1.0.2"), "admin", PcmdApp.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await a.GetAsync("/api/v1/plans")).StatusCode);
    }

    [Fact]
    public async Task Sign_in_attempts_are_limited_for_all_clients_together()
    {
        await using var host = Limited(perClient: 1000, all: 4, new DateTimeOffset(2031, 2, 3, 8, 0, 0, TimeSpan.Zero));
        await using var nodeB = host.WithWebHostBuilder(_ => { }); // the limit holds over the nodes of one database (issue 17)
        for (var i = 0; i < 4; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await Login(From(i % 2 == 0 ? host : nodeB, $"10.2.0.{i + 1}"), "khongco", "Sai@matkhau2026")).StatusCode);
        var problem = await (await Login(From(nodeB, "10.2.0.9"), "admin", PcmdApp.Password)).Json<Problem>(HttpStatusCode.TooManyRequests);
        Assert.Equal(SignInRateLimit.Message, problem.Detail);
    }

    [Fact]
    public async Task The_sign_in_form_signs_in_and_the_logout_form_ends_the_session()
    {
        var browser = data.Anonymous();
        var token = Token(await browser.GetStringAsync("/login"));
        var wrong = await browser.PostAsync("/account/login", new FormUrlEncodedContent(
            [new("__RequestVerificationToken", token), new("userName", "khongco"), new("password", "Sai@matkhau2026"), new("returnUrl", "/plans")]));
        Assert.Contains("/login?error=", wrong.Headers.Location!.OriginalString);
        Assert.Contains("Tên đăng nhập hoặc mật khẩu không đúng", await browser.GetStringAsync(wrong.Headers.Location!.OriginalString));
        var signedIn = await browser.PostAsync("/account/login", new FormUrlEncodedContent(
            [new("__RequestVerificationToken", token), new("userName", "lanhdao"), new("password", PcmdApp.Password), new("returnUrl", "/plans")]));
        Assert.Equal("/plans", signedIn.Headers.Location!.OriginalString);
        var cookie = SessionTests.CookieOf(signedIn);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/plans")).StatusCode);

        var logout = await browser.PostAsync("/account/logout", new FormUrlEncodedContent([new("__RequestVerificationToken", Token(await browser.GetStringAsync("/plans")))]));
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SessionTests.WithCookie(app, cookie).GetAsync("/api/v1/auth/me")).StatusCode);
    }

    static string Token(string html) =>
        System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"").Groups[1].Value is { Length: > 0 } t
            ? t : throw new InvalidOperationException("No antiforgery token on the page");

    sealed record TwoFactorSetupView(string SharedKey, string AuthenticatorUri);
    sealed record CodesView(List<string> Codes);

    [Fact]
    public async Task A_coordinator_must_enrol_then_signs_in_with_a_code_or_a_recovery_code_once()
    {
        var admin = await app.SignIn("admin");
        var userName = data.Name("totp-" + Guid.NewGuid().ToString("N")[..6]);
        await data.Create(admin, userName, role: "Coordinator");
        await using var host = app.WithWebHostBuilder(b => b.UseSetting("Pcmd:TwoFactor:RequiredFor", "Admin,Coordinator"));
        HttpClient Client() => host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

        // Password accepted: enrolment before anything else.
        var first = Client();
        var answer = await (await Login(first, userName, UserTestData.StrongPassword)).Json<LoginResponse>(HttpStatusCode.OK);
        Assert.Equal("enrol", answer.Next);
        Assert.Equal("Cần bật xác thực hai bước", (await (await first.GetAsync("/api/v1/plans")).Json<Problem>(HttpStatusCode.Forbidden)).Title);
        var page = await first.GetAsync("/plans");
        Assert.Equal("/account/two-factor", page.Headers.Location!.OriginalString);
        var enrolPage = await first.GetStringAsync("/account/two-factor");
        Assert.Contains("data:image/png;base64,", enrolPage);

        var setup = await (await first.PostAsync("/api/v1/auth/2fa/enrol", null)).Json<TwoFactorSetupView>(HttpStatusCode.OK);
        Assert.Contains(setup.SharedKey, enrolPage); // the page and the API show the same key until it is confirmed
        Assert.StartsWith($"otpauth://totp/PCMD:{userName}?secret=", setup.AuthenticatorUri);
        var wrong = await first.PostAsJsonAsync("/api/v1/auth/2fa/confirm", new { code = "000000" == Totp.Code(setup.SharedKey, DateTimeOffset.UtcNow) ? "111111" : "000000" });
        Assert.Contains(SignInFlow.WrongCode, (await wrong.Json<Problem>(HttpStatusCode.BadRequest)).On("code"));
        var codes = await (await first.PostAsJsonAsync("/api/v1/auth/2fa/confirm", new { code = Totp.Code(setup.SharedKey, DateTimeOffset.UtcNow) }))
            .Json<CodesView>(HttpStatusCode.OK);
        Assert.Equal(10, codes.Codes.Distinct().Count());
        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/api/v1/plans")).StatusCode); // the same session, now enrolled

        // Next sign-in: password, then the code.
        var second = Client();
        Assert.Equal("two-factor", (await (await Login(second, userName, UserTestData.StrongPassword)).Json<LoginResponse>(HttpStatusCode.OK)).Next);
        Assert.Equal(HttpStatusCode.Unauthorized, (await second.GetAsync("/api/v1/plans")).StatusCode);
        var bad = await second.PostAsJsonAsync("/api/v1/auth/login/2fa", new { code = "12345" });
        Assert.Equal(SignInFlow.WrongCode, (await bad.Json<Problem>(HttpStatusCode.Unauthorized)).Detail);
        var ok = await second.PostAsJsonAsync("/api/v1/auth/login/2fa", new { code = Totp.Code(setup.SharedKey, DateTimeOffset.UtcNow, stepOffset: 1) });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("/api/v1/plans")).StatusCode);
        Assert.Contains("Xác thực hai bước", await Client().GetStringAsync("/login/2fa"));

        // A recovery code works once.
        var third = Client();
        await Login(third, userName, UserTestData.StrongPassword);
        Assert.Equal(HttpStatusCode.OK, (await third.PostAsJsonAsync("/api/v1/auth/login/2fa", new { recoveryCode = codes.Codes[0] })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await third.GetAsync("/api/v1/auth/me")).StatusCode);
        var fourth = Client();
        await Login(fourth, userName, UserTestData.StrongPassword);
        Assert.Equal(HttpStatusCode.Unauthorized, (await fourth.PostAsJsonAsync("/api/v1/auth/login/2fa", new { recoveryCode = codes.Codes[0] })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fourth.PostAsJsonAsync("/api/v1/auth/login/2fa", new { recoveryCode = codes.Codes[1] })).StatusCode);
        var status = await fourth.GetJson("/api/v1/auth/2fa");
        Assert.Equal(8, status["recoveryCodesLeft"]!.GetValue<int>());
    }

    static string SharedKeyOn(string html) =>
        System.Text.RegularExpressions.Regex.Match(html, "data-testid=\"shared-key\">([^<]+)<").Groups[1].Value is { Length: > 0 } k
            ? System.Net.WebUtility.HtmlDecode(k) : throw new InvalidOperationException("No shared key on the page");

    static List<string> RecoveryCodesOn(string html) =>
        System.Text.RegularExpressions.Regex.Match(html, "data-testid=\"recovery-codes\">(.*?)</ul>", System.Text.RegularExpressions.RegexOptions.Singleline)
            .Groups[1].Value.Split("<li>").Skip(1).Select(li => li[..li.IndexOf("</li>", StringComparison.Ordinal)].Trim()).ToList();

    static Task<HttpResponseMessage> PostForm(HttpClient c, string path, string form, string html, params KeyValuePair<string, string>[] fields) =>
        c.PostAsync(path, new FormUrlEncodedContent([new("_handler", form), new("__RequestVerificationToken", Token(html)), .. fields]));

    [Fact]
    public async Task A_coordinator_enrols_through_the_page_forms_and_gets_new_recovery_codes_there()
    {
        var admin = await app.SignIn("admin");
        var userName = data.Name("totp-page-" + Guid.NewGuid().ToString("N")[..6]);
        await data.Create(admin, userName, role: "Coordinator");
        await using var host = app.WithWebHostBuilder(b => b.UseSetting("Pcmd:TwoFactor:RequiredFor", "Admin,Coordinator"));
        var browser = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        Assert.Equal("enrol", (await (await Login(browser, userName, UserTestData.StrongPassword)).Json<LoginResponse>(HttpStatusCode.OK)).Next);

        var page = await browser.GetStringAsync("/account/two-factor");
        var key = SharedKeyOn(page);
        var code = Totp.Code(key, DateTimeOffset.UtcNow);
        var wrong = await PostForm(browser, "/account/two-factor", "confirm-2fa", page, KeyValuePair.Create("code", code == "000000" ? "111111" : "000000"));
        var wrongPage = await wrong.Content.ReadAsStringAsync();
        Assert.True(wrong.StatusCode == HttpStatusCode.OK, $"{(int)wrong.StatusCode} [{wrongPage}]");
        Assert.Contains(SignInFlow.WrongCode, wrongPage);
        Assert.Equal(key, SharedKeyOn(wrongPage)); // the same key, still to be confirmed
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.GetAsync("/api/v1/plans")).StatusCode);

        var confirmed = await PostForm(browser, "/account/two-factor", "confirm-2fa", wrongPage, KeyValuePair.Create("code", Totp.Code(key, DateTimeOffset.UtcNow)));
        var codes = RecoveryCodesOn(await confirmed.Content.ReadAsStringAsync());
        Assert.Equal(10, codes.Distinct().Count());
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/v1/plans")).StatusCode); // the same session, now enrolled

        var on = await browser.GetStringAsync("/account/two-factor");
        Assert.Contains("data-testid=\"two-factor-on\"", on);
        var renewed = RecoveryCodesOn(await (await PostForm(browser, "/account/two-factor", "new-codes", on)).Content.ReadAsStringAsync());
        Assert.Equal(10, renewed.Count);
        Assert.Empty(renewed.Intersect(codes));
        // The old codes are gone, a new one works.
        var other = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        await Login(other, userName, UserTestData.StrongPassword);
        Assert.Equal(HttpStatusCode.Unauthorized, (await other.PostAsJsonAsync("/api/v1/auth/login/2fa", new { recoveryCode = codes[0] })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await other.PostAsJsonAsync("/api/v1/auth/login/2fa", new { recoveryCode = renewed[0] })).StatusCode);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SignInTestsOnSqlite(SqliteApp app) : SignInTests(app);

[Collection(PostgresCollection.Name)]
public sealed class SignInTestsOnPostgres(PostgresApp app) : SignInTests(app);
