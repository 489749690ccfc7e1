using Pcmd.IntegrationTests.Infrastructure;
using Pcmd.Web.Shared;

namespace Pcmd.IntegrationTests.Features.Monitoring;

/// <summary>The shares of staff trained (3.2.3.a/b) and the commune-model computations have their trend and projection on the
/// dashboard, the drill-down and the leader's home, through HTTP on both databases: they are folded over their windows from a few
/// grouped statements (TrainedShareSeries, CommuneSeries) instead of one probe of every commune per window.</summary>
public abstract class RuleShareTrendTests(PcmdApp app)
{
    [Fact]
    public async Task Staff_trained_have_a_trend_and_a_projection_this_year()
    {
        var leader = await app.SignIn("lanhdao");
        var planId = await leader.PlanId("hn-2026-2030");
        var today = VietnamTime.Today(TimeProvider.System);
        var d = await leader.GetJson<PlanDashboardView>($"/api/v1/monitoring/plans/{planId}/dashboard?year={today.Year}");
        foreach (var number in new[] { "3.2.3.a", "3.2.3.b" })
        {
            var row = d.Row(number);
            Assert.Equal(today.Month, row.Outlook.Trend.Count);
            Assert.Equal($"{today.Month:00}/{today.Year}", row.Outlook.Trend[^1].Label);
            Assert.Equal(row.Result.Measure, row.Outlook.Trend[^1].Value);   // the trend's last point is the figure to date
            Assert.NotNull(row.Outlook.Projection);
        }
        var units = await leader.GetJson<IndicatorDashboardView>($"/api/v1/monitoring/indicators/{d.Row("3.2.3.b").Result.IndicatorId}/units?year={today.Year}");
        Assert.Equal(today.Month, units.Outlook.Trend.Count);
        Assert.Contains(units.Units, u => u.Outlook.Trend.Count == today.Month);

        var home = await leader.GetJson<HomeView>("/api/v1/monitoring/home");
        var trained = home.Plans.Single(p => p.PlanId == planId).Indicators.Single(i => i.Result.Number == "3.2.3.a");
        Assert.Equal(today.Month, trained.Outlook.Trend.Count);
    }

    [Theory]
    // The 2024 city plan's target 5 (100 % of communes apply the model), the 2014 plan's targets 9 (79 model communes) and 10
    // (85 % healthy communes): their years are over, so each shows its twelve month ends.
    [InlineData("hn-2024", "5", 2024)]
    [InlineData("hn-2014", "9", 2014)]
    [InlineData("hn-2014", "10", 2014)]
    public async Task The_commune_model_indicators_have_their_months_in_a_past_year(string plan, string number, int year)
    {
        var leader = await app.SignIn("lanhdao");
        var planId = await leader.PlanId(plan);
        var d = await leader.GetJson<PlanDashboardView>($"/api/v1/monitoring/plans/{planId}/dashboard?year={year}");
        var row = d.Row(number);
        Assert.Equal(12, row.Outlook.Trend.Count);
        Assert.All(row.Outlook.Trend, p => Assert.NotNull(p.Value));
        Assert.Equal(row.Result.Measure, row.Outlook.Trend[^1].Value);
        var units = await leader.GetJson<IndicatorDashboardView>($"/api/v1/monitoring/indicators/{row.Result.IndicatorId}/units?year={year}");
        Assert.Equal(12, units.Outlook.Trend.Count);
        Assert.Contains(units.Units, u => u.Outlook.Trend.Count == 12);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class RuleShareTrendTestsOnSqlite(SqliteApp app) : RuleShareTrendTests(app);

[Collection(PostgresCollection.Name)]
public sealed class RuleShareTrendTestsOnPostgres(PostgresApp app) : RuleShareTrendTests(app);
