using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pcmd.IntegrationTests.Infrastructure;
using Pcmd.Web.Features.Indicators;
using Pcmd.Web.Features.Reporting;
using Pcmd.Web.Security;
using static Pcmd.IntegrationTests.Features.Reporting.ReportingTestData;

namespace Pcmd.IntegrationTests.Features.Reporting;

/// <summary>A report's pre-filled figures in one pass (issue 10): with both indicators bound, the ward's and the consolidated
/// forms show the figures each indicator computed by a query of its own gives (<see cref="IndicatorFigures.OneQueryPerFigure"/>),
/// a new hotspot adds one, and the form costs the same number of SQL commands with one bound indicator or two.</summary>
public abstract class ReportPrefillOnePassTests(PcmdApp app)
{
    readonly ReportingTestData data = new(app);

    [Fact]
    public async Task Pre_filled_figures_in_one_pass_are_those_of_one_query_per_indicator()
    {
        // The SQL of the figures, every time: a warm figure cache would run none and answer both paths alike (FigureCacheTests).
        var cache = app.Services.GetRequiredService<Pcmd.Web.Features.Indicators.FigureCache>();
        cache.Enabled = false;
        try { await OnePassIsOneQueryPerIndicator(); }
        finally { cache.Enabled = true; }
    }

    async Task OnePassIsOneQueryPerIndicator()
    {
        var coordinator = await app.SignIn("dieuphoi");
        var (planId, periods) = await data.Plan(coordinator, 2025);
        var period = PeriodId(periods, "annual", 2025);
        var ward = await data.ReportId(period, "UBND-PHULUONG");
        var consolidated = await data.ReportId(period, "SYT", consolidated: true);
        var url = $"/api/v1/reports/{ward}";
        await app.CommandsOf(coordinator, url);
        var oneBound = await app.CommandsOf(coordinator, url);

        var share = await data.Db(db => db.Indicators.Where(i => i.PlanId == planId && i.Number == "2").Select(i => i.Id).SingleAsync());
        await (await coordinator.PutRaw($"/api/v1/indicators/{share}/binding", """{"computation":"commitmentShare"}""")).Json(HttpStatusCode.OK);
        await app.CommandsOf(coordinator, url);
        Assert.Equal(oneBound, await app.CommandsOf(coordinator, url));

        var before = await Form(coordinator, ward);
        Assert.NotNull(before.Indicator("2").Computed);
        await data.NewHotspot("09568", "2025-03-01");   // Phú Lãm's, counted for Phú Lương
        var after = await Form(coordinator, ward);
        Assert.Equal(before.Indicator("1").Computed + 1, after.Indicator("1").Computed);

        foreach (var id in new[] { ward, consolidated })
            Assert.Equal(await Values(false, id), await Values(true, id));
    }

    /// <summary>The form's indicator rows as JSON, in one pass or with one query per figure.</summary>
    async Task<string> Values(bool oneQueryPerFigure, int reportId)
    {
        using var scope = app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<IndicatorFigures>().OneQueryPerFigure = oneQueryPerFigure;
        var form = await scope.ServiceProvider.GetRequiredService<ReportFormService>().Get(UserScope.System, reportId);
        return JsonSerializer.Serialize(form.Indicators);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ReportPrefillOnePassTestsOnSqlite(SqliteApp app) : ReportPrefillOnePassTests(app);

[Collection(PostgresCollection.Name)]
public sealed class ReportPrefillOnePassTestsOnPostgres(PostgresApp app) : ReportPrefillOnePassTests(app);
