using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Pcmd.IntegrationTests.Infrastructure;
using Pcmd.Web.Features.Users;

namespace Pcmd.IntegrationTests.Features.Users;

/// <summary>Administrators manage accounts through /api/v1/users and the /users pages; nobody else may.</summary>
public abstract class UserAdminTests(PcmdApp app)
{
    const string StrongPassword = UserTestData.StrongPassword;
    readonly UserTestData data = new(app);

    [Fact]
    public async Task An_administrator_creates_a_commune_officer_who_signs_in_and_reads_only_their_scope()
    {
        var admin = await app.SignIn("admin");
        var userName = data.Name("cb-phuluong");
        var raw = await data.CreateRaw(admin, userName);
        var created = raw.As<UserDto>();
        Assert.Equal(userName, created.UserName);
        Assert.Equal("CommuneOfficer", created.Role);
        Assert.Equal("Phường Phú Lương", created.OrgUnitName);
        Assert.Equal("09568", created.OrgUnitCode);
        Assert.Equal("UBND-PHULUONG", created.AgencyCode);
        Assert.Null(created.LockedOutUntil);
        // No secrets in the answers: the raw JSON.
        var text = raw.ToJsonString() + (await admin.GetJson("/api/v1/users")).ToJsonString();
        Assert.DoesNotContain("passwordHash", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("securityStamp", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(StrongPassword, text);

        var haDongKey = $"users-ha-dong-{app.Provider}".ToLowerInvariant();
        await (await admin.PostRaw("/api/v1/plans/import", SamplePlan.Create(haDongKey, unit: "09556").ToJsonString())).Json(HttpStatusCode.Created);

        var officer = data.Anonymous();
        Assert.Equal(HttpStatusCode.OK, (await data.Login(officer, userName)).StatusCode);
        var me = await officer.GetJson<MeResponse>("/api/v1/auth/me");
        Assert.Equal(["CommuneOfficer"], me.Roles);
        Assert.Equal(created.OrgUnitId, me.OrgUnitId);
        var keys = (await officer.GetJson<List<Keyed>>("/api/v1/plans")).Select(p => p.Key).ToList();
        Assert.Contains("phu-lam-2024", keys);
        Assert.DoesNotContain(haDongKey, keys);

        var listed = (await data.Users(admin, userName)).Single();
        Assert.Equal(["CommuneOfficer"], listed.Roles);
        Assert.Equal("Phường Phú Lương", listed.OrgUnitName);
        Assert.Equal("Ủy ban nhân dân phường Phú Lương", listed.AgencyName);
        var entry = (await admin.GetJson<Page<AuditEntryView>>($"/api/v1/audit?entityType=PcmdUser&entityId={created.Id}")).Items.Single();
        Assert.Equal("created", entry.Action);
        Assert.DoesNotContain("AQAAAA", entry.Changes); // an Identity v3 hash starts so
    }

    [Fact]
    public async Task A_weak_password_is_refused_with_Vietnamese_errors_on_password()
    {
        var admin = await app.SignIn("admin");
        var res = await admin.PostRaw("/api/v1/users", (await data.NewUser(admin, data.Name("weak"), password: "abc")).ToJsonString());
        var errors = await data.FieldErrors(res, "password");
        Assert.Contains("Mật khẩu phải có ít nhất 10 ký tự.", errors);
        Assert.Contains("Mật khẩu phải có ít nhất một chữ hoa.", errors);
        Assert.Contains("Mật khẩu phải có ít nhất một chữ số.", errors);
        Assert.Contains("Mật khẩu phải có ít nhất một ký tự đặc biệt.", errors);
        Assert.Equal(HttpStatusCode.Unauthorized, (await data.Login(data.Anonymous(), data.Name("weak"), "abc")).StatusCode);
        Assert.Empty(await data.Users(admin, data.Name("weak")));
    }

    [Fact]
    public async Task User_names_are_checked_and_unique()
    {
        var admin = await app.SignIn("admin");
        var duplicate = await admin.PostRaw("/api/v1/users", (await data.NewUser(admin, "phuluong")).ToJsonString());
        Assert.Contains("Tên đăng nhập 'phuluong' đã được dùng.", await data.FieldErrors(duplicate, "userName"));
        var upper = await admin.PostRaw("/api/v1/users", (await data.NewUser(admin, "PhuLuong")).ToJsonString());
        Assert.Contains("Tên đăng nhập 'phuluong' đã được dùng.", await data.FieldErrors(upper, "userName"));
        foreach (var bad in new[] { "ab", "nguyễn", "có dấu cách", new string('a', 51), "" })
        {
            var res = await admin.PostRaw("/api/v1/users", (await data.NewUser(admin, bad)).ToJsonString());
            Assert.NotEmpty(await data.FieldErrors(res, "userName"));
        }
        var empty = await admin.PostRaw("/api/v1/users", "{\"userName\":\"\",\"fullName\":\" \",\"role\":\"Chief\",\"orgUnitId\":0,\"password\":\"\"}");
        var problem = await empty.Json<Problem>(HttpStatusCode.BadRequest);
        var fields = problem.Errors!.Keys.ToHashSet();
        Assert.Superset(new HashSet<string> { "userName", "fullName", "role", "orgUnitId", "password" }, fields);
    }

    [Fact]
    public async Task An_agency_of_another_ward_is_refused_and_one_above_is_accepted()
    {
        var admin = await app.SignIn("admin");
        var foreign = await admin.PostRaw("/api/v1/users", (await data.NewUser(admin, data.Name("foreign"), agency: "UBND-P-HADONG")).ToJsonString());
        Assert.Contains(await data.FieldErrors(foreign, "agencyId"), m => m.Contains("không thuộc đơn vị đã chọn"));
        var city = await admin.PostRaw("/api/v1/users", (await data.NewUser(admin, data.Name("city-agency"), role: "Inspector", agency: "CA-TP")).ToJsonString());
        Assert.Equal("CA-TP", (await city.Json<UserDto>(HttpStatusCode.Created)).AgencyCode);
        var reporter = await admin.PostRaw("/api/v1/users", (await data.NewUser(admin, data.Name("no-agency"), role: "AgencyReporter", agency: null)).ToJsonString());
        Assert.NotEmpty(await data.FieldErrors(reporter, "agencyId"));
    }

    [Fact]
    public async Task Only_administrators_reach_the_users_endpoints()
    {
        var admin = await app.SignIn("admin");
        var id = (await data.Users(admin, "lanhdao")).Single().Id;
        var body = (await data.NewUser(admin, data.Name("by-coordinator"))).ToJsonString();
        var coordinator = await app.SignIn("dieuphoi");
        var update = new JsonObject { ["fullName"] = "X", ["role"] = "Admin", ["orgUnitId"] = 1, ["concurrencyStamp"] = "x" }.ToJsonString();
        var calls = new (string, Func<Task<HttpResponseMessage>>)[]
        {
            ("list", () => coordinator.GetAsync("/api/v1/users")),
            ("get", () => coordinator.GetAsync($"/api/v1/users/{id}")),
            ("create", () => coordinator.PostRaw("/api/v1/users", body)),
            ("update", () => coordinator.PutRaw($"/api/v1/users/{id}", update)),
            ("lock", () => coordinator.PostRaw($"/api/v1/users/{id}/lock", "{}")),
            ("unlock", () => coordinator.PostRaw($"/api/v1/users/{id}/unlock", "{}")),
            ("password", () => coordinator.PostRaw($"/api/v1/users/{id}/password", $"{{\"password\":\"{StrongPassword}\"}}")),
        };
        foreach (var (name, call) in calls)
        {
            var res = await call();
            Assert.True(res.StatusCode == HttpStatusCode.Forbidden, $"{name}: {(int)res.StatusCode}");
            Assert.Equal("Không có quyền", (await res.Json<Problem>(HttpStatusCode.Forbidden)).Title);
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.GetAsync("/users")).StatusCode);
        Assert.DoesNotContain("href=\"/users\"", await coordinator.GetStringAsync("/"));
        Assert.Equal(HttpStatusCode.OK, (await data.Login(data.Anonymous(), "lanhdao", PcmdApp.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await data.Anonymous().GetAsync("/api/v1/users")).StatusCode);
    }

    [Fact]
    public async Task A_locked_user_cannot_sign_in_until_unlocked()
    {
        var admin = await app.SignIn("admin");
        var userName = data.Name("locked");
        var id = (await data.Create(admin, userName)).Id;
        var locked = await (await admin.PostRaw($"/api/v1/users/{id}/lock", "{}")).Json<UserDto>(HttpStatusCode.OK);
        Assert.NotNull(locked.LockedOutUntil);
        var listed = (await data.Users(admin, userName)).Single();
        Assert.NotNull(listed.LockedOutUntil);

        var refused = await (await data.Login(data.Anonymous(), userName)).Json<Problem>(HttpStatusCode.Unauthorized);
        Assert.Equal(Pcmd.Web.Features.Users.SignIn.SignInFlow.Failed, refused.Detail);
        Assert.Contains("Đang khóa", await admin.GetStringAsync("/users"));

        var unlocked = await (await admin.PostRaw($"/api/v1/users/{id}/unlock", "")).Json<UserDto>(HttpStatusCode.OK);
        Assert.Null(unlocked.LockedOutUntil);
        Assert.Equal(HttpStatusCode.OK, (await data.Login(data.Anonymous(), userName)).StatusCode);

        // A lock with an end date; the answer is in UTC.
        var until = DateTimeOffset.UtcNow.AddDays(3);
        var dated = await (await admin.PostRaw($"/api/v1/users/{id}/lock", new JsonObject { ["until"] = until.ToString("O") }.ToJsonString())).Json<UserDto>(HttpStatusCode.OK);
        Assert.InRange(dated.LockedOutUntil!.Value, until.AddSeconds(-1), until.AddSeconds(1));
        Assert.Equal(HttpStatusCode.Unauthorized, (await data.Login(data.Anonymous(), userName)).StatusCode);
        var past = await admin.PostRaw($"/api/v1/users/{id}/lock", "{\"until\":\"2020-01-01T00:00:00Z\"}");
        Assert.NotEmpty(await data.FieldErrors(past, "until"));
        await (await admin.PostRaw($"/api/v1/users/{id}/unlock", "{}")).Json(HttpStatusCode.OK);

        var adminId = (await data.Users(admin, "admin")).Single(u => u.UserName == "admin").Id;
        var self = await admin.PostRaw($"/api/v1/users/{adminId}/lock", "{}");
        Assert.Contains("Bạn không thể tự khóa tài khoản của mình.", await data.FieldErrors(self, "id"));
    }

    [Fact]
    public async Task An_update_with_a_stale_concurrency_stamp_is_a_conflict()
    {
        var admin = await app.SignIn("admin");
        var user = await data.Create(admin, data.Name("stale"));
        var (id, stamp) = (user.Id, user.ConcurrencyStamp);
        JsonObject Update(string fullName, string s) => new()
        {
            ["fullName"] = fullName, ["role"] = "CommuneOfficer", ["orgUnitId"] = user.OrgUnitId, ["agencyId"] = user.AgencyId!.Value, ["concurrencyStamp"] = s,
        };
        var first = await (await admin.PutRaw($"/api/v1/users/{id}", Update("Trần Thị Mới", stamp).ToJsonString())).Json<UserDto>(HttpStatusCode.OK);
        Assert.Equal("Trần Thị Mới", first.FullName);
        Assert.NotEqual(stamp, first.ConcurrencyStamp);
        var stale = await admin.PutRaw($"/api/v1/users/{id}", Update("Lê Văn Cũ", stamp).ToJsonString());
        Assert.Equal("Xung đột dữ liệu", (await stale.Json<Problem>(HttpStatusCode.Conflict)).Title);
        Assert.Equal("Trần Thị Mới", (await admin.GetJson<UserDto>($"/api/v1/users/{id}")).FullName);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PutRaw("/api/v1/users/khong-co", Update("X", stamp).ToJsonString())).StatusCode);
    }

    [Fact]
    public async Task A_role_change_is_in_the_audit_trail_and_an_administrator_cannot_demote_themselves()
    {
        var admin = await app.SignIn("admin");
        var user = await data.Create(admin, data.Name("role-change"));
        var id = user.Id;
        var officer = data.Anonymous();
        Assert.Equal(HttpStatusCode.OK, (await data.Login(officer, data.Name("role-change"))).StatusCode);

        var update = new JsonObject
        {
            ["fullName"] = user.FullName, ["role"] = "Inspector", ["orgUnitId"] = user.OrgUnitId,
            ["agencyId"] = await data.AgencyId(admin, "DOI178-PHULUONG"), ["concurrencyStamp"] = user.ConcurrencyStamp,
        };
        var changed = await (await admin.PutRaw($"/api/v1/users/{id}", update.ToJsonString())).Json<UserDto>(HttpStatusCode.OK);
        Assert.Equal(["Inspector"], changed.Roles);
        var entries = (await admin.GetJson<Page<AuditEntryView>>($"/api/v1/audit?entityType=UserRole&entityId={id}")).Items;
        Assert.Equal(["modified", "created"], entries.Select(e => e.Action));
        var change = JsonNode.Parse(entries[0].Changes)!["Roles"]!.As<List<string>>();
        Assert.Equal(["CommuneOfficer", "Inspector"], change);
        Assert.Equal("admin", entries[0].UserName);
        Assert.Contains(entries, e => e.Action == "created");

        // The new role comes with the next sign-in.
        var again = data.Anonymous();
        await data.Login(again, data.Name("role-change"));
        Assert.Equal(["Inspector"], (await again.GetJson<MeResponse>("/api/v1/auth/me")).Roles);
        Assert.Equal(HttpStatusCode.Forbidden, (await again.PostRaw("/api/v1/plans/import", SamplePlan.Create(data.Name("x").Replace('.', '-'), unit: "09568").ToJsonString())).StatusCode);

        var me = await data.Users(admin, "admin");
        var adminUser = await admin.GetJson<UserDto>($"/api/v1/users/{me.Single(u => u.UserName == "admin").Id}");
        var demote = new JsonObject
        {
            ["fullName"] = adminUser.FullName, ["role"] = "Coordinator", ["orgUnitId"] = adminUser.OrgUnitId, ["concurrencyStamp"] = adminUser.ConcurrencyStamp,
        };
        var refused = await admin.PutRaw($"/api/v1/users/{adminUser.Id}", demote.ToJsonString());
        Assert.Contains("Bạn không thể tự bỏ vai trò quản trị hệ thống của mình.", await data.FieldErrors(refused, "role"));
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/v1/users")).StatusCode);
    }

    [Fact]
    public async Task An_administrator_sets_a_new_password()
    {
        var admin = await app.SignIn("admin");
        var userName = data.Name("reset");
        var id = (await data.Create(admin, userName)).Id;
        var weak = await admin.PostRaw($"/api/v1/users/{id}/password", "{\"password\":\"abc\"}");
        Assert.Contains("Mật khẩu phải có ít nhất 10 ký tự.", await data.FieldErrors(weak, "password"));
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostRaw($"/api/v1/users/{id}/password", "{\"password\":\"Moi@matkhau2026\"}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await data.Login(data.Anonymous(), userName)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await data.Login(data.Anonymous(), userName, "Moi@matkhau2026")).StatusCode);
        var audit = (await admin.GetJson<Page<AuditEntryView>>($"/api/v1/audit?entityType=PcmdUser&entityId={id}")).Items;
        Assert.Contains(audit, e => e.Changes.Contains("PasswordHash"));
        Assert.DoesNotContain(audit, e => e.Changes.Contains("AQAAAA"));
    }

    [Fact]
    public async Task The_pages_list_create_and_lock_users()
    {
        var admin = await app.SignIn("admin");
        var list = await admin.GetAsync("/users");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        var listHtml = await list.Content.ReadAsStringAsync();
        Assert.Contains("Người dùng", listHtml);
        Assert.Contains("phuluong", listHtml);
        Assert.Contains("Cán bộ xã, phường", listHtml);
        Assert.Contains("href=\"/users\"", listHtml);

        var form = await admin.GetStringAsync("/users/new");
        Assert.Contains("Tạo tài khoản", form);
        var unit = await data.UnitId(admin, "09568");
        var agency = await data.AgencyId(admin, "UBND-PHULUONG");
        var userName = data.Name("page-user");
        List<KeyValuePair<string, string>> Fields(string password) =>
        [
            new("_handler", "new-user"), new("__RequestVerificationToken", Token(form)), new("Model.UserName", userName),
            new("Model.Password", password), new("Model.FullName", "Đặng Thị Trang"), new("Model.Role", "CaseWorker"),
            new("Model.OrgUnitId", unit.ToString()), new("Model.AgencyId", agency.ToString()),
        ];
        var refused = await admin.PostAsync("/users/new", new FormUrlEncodedContent(Fields("abc")));
        var refusedHtml = await refused.Content.ReadAsStringAsync();
        Assert.Contains("Mật khẩu phải có ít nhất 10 ký tự.", refusedHtml);
        Assert.Contains("Đặng Thị Trang", refusedHtml);
        var created = await admin.PostAsync("/users/new", new FormUrlEncodedContent(Fields(StrongPassword)));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var location = created.Headers.Location!.OriginalString;
        Assert.Contains("done=created", location);

        var details = await admin.GetStringAsync(location);
        Assert.Contains("Đã tạo tài khoản.", details);
        Assert.Contains("Cán bộ hỗ trợ, quản lý trường hợp", details);
        var lockRes = await admin.PostAsync(location.Split('?')[0], new FormUrlEncodedContent(
            [new("_handler", "lock-user"), new("__RequestVerificationToken", Token(details)), new("until", "")]));
        Assert.Equal(HttpStatusCode.Redirect, lockRes.StatusCode);
        var lockedHtml = await admin.GetStringAsync(lockRes.Headers.Location!.OriginalString);
        Assert.Contains("Đang khóa (đến khi được mở khóa)", lockedHtml);
        Assert.Equal(HttpStatusCode.Unauthorized, (await data.Login(data.Anonymous(), userName)).StatusCode);
    }

    static string Token(string html) =>
        Regex.Match(html, "name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"").Groups[1].Value is { Length: > 0 } t
            ? t : throw new InvalidOperationException("No antiforgery token on the page");
}

[Collection(SqliteCollection.Name)]
public sealed class UserAdminTestsOnSqlite(SqliteApp app) : UserAdminTests(app);

[Collection(PostgresCollection.Name)]
public sealed class UserAdminTestsOnPostgres(PostgresApp app) : UserAdminTests(app);
