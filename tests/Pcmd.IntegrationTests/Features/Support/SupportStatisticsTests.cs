using System.Net;
using Pcmd.IntegrationTests.Infrastructure;
using static Pcmd.IntegrationTests.Features.Support.SupportTestData;

namespace Pcmd.IntegrationTests.Features.Support;

public sealed record StatisticsView(int Threshold, List<string> Rows, List<string> Columns, List<List<int?>> Cells, List<int?> RowTotals,
    List<int?> ColumnTotals, int? Total);

/// <summary>Statistics without identification (issue 12, item 7): the coordinator and the leader read tables with every value
/// below the threshold hidden and no hidden value given back by a total, in the API and the page; a case worker or a ward officer
/// is refused.</summary>
public abstract class SupportStatisticsTests(PcmdApp app)
{
    readonly SupportTestData data = new(app);

    [Theory]
    [InlineData("targetGroup")]
    [InlineData("need")]
    [InlineData("service")]
    [InlineData("outcome")]
    public async Task The_coordinator_sees_suppressed_tables(string by)
    {
        var coordinator = await data.SignIn("dieuphoi");
        var t = await coordinator.GetJson<StatisticsView>($"/api/v1/support/statistics?by={by}&from=2024-01-01&to=2026-12-31");
        Assert.Equal(5, t.Threshold);
        Assert.NotEmpty(t.Rows);
        int rows = t.Rows.Count, cols = t.Columns.Count;
        int? At(int i, int j) => i == rows ? (j == cols ? t.Total : t.ColumnTotals[j]) : j == cols ? t.RowTotals[i] : t.Cells[i][j];
        var all = Enumerable.Range(0, rows + 1).SelectMany(i => Enumerable.Range(0, cols + 1).Select(j => At(i, j))).ToList();
        Assert.DoesNotContain(all, v => v is > 0 and < 5);
        for (var i = 0; i <= rows; i++) Assert.NotEqual(1, Enumerable.Range(0, cols + 1).Count(j => At(i, j) is null));
        for (var j = 0; j <= cols; j++) Assert.NotEqual(1, Enumerable.Range(0, rows + 1).Count(i => At(i, j) is null));
        // The demo's wards have few people: something is hidden.
        Assert.Contains(all, v => v is null);
    }

    [Fact]
    public async Task The_page_shows_the_same_table_and_others_are_refused()
    {
        var leader = await data.SignIn("lanhdao");
        var page = await leader.GetStringAsync("/support/statistics?by=TargetGroup&from=2024-01-01&to=2026-12-31");
        Assert.Contains("data-testid=\"statistics\"", page);
        Assert.Contains("•", page);
        Assert.DoesNotContain("HT-DEMO", page);
        foreach (var user in new[] { Worker, "phuluong", "kiemtra", "congan" })
            Assert.Equal(HttpStatusCode.Forbidden, (await (await data.SignIn(user)).GetAsync("/api/v1/support/statistics")).StatusCode);
        var bad = await (await data.SignIn("dieuphoi")).GetAsync("/api/v1/support/statistics?by=names");
        Assert.NotEmpty((await bad.Json<Problem>(HttpStatusCode.BadRequest)).On("by"));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SupportStatisticsTestsOnSqlite(SqliteApp app) : SupportStatisticsTests(app);

[Collection(PostgresCollection.Name)]
public sealed class SupportStatisticsTestsOnPostgres(PostgresApp app) : SupportStatisticsTests(app);
