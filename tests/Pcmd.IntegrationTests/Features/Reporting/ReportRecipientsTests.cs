using System.Net;
using System.Text.Json.Nodes;
using Pcmd.IntegrationTests.Infrastructure;
using static Pcmd.IntegrationTests.Features.Reporting.ReportingTestData;

namespace Pcmd.IntegrationTests.Features.Reporting;

/// <summary>Issue 16, item 3: who reports to whom. A body the plan can only request ("đề nghị") is not a required reporter
/// unless the plan says so and is shown as requested; the consolidating agency is not one of its own reporting units; the
/// consolidated report goes to every recipient the plan names.</summary>
public abstract class ReportRecipientsTests(PcmdApp app)
{
    readonly ReportingTestData data = new(app);

    async Task<(int PlanId, int PeriodId, int AnnualId)> Open(HttpClient coordinator, bool requestedReport)
    {
        var key = "rr-" + Guid.NewGuid().ToString("N")[..10];
        var file = PlanFile(key);
        var p = file["plan"]!;
        p["tasks"]![0]!["lead"]!.AsArray().Add(new JsonObject { ["agency"] = "SYT" });                       // the consolidator has a task
        p["tasks"]![1]!["cooperating"] = new JsonArray(new JsonObject { ["agency"] = "VKSND-TP", ["requested"] = true });
        p["reportRecipients"] = new JsonArray("UBND-TP", "CA-TP");
        if (requestedReport) p["requestedBodiesReport"] = true;
        var planId = (await (await coordinator.PostRaw("/api/v1/plans/import", file.ToJsonString())).Json<Versioned>(HttpStatusCode.Created)).Id;
        var periods = await OpenYear(coordinator, planId, 2025);
        return (planId, PeriodId(periods, "semiannual", 2025), PeriodId(periods, "annual", 2025));
    }

    [Fact]
    public async Task Requested_bodies_and_the_consolidator_are_not_counted_as_reporting_units()
    {
        var coordinator = await app.SignIn("dieuphoi");
        var (planId, period, annual) = await Open(coordinator, requestedReport: false);
        var reporters = await data.Reporters(period);
        Assert.DoesNotContain("VKSND-TP", reporters);
        Assert.DoesNotContain("SYT", reporters);
        Assert.Contains("UBND-PHULAM", reporters);                               // the ward as it was before 1/7/2025
        await data.ReportId(period, "SYT", consolidated: true);                   // it consolidates instead

        var page = await coordinator.GetStringAsync($"/report-periods/{period}");
        Assert.Contains("data-testid=\"requested\"", page);
        Assert.Contains("Viện Kiểm sát nhân dân", page);

        // Item 5: Phường Phú Lãm's committee, dissolved on 1/7/2025, is asked no annual report and the coordinator is told.
        var annualReporters = await data.Reporters(annual);
        Assert.DoesNotContain("UBND-PHULAM", annualReporters);
        Assert.Contains("UBND-PHULUONG", annualReporters);
        var annualPage = await coordinator.GetStringAsync($"/report-periods/{annual}");
        Assert.Contains("data-testid=\"ended\"", annualPage);
        Assert.Contains("Phú Lãm (30/06/2025)", annualPage);

        var file = JsonNode.Parse(await coordinator.GetStringAsync($"/api/v1/plans/{planId}/export"))!["plan"]!;
        Assert.Equal(["UBND-TP", "CA-TP"], file["reportRecipients"]!.AsArray().Select(n => (string)n!).ToArray());
    }

    [Fact]
    public async Task A_plan_that_asks_its_requested_bodies_to_report_counts_them()
    {
        var coordinator = await app.SignIn("dieuphoi");
        var (_, period, _) = await Open(coordinator, requestedReport: true);
        Assert.Contains("VKSND-TP", await data.Reporters(period));
        Assert.DoesNotContain("data-testid=\"requested\"", await coordinator.GetStringAsync($"/report-periods/{period}"));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ReportRecipientsTestsOnSqlite(SqliteApp app) : ReportRecipientsTests(app);

[Collection(PostgresCollection.Name)]
public sealed class ReportRecipientsTestsOnPostgres(PostgresApp app) : ReportRecipientsTests(app);
