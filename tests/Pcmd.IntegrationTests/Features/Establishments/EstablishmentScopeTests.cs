using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pcmd.IntegrationTests.Infrastructure;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Establishments;

namespace Pcmd.IntegrationTests.Features.Establishments;

/// <summary>A ward officer reaches no establishment of another ward through any endpoint (record, list, exports,
/// changes, import), and keeps those of the ward merged into theirs.</summary>
public abstract class EstablishmentScopeTests(PcmdApp app)
{
    readonly EstablishmentTestData data = new(app);

    string Tag(string what) => data.Tag(what);

    [Fact]
    public async Task Ha_Dong_cannot_read_list_export_or_change_a_Phu_Luong_establishment()
    {
        var phuluong = await app.SignIn("phuluong");
        var name = Tag("Phạm vi");
        var (id, version) = await phuluong.Create(EstablishmentApi.Input(name, await phuluong.TypeId("KARAOKE"), await app.UnitId("09568"), Tag("GPS")));
        var hadong = await app.SignIn("hadong");

        Assert.Equal(HttpStatusCode.NotFound, (await hadong.GetAsync($"/api/v1/establishments/{id}")).StatusCode);
        Assert.Empty(await hadong.Search(name));
        Assert.Equal(HttpStatusCode.NotFound, (await hadong.GetAsync($"/api/v1/establishments?unit={await app.UnitId("09568")}")).StatusCode);
        var csv = await (await hadong.GetAsync("/api/v1/establishments/export.csv")).Content.ReadAsStringAsync();
        Assert.DoesNotContain(name, csv);
        Assert.Contains("Karaoke Nice", csv);
        var xlsx = XlsxBuilder.Read(await hadong.GetByteArrayAsync("/api/v1/establishments/export.xlsx"));
        Assert.Contains(xlsx, r => r[0] as string == "Karaoke Nice");
        Assert.DoesNotContain(xlsx, r => r[0] as string == name || r[3] as string == "09568");

        var change = EstablishmentApi.Input("Chiếm quyền", await hadong.TypeId("KARAOKE"), await app.UnitId("09556"));
        change["version"] = version;
        Assert.Equal(HttpStatusCode.NotFound, (await hadong.PutRaw($"/api/v1/establishments/{id}", change.ToJsonString())).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await hadong.DeleteAsync($"/api/v1/establishments/{id}?version={version}")).StatusCode);
        var page = await hadong.GetAsync($"/establishments/{id}");
        Assert.DoesNotContain(name, await page.Content.ReadAsStringAsync());
        Assert.Equal(name, (await phuluong.Establishment(id)).Name);
        Assert.Equal(version, (await phuluong.Establishment(id)).Version);
    }

    [Fact]
    public async Task A_commune_officer_cannot_create_in_another_commune()
    {
        var hadong = await app.SignIn("hadong");
        var res = await hadong.PostRaw("/api/v1/establishments", EstablishmentApi.Input(Tag("Sang xã khác"), await hadong.TypeId("KARAOKE"), await app.UnitId("09568")).ToJsonString());
        var problem = await res.Json(HttpStatusCode.BadRequest);
        Assert.Contains(problem.Errors(), e => e.StartsWith("orgUnitId: ") && e.Contains("ngoài phạm vi"));
    }

    [Fact]
    public async Task Records_of_the_merged_Phu_Lam_count_for_Phu_Luong_and_stay_out_of_Ha_Dong()
    {
        var phuLam = await app.UnitId("09568", on: "2024-01-01");
        var phuLuong = await app.UnitId("09568");
        var name = Tag("Cơ sở Phú Lãm cũ");
        using (var scope = app.Services.CreateScope())
        {
            // Recorded before the 1/7/2025 merger, under the old ward (the API only records in current communes).
            var db = scope.ServiceProvider.GetRequiredService<PcmdDbContext>();
            var type = await db.EstablishmentTypes.FirstAsync(t => t.Code == "NHA-NGHI");
            db.Establishments.Add(new Establishment { Name = name, Address = "Phú Lãm", TypeId = type.Id, OrgUnitId = phuLam, Status = ManagementStatus.UnderManagement, ManagedFrom = new DateOnly(2020, 1, 1) });
            await db.SaveChangesAsync();
        }
        var officer = await app.SignIn("phuluong");
        Assert.Single(await officer.Search(name, $"&unit={phuLuong}"));
        var admin = await app.SignIn("admin");
        Assert.Single(await admin.Search(name, $"&unit={phuLuong}"));
        Assert.Empty(await admin.Search(name, $"&unit={await app.UnitId("09556")}"));
        Assert.Empty(await (await app.SignIn("hadong")).Search(name));

        // Kept in the old ward on edit; a move must go to a current commune.
        var e = await officer.Establishment((await officer.Search(name)).Single().Id);
        var input = EstablishmentApi.Input(name, e.TypeId, phuLam);
        input["version"] = e.Version;
        Assert.Equal(HttpStatusCode.OK, (await officer.PutRaw($"/api/v1/establishments/{e.Id}", input.ToJsonString())).StatusCode);
    }

    [Fact]
    public async Task A_commune_officer_importing_a_row_of_another_commune_gets_that_row_rejected()
    {
        var hadong = await app.SignIn("hadong");
        var prefix = Tag("Nhập chéo");
        var file = XlsxBuilder.Build([
            XlsxBuilder.Row(prefix + " đúng", prefix + "-1", commune: "09556"),
            XlsxBuilder.Row(prefix + " sai", prefix + "-2", commune: "09568"),
        ]);
        var job = await hadong.Import(file, "skipBadRows");
        Assert.Equal("done", job.State);
        Assert.Equal(1, job.Accepted);
        var problem = Assert.Single(job.Problems());
        Assert.Equal((3, "Mã xã/phường"), (problem.Row, problem.Column));
        Assert.Contains("ngoài phạm vi", problem.Message);
        Assert.Equal([prefix + " đúng"], (await (await app.SignIn("admin")).Search(prefix)).Select(i => i.Name));
    }

    [Fact]
    public async Task Only_the_user_who_started_an_import_or_an_administrator_reads_its_report()
    {
        var phuluong = await app.SignIn("phuluong");
        var accepted = await (await phuluong.Upload(XlsxBuilder.Build([XlsxBuilder.Row(Tag("Báo cáo"), Tag("GPR"))]))).Json<JobAccepted>(HttpStatusCode.Accepted);
        var jobId = accepted.JobId;
        await phuluong.WaitForJob(jobId);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignIn("hadong")).GetAsync($"/api/v1/establishments/import/{jobId}")).StatusCode);
        Assert.DoesNotContain("job-state", await (await (await app.SignIn("hadong")).GetAsync($"/establishments/import/{jobId}")).Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await (await app.SignIn("admin")).GetAsync($"/api/v1/establishments/import/{jobId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignIn("lanhdao")).Upload(Encoding.UTF8.GetBytes("x"))).StatusCode);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class EstablishmentScopeTestsOnSqlite(SqliteApp app) : EstablishmentScopeTests(app);

[Collection(PostgresCollection.Name)]
public sealed class EstablishmentScopeTestsOnPostgres(PostgresApp app) : EstablishmentScopeTests(app);
