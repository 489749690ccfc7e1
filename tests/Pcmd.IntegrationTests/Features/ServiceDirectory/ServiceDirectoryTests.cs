using System.Net;
using System.Text.RegularExpressions;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Pcmd.IntegrationTests.Infrastructure;

namespace Pcmd.IntegrationTests.Features.ServiceDirectory;

public sealed record ServiceView(int Id, string Name, string Kind, int OrgUnitId, string OrgUnitName, string Address, string? Hours,
    string? Phone, string? Description, bool Active, int Version);

public sealed record ServicePage(int Total, List<ServiceView> Items);

public sealed class ServiceDirectoryTestData(PcmdApp app) : TestData(app);

/// <summary>The support-service directory through the API: who keeps it, how a commune's search finds the city-wide
/// services too, bad input refused with nothing saved, closed services hidden, and edit conflicts.</summary>
public abstract class ServiceDirectoryTests(PcmdApp app)
{
    readonly ServiceDirectoryTestData data = new(app);
    const string PhuLuong = "09568", HaDong = "09556";

    static JsonObject Input(string name, int unit, string kind = "legalAid", int version = 0, bool active = true) => new()
    {
        ["name"] = name, ["kind"] = kind, ["orgUnitId"] = unit, ["address"] = "Số 5 phố Thử Nghiệm", ["hours"] = "8:00–17:00",
        ["phone"] = "024 3999 0000", ["description"] = "<b>Tạo trong kiểm thử</b>", ["active"] = active, ["version"] = version,
    };

    async Task<int> Count(string name) => await data.Db(db => db.SupportServices.CountAsync(s => s.Name == name));

    [Fact]
    public async Task The_coordinator_adds_a_service_and_everyone_signed_in_finds_it_by_commune_and_kind()
    {
        var coordinator = await app.SignIn("dieuphoi");
        var name = data.Unique("Trợ giúp pháp lý thử");
        var pl = await data.UnitId(PhuLuong);
        var saved = await (await coordinator.PostRaw("/api/v1/support-services", Input(name, pl).ToJsonString())).Json<Versioned>(HttpStatusCode.Created);

        var worker = await app.SignIn("hotro");
        var found = await worker.GetJson<ServicePage>($"/api/v1/support-services?unit={pl}&kind=LEGALAID&search={Uri.EscapeDataString(name)}");
        var s = Assert.Single(found.Items);
        Assert.Equal(saved.Id, s.Id);
        Assert.Equal("<b>Tạo trong kiểm thử</b>", s.Description); // stored as typed
        // The same search from another commune does not list a Phú Lương place…
        var hd = await data.UnitId(HaDong);
        Assert.Equal(0, (await worker.GetJson<ServicePage>($"/api/v1/support-services?unit={hd}&search={Uri.EscapeDataString(name)}")).Total);
        // …but both communes' searches list the city-wide hotline of the demo.
        foreach (var unit in new[] { pl, hd })
        {
            var hotlines = await worker.GetJson<ServicePage>($"/api/v1/support-services?unit={unit}&kind=hotline");
            Assert.Contains(hotlines.Items, h => h.Phone == "111");
        }
        var one = await worker.GetJson<ServiceView>($"/api/v1/support-services/{saved.Id}");
        Assert.Equal("legalAid", one.Kind);
        Assert.Equal(pl, one.OrgUnitId);
    }

    [Fact]
    public async Task Only_those_who_keep_the_directory_may_change_it()
    {
        var pl = await data.UnitId(PhuLuong);
        foreach (var user in new[] { "phuluong", "hotro", "kiemtra", "lanhdao", "congan" })
        {
            var name = data.Unique("Không được thêm");
            var client = await app.SignIn(user);
            var res = await client.PostRaw("/api/v1/support-services", Input(name, pl).ToJsonString());
            Assert.Equal(HttpStatusCode.Forbidden, res.StatusCode);
            Assert.Equal(0, await Count(name));
        }
    }

    [Fact]
    public async Task Bad_input_is_refused_in_Vietnamese_and_nothing_is_saved()
    {
        var coordinator = await app.SignIn("dieuphoi");
        var pl = await data.UnitId(PhuLuong);
        var name = data.Unique("Dữ liệu sai");
        // An unknown kind never reaches the rules: the body itself is refused, by field.
        var kind = await (await coordinator.PostRaw("/api/v1/support-services", Input(name, pl, kind: "spa").ToJsonString())).Json<Problem>(HttpStatusCode.BadRequest);
        Assert.Equal(["kind: Giá trị không đúng kiểu."], kind.Lines());
        var bad = Input(name, pl);
        bad["phone"] = "gọi tôi <script>";
        bad["address"] = " ";
        bad["hours"] = new string('x', 201);
        var problem = await (await coordinator.PostRaw("/api/v1/support-services", bad.ToJsonString())).Json<Problem>(HttpStatusCode.BadRequest);
        var lines = problem.Lines();
        Assert.Contains(lines, l => l.StartsWith("phone: Số điện thoại"));
        Assert.Contains("address: Cần nhập địa chỉ.", lines);
        Assert.Contains("hours: Tối đa 200 ký tự.", lines);
        Assert.Equal(0, await Count(name));

        // A unit that ended (merged on 1/7/2025) is no place for a service today.
        var ended = await data.Db(db => db.OrgUnits.Where(u => u.ValidTo != null).Select(u => u.Id).FirstAsync());
        var endedProblem = await (await coordinator.PostRaw("/api/v1/support-services", Input(name, ended).ToJsonString())).Json<Problem>(HttpStatusCode.BadRequest);
        Assert.Contains(endedProblem.On("orgUnitId"), m => m.StartsWith("Chỉ chọn được"));
        Assert.Equal(0, await Count(name));

        var wrongKind = await coordinator.GetJson<Problem>("/api/v1/support-services?kind=spa", HttpStatusCode.BadRequest);
        Assert.Contains("kind: Loại dịch vụ không hợp lệ.", wrongKind.Lines());
    }

    [Fact]
    public async Task A_closed_service_leaves_the_search_and_a_stale_edit_conflicts()
    {
        var coordinator = await app.SignIn("dieuphoi");
        var pl = await data.UnitId(PhuLuong);
        var name = data.Unique("Sắp ngừng");
        var saved = await (await coordinator.PostRaw("/api/v1/support-services", Input(name, pl).ToJsonString())).Json<Versioned>(HttpStatusCode.Created);
        var closed = await (await coordinator.PutRaw($"/api/v1/support-services/{saved.Id}", Input(name, pl, version: saved.Version, active: false).ToJsonString()))
            .Json<Versioned>(HttpStatusCode.OK);
        Assert.True(closed.Version > saved.Version);

        var search = $"/api/v1/support-services?search={Uri.EscapeDataString(name)}";
        Assert.Equal(0, (await coordinator.GetJson<ServicePage>(search)).Total);
        Assert.False(Assert.Single((await coordinator.GetJson<ServicePage>(search + "&includeInactive=true")).Items).Active);

        var stale = Input(name + " (sửa cũ)", pl, version: saved.Version);
        Assert.Equal(HttpStatusCode.Conflict, (await coordinator.PutRaw($"/api/v1/support-services/{saved.Id}", stale.ToJsonString())).StatusCode);
        Assert.Equal(0, await Count(name + " (sửa cũ)"));
    }

    [Fact]
    public async Task The_pages_list_search_add_and_close_a_service()
    {
        var coordinator = await app.SignIn("dieuphoi");
        var pl = await data.UnitId(PhuLuong);
        var name = data.Unique("Điểm tư vấn <i>trang</i>");
        var form = await coordinator.GetStringAsync("/support-services/new");
        List<KeyValuePair<string, string>> Fields(string html, string address, string active, int version) =>
        [
            new("_handler", "support-service"), new("__RequestVerificationToken", Token(html)), new("Model.Name", name),
            new("Model.Kind", "Psychological"), new("Model.OrgUnitId", pl.ToString()), new("Model.Address", address),
            new("Model.Phone", "0912 000 000"), new("Model.Active", active), new("Model.Version", version.ToString()),
        ];
        var refused = await (await coordinator.PostAsync("/support-services/new", new FormUrlEncodedContent(Fields(form, "", "true", 0))))
            .Content.ReadAsStringAsync();
        Assert.Contains("Cần nhập địa chỉ.", refused);
        Assert.Equal(0, await Count(name));

        var created = await coordinator.PostAsync("/support-services/new", new FormUrlEncodedContent(Fields(form, "Tổ 1", "true", 0)));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var location = created.Headers.Location!.OriginalString;
        var edit = await coordinator.GetStringAsync(location);
        Assert.Contains("Đã lưu.", edit);
        var id = int.Parse(Regex.Match(location, @"/support-services/(\d+)").Groups[1].Value);
        var version = await data.Db(db => db.SupportServices.Where(x => x.Id == id).Select(x => x.Version).SingleAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.PostAsync($"/support-services/{id}",
            new FormUrlEncodedContent(Fields(edit, "Tổ 1", "false", version)))).StatusCode);
        Assert.False(await data.Db(db => db.SupportServices.Where(x => x.Id == id).Select(x => x.Active).SingleAsync()));

        // A case worker reads the list (escaped, with the city-wide hotline for the ward) but is offered no form.
        var worker = await app.SignIn("hotro");
        var list = await worker.GetStringAsync($"/support-services?unit={pl}&inactive=true&q={Uri.EscapeDataString(name)}");
        Assert.Contains(WebUtility.HtmlEncode(name).Replace("&#x2013;", "–"), list);
        Assert.DoesNotContain("<i>trang</i>", list);
        Assert.DoesNotContain("/support-services/new", list);
        Assert.Contains("111", await worker.GetStringAsync($"/support-services?unit={pl}&kind=Hotline"));
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.GetAsync("/support-services/new")).StatusCode);
    }

    static string Token(string html) =>
        Regex.Match(html, "name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"").Groups[1].Value is { Length: > 0 } t
            ? t : throw new InvalidOperationException("No antiforgery token on the page");
}

[Collection(SqliteCollection.Name)]
public sealed class ServiceDirectoryTestsOnSqlite(SqliteApp app) : ServiceDirectoryTests(app);

[Collection(PostgresCollection.Name)]
public sealed class ServiceDirectoryTestsOnPostgres(PostgresApp app) : ServiceDirectoryTests(app);
