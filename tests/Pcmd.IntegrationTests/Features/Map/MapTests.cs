using System.Globalization;
using System.Net;
using System.Text.Json;
using Pcmd.IntegrationTests.Infrastructure;
using static Pcmd.IntegrationTests.Features.Map.MapTestData;

namespace Pcmd.IntegrationTests.Features.Map;

/// <summary>The map asks for the visible box and zoom; each layer comes back as points when few, else as clusters counted
/// by the database, whose counts add up to the points in the box; scope holds for clusters as for points; the labels and
/// unit names come once per answer; no answer for the whole city passes 100 kB.</summary>
public abstract class MapTests(PcmdApp app)
{
    readonly MapTestData data = new(app);
    const int MaxBytes = 100_000;

    static async Task<(MapAnswer Answer, string Raw)> Get(HttpClient c, string query)
    {
        var res = await c.GetAsync("/api/v1/map/points?" + query);
        var raw = await res.Content.ReadAsStringAsync();
        Assert.True(res.StatusCode == HttpStatusCode.OK, $"{query}: {(int)res.StatusCode} {raw}");
        return (JsonSerializer.Deserialize<MapAnswer>(raw, Http.JsonOptions)!, raw);
    }

    static int Occurrences(string text, string part) => (text.Length - text.Replace(part, "").Length) / part.Length;

    [Fact]
    public async Task A_box_returns_its_points_only_with_each_label_and_unit_name_once()
    {
        var ward = await data.Ward();
        var officer = await data.Officer();
        var (answer, raw) = await Get(officer, $"layer=establishments&bbox={Box(2, 3, 6, 12)}&zoom=17");

        var points = Assert.IsType<List<MapPointAnswer>>(answer.Establishments!.Points);
        Assert.Null(answer.Establishments.Clusters);
        Assert.Null(answer.Hotspots);
        Assert.Equal(5 * 10, points.Count);
        Assert.Equal(points.Count, answer.Establishments.Total);
        Assert.All(points, p =>
        {
            Assert.InRange(p.Lng, Lng0 + 1.5 * Step, Lng0 + 6.5 * Step);
            Assert.InRange(p.Lat, Lat0 + 2.5 * Step, Lat0 + 12.5 * Step);
            Assert.Equal("underManagement", p.Status);
            Assert.Equal(ward, p.UnitId);
        });
        Assert.Contains(points, p => p.Name.EndsWith(" 12-06"));
        Assert.DoesNotContain(points, p => p.Name.EndsWith(" 02-06") || p.Name.EndsWith(" 12-07"));

        // Fifty points under management in one ward: the status's text and the ward's name are written once.
        Assert.Equal("Đang quản lý", answer.Labels.Statuses["underManagement"]);
        Assert.Equal(data.WardName, answer.Units[ward.ToString()]);
        Assert.Equal(1, Occurrences(raw, "Đang quản lý"));
        Assert.Equal(1, Occurrences(raw, data.WardName));
        Assert.Equal("/establishments/{id}", answer.Urls["establishment"]);
        Assert.DoesNotContain("\"label\"", raw);
    }

    [Fact]
    public async Task Above_the_threshold_a_layer_is_clusters_whose_counts_add_up_to_the_points_in_the_box()
    {
        await data.Ward();
        var officer = await data.Officer();
        foreach (var zoom in new[] { 8, 12, 15, 16, 19 })
        {
            var (answer, raw) = await Get(officer, $"layer=establishments&bbox={Box(0, 0, Columns - 1, Rows - 1)}&zoom={zoom}");
            var clusters = Assert.IsType<List<MapClusterAnswer>>(answer.Establishments!.Clusters);
            Assert.Null(answer.Establishments.Points);
            Assert.Equal(Count, clusters.Sum(c => c.Count));
            Assert.Equal(Count, answer.Establishments.Total);
            Assert.All(clusters, c =>
            {
                Assert.InRange(c.Lat, c.Bounds[0], c.Bounds[2]);
                Assert.InRange(c.Lng, c.Bounds[1], c.Bounds[3]);
                Assert.InRange(c.Bounds[0], Lat0 - Step, Lat0 + Rows * Step);
                Assert.InRange(c.Bounds[1], Lng0 - Step, Lng0 + Columns * Step);
            });
            // Closer in, smaller cells: more clusters (the grid is 0.02° wide in all, 64 px cells at zoom 19 are ≈ 0.00017°).
            if (zoom == 8) Assert.Single(clusters);
            if (zoom == 19) Assert.True(clusters.Count > 16, $"{clusters.Count} clusters at zoom 19");
            Assert.True(raw.Length < MaxBytes);
        }
        // A box cutting the grid counts only what is inside it.
        var (part, _) = await Get(officer, $"layer=establishments&bbox={Box(0, 0, Columns - 1, 10)}&zoom=18");
        Assert.Equal(Columns * 11, part.Establishments!.Total);
        Assert.Equal(Columns * 11, (part.Establishments.Clusters ?? []).Sum(c => c.Count) + (part.Establishments.Points?.Count ?? 0));
    }

    [Fact]
    public async Task A_ward_officers_clusters_count_only_what_the_ward_may_read()
    {
        var ward = await data.Ward();
        var officer = await data.Officer();
        var readable = await data.Located(await data.Readable(ward));
        var everything = await data.Located();
        Assert.True(readable >= Count && everything > readable + 1000, $"{readable} readable of {everything}");

        // The whole area, then a box over all of Hà Nội and beyond: the demo's thousands of points are not counted.
        foreach (var query in new[] { "", "bbox=102,20,107,23&zoom=7", "bbox=102,20,107,23&zoom=13" })
        {
            var (answer, _) = await Get(officer, "layer=establishments&" + query);
            Assert.Equal(readable, answer.Establishments!.Total);
            Assert.Equal(readable, answer.Establishments.Clusters!.Sum(c => c.Count));
        }
        var (whole, _) = await Get(officer, "layer=establishments");
        Assert.Equal(Lat0, whole.Extent!.South, 6);
        Assert.Equal(Lng0 + (Columns - 1) * Step, whole.Extent.East, 6);

        var coordinator = await data.SignIn("dieuphoi");
        var (city, _) = await Get(coordinator, "layer=establishments&bbox=102,20,107,23&zoom=9");
        Assert.Equal(everything, city.Establishments!.Total);
        Assert.Equal(everything, city.Establishments.Clusters!.Sum(c => c.Count));
        var other = await data.SignIn("hadong");
        var (theirs, _) = await Get(other, $"layer=establishments&bbox={Box(0, 0, Columns - 1, Rows - 1)}&zoom=16");
        Assert.Equal(0, theirs.Establishments!.Total);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/map/points?unit={ward}&bbox=102,20,107,23")).StatusCode);
    }

    [Fact]
    public async Task No_answer_for_the_whole_city_passes_100_kB()
    {
        await data.Ward();
        var coordinator = await data.SignIn("dieuphoi");
        var establishments = await data.Located();
        var hotspots = await data.LocatedHotspots();
        Assert.True(establishments > 2000, $"{establishments} establishments: the demo data set is missing");
        var queries = new List<string> { "", "layer=both", "layer=hotspots", "layer=establishments", "status=underManagement" };
        queries.AddRange(Enumerable.Range(0, 20).Select(z => $"bbox=102,20,107,23&zoom={z}"));
        queries.AddRange(new[] { "bbox=-180,-90,180,90&zoom=22", "bbox=-180,-90,180,90", "bbox=105.7,20.9,105.9,21.1&zoom=13" });
        foreach (var q in queries)
        {
            var res = await coordinator.GetAsync("/api/v1/map/points?" + q);
            var bytes = (await res.Content.ReadAsByteArrayAsync()).Length;
            Assert.Equal(HttpStatusCode.OK, res.StatusCode);
            Assert.True(bytes <= MaxBytes, $"{q}: {bytes} bytes");
        }
        var (all, _) = await Get(coordinator, "");
        Assert.Equal(establishments, all.Establishments!.Total);
        Assert.Equal(hotspots, all.Hotspots!.Total);
        Assert.Equal(establishments, all.Establishments.Clusters!.Sum(c => c.Count));
        var n = (all.Hotspots.Points?.Count ?? 0) + (all.Hotspots.Clusters?.Sum(c => c.Count) ?? 0);
        Assert.Equal(hotspots, n);
    }

    [Fact]
    public async Task Few_points_whose_names_are_too_heavy_to_list_come_as_clusters()
    {
        await data.HeavyNames();
        var officer = await data.Officer();
        var (answer, raw) = await Get(officer, $"layer=establishments&bbox={HeavyBox}&zoom=19");
        Assert.Equal(30, answer.Establishments!.Total);
        Assert.Null(answer.Establishments.Points);
        Assert.Equal(30, answer.Establishments.Clusters!.Sum(c => c.Count));
        Assert.True(raw.Length < 10_000, $"{raw.Length} characters");
        // Only six of them in the box: listed.
        var (six, _) = await Get(officer, "layer=establishments&bbox=104.09,22.19,104.10055,22.21&zoom=19");
        Assert.Equal(6, six.Establishments!.Points!.Count);
    }

    [Theory]
    [InlineData("bbox=abc", "bbox")]
    [InlineData("bbox=105,20,106", "bbox")]
    [InlineData("bbox=105,20,106,21,5", "bbox")]
    [InlineData("bbox=106,20,105,21", "bbox")]
    [InlineData("bbox=105,21,106,20", "bbox")]
    [InlineData("bbox=105,20,181,21", "bbox")]
    [InlineData("bbox=105,-91,106,21", "bbox")]
    [InlineData("bbox=105,20,NaN,21", "bbox")]
    [InlineData("zoom=23", "zoom")]
    [InlineData("zoom=-1", "zoom")]
    [InlineData("zoom=abc", "zoom")]
    [InlineData("zoom=1.5", "zoom")]
    public async Task A_bad_box_or_zoom_is_a_Vietnamese_problem_on_its_field(string query, string field)
    {
        var officer = await data.SignIn("phuluong");
        var problem = await (await officer.GetAsync("/api/v1/map/points?" + query)).Json<Problem>(HttpStatusCode.BadRequest);
        var message = Assert.Single(problem.On(field));
        Assert.Matches("[ạảãàáâậầấẩẫăắằặẳẵóòọõỏôộổỗồốơờớợởỡéèẻẹẽêếềệểễúùụủũưựữửừứíìịỉĩýỳỷỵỹđ]", message.ToLower(CultureInfo.GetCultureInfo("vi-VN")));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class MapTestsOnSqlite(SqliteApp app) : MapTests(app);

[Collection(PostgresCollection.Name)]
public sealed class MapTestsOnPostgres(PostgresApp app) : MapTests(app);
