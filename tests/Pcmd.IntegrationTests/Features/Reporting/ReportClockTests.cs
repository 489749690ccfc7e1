using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Pcmd.IntegrationTests.Features.Notifications;
using Pcmd.IntegrationTests.Infrastructure;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Notifications;
using Pcmd.Web.Features.Reporting;
using static Pcmd.IntegrationTests.Features.Reporting.ReportingTestData;

namespace Pcmd.IntegrationTests.Features.Reporting;

/// <summary>Deadlines and lateness on a clock the test sets: a report is on time until midnight in Hà Nội on its due day;
/// reminders say "due" in the week before and "overdue" after, once each.</summary>
public abstract class ReportClockTests(PcmdApp app)
{
    readonly ReportingTestData data = new(app);

    static WebApplicationFactory<Program> At(PcmdApp app, TestClock clock) =>
        app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));

    async Task<HttpClient> SignIn(WebApplicationFactory<Program> host, string user)
    {
        var c = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        (await c.PostRaw("/api/v1/auth/login", $$"""{"userName":"{{user}}","password":"{{PcmdApp.Password}}"}""")).EnsureSuccessStatusCode();
        return c;
    }

    [Theory]
    [InlineData("2025-12-17T16:59:00Z", 0)] // 23:59 on 17/12 in Hà Nội
    [InlineData("2025-12-17T17:01:00Z", 1)] // 00:01 on 18/12 in Hà Nội
    [InlineData("2025-12-10T02:00:00Z", 0)]
    [InlineData("2026-01-16T03:00:00Z", 30)]
    public async Task A_submission_is_late_by_the_days_after_the_deadline_in_Ha_Noi(string at, int late)
    {
        var clock = new TestClock(DateTimeOffset.Parse(at));
        await using var host = At(app, clock);
        var coordinator = await SignIn(host, "dieuphoi");
        var (_, periods) = await data.Plan(coordinator, 2025);
        var period = PeriodId(periods, "annual", 2025);
        var id = await data.ReportId(period, "UBND-PHULUONG");
        var ward = await SignIn(host, "phuluong");
        var form = await Form(ward, id);
        var submitted = await Submit(ward, id, await Save(ward, id, Complete(form, form.Indicator("1").Computed!.Value, 1, 2)));
        Assert.Equal(late, submitted.DaysLate);
        var cell = (await coordinator.GetJson<MatrixView>($"/api/v1/report-periods/{period}/matrix")).Units
            .Single(u => u.Name == "Ủy ban nhân dân phường Phú Lương").Cells[0]!;
        Assert.Equal(late, cell.DaysLate);
        var rates = (await coordinator.GetJson<MatrixView>($"/api/v1/report-periods/{period}/matrix")).Periods[0];
        Assert.Equal(late == 0 ? 1 : 0, rates.OnTime);
    }

    [Fact]
    public async Task Reminders_say_due_in_the_week_before_and_overdue_after_once_each()
    {
        var clock = new TestClock(DateTimeOffset.Parse("2025-12-05T02:00:00Z"));
        await using var host = At(app, clock);
        var coordinator = await SignIn(host, "dieuphoi");
        var (_, periods) = await data.Plan(coordinator, 2025);
        var id = await data.ReportId(PeriodId(periods, "annual", 2025), "UBND-P-HADONG");
        var link = $"/reports/{id}";
        async Task<int> Run(string day)
        {
            using var scope = host.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<PcmdDbContext>();
            return await ReportReminders.Remind(db, scope.ServiceProvider.GetRequiredService<Notifier>(), DateOnly.Parse(day), CancellationToken.None);
        }
        var ward = await SignIn(host, "hadong");
        async Task<List<string>> Mine() => (await ward.GetJson<List<NotificationView>>("/api/v1/notifications"))
            .Where(n => n.Link == link).Select(n => n.Subject).ToList();

        await Run("2025-12-05"); // 12 days before: nothing yet
        Assert.Empty(await Mine());
        await Run("2025-12-10");
        await Run("2025-12-11");
        Assert.Equal(["Sắp đến hạn nộp Báo cáo năm 2025"], await Mine());
        await Run("2025-12-17"); // the due day itself is not overdue
        Assert.Single(await Mine());
        await Run("2025-12-18");
        await Run("2025-12-19");
        Assert.Equal(["Quá hạn nộp Báo cáo năm 2025", "Sắp đến hạn nộp Báo cáo năm 2025"], (await Mine()).Order().ToList());
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ReportClockTestsOnSqlite(SqliteApp app) : ReportClockTests(app);

[Collection(PostgresCollection.Name)]
public sealed class ReportClockTestsOnPostgres(PostgresApp app) : ReportClockTests(app);
