using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pcmd.IntegrationTests.Features.Establishments;
using Pcmd.IntegrationTests.Features.Users;
using Pcmd.IntegrationTests.Infrastructure;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Audit;

namespace Pcmd.IntegrationTests.Features.Audit;

/// <summary>Issue 9, item 4: each audited event (a read of one record with personal data, an export, a sign-in and its
/// failure and lockout, a refusal of an existing record out of scope, a failed import) leaves exactly one row with the
/// right user, kind and record; lists leave none; the trail cannot be changed; the API and the page filter by kind.</summary>
public abstract class AuditEventTests(PcmdApp app)
{
    readonly EstablishmentTestData data = new(app);
    readonly UserTestData users = new(app);

    string Tag(string what) => data.Tag(what, 36);

    async Task<List<AuditRow>> Trail(string query)
    {
        var admin = await app.SignIn("admin");
        return (await admin.GetJson<Page<AuditRow>>($"/api/v1/audit?pageSize=200&{query}")).Items;
    }

    async Task<int> NewEstablishment(HttpClient officer, string name) =>
        (await officer.Create(EstablishmentApi.Input(name, await officer.TypeId("KARAOKE"), await app.UnitId("09568")))).Id;

    [Fact]
    public async Task Reading_one_establishment_leaves_one_read_row_and_listing_leaves_none()
    {
        var officer = await app.SignIn("phuluong");
        var name = Tag("Đọc");
        var id = await NewEstablishment(officer, name);
        Assert.Single(await officer.Search(name));
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync($"/establishments?q={Uri.EscapeDataString(name)}")).StatusCode);
        Assert.Empty(await Trail($"entityType=Establishment&entityId={id}&kind=read"));

        Assert.Equal("Trần Văn Chủ", (await officer.Establishment(id)).OwnerName);
        var row = Assert.Single(await Trail($"entityType=Establishment&entityId={id}&kind=read"));
        Assert.Equal(("read", "phuluong", "Establishment", id.ToString()), (row.Action, row.UserName, row.EntityType, row.EntityId));
        Assert.DoesNotContain("Trần Văn Chủ", row.Changes);

        // The page reads through the same service: one more row, not two.
        Assert.Contains("Trần Văn Chủ", await (await officer.GetAsync($"/establishments/{id}")).Content.ReadAsStringAsync());
        Assert.Equal(2, (await Trail($"entityType=Establishment&entityId={id}&kind=read")).Count);
    }

    [Fact]
    public async Task The_trail_pages_by_cursors_newest_first_without_repeating_a_row()
    {
        var officer = await app.SignIn("phuluong");
        var id = await NewEstablishment(officer, Tag("Trang nhật ký"));
        for (var i = 0; i < 5; i++) await officer.Establishment(id);
        var url = $"/api/v1/audit?entityType=Establishment&entityId={id}";
        var whole = await Trail($"entityType=Establishment&entityId={id}");
        Assert.Equal(6, whole.Count); // created, read five times
        var admin = await app.SignIn("admin");
        var forward = await admin.Forward(url + "&pageSize=2");
        Assert.Equal(whole.Select(e => (int)e.Id), forward.Ids());
        Assert.Equal(3, forward.Count);
        Assert.All(forward, p => Assert.Equal(6, (int)p["total"]!));
        Assert.Equal(whole.Select(e => (int)e.Id).OrderDescending(), forward.Ids());
        var last = (await admin.GetJson(url + "&pageSize=4"))["last"]!.GetValue<string>();
        var backward = await admin.Backward(url + "&pageSize=4", last);
        Assert.Equal([2, 1], backward.Select(p => (int)p["page"]!));
        Assert.Equal(2, backward[0]["items"]!.AsArray().Count); // the last page holds what is left after the full pages
        Assert.Equal(whole.Select(e => (int)e.Id), Enumerable.Reverse(backward).Ids());
    }

    [Fact]
    public async Task An_export_leaves_one_row_with_its_format_row_count_and_filter()
    {
        var officer = await app.SignIn("phuluong");
        var name = Tag("Xuất");
        await NewEstablishment(officer, name);
        await NewEstablishment(officer, name + " 2");
        var csv = await (await officer.GetAsync($"/api/v1/establishments/export.csv?q={Uri.EscapeDataString(name)}")).Content.ReadAsStringAsync();
        Assert.Contains(name, csv);

        var row = Assert.Single((await Trail("kind=exported&user=phuluong")).Where(r => r.Changes.Contains(name)));
        Assert.Equal(("exported", "Establishment"), (row.Action, row.EntityType));
        using var detail = JsonDocument.Parse(row.Changes);
        Assert.Equal("csv", detail.RootElement.GetProperty("format").GetString());
        Assert.Equal(2, detail.RootElement.GetProperty("rows").GetInt32());
        Assert.Equal(name, detail.RootElement.GetProperty("filter").GetProperty("q").GetString());

        await officer.GetByteArrayAsync($"/api/v1/establishments/export.xlsx?q={Uri.EscapeDataString(name)}");
        var rows = (await Trail("kind=exported&user=phuluong")).Where(r => r.Changes.Contains(name)).ToList();
        Assert.Equal(["csv", "xlsx"], rows.Select(r => JsonDocument.Parse(r.Changes).RootElement.GetProperty("format").GetString()).Order());
    }

    [Fact]
    public async Task A_refused_read_of_an_existing_record_out_of_scope_leaves_one_row_and_a_missing_one_none()
    {
        var officer = await app.SignIn("phuluong");
        var id = await NewEstablishment(officer, Tag("Ngoài phạm vi"));
        var other = await app.SignIn("hadong");
        var missing = await other.GetAsync("/api/v1/establishments/987654321");
        var refused = await other.GetAsync($"/api/v1/establishments/{id}");
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (missing.StatusCode, refused.StatusCode));
        // The same answer for both: the refusal tells nothing of the record.
        var (a, b) = (await missing.Json<Problem>(HttpStatusCode.NotFound), await refused.Json<Problem>(HttpStatusCode.NotFound));
        Assert.Equal((a.Title, a.Detail), (b.Title, b.Detail));

        var row = Assert.Single(await Trail($"entityType=Establishment&entityId={id}&kind=accessDenied"));
        Assert.Equal(("hadong", "Establishment"), (row.UserName, row.EntityType));
        Assert.Contains("404", row.Changes);
        Assert.Empty(await Trail("entityType=Establishment&entityId=987654321"));
        Assert.Empty(await Trail($"entityType=Establishment&entityId={id}&kind=read"));

        // A role that may not read the trail: one row with what was asked.
        var marker = Guid.NewGuid().ToString("N");
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync($"/api/v1/audit?entityId={marker}")).StatusCode);
        var byRole = Assert.Single((await Trail("kind=accessDenied&user=phuluong")).Where(r => r.Changes.Contains(marker)));
        Assert.Contains("GET /api/v1/audit", byRole.Changes);
    }

    [Fact]
    public async Task A_refused_or_failed_import_leaves_one_row()
    {
        var officer = await app.SignIn("phuluong");
        var empty = Tag("rong") + ".xlsx";
        Assert.Equal(HttpStatusCode.BadRequest, (await officer.Upload([], name: empty)).StatusCode);
        var refused = Assert.Single((await Trail("kind=importFailed&user=phuluong")).Where(r => r.Changes.Contains(empty)));
        Assert.Equal("EstablishmentImport", refused.EntityType);

        // All or nothing with a bad row: nothing saved, so the import failed.
        var prefix = Tag("Lỗi");
        var file = XlsxBuilder.Build([XlsxBuilder.Row(prefix + " 1", prefix + "-1"), XlsxBuilder.Row(prefix + " 2", prefix + "-2", type: "KHONG-CO")]);
        var accepted = await (await officer.Upload(file, name: prefix + ".xlsx")).Json<JobAccepted>(HttpStatusCode.Accepted);
        var job = await officer.WaitForJob(accepted.JobId);
        Assert.Equal(0, job.Accepted);
        var failed = Assert.Single(await Trail($"kind=importFailed&entityId={Guid.Parse(accepted.JobId):N}"));
        Assert.Equal(("phuluong", "EstablishmentImport"), (failed.UserName, failed.EntityType));
        Assert.Contains(prefix, failed.Changes);

        var admin = await app.SignIn("admin");
        var before = (await Trail("kind=importFailed&user=admin&entityType=PlanFile")).Count;
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostRaw("/api/v1/plans/import", "{\"kind\":\"khác\"}")).StatusCode);
        Assert.Equal(before + 1, (await Trail("kind=importFailed&user=admin&entityType=PlanFile")).Count);
        before = (await Trail("kind=importFailed&user=admin&entityType=AgencyCatalogue")).Count;
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostRaw("/api/v1/agencies/import", "không phải JSON")).StatusCode);
        Assert.Equal(before + 1, (await Trail("kind=importFailed&user=admin&entityType=AgencyCatalogue")).Count);
    }

    [Fact]
    public async Task Each_sign_in_its_failure_and_the_lockout_leave_one_row()
    {
        var admin = await app.SignIn("admin");
        var userName = users.UniqueKey("dn").ToLowerInvariant();
        await users.Create(admin, userName);
        var client = users.Anonymous();

        Assert.Equal(HttpStatusCode.OK, (await users.Login(client, userName)).StatusCode);
        for (var i = 0; i < 5; i++) Assert.Equal(HttpStatusCode.Unauthorized, (await users.Login(client, userName, "Sai@mat-khau1")).StatusCode);

        // The lockout also changes the user's row (a "modified" change): only the events are counted here.
        var rows = (await Trail($"user={userName}&entityType=PcmdUser")).Where(r => r.Action is not ("created" or "modified")).ToList();
        Assert.Equal(["signedIn", "signInFailed", "signInFailed", "signInFailed", "signInFailed", "lockedOut"],
            rows.OrderBy(r => r.Id).Select(r => r.Action));
        Assert.All(rows, r => Assert.Equal(userName, r.EntityId));

        var nobody = users.UniqueKey("khong-co");
        Assert.Equal(HttpStatusCode.Unauthorized, (await users.Login(users.Anonymous(), nobody)).StatusCode);
        Assert.Equal("signInFailed", Assert.Single(await Trail($"user={nobody}")).Action);
    }

    [Fact]
    public async Task Audit_rows_cannot_be_changed_or_deleted_by_the_context_or_by_SQL()
    {
        await (await app.SignIn("phuluong")).GetAsync("/api/v1/auth/me");
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PcmdDbContext>();
        await scope.ServiceProvider.GetRequiredService<AuditTrail>().Flush();
        var entry = await db.AuditEntries.OrderByDescending(a => a.Id).FirstAsync(a => a.Action == AuditAction.SignedIn);
        var id = entry.Id;
        entry.UserName = "someone-else";
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        db.ChangeTracker.Clear();
        db.AuditEntries.Remove(await db.AuditEntries.FirstAsync(a => a.Id == id));
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        db.ChangeTracker.Clear();

        await Assert.ThrowsAnyAsync<Exception>(() => db.AuditEntries.Where(a => a.Id == id).ExecuteUpdateAsync(s => s.SetProperty(a => a.UserName, "x")));
        await Assert.ThrowsAnyAsync<Exception>(() => db.AuditEntries.Where(a => a.Id == id).ExecuteDeleteAsync());
        await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM audit_entries"));
        if (app.Provider == DatabaseProvider.Postgres)
            await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("TRUNCATE audit_entries"));
        var kept = await db.AuditEntries.AsNoTracking().SingleAsync(a => a.Id == id);
        Assert.Equal("phuluong", kept.UserName);
    }

    [Fact]
    public async Task The_API_and_the_page_filter_by_kind()
    {
        await app.SignIn("phuluong");
        var admin = await app.SignIn("admin");
        var signIns = await Trail("kind=signedIn");
        Assert.NotEmpty(signIns);
        Assert.All(signIns, r => Assert.Equal("signedIn", r.Action));
        Assert.All(await Trail("kind=Created"), r => Assert.Equal("created", r.Action));

        var problem = await (await admin.GetAsync("/api/v1/audit?kind=xem")).Json<Problem>(HttpStatusCode.BadRequest);
        Assert.Contains("accessDenied", Assert.Single(problem.On("kind")));
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync("/api/v1/audit?kind=3")).StatusCode);

        var html = await (await admin.GetAsync("/audit?kind=signedIn&user=phuluong")).Content.ReadAsStringAsync();
        Assert.Contains("<option value=\"signedIn\" selected", html);
        Assert.Contains(">Đăng nhập</span>", html);
        Assert.DoesNotContain(">Tạo mới</span>", html);
    }
}

/// <summary>A row of the trail as the API sends it.</summary>
public sealed record AuditRow(long Id, string Action, string? UserName, string EntityType, string EntityId, string Changes, string? ClientIp);

[Collection(SqliteCollection.Name)]
public sealed class AuditEventTestsOnSqlite(SqliteApp app) : AuditEventTests(app);

[Collection(PostgresCollection.Name)]
public sealed class AuditEventTestsOnPostgres(PostgresApp app) : AuditEventTests(app);
