using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pcmd.IntegrationTests.Infrastructure;
using Pcmd.Web.Data;

namespace Pcmd.IntegrationTests.Features.Establishments;

/// <summary>The registry through the API: create, update, conflicts, delete, every rule of the record, filters and
/// pagination.</summary>
public abstract class EstablishmentTests(PcmdApp app)
{
    readonly EstablishmentTestData data = new(app);

    string Tag(string what) => data.Tag(what);

    [Fact]
    public async Task A_ward_officer_creates_updates_and_deletes_an_establishment_and_a_stale_version_is_a_conflict()
    {
        var officer = await app.SignIn("phuluong");
        var unit = await app.UnitId("09568");
        var name = Tag("Karaoke CRUD");
        var (id, version) = await officer.Create(EstablishmentApi.Input(name, await officer.TypeId("KARAOKE"), unit, Tag("GP")));

        var got = await officer.Establishment(id);
        Assert.Equal(name, got.Name);
        Assert.Equal("Trần Văn Chủ", got.OwnerName);
        Assert.Equal("Phường Phú Lương", got.OrgUnitName);
        Assert.True(got.CanEdit);

        var change = EstablishmentApi.Input(name + " (đổi)", await officer.TypeId("KARAOKE"), unit);
        change["version"] = version;
        change["riskClass"] = "high";
        var updated = await (await officer.PutRaw($"/api/v1/establishments/{id}", change.ToJsonString())).Json<Versioned>(HttpStatusCode.OK);
        Assert.Equal(version + 1, updated.Version);
        Assert.Equal("high", (await officer.Establishment(id)).RiskClass);

        change["name"] = "Bản ghi đè";
        var stale = await officer.PutRaw($"/api/v1/establishments/{id}", change.ToJsonString());
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await officer.DeleteAsync($"/api/v1/establishments/{id}?version={version}")).StatusCode);
        Assert.Equal(name + " (đổi)", (await officer.Establishment(id)).Name);

        Assert.Equal(HttpStatusCode.NoContent, (await officer.DeleteAsync($"/api/v1/establishments/{id}?version={version + 1}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync($"/api/v1/establishments/{id}")).StatusCode);
    }

    [Fact]
    public async Task The_owners_name_and_phone_are_encrypted_at_rest()
    {
        var officer = await app.SignIn("phuluong");
        var (id, _) = await officer.Create(EstablishmentApi.Input(Tag("Mã hóa"), await officer.TypeId("MASSAGE"), await app.UnitId("09568")));
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PcmdDbContext>();
        var conn = db.Database.GetDbConnection();
        await conn.OpenAsync();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = $"SELECT \"OwnerName\", \"OwnerPhone\" FROM establishments WHERE \"Id\" = {id}";
        await using var r = await cmd.ExecuteReaderAsync();
        Assert.True(await r.ReadAsync());
        Assert.StartsWith("enc1:", r.GetString(0));
        Assert.StartsWith("enc1:", r.GetString(1));
        Assert.DoesNotContain("Trần", r.GetString(0));
    }

    [Fact]
    public async Task Every_rule_of_the_record_is_reported_against_its_field_in_Vietnamese_and_nothing_is_saved()
    {
        var officer = await app.SignIn("phuluong");
        var unit = await app.UnitId("09568");
        var karaoke = await officer.TypeId("KARAOKE");
        var takenLicence = Tag("GP-TAKEN");
        await officer.Create(EstablishmentApi.Input(Tag("Chủ giấy phép"), karaoke, unit, takenLicence));
        var future = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30)).ToString("yyyy-MM-dd");
        var city = await app.UnitId("01");
        var phuLam = await app.UnitId("09568", on: "2024-01-01");
        var haDong = await app.UnitId("09556");
        var inactive = await InactiveType();

        async Task Expect(string field, string contains, Action<JsonObject> change)
        {
            var input = EstablishmentApi.Input(Tag("Sai"), karaoke, unit);
            change(input);
            var res = await officer.PostRaw("/api/v1/establishments", input.ToJsonString());
            var problem = await res.Json(HttpStatusCode.BadRequest);
            Assert.Contains(problem.Errors(), e => e.StartsWith(field + ": ") && e.Contains(contains, StringComparison.Ordinal));
        }
        await Expect("name", "Thiếu tên cơ sở", i => i["name"] = "  ");
        await Expect("address", "Thiếu địa chỉ", i => i["address"] = null);
        await Expect("typeId", "Thiếu loại hình", i => i["typeId"] = 0);
        await Expect("typeId", "ngừng sử dụng", i => i["typeId"] = inactive);
        await Expect("orgUnitId", "Thiếu xã/phường", i => i["orgUnitId"] = 0);
        await Expect("orgUnitId", "không phải đơn vị cấp xã", i => i["orgUnitId"] = city);
        await Expect("orgUnitId", "không còn hiệu lực", i => i["orgUnitId"] = phuLam);
        await Expect("orgUnitId", "ngoài phạm vi", i => i["orgUnitId"] = haDong);
        await Expect("latitude", "ngoài lãnh thổ Việt Nam", i => i["latitude"] = 48.85);
        await Expect("longitude", "ngoài lãnh thổ Việt Nam", i => i["longitude"] = 2.35);
        await Expect("longitude", "cả vĩ độ và kinh độ", i => i["longitude"] = null);
        await Expect("licenceNumber", $"Số giấy phép {takenLicence} đã có ở cơ sở Chủ giấy phép", i => i["licenceNumber"] = takenLicence);
        await Expect("licenceDate", "ở tương lai", i => i["licenceDate"] = future);
        await Expect("commitmentDate", "ở tương lai", i => i["commitmentDate"] = future);
        await Expect("workerCount", "không được âm", i => i["workerCount"] = -1);
        await Expect("managedFrom", "cần có ngày đưa vào quản lý", i => i["managedFrom"] = null);
        await Expect("managedTo", "trước ngày đưa vào quản lý", i => i["managedTo"] = "2020-01-01");
        await Expect("commitmentDate", "cần có ngày ký cam kết", i => i["commitmentDate"] = null);
        Assert.Empty(await officer.Search("Sai-"));
    }

    async Task<int> InactiveType()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PcmdDbContext>();
        var code = "TEST-INACTIVE";
        var type = await db.EstablishmentTypes.FirstOrDefaultAsync(t => t.Code == code);
        if (type is null)
        {
            type = new Pcmd.Web.Features.Establishments.EstablishmentType { Code = code, Name = "Loại hình cũ", Group = Pcmd.Web.Features.Establishments.EstablishmentGroup.Other, IsActive = false, Position = 99 };
            db.EstablishmentTypes.Add(type);
            await db.SaveChangesAsync();
        }
        return type.Id;
    }

    [Fact]
    public async Task An_establishment_with_inspections_cannot_be_deleted()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PcmdDbContext>();
        var inspected = await db.Inspections.Select(i => (int?)i.EstablishmentId).FirstOrDefaultAsync();
        Assert.True(inspected is not null, "the demo data records inspections of the demo establishments");
        var admin = await app.SignIn("admin");
        var e = await admin.Establishment(inspected!.Value);
        var res = await admin.DeleteAsync($"/api/v1/establishments/{inspected}?version={e.Version}");
        var problem = await res.Json(HttpStatusCode.BadRequest);
        Assert.Contains(problem.Errors(), m => m.Contains("Không thể xóa") && m.Contains("kiểm tra"));
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/api/v1/establishments/{inspected}")).StatusCode);
    }

    [Fact]
    public async Task The_list_filters_sorts_and_pages_and_refuses_a_page_size_over_200()
    {
        var officer = await app.SignIn("phuluong");
        var unit = await app.UnitId("09568");
        var prefix = Tag("Lọc");
        var spa = await officer.TypeId("SPA");
        var karaoke = await officer.TypeId("KARAOKE");
        for (var i = 0; i < 3; i++)
        {
            var input = EstablishmentApi.Input($"{prefix} {i}", i == 0 ? spa : karaoke, unit, $"{prefix}-GP{i}");
            input["riskClass"] = i == 2 ? "high" : "low";
            if (i == 1) { input["commitmentSigned"] = false; input["commitmentDate"] = null; input["status"] = "notUnderManagement"; input["managedFrom"] = null; }
            await officer.Create(input);
        }
        Assert.Equal(3, (await officer.Search(prefix)).Count);
        Assert.Single(await officer.Search(prefix, "&type=SPA"));
        Assert.Single(await officer.Search(prefix, "&group=healthTherapy"));
        Assert.Single(await officer.Search(prefix, "&risk=high"));
        Assert.Single(await officer.Search(prefix, "&commitment=false"));
        Assert.Single(await officer.Search(prefix, "&status=notUnderManagement"));
        Assert.Equal(3, (await officer.Search(prefix, $"&unit={unit}")).Count);
        Assert.Single(await officer.Search($"{prefix}-GP2"));
        Assert.Equal([$"{prefix} 2", $"{prefix} 1", $"{prefix} 0"], (await officer.Search(prefix, "&sort=newest")).Select(i => i.Name));

        var page = await officer.GetJson<EstablishmentPageView>($"/api/v1/establishments?q={Uri.EscapeDataString(prefix)}&page=2&pageSize=2");
        Assert.Equal(3, page.Total);
        Assert.Equal(2, page.Page);
        Assert.Equal($"{prefix} 2", page.Items.Single().Name);
        var tooBig = await (await officer.GetAsync("/api/v1/establishments?pageSize=201")).Json(HttpStatusCode.BadRequest);
        Assert.Contains(tooBig.Errors(), e => e.StartsWith("pageSize: "));
        Assert.Equal(HttpStatusCode.BadRequest, (await officer.GetAsync("/api/v1/establishments?risk=extreme")).StatusCode);
    }

    [Fact]
    public async Task The_list_page_shows_the_wards_establishments_with_export_links_that_keep_the_filters()
    {
        var officer = await app.SignIn("phuluong");
        var html = await officer.GetStringAsync("/establishments?q=Ho%C3%A0ng+Gia&risk=High");
        Assert.Contains("Karaoke Hoàng Gia", html);
        Assert.Contains("/api/v1/establishments/export.xlsx?risk=High&amp;q=Ho%C3%A0ng%20Gia", html);
        Assert.Contains("href=\"/establishments/import\"", html);
        var other = await (await app.SignIn("hadong")).GetStringAsync("/establishments?q=Ho%C3%A0ng+Gia");
        Assert.DoesNotContain("Karaoke Hoàng Gia", other);
        var reader = await (await app.SignIn("lanhdao")).GetStringAsync("/establishments");
        Assert.DoesNotContain("href=\"/establishments/import\"", reader);
    }

    [Fact]
    public async Task The_types_catalogue_lists_the_four_groups()
    {
        var types = await (await app.SignIn("lanhdao")).GetJson<List<EstablishmentTypeView>>("/api/v1/establishment-types");
        Assert.Equal(["culture", "healthTherapy", "lodging", "other"], types.Select(t => t.Group).Distinct().Order());
        Assert.Contains(types, t => t.Code == "KARAOKE");
    }

    [Fact]
    public async Task Readers_and_inspectors_cannot_write_the_registry()
    {
        foreach (var user in new[] { "lanhdao", "kiemtra", "congan" })
        {
            var c = await app.SignIn(user);
            var res = await c.PostRaw("/api/v1/establishments", EstablishmentApi.Input(Tag("Không được"), await c.TypeId("KARAOKE"), await app.UnitId("09568")).ToJsonString());
            Assert.Equal(HttpStatusCode.Forbidden, res.StatusCode);
        }
    }
}

[Collection(SqliteCollection.Name)]
public sealed class EstablishmentTestsOnSqlite(SqliteApp app) : EstablishmentTests(app);

[Collection(PostgresCollection.Name)]
public sealed class EstablishmentTestsOnPostgres(PostgresApp app) : EstablishmentTests(app);
