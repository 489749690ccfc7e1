using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pcmd.IntegrationTests.Features.Establishments;
using Pcmd.IntegrationTests.Features.Notifications;
using Pcmd.IntegrationTests.Features.Reporting;
using Pcmd.IntegrationTests.Features.Users;
using Pcmd.IntegrationTests.Infrastructure;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Reporting;

namespace Pcmd.IntegrationTests.Features.Platform;

/// <summary>Several application hosts on one database behave as the nodes of a cluster (issue 17): a sign-in, an ending of
/// sessions and an import job made through one are seen through another, and the hourly reminder pass run by three nodes
/// at once notifies each person once.</summary>
public abstract class NodeTests(PcmdApp app)
{
    WebApplicationFactory<Program> Node(TimeProvider? clock = null) =>
        app.WithWebHostBuilder(b => b.ConfigureTestServices(s => { if (clock is not null) s.AddSingleton<TimeProvider>(clock); }));

    [Fact]
    public async Task A_session_signed_in_on_one_node_works_on_another_and_its_logout_ends_it_there()
    {
        await using var nodeB = Node();
        var login = await app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false })
            .PostAsJsonAsync("/api/v1/auth/login", new { userName = "phuluong", password = PcmdApp.Password });
        login.EnsureSuccessStatusCode();
        var cookie = SessionTests.CookieOf(login);
        var onA = SessionTests.WithCookie(app, cookie);
        var onB = SessionTests.WithCookie(nodeB, cookie);
        Assert.Equal(HttpStatusCode.OK, (await onB.GetAsync("/api/v1/auth/me")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await onA.PostAsync("/api/v1/auth/logout", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await onA.GetAsync("/api/v1/auth/me")).StatusCode);
        if (app.Provider != DatabaseProvider.Postgres) return; // SQLite is one node: the ending is heard on the next touch only
        // Node B cached the open session; the ending reaches it through LISTEN/NOTIFY, not after the minute's touch.
        var until = DateTime.UtcNow.AddSeconds(5);
        HttpStatusCode status;
        while ((status = (await onB.GetAsync("/api/v1/auth/me")).StatusCode) == HttpStatusCode.OK && DateTime.UtcNow < until) await Task.Delay(50);
        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    sealed record IdOnly(int Id);

    [Fact]
    public async Task A_unit_added_through_one_node_is_known_at_once_to_another()
    {
        await using var nodeB = Node();
        var onB = nodeB.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        (await onB.PostAsJsonAsync("/api/v1/auth/login", new { userName = "admin", password = PcmdApp.Password })).EnsureSuccessStatusCode();
        var admin = await app.SignIn("admin");
        var city = (await admin.GetJson<List<Plans.OrgUnitRow>>("/api/v1/org-units?search=Thành phố Hà Nội")).Single().Id;
        Assert.Equal(HttpStatusCode.OK, (await onB.GetAsync($"/api/v1/establishments?unit={city}")).StatusCode); // node B's tree is built
        var code = "9" + Random.Shared.Next(1000, 9999);
        var unit = new System.Text.Json.Nodes.JsonObject
            { ["code"] = code, ["name"] = "Phường Nút " + code, ["level"] = "commune", ["parentId"] = city, ["validFrom"] = "2026-01-01" };
        var created = await (await admin.PostRaw("/api/v1/org-units", unit.ToJsonString())).Json<IdOnly>(HttpStatusCode.Created);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/api/v1/establishments?unit={created.Id}")).StatusCode);
        if (app.Provider != DatabaseProvider.Postgres) return; // SQLite is one node
        // Node B's cached tree hears of the new unit through LISTEN/NOTIFY (pcmd_units) and is rebuilt: no 404 for it.
        var until = DateTime.UtcNow.AddSeconds(5);
        HttpStatusCode status;
        while ((status = (await onB.GetAsync($"/api/v1/establishments?unit={created.Id}")).StatusCode) != HttpStatusCode.OK && DateTime.UtcNow < until)
            await Task.Delay(50);
        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Fact]
    public async Task An_import_uploaded_through_one_node_is_followed_on_another_and_outlives_both()
    {
        var prefix = "Nút " + Guid.NewGuid().ToString("N")[..8];
        var rows = Enumerable.Range(1, 3).Select(i => XlsxBuilder.Row($"{prefix} {i}", $"{prefix}-{i}")).ToList();
        string jobId;
        await using (var nodeA = Node())
        {
            var onA = nodeA.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
            (await onA.PostAsJsonAsync("/api/v1/auth/login", new { userName = "phuluong", password = PcmdApp.Password })).EnsureSuccessStatusCode();
            jobId = (await (await onA.Upload(XlsxBuilder.Build(rows))).Json<JobAccepted>(HttpStatusCode.Accepted)).JobId;
            await using var nodeB = Node();
            var onB = nodeB.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
            (await onB.PostAsJsonAsync("/api/v1/auth/login", new { userName = "phuluong", password = PcmdApp.Password })).EnsureSuccessStatusCode();
            var job = await onB.WaitForJob(jobId);
            Assert.Equal(("done", 3, 3), (job.State, job.Total, job.Accepted));
        }
        // Both nodes gone: the shared app (a node started later) still shows the job's result, and the rows are there once.
        var later = await app.SignIn("phuluong");
        var kept = await later.GetJson<JobView>($"/api/v1/establishments/import/{jobId}");
        Assert.Equal(("done", 3, 3), (kept.State, kept.Total, kept.Accepted));
        Assert.Equal(3, await Db(db => db.Establishments.CountAsync(e => e.Name.StartsWith(prefix))));
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignIn("hadong")).GetAsync($"/api/v1/establishments/import/{jobId}")).StatusCode);
    }

    [Fact]
    public async Task Three_nodes_running_the_reminders_at_the_same_hour_notify_each_person_once()
    {
        var clock = new TestClock(DateTimeOffset.Parse("2025-12-11T02:00:00Z"));
        await using var first = Node(clock);
        var coordinator = first.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        (await coordinator.PostAsJsonAsync("/api/v1/auth/login", new { userName = "dieuphoi", password = PcmdApp.Password })).EnsureSuccessStatusCode();
        var data = new ReportingTestData(app);
        var (_, periods) = await data.Plan(coordinator, 2025);
        var period = periods.Single(p => p.Kind == "annual" && p.Year == 2025).Id;
        await using var second = Node(clock);
        await using var third = Node(clock);
        var nodes = new[] { first, second, third };

        // The passes remind of every open report in the database (other test classes' too), and the nodes' own hourly
        // service may run a pass as they start: what the passes claim to have added can never exceed all that was added.
        var before = await Db(db => db.Notifications.CountAsync());
        var runs = await Task.WhenAll(nodes.Select(n => Task.Run(() => n.Services.GetRequiredService<ReportReminders>().RunOnce(CancellationToken.None))));
        await Task.WhenAll(nodes.Select(n => n.Services.GetRequiredService<ReportReminders>().RunOnce(CancellationToken.None))); // an hour's second pass

        var reports = await Db(db => db.Reports.Where(r => r.PeriodId == period && !r.IsConsolidated).Select(r => r.Id).ToListAsync());
        var links = reports.Select(id => $"/reports/{id}").ToList();
        var notices = await Db(db => db.Notifications.Where(n => links.Contains(n.Link!)).Select(n => new { n.UserId, n.DedupKey }).ToListAsync());
        var mails = await Db(db => db.OutboxMessages.Where(m => notices.Select(n => n.DedupKey).Contains(m.DedupKey!)).Select(m => new { m.To, m.DedupKey }).ToListAsync());
        Assert.NotEmpty(notices);
        Assert.All(notices.GroupBy(n => n), g => Assert.Single(g));
        Assert.All(mails.GroupBy(m => m), g => Assert.Single(g));
        var added = await Db(db => db.Notifications.CountAsync()) - before;
        Assert.True(runs.Sum() <= added, $"the passes counted {runs.Sum()} notices for {added} stored");
    }

    Task<T> Db<T>(Func<PcmdDbContext, Task<T>> query) => new ReportingTestData(app).Db(query);
}

[Collection(SqliteCollection.Name)]
public sealed class NodeTestsOnSqlite(SqliteApp app) : NodeTests(app);

[Collection(PostgresCollection.Name)]
public sealed class NodeTestsOnPostgres(PostgresApp app) : NodeTests(app);
