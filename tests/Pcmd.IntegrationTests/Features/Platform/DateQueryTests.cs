using System.Net;
using System.Text.Json.Nodes;
using Pcmd.IntegrationTests.Infrastructure;

namespace Pcmd.IntegrationTests.Features.Platform;

/// <summary>A date in an API query string is read as a person writes it — day first (05/12/2025, 1/8/2025) or ISO — and a
/// day that does not exist (31/02, 32/13) is a Vietnamese problem under the parameter's name; no date query parameter of
/// the document is left to the framework's DateOnly/DateTime binder (which reads month first).</summary>
public abstract class DateQueryTests(PcmdApp app)
{
    readonly TestData data = new Data(app);

    sealed class Data(PcmdApp app) : TestData(app);

    static readonly string[] DateNames = ["from", "to", "on", "date", "since", "until", "day"];

    [Fact]
    public async Task No_date_query_parameter_of_the_document_is_bound_by_the_default_binder()
    {
        var admin = await app.SignIn("admin");
        var doc = await admin.GetJson("/openapi/v1.json");
        var dateQueries = new List<string>();
        var wrong = new List<string>();
        foreach (var (path, ops) in doc["paths"]!.AsObject())
            foreach (var (verb, op) in ops!.AsObject())
                foreach (var p in op!["parameters"]?.AsArray() ?? [])
                {
                    if (p!["in"]!.GetValue<string>() != "query") continue;
                    var name = p["name"]!.GetValue<string>();
                    var schema = p["schema"]!;
                    var format = schema["format"]?.GetValue<string>();
                    var pattern = schema["pattern"]?.GetValue<string>();
                    var where = $"{verb.ToUpperInvariant()} {path} ?{name}";
                    if (format is "date" or "date-time") wrong.Add($"{where}: format {format} (the default binder)");
                    else if (pattern?.Contains(@"\d{1,2}[/", StringComparison.Ordinal) == true) dateQueries.Add(where);
                    else if (DateNames.Contains(name) || name.EndsWith("On", StringComparison.Ordinal) || name.EndsWith("Date", StringComparison.Ordinal))
                        wrong.Add($"{where}: a date parameter not described as dd/mm/yyyy");
                }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
        // The lists that filter by date today: inspections, communication, training, outreach, support statistics, audit, units.
        Assert.True(dateQueries.Count >= 13, $"{dateQueries.Count} date query parameters:\n{string.Join("\n", dateQueries)}");
        Assert.Contains("GET /api/v1/inspections ?from", dateQueries);
        Assert.Contains("GET /api/v1/org-units ?on", dateQueries);
    }

    static async Task<List<(int Id, string Level)>> Units(HttpClient c, int parent, string on)
    {
        var list = await c.GetJson($"/api/v1/org-units?parentId={parent}&on={Uri.EscapeDataString(on)}");
        return list.AsArray().Select(u => (u!["id"]!.GetValue<int>(), u["level"]!.GetValue<string>())).OrderBy(u => u.Item1).ToList();
    }

    [Fact]
    public async Task A_date_is_read_day_first_in_every_spelling()
    {
        var admin = await app.SignIn("admin");
        var hanoi = await data.UnitId("01");
        // 01/08/2025 is 1 August 2025, after the reform: Hà Nội's wards and communes. Read month first it would be
        // 8 January 2025, when the districts still stood.
        var dayFirst = await Units(admin, hanoi, "01/08/2025");
        Assert.NotEmpty(dayFirst);
        Assert.All(dayFirst, u => Assert.Equal("commune", u.Level));
        Assert.Equal(dayFirst, await Units(admin, hanoi, "1/8/2025"));
        Assert.Equal(dayFirst, await Units(admin, hanoi, "2025-08-01"));
        var january = await Units(admin, hanoi, "2025-01-08");
        Assert.Contains(january, u => u.Level == "district");
        Assert.DoesNotContain(january, u => dayFirst.Contains(u));
    }

    [Theory]
    [InlineData("/api/v1/inspections?from=31/02/2026", "from", "28 ngày")]
    [InlineData("/api/v1/inspections?to=29/02/2025", "to", "28 ngày")]
    [InlineData("/api/v1/audit?from=32/13/2025", "from", "tháng phải từ 1 đến 12")]
    [InlineData("/api/v1/communication-events?to=05-12", "to", "không phải một ngày")]
    [InlineData("/api/v1/training-courses?from=2026-02-30", "from", "28 ngày")]
    [InlineData("/api/v1/org-units?on=31/04/2025", "on", "30 ngày")]
    [InlineData("/api/v1/communication-events?from=00/01/2026", "from", "31 ngày")]
    public async Task A_day_that_does_not_exist_is_a_Vietnamese_problem_under_the_parameter(string url, string field, string reason)
    {
        var admin = await app.SignIn("admin");
        var problem = await (await admin.GetAsync(url)).Json<Problem>(HttpStatusCode.BadRequest);
        Assert.Equal("Dữ liệu không hợp lệ", problem.Title);
        var message = Assert.Single(problem.On(field));
        Assert.Contains(reason, message);
    }

    [Fact]
    public async Task A_list_filtered_by_day_first_dates_counts_the_same_as_by_ISO_dates()
    {
        var admin = await app.SignIn("admin");
        var dayFirst = await admin.GetJson("/api/v1/inspections?from=1/1/2025&to=31/12/2025&pageSize=1");
        var iso = await admin.GetJson("/api/v1/inspections?from=2025-01-01&to=2025-12-31&pageSize=1");
        Assert.Equal(iso["total"]!.GetValue<int>(), dayFirst["total"]!.GetValue<int>());
        var narrow = await admin.GetJson("/api/v1/inspections?from=05/12/2025&to=05/12/2025&pageSize=1");
        Assert.True(narrow["total"]!.GetValue<int>() <= iso["total"]!.GetValue<int>());
    }
}

[Collection(SqliteCollection.Name)]
public sealed class DateQueryTestsOnSqlite(SqliteApp app) : DateQueryTests(app);

[Collection(PostgresCollection.Name)]
public sealed class DateQueryTestsOnPostgres(PostgresApp app) : DateQueryTests(app);
