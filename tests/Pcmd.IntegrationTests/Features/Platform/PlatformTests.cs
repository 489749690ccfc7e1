using System.Net;
using System.Net.Http.Json;
using Pcmd.IntegrationTests.Infrastructure;
using Pcmd.Web.Features.OrgUnits;

namespace Pcmd.IntegrationTests.Features.Platform;

public abstract class PlatformTests(PcmdApp app)
{
    /// <summary>An administrative unit as the org-units list gives it; the level stays the word on the wire.</summary>
    sealed record UnitRow(int Id, string Name, string Level);

    [Fact]
    public async Task Health_checks_the_database()
    {
        var res = await app.CreateClient().GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        Assert.Equal("Healthy", await res.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_OpenAPI_document_and_Swagger_UI_are_served_to_signed_in_users_only()
    {
        var anonymous = app.CreateClient(new() { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync("/openapi/v1.json")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync("/swagger/index.html")).StatusCode);
        var client = await app.SignIn("lanhdao");
        var doc = await client.GetJson("/openapi/v1.json");
        var paths = doc["paths"]!.AsObject().Select(p => p.Key).ToList();
        Assert.Contains("/api/v1/plans/import", paths);
        Assert.Contains("/api/v1/org-units", paths);
        Assert.Contains("/api/v1/agencies", paths);
        Assert.Contains("/api/v1/plans/{id}/export", paths);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/swagger/index.html")).StatusCode);
    }

    [Fact]
    public async Task The_API_without_sign_in_answers_401_with_a_Vietnamese_problem()
    {
        var res = await app.CreateClient(new() { AllowAutoRedirect = false }).GetAsync("/api/v1/plans");
        var problem = await res.Json<Problem>(HttpStatusCode.Unauthorized);
        Assert.Equal("Chưa đăng nhập", problem.Title);
        Assert.Equal("application/problem+json", res.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Pages_without_sign_in_go_to_the_Vietnamese_login_page()
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        var res = await client.GetAsync("/plans");
        Assert.Equal(HttpStatusCode.Redirect, res.StatusCode);
        Assert.StartsWith("/login", res.Headers.Location!.OriginalString.Replace("http://localhost", ""));
        var login = await client.GetStringAsync("/login");
        Assert.Contains("Đăng nhập hệ thống PCMD", login);
        Assert.Contains("__RequestVerificationToken", login);
    }

    [Fact]
    public async Task The_interface_is_Vietnamese_by_default_and_English_from_the_language_switch()
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        Assert.Contains("Đăng nhập hệ thống PCMD", await client.GetStringAsync("/login"));
        var res = await client.GetAsync("/culture/en?returnUrl=/login");
        Assert.Equal(HttpStatusCode.Redirect, res.StatusCode);
        var english = await client.GetStringAsync("/login");
        Assert.Contains("Sign in to PCMD", english);
        Assert.Contains("lang=\"en\"", english);
        await client.GetAsync("/culture/vi?returnUrl=/login");
        Assert.Contains("Đăng nhập hệ thống PCMD", await client.GetStringAsync("/login"));
    }

    [Fact]
    public async Task A_form_post_without_the_antiforgery_token_is_refused()
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });
        var res = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = "admin", ["password"] = PcmdApp.Password,
        }));
        Assert.True(res.StatusCode == HttpStatusCode.Redirect, await res.Content.ReadAsStringAsync());
        Assert.StartsWith("/login?error=", res.Headers.Location!.OriginalString);
        Assert.False(res.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("pcmd.auth=")));
        var me = await client.GetAsync("/api/v1/auth/me");
        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
    }

    [Fact]
    public async Task Responses_carry_security_headers()
    {
        var res = await app.CreateClient().GetAsync("/login");
        Assert.Equal("nosniff", res.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", res.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("frame-ancestors 'none'", res.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task Repeated_wrong_passwords_lock_the_account_without_saying_so()
    {
        var client = app.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            var wrong = await client.PostAsJsonAsync("/api/v1/auth/login", new { userName = "hotro", password = "sai-mat-khau" });
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }
        var right = await client.PostAsJsonAsync("/api/v1/auth/login", new { userName = "hotro", password = PcmdApp.Password });
        var problem = await right.Json<Problem>(HttpStatusCode.Unauthorized);
        // The same answer as a wrong password or an unknown name: a guesser learns nothing from it.
        Assert.Equal(Pcmd.Web.Features.Users.SignIn.SignInFlow.Failed, problem.Detail);
        var admin = await app.SignIn("admin");
        var hotro = (await admin.GetJson<List<Pcmd.Web.Features.Users.UserListItem>>("/api/v1/users?search=hotro")).Single(u => u.UserName == "hotro");
        Assert.NotNull(hotro.LockedOutUntil);
        // Other tests of this shared app sign hotro in.
        Assert.Equal(HttpStatusCode.OK, (await admin.PostRaw($"/api/v1/users/{hotro.Id}/unlock", "{}")).StatusCode);
        (await app.SignIn("hotro")).Dispose();
    }

    [Fact]
    public async Task Changes_are_audited_and_only_administrators_read_the_trail()
    {
        var admin = await app.SignIn("admin");
        var key = $"audited-{app.Provider}".ToLowerInvariant();
        var created = await (await admin.PostRaw("/api/v1/plans/import", SamplePlan.Create(key).ToJsonString())).Json<Versioned>(HttpStatusCode.Created);
        var page = await admin.GetJson<Page<AuditEntryView>>($"/api/v1/audit?entityType=Plan&entityId={created.Id}");
        var entry = page.Items.Single();
        Assert.Equal("admin", entry.UserName);
        Assert.Equal("created", entry.Action);
        Assert.Contains(key, entry.Changes);
        var coordinator = await app.SignIn("dieuphoi");
        Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.GetAsync("/api/v1/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await admin.DeleteAsync("/api/v1/audit")).StatusCode);
    }

    [Theory]
    [InlineData("page=-1", "page")]
    [InlineData("page=0", "page")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=201", "pageSize")]
    public async Task A_page_of_the_trail_out_of_range_is_refused_like_the_other_lists(string query, string field)
    {
        var admin = await app.SignIn("admin");
        var problem = await (await admin.GetAsync($"/api/v1/audit?{query}")).Json<Problem>(HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem.On(field));
    }

    [Theory]
    [InlineData("lanhdao")]
    [InlineData("kiemtra")]
    [InlineData("congan")]
    public async Task A_role_that_may_not_add_agencies_is_refused_an_agency_import_before_its_file_is_read(string user)
    {
        var client = await app.SignIn(user);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostRaw("/api/v1/agencies/import", "[]")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostRaw("/api/v1/agencies/import", "not json")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostRaw("/api/v1/agencies/import", new string(' ', 6 * 1024 * 1024))).StatusCode);
        var admin = await app.SignIn("admin");
        Assert.Equal(HttpStatusCode.OK, (await admin.PostRaw("/api/v1/agencies/import", "[]")).StatusCode);
    }

    [Fact]
    public async Task The_city_has_126_communes_after_the_reform_and_30_districts_before_it()
    {
        var admin = await app.SignIn("admin");
        Task<List<UnitRow>> Units(string query) => admin.GetJson<List<UnitRow>>($"/api/v1/org-units?{query}");
        var city = (await Units("search=Thành phố Hà Nội")).Single().Id;
        var after = await Units($"parentId={city}&on=2025-07-01");
        Assert.Equal(126, after.Count);
        Assert.All(after, u => Assert.Equal("commune", u.Level));
        var before = await Units($"parentId={city}&on=2025-06-30");
        Assert.Equal(30, before.Count);
        var haDong = before.Single(u => u.Name == "Quận Hà Đông");
        var wards = await Units($"parentId={haDong.Id}&on=2024-06-01");
        var phuLam = wards.Single(u => u.Name == "Phường Phú Lãm");
        var successions = await admin.GetJson<List<SuccessionDto>>($"/api/v1/org-units/{phuLam.Id}/successions");
        Assert.Equal("Phường Phú Lương", successions.Single().NewName);
    }

    [Fact]
    public async Task An_administrator_loads_another_province_the_same_way_and_loading_again_adds_nothing()
    {
        var admin = await app.SignIn("admin");
        var provinces = (await admin.GetJson("/api/v1/org-units/provinces")).AsArray();
        Assert.Equal(34, provinces.Count);
        var first = await (await admin.PostRaw("/api/v1/org-units/import-province", "{\"provinceCode\":\"04\"}")).Json<AddressPackageImporter.Result>(HttpStatusCode.OK);
        Assert.True(first.Communes > 50);
        Assert.Equal(first.Communes + first.OldDistricts + first.OldCommunes + 1, first.UnitsAdded);
        var again = await (await admin.PostRaw("/api/v1/org-units/import-province", "{\"provinceCode\":\"04\"}")).Json<AddressPackageImporter.Result>(HttpStatusCode.OK);
        Assert.Equal(0, again.UnitsAdded);
        Assert.Equal(0, again.MappingsAdded);
        var unknown = await (await admin.PostRaw("/api/v1/org-units/import-province", "{\"provinceCode\":\"00\"}")).Json(HttpStatusCode.BadRequest);
        Assert.Contains(unknown.Errors(), e => e.StartsWith("provinceCode: "));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class PlatformTestsOnSqlite(SqliteApp app) : PlatformTests(app);

[Collection(PostgresCollection.Name)]
public sealed class PlatformTestsOnPostgres(PostgresApp app) : PlatformTests(app);
