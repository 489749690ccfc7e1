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
    const string StrongPassword = "Cb@phuong2026";

    /// <summary>A user name unique to this provider's run and test.</summary>
    string Name(string stem) => $"{stem}.{app.Provider}".ToLowerInvariant();

    async Task<int> UnitId(HttpClient admin, string code, string on = "2026-01-01")
    {
        var found = await admin.GetJson<List<Coded>>($"/api/v1/org-units?search={code}&on={on}");
        return found.Single(u => u.Code == code).Id;
    }

    static async Task<int> AgencyId(HttpClient admin, string code)
    {
        var found = await admin.GetJson<List<Coded>>($"/api/v1/agencies?search={code}");
        return found.Single(a => a.Code == code).Id;
    }

    async Task<JsonObject> NewUser(HttpClient admin, string userName, string role = "CommuneOfficer", string unit = "09568", string? agency = "UBND-PHULUONG",
        string password = StrongPassword) => new()
    {
        ["userName"] = userName,
        ["fullName"] = $"Nguyễn Văn Thử ({userName})",
        ["role"] = role,
        ["orgUnitId"] = await UnitId(admin, unit),
        ["agencyId"] = agency is null ? null : await AgencyId(admin, agency),
        ["password"] = password,
    };

    async Task<JsonNode> CreateRaw(HttpClient admin, string userName, string role = "CommuneOfficer") =>
        await (await admin.PostRaw("/api/v1/users", (await NewUser(admin, userName, role)).ToJsonString())).Json(HttpStatusCode.Created);

    async Task<UserDto> Create(HttpClient admin, string userName, string role = "CommuneOfficer") => (await CreateRaw(admin, userName, role)).As<UserDto>();

    static async Task<List<UserListItem>> Users(HttpClient admin, string search) => await admin.GetJson<List<UserListItem>>($"/api/v1/users?search={search}");

    Task<HttpResponseMessage> Login(HttpClient client, string userName, string password = StrongPassword) =>
        client.PostAsJsonAsync("/api/v1/auth/login", new { userName, password });

    HttpClient Anonymous() => app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });

    static async Task<List<string>> FieldErrors(HttpResponseMessage res, string field) =>
        (await res.Json<Problem>(HttpStatusCode.BadRequest)).On(field);

    [Fact]
    public async Task An_administrator_creates_a_commune_officer_who_signs_in_and_reads_only_their_scope()
    {
        var admin = await app.SignIn("admin");
        var userName = Name("cb-phuluong");
        var raw = await CreateRaw(admin, userName);
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

        var officer = Anonymous();
        Assert.Equal(HttpStatusCode.OK, (await Login(officer, userName)).StatusCode);
        var me = await officer.GetJson<MeResponse>("/api/v1/auth/me");
        Assert.Equal(["CommuneOfficer"], me.Roles);
        Assert.Equal(created.OrgUnitId, me.OrgUnitId);
        var keys = (await officer.GetJson<List<Keyed>>("/api/v1/plans")).Select(p => p.Key).ToList();
        Assert.Contains("phu-lam-2024", keys);
        Assert.DoesNotContain(haDongKey, keys);

        var listed = (await Users(admin, userName)).Single();
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
        var res = await admin.PostRaw("/api/v1/users", (await NewUser(admin, Name("weak"), password: "abc")).ToJsonString());
        var errors = await FieldErrors(res, "password");
        Assert.Contains("Mật khẩu phải có ít nhất 10 ký tự.", errors);
        Assert.Contains("Mật khẩu phải có ít nhất một chữ hoa.", errors);
        Assert.Contains("Mật khẩu phải có ít nhất một chữ số.", errors);
        Assert.Contains("Mật khẩu phải có ít nhất một ký tự đặc biệt.", errors);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Login(Anonymous(), Name("weak"), "abc")).StatusCode);
        Assert.Empty(await Users(admin, Name("weak")));
    }

    [Fact]
    public async Task User_names_are_checked_and_unique()
    {
        var admin = await app.SignIn("admin");
        var duplicate = await admin.PostRaw("/api/v1/users", (await NewUser(admin, "phuluong")).ToJsonString());
        Assert.Contains("Tên đăng nhập 'phuluong' đã được dùng.", await FieldErrors(duplicate, "userName"));
        var upper = await admin.PostRaw("/api/v1/users", (await NewUser(admin, "PhuLuong")).ToJsonString());
        Assert.Contains("Tên đăng nhập 'phuluong' đã được dùng.", await FieldErrors(upper, "userName"));
        foreach (var bad in new[] { "ab", "nguyễn", "có dấu cách", new string('a', 51), "" })
        {
            var res = await admin.PostRaw("/api/v1/users", (await NewUser(admin, bad)).ToJsonString());
            Assert.NotEmpty(await FieldErrors(res, "userName"));
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
        var foreign = await admin.PostRaw("/api/v1/users", (await NewUser(admin, Name("foreign"), agency: "UBND-P-HADONG")).ToJsonString());
        Assert.Contains(await FieldErrors(foreign, "agencyId"), m => m.Contains("không thuộc đơn vị đã chọn"));
        var city = await admin.PostRaw("/api/v1/users", (await NewUser(admin, Name("city-agency"), role: "Inspector", agency: "CA-TP")).ToJsonString());
        Assert.Equal("CA-TP", (await city.Json<UserDto>(HttpStatusCode.Created)).AgencyCode);
        var reporter = await admin.PostRaw("/api/v1/users", (await NewUser(admin, Name("no-agency"), role: "AgencyReporter", agency: null)).ToJsonString());
        Assert.NotEmpty(await FieldErrors(reporter, "agencyId"));
    }

    [Fact]
    public async Task Only_administrators_reach_the_users_endpoints()
    {
        var admin = await app.SignIn("admin");
        var id = (await Users(admin, "lanhdao")).Single().Id;
        var body = (await NewUser(admin, Name("by-coordinator"))).ToJsonString();
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
        Assert.Equal(HttpStatusCode.OK, (await Login(Anonymous(), "lanhdao", PcmdApp.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Anonymous().GetAsync("/api/v1/users")).StatusCode);
    }

    [Fact]
    public async Task A_locked_user_cannot_sign_in_until_unlocked()
    {
        var admin = await app.SignIn("admin");
        var userName = Name("locked");
        var id = (await Create(admin, userName)).Id;
        var locked = await (await admin.PostRaw($"/api/v1/users/{id}/lock", "{}")).Json<UserDto>(HttpStatusCode.OK);
        Assert.NotNull(locked.LockedOutUntil);
        var listed = (await Users(admin, userName)).Single();
        Assert.NotNull(listed.LockedOutUntil);

        var refused = await (await Login(Anonymous(), userName)).Json<Problem>(HttpStatusCode.Unauthorized);
        Assert.Equal("Tài khoản đã bị quản trị hệ thống khóa. Hãy liên hệ quản trị hệ thống.", refused.Detail);
        Assert.Contains("Đang khóa", await admin.GetStringAsync("/users"));

        var unlocked = await (await admin.PostRaw($"/api/v1/users/{id}/unlock", "")).Json<UserDto>(HttpStatusCode.OK);
        Assert.Null(unlocked.LockedOutUntil);
        Assert.Equal(HttpStatusCode.OK, (await Login(Anonymous(), userName)).StatusCode);

        // A lock with an end date; the answer is in UTC.
        var until = DateTimeOffset.UtcNow.AddDays(3);
        var dated = await (await admin.PostRaw($"/api/v1/users/{id}/lock", new JsonObject { ["until"] = until.ToString("O") }.ToJsonString())).Json<UserDto>(HttpStatusCode.OK);
        Assert.InRange(dated.LockedOutUntil!.Value, until.AddSeconds(-1), until.AddSeconds(1));
        Assert.Equal(HttpStatusCode.Unauthorized, (await Login(Anonymous(), userName)).StatusCode);
        var past = await admin.PostRaw($"/api/v1/users/{id}/lock", "{\"until\":\"2020-01-01T00:00:00Z\"}");
        Assert.NotEmpty(await FieldErrors(past, "until"));
        await (await admin.PostRaw($"/api/v1/users/{id}/unlock", "{}")).Json(HttpStatusCode.OK);

        var adminId = (await Users(admin, "admin")).Single(u => u.UserName == "admin").Id;
        var self = await admin.PostRaw($"/api/v1/users/{adminId}/lock", "{}");
        Assert.Contains("Bạn không thể tự khóa tài khoản của mình.", await FieldErrors(self, "id"));
    }

    [Fact]
    public async Task An_update_with_a_stale_concurrency_stamp_is_a_conflict()
    {
        var admin = await app.SignIn("admin");
        var user = await Create(admin, Name("stale"));
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
        var user = await Create(admin, Name("role-change"));
        var id = user.Id;
        var officer = Anonymous();
        Assert.Equal(HttpStatusCode.OK, (await Login(officer, Name("role-change"))).StatusCode);

        var update = new JsonObject
        {
            ["fullName"] = user.FullName, ["role"] = "Inspector", ["orgUnitId"] = user.OrgUnitId,
            ["agencyId"] = await AgencyId(admin, "DOI178-PHULUONG"), ["concurrencyStamp"] = user.ConcurrencyStamp,
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
        var again = Anonymous();
        await Login(again, Name("role-change"));
        Assert.Equal(["Inspector"], (await again.GetJson<MeResponse>("/api/v1/auth/me")).Roles);
        Assert.Equal(HttpStatusCode.Forbidden, (await again.PostRaw("/api/v1/plans/import", SamplePlan.Create(Name("x").Replace('.', '-'), unit: "09568").ToJsonString())).StatusCode);

        var me = await Users(admin, "admin");
        var adminUser = await admin.GetJson<UserDto>($"/api/v1/users/{me.Single(u => u.UserName == "admin").Id}");
        var demote = new JsonObject
        {
            ["fullName"] = adminUser.FullName, ["role"] = "Coordinator", ["orgUnitId"] = adminUser.OrgUnitId, ["concurrencyStamp"] = adminUser.ConcurrencyStamp,
        };
        var refused = await admin.PutRaw($"/api/v1/users/{adminUser.Id}", demote.ToJsonString());
        Assert.Contains("Bạn không thể tự bỏ vai trò quản trị hệ thống của mình.", await FieldErrors(refused, "role"));
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/v1/users")).StatusCode);
    }

    [Fact]
    public async Task An_administrator_sets_a_new_password()
    {
        var admin = await app.SignIn("admin");
        var userName = Name("reset");
        var id = (await Create(admin, userName)).Id;
        var weak = await admin.PostRaw($"/api/v1/users/{id}/password", "{\"password\":\"abc\"}");
        Assert.Contains("Mật khẩu phải có ít nhất 10 ký tự.", await FieldErrors(weak, "password"));
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostRaw($"/api/v1/users/{id}/password", "{\"password\":\"Moi@matkhau2026\"}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Login(Anonymous(), userName)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Login(Anonymous(), userName, "Moi@matkhau2026")).StatusCode);
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
        var unit = await UnitId(admin, "09568");
        var agency = await AgencyId(admin, "UBND-PHULUONG");
        var userName = Name("page-user");
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
        Assert.Equal(HttpStatusCode.Unauthorized, (await Login(Anonymous(), userName)).StatusCode);
    }

    static string Token(string html) =>
        Regex.Match(html, "name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"").Groups[1].Value is { Length: > 0 } t
            ? t : throw new InvalidOperationException("No antiforgery token on the page");
}

[Collection(SqliteCollection.Name)]
public sealed class UserAdminTestsOnSqlite(SqliteApp app) : UserAdminTests(app);

[Collection(PostgresCollection.Name)]
public sealed class UserAdminTestsOnPostgres(PostgresApp app) : UserAdminTests(app);
