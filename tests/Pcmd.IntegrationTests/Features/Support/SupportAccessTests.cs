using System.Net;
using System.Text;
using Pcmd.IntegrationTests.Infrastructure;
using static Pcmd.IntegrationTests.Features.Support.SupportTestData;

namespace Pcmd.IntegrationTests.Features.Support;

/// <summary>Issue 12, item 6: every case endpoint × every role. Only the case's worker and its supervisor get past the access
/// check (reads answer 200, writes sent at a stale version 409, an empty body 400); every other role — another case worker of
/// the same ward, the ward officer, the inspector, the police reporter, the coordinator, the leader, the administrator — is told the
/// case does not exist (404), and reads no identifying field. The emergency read is the one door for staff of the area.</summary>
public abstract class SupportAccessTests(PcmdApp app)
{
    readonly SupportTestData data = new(app);

    static readonly string[] Others = ["phuluong", "kiemtra", "congan", "dieuphoi", "lanhdao", "admin", "hadong"];

    [Fact]
    public async Task Only_the_assigned_worker_and_the_supervisor_pass_any_case_endpoint()
    {
        var worker = await data.SignIn(Worker);
        var name = data.Unique("Nguyễn Thị Ma Trận");
        var saved = await data.Open(worker, Identity(name, "0911 000 111"));
        var id = saved.Id;
        var consentId = (await Get(worker, id)).Consents.Single().Id;
        var (_, colleague) = await data.NewAccount("CaseWorker");

        var clients = new Dictionary<string, HttpClient> { [Worker] = worker, [Supervisor] = await data.SignIn(Supervisor), ["colleague"] = colleague };
        foreach (var u in Others) clients[u] = await data.SignIn(u);

        // (method, url, body, status for the worker and the supervisor). Writes carry version 999: a passing request stops at the version.
        (string Method, string Url, string? Body, HttpStatusCode Allowed)[] endpoints =
        [
            ("GET", $"/api/v1/support/cases/{id}", null, HttpStatusCode.OK),
            ("GET", $"/api/v1/support/cases/{id}/identity", null, HttpStatusCode.OK),
            ("GET", $"/api/v1/support/cases/{id}/access-log", null, HttpStatusCode.OK),
            ("PUT", $"/api/v1/support/cases/{id}", """{"targetGroup":"atRisk","version":999}""", HttpStatusCode.Conflict),
            ("PUT", $"/api/v1/support/cases/{id}/identity", """{"name":"Chiếm quyền","version":999}""", HttpStatusCode.Conflict),
            ("POST", $"/api/v1/support/cases/{id}/consents", """{"kind":"referral","givenOn":"2026-01-11","method":"verbal","version":999}""", HttpStatusCode.Conflict),
            ("POST", $"/api/v1/support/cases/{id}/consents/{consentId}/withdraw", """{"on":"2026-01-12","version":999}""", HttpStatusCode.Conflict),
            ("PUT", $"/api/v1/support/cases/{id}/needs", """{"screenedOn":"2026-01-12","needs":[],"version":999}""", HttpStatusCode.Conflict),
            ("POST", $"/api/v1/support/cases/{id}/notes", """{"kind":"note","date":"2026-01-12","text":"x","version":999}""", HttpStatusCode.Conflict),
            ("POST", $"/api/v1/support/cases/{id}/close", """{"on":"2026-01-12","reason":"moved","version":999}""", HttpStatusCode.Conflict),
            ("POST", $"/api/v1/support/cases/{id}/contacts", "{}", HttpStatusCode.BadRequest),
        ];
        var failures = new List<string>();
        foreach (var (method, url, body, allowed) in endpoints)
            foreach (var (user, client) in clients)
            {
                using var req = new HttpRequestMessage(new HttpMethod(method), url);
                if (body is not null) req.Content = new StringContent(body, Encoding.UTF8, "application/json");
                using var res = await client.SendAsync(req);
                var expected = user is Worker or Supervisor ? allowed : HttpStatusCode.NotFound;
                var text = await res.Content.ReadAsStringAsync();
                if (res.StatusCode != expected) failures.Add($"{method} {url} as {user}: {(int)res.StatusCode}, expected {(int)expected}");
                if (user is not (Worker or Supervisor) && text.Contains(name)) failures.Add($"{method} {url} as {user} shows the name");
            }

        // Reassigning is the supervisor's; the worker is refused, the others do not see the case.
        foreach (var (user, client) in clients)
        {
            using var res = await client.PostAsync($"/api/v1/support/cases/{id}/assignment",
                new StringContent("""{"workerIds":[],"version":999}""", Encoding.UTF8, "application/json"));
            var expected = user == Supervisor ? HttpStatusCode.Conflict : user == Worker ? HttpStatusCode.Forbidden : HttpStatusCode.NotFound;
            if (res.StatusCode != expected) failures.Add($"assignment as {user}: {(int)res.StatusCode}, expected {(int)expected}");
        }
        // The emergency read: staff of the area (the colleague) may, with a reason; nobody else may.
        foreach (var (user, client) in clients)
        {
            using var res = await client.PostAsync($"/api/v1/support/cases/{id}/break-glass",
                new StringContent("""{"reason":""}""", Encoding.UTF8, "application/json"));
            var expected = user is Worker or Supervisor or "colleague" ? HttpStatusCode.BadRequest : HttpStatusCode.NotFound;
            if (res.StatusCode != expected) failures.Add($"break-glass as {user}: {(int)res.StatusCode}, expected {(int)expected}");
        }
        // The caseload lists the case (by code) for the worker and the supervisor only.
        foreach (var (user, client) in clients)
        {
            var list = await client.GetJson<List<CaseRow>>("/api/v1/support/cases");
            if (list.Any(c => c.Id == id) != user is Worker or Supervisor) failures.Add($"caseload of {user}");
            var page = await client.GetStringAsync("/support");
            if (page.Contains(saved.Code) != user is Worker or Supervisor) failures.Add($"caseload page of {user}");
        }
        foreach (var (user, client) in clients)
        {
            using var res = await client.GetAsync($"/support/cases/{id}");
            var expected = user is Worker or Supervisor ? HttpStatusCode.OK : HttpStatusCode.NotFound;
            if (res.StatusCode != expected) failures.Add($"case page as {user}: {(int)res.StatusCode}");
            if (user is not (Worker or Supervisor) && (await res.Content.ReadAsStringAsync()).Contains(name)) failures.Add($"case page as {user} shows the name");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));

        // Only the worker's and the supervisor's identity reads are in the trail: one each.
        Assert.Equal(1, await data.IdentityReads(id, Worker));
        Assert.Equal(1, await data.IdentityReads(id, Supervisor));
        Assert.Equal(2, await data.IdentityReads(id));
    }

    [Fact]
    public async Task Every_identity_read_leaves_one_audit_record_shown_in_the_access_log()
    {
        var worker = await data.SignIn(Worker);
        var name = data.Unique("Trần Thị Đọc");
        var id = (await data.Open(worker, Identity(name, "0911 222 333"))).Id;
        Assert.False((await (await worker.GetAsync($"/api/v1/support/cases/{id}")).Content.ReadAsStringAsync()).Contains(name));
        for (var n = 1; n <= 3; n++)
        {
            var identity = await worker.GetJson<IdentityView>($"/api/v1/support/cases/{id}/identity");
            Assert.Equal(name, identity.Name);
            Assert.Equal("0911 222 333", identity.Phone);
            Assert.Equal(n, await data.IdentityReads(id));
        }
        var log = await worker.GetJson<List<AccessView>>($"/api/v1/support/cases/{id}/access-log");
        Assert.Equal(3, log.Count(e => e.What == "identity" && e.UserName == Worker));
        Assert.Contains(log, e => e.What == "created");
    }

    [Fact]
    public async Task A_break_the_glass_read_needs_a_reason_is_audited_and_notifies_the_supervisor()
    {
        var worker = await data.SignIn(Worker);
        var name = data.Unique("Lê Thị Khẩn");
        var id = (await data.Open(worker, Identity(name, "0911 444 555"))).Id;
        var (_, colleague) = await data.NewAccount("CaseWorker");
        var refused = await (await colleague.PostRaw($"/api/v1/support/cases/{id}/break-glass", """{"reason":"gấp"}""")).Json<Problem>(HttpStatusCode.BadRequest);
        Assert.NotEmpty(refused.On("reason"));
        Assert.Equal(0, await data.IdentityReads(id));

        var reason = "Người này gọi đường dây nóng báo bị bạo lực, cán bộ phụ trách nghỉ phép";
        var identity = await (await colleague.PostRaw($"/api/v1/support/cases/{id}/break-glass", $$"""{"reason":"{{reason}}"}""")).Json<IdentityView>(HttpStatusCode.OK);
        Assert.Equal(name, identity.Name);
        Assert.Equal(1, await data.IdentityReads(id));
        // The colleague still cannot open the case itself.
        Assert.Equal(HttpStatusCode.NotFound, (await colleague.GetAsync($"/api/v1/support/cases/{id}")).StatusCode);

        var supervisor = await data.SignIn(Supervisor);
        var log = await supervisor.GetJson<List<AccessView>>($"/api/v1/support/cases/{id}/access-log");
        Assert.Contains(log, e => e.What == "breakGlass" && e.Reason == reason);
        var notices = await supervisor.GetStringAsync("/api/v1/notifications");
        Assert.Contains($"/support/cases/{id}", notices);
        Assert.Contains(reason, notices);
        Assert.DoesNotContain(name, notices);
    }

    [Fact]
    public async Task The_supervisor_reassigns_and_the_old_worker_loses_the_case()
    {
        var worker = await data.SignIn(Worker);
        var id = (await data.Open(worker)).Id;
        var (colleagueId, colleague) = await data.NewAccount("CaseWorker");
        var supervisor = await data.SignIn(Supervisor);
        var version = (await Get(supervisor, id)).Version;
        await (await supervisor.PostRaw($"/api/v1/support/cases/{id}/assignment", $$"""{"workerIds":["{{colleagueId}}"],"version":{{version}}}"""))
            .Json<CaseSavedView>(HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.NotFound, (await worker.GetAsync($"/api/v1/support/cases/{id}")).StatusCode);
        Assert.Equal(colleagueId, (await Get(colleague, id)).Workers.Single().Id);
        // A worker of another ward cannot be given the case.
        var (foreignId, _) = await data.NewAccount("CaseWorker", "09556");
        version = (await Get(supervisor, id)).Version;
        var bad = await (await supervisor.PostRaw($"/api/v1/support/cases/{id}/assignment", $$"""{"workerIds":["{{foreignId}}"],"version":{{version}}}"""))
            .Json<Problem>(HttpStatusCode.BadRequest);
        Assert.NotEmpty(bad.On("workerIds[0]"));
    }

    [Fact]
    public async Task The_supervisor_reassigns_from_the_case_page_and_only_the_supervisor_sees_the_form()
    {
        var worker = await data.SignIn(Worker);
        var id = (await data.Open(worker)).Id;
        var (colleagueId, colleague) = await data.NewAccount("CaseWorker");
        var (foreignId, _) = await data.NewAccount("CaseWorker", "09556");
        Assert.DoesNotContain("data-testid=\"assign-form\"", await worker.GetStringAsync($"/support/cases/{id}"));

        var supervisor = await data.SignIn(Supervisor);
        var html = await supervisor.GetStringAsync($"/support/cases/{id}");
        Assert.Contains("data-testid=\"assign-form\"", html);
        Assert.Contains($"value=\"{colleagueId}\"", html);
        Assert.DoesNotContain($"value=\"{foreignId}\"", html); // another ward's worker is not offered
        var version = (await Get(supervisor, id)).Version;
        var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"").Groups[1].Value;
        var res = await supervisor.PostAsync($"/support/cases/{id}", new FormUrlEncodedContent([
            new("_handler", "assign"), new("__RequestVerificationToken", token), new("F.Version", version.ToString()), new("worker", colleagueId)]));
        Assert.Equal(HttpStatusCode.Redirect, res.StatusCode);
        Assert.Equal($"/support/cases/{id}?saved=1", res.Headers.Location!.PathAndQuery);
        Assert.Equal(colleagueId, (await Get(colleague, id)).Workers.Single().Id);
        Assert.Equal(HttpStatusCode.NotFound, (await worker.GetAsync($"/api/v1/support/cases/{id}")).StatusCode);

        // A stale version is a conflict shown on the page, and nothing changes.
        var (otherId, _) = await data.NewAccount("CaseWorker");
        res = await supervisor.PostAsync($"/support/cases/{id}", new FormUrlEncodedContent([
            new("_handler", "assign"), new("__RequestVerificationToken", token), new("F.Version", version.ToString()), new("worker", otherId)]));
        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        Assert.Contains("Dữ liệu đã được người khác thay đổi", await res.Content.ReadAsStringAsync());
        Assert.Equal(colleagueId, (await Get(colleague, id)).Workers.Single().Id);
        // Another ward's worker is refused by field, even with the right version.
        version = (await Get(supervisor, id)).Version;
        res = await supervisor.PostAsync($"/support/cases/{id}", new FormUrlEncodedContent([
            new("_handler", "assign"), new("__RequestVerificationToken", token), new("F.Version", version.ToString()), new("worker", foreignId)]));
        Assert.Contains("không phải cán bộ hỗ trợ của đơn vị", await res.Content.ReadAsStringAsync());
        Assert.Equal(colleagueId, (await Get(colleague, id)).Workers.Single().Id);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SupportAccessTestsOnSqlite(SqliteApp app) : SupportAccessTests(app);

[Collection(PostgresCollection.Name)]
public sealed class SupportAccessTestsOnPostgres(PostgresApp app) : SupportAccessTests(app);
