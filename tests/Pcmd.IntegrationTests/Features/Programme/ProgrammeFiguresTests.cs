using Microsoft.EntityFrameworkCore;
using Pcmd.IntegrationTests.Features.Communication;
using Pcmd.IntegrationTests.Features.Indicators;
using Pcmd.IntegrationTests.Features.Reporting;
using Pcmd.IntegrationTests.Infrastructure;
using Pcmd.Web.Features.Agencies;
using Pcmd.Web.Features.OrgUnits;
using Pcmd.Web.Features.Plans;
using Pcmd.Web.Features.UnitDocuments;

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
    public async Task The_2026_2030_plan_computes_3_1_1_over_the_agencies_it_assigns_and_the_communes_on_the_results_drill_down_and_report()
    {
        var coordinator = await app.SignIn("dieuphoi");
        var planId = await coordinator.PlanId("hn-2026-2030");
        var results = await coordinator.GetJson<ResultsView>($"/api/v1/plans/{planId}/results?year=2026");
        var row = results.Row("3.1.1");
        Assert.Equal("assignedPlanShare", row.Computation);
        Assert.Equal($"/documents?unit={results.PlanUnit.Id}&year=2026&plan={planId}", row.Link);
        // The page behind the link lists the documents implementing the plan, not the year's other documents (the decisions).
        var listed = await (await coordinator.GetAsync(row.Link)).Content.ReadAsStringAsync();
        var (latestPlan, latestDecision) = await data.Db(async db => (
            await db.UnitDocuments.Where(d => d.PlanId == planId && d.Year == 2026).OrderByDescending(d => d.IssuedOn).ThenByDescending(d => d.Id).Select(d => d.Number).FirstAsync(),
            await db.UnitDocuments.Where(d => d.Kind == DocumentKind.Decision && d.PlanId == null && d.Year == 2026).OrderByDescending(d => d.IssuedOn).Select(d => d.Number).FirstAsync()));
        Assert.Contains(latestPlan, listed);
        Assert.DoesNotContain(latestDecision, listed);
        // By hand from the records: the agencies the plan assigns (no collective), and of them those with a plan document naming
        // the plan in 2026 or a plan of their own implementing it; the communes are 3.2.1's (every commune on 31/12/2026).
        var end = new DateOnly(2026, 12, 31);
        var (agencies, withPlan) = await data.Db(async db =>
        {
            var assigned = db.Agencies.Where(a => a.Kind != AgencyKind.Collective && db.Assignments.Any(x => x.PlanId == planId && x.AgencyId == a.Id)
                && (a.ValidFrom == null || a.ValidFrom <= end) && (a.ValidTo == null || a.ValidTo >= end));
            return (await assigned.CountAsync(), await assigned.CountAsync(a =>
                db.UnitDocuments.Any(d => d.AgencyId == a.Id && d.PlanId == planId && d.Kind == DocumentKind.Plan && d.Year == 2026)
                || db.Plans.Any(p => p.ParentId == planId && p.IssuingAgencyId == a.Id && p.PeriodFrom <= 2026 && p.PeriodTo >= 2026)));
        });
        var communes = results.Row("3.2.1").Actual!.Denominator!.Value;
        Assert.True(agencies >= 10, $"{agencies} agencies assigned");
        Assert.Equal(communes + agencies, row.Actual!.Denominator);
        Assert.InRange(row.Actual.Value, withPlan + 1, communes + withPlan);

        // The drill-down: the communes below the city each count alone; the agencies belong to the city itself.
        var drill = await coordinator.GetJson<DrillDownView>($"/api/v1/indicators/{row.IndicatorId}/results?year=2026");
        Assert.Equal(row.Actual, drill.Total.Actual);
        Assert.Equal(communes, drill.Units.Sum(u => u.Result.Actual?.Denominator ?? 0));
        Assert.Equal(row.Actual.Value - withPlan, drill.Units.Sum(u => u.Result.Actual?.Value ?? 0));
        Assert.All(drill.Units, u => Assert.InRange(u.Result.Actual!.Denominator!.Value, 1, 1));

        // A report of the plan's year is pre-filled with it.
        var report = await data.Db(db => db.Reports.Where(r => r.Period!.PlanId == planId && r.Period.Year == 2026
                && (r.IsConsolidated || r.OrgUnitId != r.Period.Plan!.IssuingUnitId))
            .OrderByDescending(r => r.IsConsolidated).Select(r => (int?)r.Id).FirstOrDefaultAsync());
        Assert.NotNull(report);
        var form = await ReportingTestData.Form(coordinator, report.Value);
        Assert.NotNull(form.Indicator("3.1.1").Computed);
        Assert.StartsWith("/documents?", form.Indicator("3.1.1").Link);
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
