using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pcmd.IntegrationTests.Infrastructure;
using Pcmd.Web.Data;
using static Pcmd.IntegrationTests.Features.Tips.TipTestData;

namespace Pcmd.IntegrationTests.Features.Tips;

/// <summary>The public side through HTTP without an account: a report gives a code and a secret, the status answers only to
/// both (a wrong secret reads as an unknown code), nothing finer than the hour is stored, no cookie is set, staff's question
/// and the reporter's answer, and the guidance an administrator edits.</summary>
public abstract class PortalTests(PcmdApp app)
{
    readonly TipTestData data = new(app);

    HttpClient Anonymous() => app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });

    public static JsonObject Report(string description, int unit, string? contact = null) => new()
    {
        ["category"] = "brokering", ["orgUnitId"] = unit, ["place"] = "Đầu ngõ 7", ["occurredOn"] = "2026-01-05", ["description"] = description,
        ["reporterContact"] = contact,
    };

    [Fact]
    public async Task A_citizen_reports_without_an_account_and_follows_the_tip_with_code_and_secret_only()
    {
        var citizen = Anonymous();
        var phuLuong = await data.UnitId(PhuLuong);
        var description = data.Unique("Có người môi giới ở đầu ngõ");
        var res = await citizen.PostRaw("/api/v1/public/tips", Report(description, phuLuong, "zalo 0901 222 333").ToJsonString());
        Assert.False(res.Headers.Contains("Set-Cookie"));
        var receipt = await res.Json<ReceiptView>(HttpStatusCode.Created);
        Assert.Matches("^TB-[A-Z2-9]{8}$", receipt.Code);
        Assert.Equal("received", receipt.Status);

        var status = await (await citizen.PostRaw("/api/v1/public/tips/status", Lookup(receipt.Code.ToLowerInvariant(), receipt.Secret))).Json<PortalStatusView>(HttpStatusCode.OK);
        Assert.Equal(("received", "Đã tiếp nhận"), (status.Status, status.StatusText));

        var wrong = await (await citizen.PostRaw("/api/v1/public/tips/status", Lookup(receipt.Code, "AAAA-BBBB-CCCC-DDDD"))).Json(HttpStatusCode.NotFound);
        var unknown = await (await citizen.PostRaw("/api/v1/public/tips/status", Lookup("TB-ZZZZZZZZ", receipt.Secret))).Json(HttpStatusCode.NotFound);
        Assert.Equal(wrong["detail"]!.ToJsonString(), unknown["detail"]!.ToJsonString());
        Assert.Equal(wrong["title"]!.ToJsonString(), unknown["title"]!.ToJsonString());

        // Stored: the hour only, no secret, the contact encrypted, no staff member; the audit rows carry the hour too.
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PcmdDbContext>();
            var tip = await db.Tips.AsNoTracking().Include(t => t.Steps).SingleAsync(t => t.Code == receipt.Code);
            Assert.Equal((0, 0, 0), (tip.ReceivedAt.Minute, tip.ReceivedAt.Second, tip.ReceivedAt.Millisecond));
            Assert.All(tip.Steps, s => Assert.Equal(0, s.At.Minute + s.At.Second + s.At.Millisecond));
            Assert.Null(tip.ReceivedBy);
            Assert.DoesNotContain(receipt.Secret.Replace("-", ""), tip.SecretHash!, StringComparison.OrdinalIgnoreCase);
            var audit = await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == "Tip" && a.EntityId == tip.Id.ToString()).ToListAsync();
            Assert.NotEmpty(audit);
            Assert.All(audit, a => Assert.Equal(0, a.AtUtc.Minute + a.AtUtc.Second + a.AtUtc.Millisecond));
            var conn = db.Database.GetDbConnection();
            await conn.OpenAsync();
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = $"SELECT \"ReporterContact\" FROM tips WHERE \"Id\" = {tip.Id}";
            Assert.StartsWith("enc1:", (string)(await cmd.ExecuteScalarAsync())!);
        }

        // The city's standing office received it: it sees the contact; staff ask a question; the citizen answers.
        var city = await app.SignIn("dieuphoi");
        var id = await data.Db(db => db.Tips.Where(t => t.Code == receipt.Code).Select(t => t.Id).SingleAsync());
        Assert.Equal("zalo 0901 222 333", (await city.GetJson<TipSourceView>($"/api/v1/tips/{id}/source")).ReporterContact);
        var t = new TipSavedView(id, receipt.Code, (await Get(city, id)).Version, "received", null);
        t = await VerifyClassifyAssign(city, t, phuLuong, "Bạn thấy hoạt động này vào khung giờ nào?");
        var afterQuestion = await (await citizen.PostRaw("/api/v1/public/tips/status", Lookup(receipt.Code, receipt.Secret))).Json<PortalStatusView>(HttpStatusCode.OK);
        Assert.Equal("handling", afterQuestion.Status);
        Assert.Equal("Bạn thấy hoạt động này vào khung giờ nào?", Assert.Single(afterQuestion.Messages).Text);
        var reply = new JsonObject { ["code"] = receipt.Code, ["secret"] = receipt.Secret, ["text"] = "<i>Khoảng 22 giờ</i>" };
        var answered = await (await citizen.PostRaw("/api/v1/public/tips/replies", reply.ToJsonString())).Json<PortalStatusView>(HttpStatusCode.OK);
        Assert.Equal("<i>Khoảng 22 giờ</i>", answered.Messages.Last(m => m.FromReporter).Text);
        reply["secret"] = "SAI0-SAI0-SAI0-SAI0";
        Assert.Equal(HttpStatusCode.NotFound, (await citizen.PostRaw("/api/v1/public/tips/replies", reply.ToJsonString())).StatusCode);

        // Never who handles it or an internal note.
        var text = await (await citizen.PostRaw("/api/v1/public/tips/status", Lookup(receipt.Code, receipt.Secret))).Content.ReadAsStringAsync();
        Assert.DoesNotContain("dieuphoi", text);
        Assert.DoesNotContain("Phú Lương", text);
    }

    [Fact]
    public async Task Bad_reports_are_refused_by_field_and_nothing_is_saved()
    {
        var citizen = Anonymous();
        var before = await data.Db(db => db.Tips.CountAsync());
        var bad = Report(new string('x', 4001), 999999);
        bad["category"] = null;
        bad["occurredOn"] = "2999-01-01";
        var problem = await (await citizen.PostRaw("/api/v1/public/tips", bad.ToJsonString())).Json(HttpStatusCode.BadRequest);
        var errors = problem.Errors();
        foreach (var field in new[] { "description", "orgUnitId", "category", "occurredOn" }) Assert.Contains(errors, e => e.StartsWith(field + ": "));
        var old = Report("x", await data.UnitIdOn(PhuLuong, "2024-01-01"));
        Assert.Contains((await (await citizen.PostRaw("/api/v1/public/tips", old.ToJsonString())).Json(HttpStatusCode.BadRequest)).Errors(), e => e.StartsWith("orgUnitId: "));
        Assert.Equal(before, await data.Db(db => db.Tips.CountAsync()));
    }

    [Fact]
    public async Task The_administrator_edits_the_guidance_the_portal_shows()
    {
        var admin = await app.SignIn("admin");
        var current = await Anonymous().GetJson("/api/v1/public/guidance");
        var text = data.Unique("Hướng dẫn mới: gọi 113 khi khẩn cấp <em>ngay</em>.");
        var body = new JsonObject { ["text"] = text, ["version"] = current["version"]!.GetValue<int>() };
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignIn("dieuphoi")).PutRaw("/api/v1/portal/guidance", body.ToJsonString())).StatusCode);
        await (await admin.PutRaw("/api/v1/portal/guidance", body.ToJsonString())).Json(HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PutRaw("/api/v1/portal/guidance", body.ToJsonString())).StatusCode);
        Assert.Equal(text, (await Anonymous().GetJson("/api/v1/public/guidance"))["text"]!.GetValue<string>());
        var page = await Anonymous().GetAsync("/portal");
        Assert.False(page.Headers.Contains("Set-Cookie"));
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("&lt;em&gt;ngay&lt;/em&gt;", html);
    }

    [Fact]
    public async Task Portal_pages_set_no_cookie_and_weigh_under_300_kB_with_their_styles_and_scripts()
    {
        var citizen = Anonymous();
        foreach (var url in new[] { "/portal", "/portal/report", "/portal/status", "/portal/services?kind=legalAid" })
        {
            var res = await citizen.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, res.StatusCode);
            Assert.False(res.Headers.Contains("Set-Cookie"), url);
            var html = await res.Content.ReadAsStringAsync();
            long bytes = System.Text.Encoding.UTF8.GetByteCount(html);
            foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(html, "(?:href|src)=\"(/?[^\"]+\\.(?:css|js))\""))
            {
                var asset = await citizen.GetAsync("/" + m.Groups[1].Value.TrimStart('/'));
                Assert.Equal(HttpStatusCode.OK, asset.StatusCode);
                bytes += (await asset.Content.ReadAsByteArrayAsync()).Length;
            }
            Assert.True(bytes < 300 * 1024, $"{url}: {bytes} bytes");
            Assert.DoesNotContain("bootstrap-icons", html);
        }
        var services = await (await citizen.GetAsync("/portal/services")).Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"services\"", services);
        Assert.Matches("[1-9][0-9]* nơi hỗ trợ", services);
    }

    [Fact]
    public async Task The_portal_speaks_English_from_its_address_and_still_sets_no_cookie()
    {
        var citizen = Anonymous();
        var res = await citizen.GetAsync("/portal/report?culture=en-US");
        Assert.False(res.Headers.Contains("Set-Cookie"));
        var html = await res.Content.ReadAsStringAsync();
        Assert.Contains("lang=\"en\"", html);
        Assert.Contains("<h1 class=\"h4\">Send a report</h1>", html);
        Assert.Contains("What happened? *", html);
        Assert.Contains("Brokering prostitution", html);
        // Every portal link keeps the language; the switch leads back to Vietnamese on the same page.
        Assert.Contains("href=\"/portal/status?culture=en-US\"", html);
        Assert.Contains("href=\"/portal/report?culture=vi-VN\"", html);
        Assert.Contains("name=\"culture\" value=\"en-US\"", html);
        Assert.DoesNotContain("Vụ việc gì?", html);

        var vietnamese = await (await citizen.GetAsync("/portal/report")).Content.ReadAsStringAsync();
        Assert.Contains("Vụ việc gì? *", vietnamese);
        Assert.Contains("href=\"/portal/status\"", vietnamese);
        Assert.Contains("href=\"/portal/report?culture=en-US\"", vietnamese);
    }

    public static string Lookup(string code, string secret) => new JsonObject { ["code"] = code, ["secret"] = secret }.ToJsonString();
}

[Collection(SqliteCollection.Name)]
public sealed class PortalTestsOnSqlite(SqliteApp app) : PortalTests(app);

[Collection(PostgresCollection.Name)]
public sealed class PortalTestsOnPostgres(PostgresApp app) : PortalTests(app);

/// <summary>An app with a small limit on reports per client, so that a flood is refused with a Vietnamese 429 and nothing of
/// the refused reports is kept; the failures of a wrong secret are slowed.</summary>
public abstract class PortalFloodTests<TApp>(TApp app) where TApp : PcmdApp
{
    [Fact]
    public async Task A_flood_of_reports_from_one_client_gets_a_Vietnamese_429_and_saves_nothing_more()
    {
        var citizen = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        var unit = await new TipTestData(app).UnitId(PhuLuong);
        var codes = new List<string>();
        for (var i = 0; i < 3; i++)
            codes.Add((await (await citizen.PostRaw("/api/v1/public/tips", PortalTests.Report($"Tin lũ {i}", unit).ToJsonString())).Json<ReceiptView>(HttpStatusCode.Created)).Code);
        var before = await new TipTestData(app).Db(db => db.Tips.CountAsync());
        // The limit holds over the nodes (issue 17): a second node of the same database refuses the same client at once.
        await using var nodeB = app.WithWebHostBuilder(_ => { });
        var onB = nodeB.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        for (var i = 0; i < 5; i++)
        {
            var refused = await (await (i % 2 == 0 ? onB : citizen).PostRaw("/api/v1/public/tips", PortalTests.Report($"Tin lũ thêm {i}", unit).ToJsonString())).Json((HttpStatusCode)429);
            Assert.Equal("Quá nhiều yêu cầu", refused["title"]!.GetValue<string>());
            Assert.Contains("Vui lòng đợi", refused["detail"]!.GetValue<string>());
        }
        Assert.Equal(before, await new TipTestData(app).Db(db => db.Tips.CountAsync()));
        // Only keyed hashes are kept, and only for the windows not yet ended.
        var keys = await new TipTestData(app).Db(db => db.RateCounts.Select(r => r.Key).ToListAsync());
        Assert.NotEmpty(keys);
        Assert.All(keys, k => Assert.Matches("^[0-9a-f]{64}$", k));

        // Wrong secrets: past the tolerated failures each answer waits.
        var started = DateTime.UtcNow;
        for (var i = 0; i < 3; i++) await citizen.PostRaw("/api/v1/public/tips/status", PortalTests.Lookup(codes[0], "AAAA-AAAA-AAAA-AAAA"));
        var slowFrom = DateTime.UtcNow;
        Assert.Equal(HttpStatusCode.NotFound, (await citizen.PostRaw("/api/v1/public/tips/status", PortalTests.Lookup(codes[0], "AAAA-AAAA-AAAA-AAAA"))).StatusCode);
        Assert.True(DateTime.UtcNow - slowFrom >= TimeSpan.FromMilliseconds(400), "the fourth failure was not slowed");
        Assert.True(slowFrom - started < TimeSpan.FromSeconds(5));
    }
}

public sealed class FloodSqliteApp : PcmdApp
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
    protected override Task<string> CreateDatabase() => Task.FromResult($"Data Source={Path.Combine(Path.GetTempPath(), $"pcmd-flood-{Guid.NewGuid():N}.db")}");
    protected override void ConfigureWebHost(IWebHostBuilder builder) { base.ConfigureWebHost(builder); FloodSettings(builder); }
    public static void FloodSettings(IWebHostBuilder builder) => builder
        .UseSetting("Pcmd:Portal:ReportsPerWindow", "3").UseSetting("Pcmd:Portal:FailuresBeforeSlowDown", "3")
        .UseSetting("Pcmd:Portal:SlowDownMilliseconds", "500");
}

public sealed class FloodPostgresApp : PcmdApp
{
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;
    protected override Task<string> CreateDatabase() => PostgresApp.NewDatabase();
    protected override void ConfigureWebHost(IWebHostBuilder builder) { base.ConfigureWebHost(builder); FloodSqliteApp.FloodSettings(builder); }
}

public sealed class PortalFloodTestsOnSqlite(FloodSqliteApp app) : PortalFloodTests<FloodSqliteApp>(app), IClassFixture<FloodSqliteApp>;

public sealed class PortalFloodTestsOnPostgres(FloodPostgresApp app) : PortalFloodTests<FloodPostgresApp>(app), IClassFixture<FloodPostgresApp>;
