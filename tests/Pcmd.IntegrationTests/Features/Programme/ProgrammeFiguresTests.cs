using Microsoft.EntityFrameworkCore;
using Pcmd.IntegrationTests.Features.Communication;
using Pcmd.IntegrationTests.Features.Indicators;
using Pcmd.IntegrationTests.Infrastructure;
using Pcmd.Web.Features.Plans;

namespace Pcmd.IntegrationTests.Features.Programme;

/// <summary>The demo plans' indicators bound to the commune model and the healthy rating show their figures on the results, and
/// a report of the 2026–2030 plan shows the budget of its year and, in the yearly report, the year's commendations.</summary>
public abstract class ProgrammeFiguresTests(PcmdApp app)
{
    readonly ActivityTestData data = new(app);

    [Fact]
    public async Task The_2014_model_communes_and_healthy_share_and_the_2024_equivalents_are_computed_from_the_records()
    {
        var admin = await app.SignIn("admin");
        var plan2014 = await admin.PlanId("hn-2014");
        var results = await admin.GetJson<ResultsView>($"/api/v1/plans/{plan2014}/results?year=2014");
        var model = results.Row("9");
        Assert.Equal("modelCommuneCount", model.Computation);
        // The appendix lists 79 communes; those resolved to a unit and existing at the end of 2014 are counted.
        var listed = await data.Db(db => db.ModelCommunes.CountAsync(m => m.Year == 2014 && m.PlanId == plan2014));
        Assert.InRange(model.Actual!.Value, 60, listed);
        Assert.Contains("Xã, phường áp dụng mô hình", model.Source);
        var healthy = results.Row("10");
        Assert.Equal("healthyCommuneShare", healthy.Computation);
        Assert.True(healthy.Actual!.Denominator > 300);
        Assert.InRange(healthy.Measure!.Value, 60, 100);

        var plan2024 = await admin.PlanId("hn-2024");
        var share = (await admin.GetJson<ResultsView>($"/api/v1/plans/{plan2024}/results?year=2024")).Row("5");
        Assert.Equal("modelCommuneShare", share.Computation);
        Assert.True(share.Actual!.Value > 0 && share.Actual.Value <= share.Actual.Denominator);

        var ward = await app.SignIn("phuluong");
        var own = (await ward.GetJson<ResultsView>($"/api/v1/plans/{await ward.PlanId("phu-lam-2024")}/results?year=2024")).Row("3.3");
        Assert.Equal(("modelCommuneCount", 1m), (own.Computation, own.Actual!.Value));
    }

    [Fact]
    public async Task A_report_shows_the_budget_of_its_year_and_the_yearly_report_the_years_commendations()
    {
        var admin = await app.SignIn("admin");
        async Task<int?> Report(ReportKind kind, bool withBudget) => await data.Db(db => db.Reports
            .Where(r => r.Period!.Plan!.Key == "hn-2026-2030" && r.Period.Kind == kind && r.Period.Year == 2026
                && (!withBudget || db.BudgetLines.Any(l => l.PlanId == r.Period.PlanId && l.AgencyId == r.AgencyId && l.Year == 2026)))
            .Select(r => (int?)r.Id).FirstOrDefaultAsync());
        var half = await Report(ReportKind.Semiannual, true);
        Assert.NotNull(half);
        var page = await (await admin.GetAsync($"/reports/{half}")).Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"report-budget\"", page);
        Assert.Contains("Kinh phí năm 2026", page);
        Assert.DoesNotContain("data-testid=\"report-commendations\"", page);   // six-monthly: no commendations

        var year = await Report(ReportKind.Annual, false);
        Assert.NotNull(year);
        page = await (await admin.GetAsync($"/reports/{year}")).Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"report-commendations\"", page);
        Assert.Contains("Chi cục Dân số, Trẻ em và Phòng, chống tệ nạn xã hội", page);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ProgrammeFiguresTestsOnSqlite(SqliteApp app) : ProgrammeFiguresTests(app);

[Collection(PostgresCollection.Name)]
public sealed class ProgrammeFiguresTestsOnPostgres(PostgresApp app) : ProgrammeFiguresTests(app);
