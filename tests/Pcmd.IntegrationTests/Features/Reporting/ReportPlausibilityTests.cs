using System.Net;
using Pcmd.IntegrationTests.Infrastructure;
using static Pcmd.IntegrationTests.Features.Reporting.ReportingTestData;

namespace Pcmd.IntegrationTests.Features.Reporting;

/// <summary>Issue 15, item 3: a figure ten times last period's asks the unit to check it and to explain it in a note before
/// it can be submitted; with the note it goes through.</summary>
public abstract class ReportPlausibilityTests(PcmdApp app)
{
    readonly ReportingTestData data = new(app);

    [Fact]
    public async Task A_figure_ten_times_last_periods_needs_a_note_before_submission()
    {
        var coordinator = await app.SignIn("dieuphoi");
        var (planId, periods) = await data.Plan(coordinator, 2025);
        var ward = await app.SignIn("phuluong");
        var earlier = await data.ReportId(PeriodId(periods, "annual", 2025), "UBND-PHULUONG");
        var form = await Form(ward, earlier);
        var computed = form.Indicator("1").Computed ?? 0;
        var v = await Save(ward, earlier, Complete(form, computed, 12, 40));
        Assert.Equal("submitted", (await Submit(ward, earlier, v)).Status);

        var next = await OpenYear(coordinator, planId, 2026);
        var id = await data.ReportId(PeriodId(next, "annual", 2026), "UBND-PHULUONG");
        form = await Form(ward, id);
        // 150/400 where last year said 12/40: an extra zero, most likely.
        var draft = Complete(form, form.Indicator("1").Computed ?? 0, 150, 400);
        v = await Save(ward, id, draft);
        var problem = await SubmitRefused(ward, id, v, HttpStatusCode.BadRequest);
        var line = Assert.Single(problem.Lines(), l => l.StartsWith("values[1].note:"));
        Assert.Contains("Chỉ tiêu 2: 150 lớn gấp 12 lần số liệu kỳ trước", line);
        Assert.Contains("mẫu số 400 lớn gấp 10 lần mẫu số kỳ trước (40)", line);
        Assert.Contains("ghi chú lý do", line);
        Assert.Equal("draft", (await Form(ward, id)).Status);

        // Explained in the note, it goes through.
        draft["version"] = v;
        draft["values"]![1]!["note"] = "Năm 2026 phường sáp nhập thêm hai khu dân cư, số cơ sở tăng mạnh.";
        v = await Save(ward, id, draft);
        Assert.Equal("submitted", (await Submit(ward, id, v)).Status);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ReportPlausibilityTestsOnSqlite(SqliteApp app) : ReportPlausibilityTests(app);

[Collection(PostgresCollection.Name)]
public sealed class ReportPlausibilityTestsOnPostgres(PostgresApp app) : ReportPlausibilityTests(app);
