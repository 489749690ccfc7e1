using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pcmd.IntegrationTests.Features.Notifications;
using Pcmd.IntegrationTests.Infrastructure;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Users;

namespace Pcmd.IntegrationTests.Features.Users;

/// <summary>A sign-in is a server-side session: a cookie copied before logout, a lock, a new password or a move to another
/// unit is refused on its very next request; a session left unused past the idle timeout ends.</summary>
public abstract class SessionTests(PcmdApp app)
{
    readonly UserTestData data = new(app);

    /// <summary>A fresh commune officer signed in; the cookie as an attacker would have copied it.</summary>
    async Task<(UserDto User, string Cookie, HttpClient Client)> SignedInOfficer(string stem)
    {
        var admin = await app.SignIn("admin");
        var user = await data.Create(admin, data.Name(stem + "-" + Guid.NewGuid().ToString("N")[..6]));
        var client = data.Anonymous();
        var login = await data.Login(client, user.UserName);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        return (user, CookieOf(login), client);
    }

    internal static string CookieOf(HttpResponseMessage login) =>
        string.Join("; ", login.Headers.GetValues("Set-Cookie").Where(c => c.StartsWith("pcmd.auth")).Select(c => c.Split(';')[0]));

    internal static HttpClient WithCookie(WebApplicationFactory<Program> host, string cookie)
    {
        var client = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }

    [Fact]
    public async Task A_cookie_saved_before_logout_is_refused_after_it()
    {
        var (_, cookie, client) = await SignedInOfficer("logout");
        var copy = WithCookie(app, cookie);
        Assert.Equal(HttpStatusCode.OK, (await copy.GetAsync("/api/v1/plans")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync("/api/v1/auth/logout", null)).StatusCode);

        var refused = await copy.GetAsync("/api/v1/plans");
        Assert.Equal("Chưa đăng nhập", (await refused.Json<Problem>(HttpStatusCode.Unauthorized)).Title);
        var page = await copy.GetAsync("/plans");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/login", page.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_lock_ends_every_session_of_the_user_at_once()
    {
        var (user, cookie, client) = await SignedInOfficer("lock");
        var second = data.Anonymous();
        Assert.Equal(HttpStatusCode.OK, (await data.Login(second, user.UserName)).StatusCode);
        var admin = await app.SignIn("admin");
        await (await admin.PostRaw($"/api/v1/users/{user.Id}/lock", "{}")).Json(HttpStatusCode.OK);

        Assert.Equal(HttpStatusCode.Unauthorized, (await WithCookie(app, cookie).GetAsync("/api/v1/auth/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/auth/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await second.GetAsync("/api/v1/auth/me")).StatusCode);
        var reasons = await data.Db(db => db.UserSessions.Where(s => s.UserId == user.Id).Select(s => s.EndReason).ToListAsync());
        Assert.Equal(["locked", "locked"], reasons);
    }

    [Fact]
    public async Task A_new_password_set_by_the_administrator_ends_the_old_sessions_at_once()
    {
        var (user, cookie, _) = await SignedInOfficer("password");
        var admin = await app.SignIn("admin");
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostRaw($"/api/v1/users/{user.Id}/password", "{\"password\":\"Moi@matkhau2026\"}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await WithCookie(app, cookie).GetAsync("/api/v1/plans")).StatusCode);
        // The administrator's own session is not touched.
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/v1/users")).StatusCode);
    }

    [Fact]
    public async Task A_move_to_another_unit_ends_the_session_and_the_next_sign_in_carries_the_new_unit()
    {
        var (user, cookie, client) = await SignedInOfficer("moved");
        var copy = WithCookie(app, cookie);
        Assert.Contains("phu-lam-2024", (await copy.GetJson<List<Keyed>>("/api/v1/plans")).Select(p => p.Key));
        var admin = await app.SignIn("admin");
        var haDong = await data.UnitId(admin, "09556");
        var move = new JsonObject
        {
            ["fullName"] = user.FullName, ["role"] = "CommuneOfficer", ["orgUnitId"] = haDong, ["agencyId"] = null,
            ["concurrencyStamp"] = user.ConcurrencyStamp,
        };
        await (await admin.PutRaw($"/api/v1/users/{user.Id}", move.ToJsonString())).Json(HttpStatusCode.OK);

        Assert.Equal(HttpStatusCode.Unauthorized, (await copy.GetAsync("/api/v1/plans")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/plans")).StatusCode);
        var again = data.Anonymous();
        Assert.Equal(HttpStatusCode.OK, (await data.Login(again, user.UserName)).StatusCode);
        Assert.Equal(haDong, (await again.GetJson<MeResponse>("/api/v1/auth/me")).OrgUnitId);
        Assert.DoesNotContain("phu-lam-2024", (await again.GetJson<List<Keyed>>("/api/v1/plans")).Select(p => p.Key));
    }

    [Fact]
    public async Task A_change_of_name_only_keeps_the_session()
    {
        var (user, cookie, _) = await SignedInOfficer("renamed");
        var admin = await app.SignIn("admin");
        var rename = new JsonObject
        {
            ["fullName"] = "Tên Mới", ["role"] = "CommuneOfficer", ["orgUnitId"] = user.OrgUnitId, ["agencyId"] = user.AgencyId,
            ["concurrencyStamp"] = user.ConcurrencyStamp,
        };
        await (await admin.PutRaw($"/api/v1/users/{user.Id}", rename.ToJsonString())).Json(HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.OK, (await WithCookie(app, cookie).GetAsync("/api/v1/plans")).StatusCode);
    }

    [Fact]
    public async Task A_session_unused_past_the_idle_timeout_ends()
    {
        var clock = new TestClock(DateTimeOffset.UtcNow);
        await using var host = app.WithWebHostBuilder(b =>
        {
            b.UseSetting("Pcmd:Sessions:IdleMinutes", "30");
            b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock));
        });
        var client = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/v1/auth/login", new { userName = "lanhdao", password = PcmdApp.Password })).StatusCode);
        clock.Now += TimeSpan.FromMinutes(29);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/auth/me")).StatusCode);
        // Used 29 minutes in: the idle time counts from then.
        clock.Now += TimeSpan.FromMinutes(29);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/auth/me")).StatusCode);
        clock.Now += TimeSpan.FromMinutes(31);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/auth/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/auth/me")).StatusCode);
    }

    /// <summary>A host on a test clock.</summary>
    (WebApplicationFactory<Program> Host, TestClock Clock) ClockedHost()
    {
        var clock = new TestClock(DateTimeOffset.UtcNow);
        return (app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock))), clock);
    }

    [Fact]
    public async Task A_client_that_replays_its_first_cookie_costs_no_query_and_no_new_cookie_once_the_cookie_is_old()
    {
        var (host, clock) = ClockedHost();
        await using var _ = host;
        var admin = await app.SignIn("admin");
        var user = await data.Create(admin, data.Name("replay-" + Guid.NewGuid().ToString("N")[..6]));
        var login = await data.Login(host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }), user.UserName);
        var replay = WithCookie(host, CookieOf(login));
        // Past Identity's 10-minute stamp interval, after which its validator re-read the user and re-issued the cookie on
        // every request of a client that keeps sending its first one.
        clock.Now += TimeSpan.FromMinutes(11);
        Assert.Equal(HttpStatusCode.OK, (await replay.GetAsync("/api/v1/auth/me")).StatusCode); // the once-a-minute touch
        var key = Guid.NewGuid().ToString("N");
        for (var i = 0; i < 5; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/auth/me");
            request.Headers.Add(CommandCounter.Header, key);
            var me = await replay.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, me.StatusCode);
            Assert.False(me.Headers.Contains("Set-Cookie"), "the cookie was re-issued");
        }
        Assert.Equal(0, host.Services.GetRequiredService<CommandCounter>().Of(key));
    }

    [Fact]
    public async Task A_security_stamp_changed_outside_the_app_refuses_the_cookie_at_the_next_touch()
    {
        var (host, clock) = ClockedHost();
        await using var __ = host;
        var admin = await app.SignIn("admin");
        var user = await data.Create(admin, data.Name("stamp-" + Guid.NewGuid().ToString("N")[..6]));
        var login = await data.Login(host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }), user.UserName);
        var client = WithCookie(host, CookieOf(login));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/auth/me")).StatusCode);
        using (var scope = host.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PcmdDbContext>();
            Assert.Equal(1, await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.SecurityStamp, "changed-by-hand")));
        }
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/auth/me")).StatusCode); // memory still holds the old stamp
        clock.Now += TimeSpan.FromSeconds(61);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/auth/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/auth/me")).StatusCode);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SessionTestsOnSqlite(SqliteApp app) : SessionTests(app);

[Collection(PostgresCollection.Name)]
public sealed class SessionTestsOnPostgres(PostgresApp app) : SessionTests(app);
