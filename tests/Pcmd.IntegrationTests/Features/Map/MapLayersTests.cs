using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pcmd.IntegrationTests.Infrastructure;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Establishments;
using Pcmd.Web.Features.Inspections;
using Pcmd.Web.Features.Tips;
using Xunit.Abstractions;
using static Pcmd.IntegrationTests.Features.Map.MapTestData;

namespace Pcmd.IntegrationTests.Features.Map;

/// <summary>The map's layers per computation (issue 14, item 4): establishments by inspection status in a year, tips (their
/// place only, to the roles that may see tips), a year filter, the records without coordinates listed beside the map; and
/// its weight (issue 15, item 10): the page and its answers under 100 kB, compressed or not.</summary>
public abstract class MapLayersTests(PcmdApp app, ITestOutputHelper output)
{
    readonly MapTestData data = new(app);
    const string Reporter = "Người Báo Tin Bản Đồ";
    const string Unplaced = "Cơ sở bản đồ chưa có tọa độ";

    /// <summary>In the map tests' ward: an inspection of the grid's first establishment on 10/3/2026, a tip with coordinates
    /// received in 2026, an establishment without coordinates.</summary>
    async Task<(int Ward, string TipCode)> Seed()
    {
        var ward = await data.Ward();
        using var scope = data.Scope();
        var db = scope.ServiceProvider.GetRequiredService<PcmdDbContext>();
        var tipCode = $"TBS-MAP-{data.Provider.ToUpperInvariant()}";
        if (await db.Tips.AnyAsync(t => t.Code == tipCode)) return (ward, tipCode);
        var first = await db.Establishments.Where(e => e.OrgUnitId == ward && e.Name.EndsWith(" 00-00")).Select(e => e.Id).SingleAsync();
        var team = new InspectionTeam { Name = "Đội bản đồ " + data.Provider, Kind = TeamKind.Interagency178, OrgUnitId = ward };
        db.InspectionTeams.Add(team);
        await db.SaveChangesAsync();
        db.Inspections.Add(new Inspection { EstablishmentId = first, OrgUnitId = ward, TeamId = team.Id, Date = new DateOnly(2026, 3, 10) });
        db.Tips.Add(new Tip
        {
            Code = tipCode, Channel = TipChannel.Hotline, ReceivedAt = new DateTime(2026, 5, 1, 3, 0, 0, DateTimeKind.Utc), ReceivingUnitId = ward,
            Category = TipCategory.Soliciting, OrgUnitId = ward, Place = "Ngõ Bản Đồ", Latitude = Lat0 + 5 * Step, Longitude = Lng0 + 5 * Step,
            Description = "Mô tả tin báo bản đồ", ReporterName = Reporter, ReporterContact = "0900000000", State = TipState.Received,
        });
        var type = await db.EstablishmentTypes.OrderBy(t => t.Id).Select(t => t.Id).FirstAsync();
        db.Establishments.Add(new Establishment { Name = Unplaced, Address = "Số 3 phố Bản Đồ", TypeId = type, OrgUnitId = ward,
            Status = ManagementStatus.UnderManagement, RiskClass = RiskClass.High });
        await db.SaveChangesAsync();
        return (ward, tipCode);
    }

    static async Task<(JsonNode Answer, string Raw)> Points(HttpClient c, string query, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var res = await c.GetAsync("/api/v1/map/points?" + query);
        var raw = await res.Content.ReadAsStringAsync();
        Assert.True(res.StatusCode == expected, $"{query}: {(int)res.StatusCode} {raw}");
        return (JsonNode.Parse(raw)!, raw);
    }

    [Fact]
    public async Task Establishments_carry_their_inspection_status_of_the_year_and_filter_by_it()
    {
        await Seed();
        var officer = await data.Officer();
        var (near, _) = await Points(officer, $"layer=establishments&year=2026&bbox={Box(0, 0, 1, 0)}&zoom=19");
        var points = near["establishments"]!["points"]!.AsArray();
        Assert.Equal(2, points.Count);
        Assert.True(points.Single(p => p!["name"]!.GetValue<string>().EndsWith(" 00-00"))!["inspected"]!.GetValue<bool>());
        Assert.False(points.Single(p => p!["name"]!.GetValue<string>().EndsWith(" 00-01"))!["inspected"]!.GetValue<bool>());
        Assert.Equal("Đã kiểm tra trong năm 2026", near["labels"]!["inspections"]!["inspected"]!.GetValue<string>());
        Assert.Equal(2026, near["year"]!.GetValue<int>());

        var all = (await Points(officer, "layer=establishments&year=2026")).Answer["establishments"]!["total"]!.GetValue<int>();
        var inspected = (await Points(officer, "layer=establishments&year=2026&inspection=inspected")).Answer["establishments"]!["total"]!.GetValue<int>();
        var not = (await Points(officer, "layer=establishments&year=2026&inspection=notInspected")).Answer["establishments"]!["total"]!.GetValue<int>();
        Assert.Equal(1, inspected);
        Assert.Equal(all, inspected + not);
        Assert.Equal(0, (await Points(officer, "layer=establishments&year=2025&inspection=inspected")).Answer["establishments"]!["total"]!.GetValue<int>());
        var bad = await (await officer.GetAsync("/api/v1/map/points?inspection=maybe&year=20255")).Json<Problem>(HttpStatusCode.BadRequest);
        Assert.NotEmpty(bad.On("inspection"));
        Assert.NotEmpty(bad.On("year"));
    }

    [Fact]
    public async Task Tips_show_their_place_only_and_only_to_the_roles_that_may_see_tips()
    {
        var (_, code) = await Seed();
        var officer = await data.Officer();
        var (answer, raw) = await Points(officer, $"layer=tips&year=2026&bbox={Box(0, 0, 10, 10)}&zoom=19");
        Assert.Null(answer["establishments"]);
        var tip = Assert.Single(answer["tips"]!["points"]!.AsArray());
        Assert.Equal(code, tip!["name"]!.GetValue<string>());
        Assert.Equal("/tips/{id}", answer["urls"]!["tip"]!.GetValue<string>());
        Assert.DoesNotContain(Reporter, raw);
        Assert.DoesNotContain("0900000000", raw);
        Assert.DoesNotContain("Mô tả tin báo bản đồ", raw);
        Assert.Equal(0, (await Points(officer, "layer=tips&year=2025")).Answer["tips"]!["total"]!.GetValue<int>());
        // "All" adds the tips to both other layers.
        var (every, _) = await Points(officer, $"layer=all&year=2026&bbox={Box(0, 0, 10, 10)}&zoom=19");
        Assert.NotNull(every["hotspots"]);
        Assert.NotNull(every["establishments"]);
        Assert.Single(every["tips"]!["points"]!.AsArray());

        // A support case worker may not see tips: refused when asked, left out of "all".
        var caseWorker = await app.SignIn("hotro");
        Assert.Equal(HttpStatusCode.Forbidden, (await caseWorker.GetAsync("/api/v1/map/points?layer=tips")).StatusCode);
        Assert.Null((await Points(caseWorker, "layer=all")).Answer["tips"]);
        // Another ward's officer sees none of this ward's tips.
        var other = await app.SignIn("hadong");
        Assert.DoesNotContain(code, (await Points(other, "layer=tips&year=2026")).Raw);
    }

    [Fact]
    public async Task Records_without_coordinates_are_listed_beside_the_map_by_unit()
    {
        var (ward, _) = await Seed();
        var officer = await data.Officer();
        var html = await officer.GetStringAsync("/map?layer=establishments");
        var aside = html[html.IndexOf("data-testid=\"map-unlocated\"", StringComparison.Ordinal)..];
        Assert.Contains("Chưa có tọa độ", aside);
        Assert.Contains(data.WardName, aside);
        Assert.Contains($"href=\"/establishments?unit={ward}\"", aside);
        Assert.Contains("1 cơ sở", aside);
        Assert.DoesNotContain(Unplaced, html); // listed by unit, not drawn nor in the points' table
    }

    [Fact]
    public async Task The_map_page_and_its_answers_stay_under_100_kB_compressed_or_not()
    {
        await Seed();
        var admin = await app.SignIn("admin");
        foreach (var path in new[] { "/map?layer=all", "/api/v1/map/points?layer=all", "/api/v1/map/points" })
        {
            var plain = (await admin.GetByteArrayAsync(path)).Length;
            using var req = new HttpRequestMessage(HttpMethod.Get, path);
            req.Headers.TryAddWithoutValidation("Accept-Encoding", "br");
            using var res = await admin.SendAsync(req);
            var compressed = (await res.Content.ReadAsByteArrayAsync()).Length;
            output.WriteLine($"{path}: {plain:N0} bytes, {compressed:N0} bytes with Brotli");
            Assert.True(plain <= 100_000, $"{path}: {plain} bytes");
            Assert.True(compressed < plain, $"{path}: {compressed} compressed of {plain}");
        }
        var favicon = await admin.GetAsync("/favicon.svg");
        Assert.Equal(HttpStatusCode.OK, favicon.StatusCode);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class MapLayersTestsOnSqlite(SqliteApp app, ITestOutputHelper output) : MapLayersTests(app, output);

[Collection(PostgresCollection.Name)]
public sealed class MapLayersTestsOnPostgres(PostgresApp app, ITestOutputHelper output) : MapLayersTests(app, output);
