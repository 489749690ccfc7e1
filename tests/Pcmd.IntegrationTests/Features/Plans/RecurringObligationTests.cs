using System.Net;
using System.Text.Json.Nodes;
using Pcmd.IntegrationTests.Infrastructure;
using static Pcmd.IntegrationTests.Features.Plans.PlanTestData;

namespace Pcmd.IntegrationTests.Features.Plans;

public sealed record ObligationDone(int TaskId, int Year, DateOnly DoneOn, string? Link);
public sealed record ObligationRow(int PlanId, string Kind, int ItemId, string Number, DateOnly? NextDue, List<ObligationDone>? Done);

/// <summary>Issue 16, item 4: a task that recurs "trong tháng 01 hằng năm" shows its next due date in "Nhiệm vụ của tôi"
/// and is marked done per year with a link to the document that fulfils it; replacing the plan from its file keeps that.</summary>
public abstract class RecurringObligationTests(PcmdApp app)
{
    readonly PlanTestData data = new(app);

    [Fact]
    public async Task A_yearly_task_is_due_in_its_month_and_marked_done_per_year_with_a_link()
    {
        var admin = await app.SignIn("admin");
        var key = data.Key("obligation");
        var file = SamplePlan.Create(key, "01", 2025, 2030);
        file.Plan()["tasks"]![0]!["timing"] = JsonNode.Parse("""{ "kind": "recurring", "frequency": "yearly", "dueMonth": 1, "text": "Trong tháng 01 hằng năm" }""");
        var plan = await Import(admin, file);
        var coordinator = await app.SignIn("dieuphoi");       // Chi cục of Sở Y tế, which leads task 1.a
        var thisYear = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).Year;

        async Task<ObligationRow> Row() => (await coordinator.GetJson<List<ObligationRow>>("/api/v1/my-tasks"))
            .First(r => r.PlanId == plan.Id && r.Kind == "task" && r.Number == "1.a");
        var row = await Row();
        Assert.Equal(new DateOnly(thisYear, 1, 31), row.NextDue);

        var bad = await (await coordinator.PostRaw($"/api/v1/my-tasks/{row.ItemId}/done", """{ "year": 2031, "link": "javascript:alert(1)" }"""))
            .Json<Problem>(HttpStatusCode.BadRequest);
        Assert.Contains(bad.Lines(), l => l.StartsWith("year: Năm 2031 nằm ngoài thời kỳ", StringComparison.Ordinal));
        Assert.Contains(bad.Lines(), l => l.StartsWith("link: ", StringComparison.Ordinal));
        var other = await app.SignIn("phuluong");            // not assigned
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PostRaw($"/api/v1/my-tasks/{row.ItemId}/done", $$"""{ "year": {{thisYear}} }""")).StatusCode);

        await (await coordinator.PostRaw($"/api/v1/my-tasks/{row.ItemId}/done", $$"""{ "year": {{thisYear}}, "link": "/plans/{{plan.Id}}" }"""))
            .Json(HttpStatusCode.OK);
        row = await Row();
        Assert.Equal(new DateOnly(thisYear + 1, 1, 31), row.NextDue);
        var done = Assert.Single(row.Done!);
        Assert.Equal((thisYear, $"/plans/{plan.Id}"), (done.Year, done.Link));
        var page = await coordinator.GetStringAsync("/my-tasks");
        Assert.Contains("data-testid=\"done-year\"", page);

        // Replacing the plan from its own file recreates the tasks; the year done stays with task 1.a.
        var exported = await admin.GetStringAsync($"/api/v1/plans/{plan.Id}/export");
        Assert.Contains("\"dueMonth\": 1", exported);
        await (await admin.PutRaw($"/api/v1/plans/{plan.Id}/file?version={plan.Version}", exported)).Json(HttpStatusCode.OK);
        Assert.Equal(thisYear, Assert.Single((await Row()).Done!).Year);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class RecurringObligationTestsOnSqlite(SqliteApp app) : RecurringObligationTests(app);

[Collection(PostgresCollection.Name)]
public sealed class RecurringObligationTestsOnPostgres(PostgresApp app) : RecurringObligationTests(app);
