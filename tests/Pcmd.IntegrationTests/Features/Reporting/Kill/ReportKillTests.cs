using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Pcmd.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace Pcmd.IntegrationTests.Features.Reporting.Kill;

/// <summary>Issue 4: "the server killed (kill -9) while a report is being submitted: after restart the report is either
/// fully submitted or still a draft with every saved field, never in between". The real app runs as a process; Phú Lương's
/// officer saves a complete six-monthly report, sends the submission and the process is SIGKILLed some milliseconds later;
/// the app is started again on the same database and the report is read back through the API. The delays search for the
/// moment of the commit (doubling, then bisecting), so that kills land inside the submission's work and not only before
/// the request arrives or after the answer left.</summary>
public abstract class ReportKillTests(ITestOutputHelper output) : IAsyncLifetime
{
    const string PlanKey = "hn-2026-2030";
    /// <summary>Each attempt costs a restart (5–15 s on a busy machine): at least <see cref="Attempts"/> once both outcomes
    /// are seen, at most <see cref="MaxAttempts"/> to see them.</summary>
    const int Attempts = 4, MaxAttempts = 8;
    static readonly TimeSpan Budget = TimeSpan.FromSeconds(90);

    protected abstract Task<Dictionary<string, string>> CreateDatabase();
    protected virtual Task DropDatabase() => Task.CompletedTask;
    /// <summary>Checks the store itself between a kill and the next start (SQLite: integrity_check).</summary>
    protected virtual Task CheckStore() => Task.CompletedTask;

    AppProcess _app = default!;

    public async Task InitializeAsync() => _app = new AppProcess(await CreateDatabase());

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await DropDatabase();
    }

    /// <summary>When the kill came and (if the answer came first) when the answer did, as shares of a whole submission.</summary>
    sealed record Attempt(int N, double Share, double AfterShare, bool Submitted);

    [Fact]
    public async Task A_submission_killed_at_any_moment_leaves_the_report_fully_submitted_or_the_draft_exactly_as_saved()
    {
        var started = Stopwatch.StartNew();
        await _app.Start(TimeSpan.FromSeconds(240)); // the first start loads the demo data
        output.WriteLine($"first start (demo data) {started.Elapsed.TotalSeconds:0.0} s");
        var officer = await _app.SignIn("phuluong");
        var coordinator = await _app.SignIn("dieuphoi");
        var (semiannual, annual) = await Reports(officer);

        // Before each kill the yearly report is submitted to the end (and returned): it warms the submission's code in this
        // process and times a whole submission here and now. Delays are shares of that time: the first kill comes early
        // (the never-submitted draft is tested), the next at a whole submission, doubling until a kill finds the report
        // submitted; then they bisect between the latest kill that left it unsubmitted and the earliest that did not.
        var attempts = new List<Attempt>();
        var loop = Stopwatch.StartNew();
        for (var n = 1; ; n++)
        {
            var after = attempts.Where(a => a.Submitted).Select(a => (double?)a.AfterShare).Min();
            var before = attempts.Where(a => !a.Submitted && (after is null || a.Share < after)).Select(a => (double?)a.Share).Max();
            var both = after is not null && attempts.Any(a => !a.Submitted);
            if (n > MaxAttempts || (both && (n > Attempts || loop.Elapsed > Budget))) break;
            var share = n == 1 ? 0.05 : after is null ? Math.Max(1, 2 * before!.Value) : ((before ?? 0) + after.Value) / 2;
            var whole = await TimeWholeSubmission(officer, coordinator, annual, n);
            var delay = Math.Round(share * whole, 1);
            var saved = await SaveCompleteDraft(officer, semiannual, n);
            var (killedAt, answeredAt, response) = await SubmitAndKill(officer, semiannual, Version(saved), delay);
            await CheckStore();
            var restart = Stopwatch.StartNew();
            await _app.Start(TimeSpan.FromSeconds(120));
            officer = await _app.SignIn("phuluong");
            coordinator = await _app.SignIn("dieuphoi");
            var found = await officer.GetJson($"/api/v1/reports/{semiannual}");
            var status = found.As<ReportView>().Status;
            // An answer means the commit happened before the kill.
            if (answeredAt is not null) Assert.True(status == "submitted", $"attempt {n}: answered {response} but the report is {status}");
            var isSubmitted = status == "submitted";
            if (isSubmitted) SubmissionAssertions.FullySubmitted(saved, found, $"attempt {n}");
            else SubmissionAssertions.DraftAsSaved(saved, found, $"attempt {n}");
            await SubmissionAssertions.NotificationsMatchHistory(coordinator, semiannual, found);
            attempts.Add(new Attempt(n, killedAt / whole, (answeredAt ?? killedAt) / whole, isSubmitted));
            output.WriteLine($"attempt {n}: a whole submission {whole:0} ms; killed {killedAt:0.#} ms after sending (aimed at {delay:0.#}) → " +
                $"{(isSubmitted ? "submitted" : status + ", as saved")} (client: {response}); restarted in {restart.Elapsed.TotalSeconds:0.0} s; " +
                $"{loop.Elapsed.TotalSeconds:0} s in the loop");
            if (isSubmitted) await Return(coordinator, semiannual, found, n);
        }
        output.WriteLine($"total {started.Elapsed.TotalSeconds:0.0} s");
        Assert.True(attempts.Any(a => !a.Submitted), "no kill landed before the commit: " + string.Join("; ", attempts));
        Assert.True(attempts.Any(a => a.Submitted), "no kill landed after the commit: " + string.Join("; ", attempts));
    }

    /// <summary>Submits the yearly report to the end and returns it: the milliseconds the submission took.</summary>
    static async Task<double> TimeWholeSubmission(HttpClient officer, HttpClient coordinator, int annual, int n)
    {
        var saved = await SaveCompleteDraft(officer, annual, 100 + n);
        var clock = Stopwatch.StartNew();
        await (await officer.PostAsJsonAsync($"/api/v1/reports/{annual}/submit", new { version = Version(saved) }))
            .Json(HttpStatusCode.OK);
        var took = clock.Elapsed.TotalMilliseconds;
        var after = await officer.GetJson($"/api/v1/reports/{annual}");
        SubmissionAssertions.FullySubmitted(saved, after, $"yearly report, attempt {n}");
        await Return(coordinator, annual, after, n);
        return took;
    }

    /// <summary>Phú Lương's six-monthly and yearly reports of 2026 of the city plan.</summary>
    static async Task<(int Semiannual, int Annual)> Reports(HttpClient officer)
    {
        var planId = await officer.PlanId(PlanKey);
        var periods = await officer.GetJson<List<PeriodView>>($"/api/v1/plans/{planId}/report-periods");
        var mine = await officer.GetJson<List<MyReportRow>>("/api/v1/reports/mine");
        int Of(string kind)
        {
            var period = periods.Single(p => p.Kind == kind && p.Year == 2026).Id;
            return mine.Single(r => r.PeriodId == period && !r.IsConsolidated).Id;
        }
        return (Of("semiannual"), Of("annual"));
    }

    /// <summary>The coordinator returns a submitted report, so that it can be submitted again.</summary>
    static async Task Return(HttpClient coordinator, int id, JsonNode submitted, int n)
    {
        var res = await coordinator.PostAsJsonAsync($"/api/v1/reports/{id}/return",
            new { version = Version(submitted), comment = $"Lần {n}: đề nghị bổ sung để thử lại." });
        Assert.True(res.IsSuccessStatusCode, await res.Content.ReadAsStringAsync());
    }

    /// <summary>Every task with a status and a narrative, every indicator with a value (and a denominator for a share) and a
    /// note, both free-text sections: texts unique to the attempt, so a stale value cannot pass for a saved one.</summary>
    static async Task<JsonNode> SaveCompleteDraft(HttpClient officer, int id, int n)
    {
        var form = await officer.GetJson<ReportView>($"/api/v1/reports/{id}");
        Assert.True(form.CanEdit, $"attempt {n}: the report is not editable: {form.Status}");
        var tasks = form.Tasks.Select((t, i) => new
        {
            taskId = t.TaskId, progress = i % 2 == 0 ? "inProgress" : "done",
            narrative = $"Lần {n}: kết quả thực hiện nhiệm vụ {t.Number} — tuyên truyền tại tổ dân phố, kiểm tra cơ sở kinh doanh.",
        }).ToList();
        var values = form.Indicators.Select((v, i) =>
        {
            var share = v.IsShare;
            return new
            {
                indicatorId = v.IndicatorId, value = (decimal)(share ? (n + i) % 30 : n * 10 + i),
                denominator = share ? 40m + n : (decimal?)null, note = $"Lần {n}: số liệu chỉ tiêu {v.Number} theo sổ theo dõi của phường.",
            };
        }).ToList();
        Assert.NotEmpty(tasks);
        Assert.NotEmpty(values);
        var draft = new
        {
            version = form.Version, tasks, values,
            difficulties = $"Lần {n}: cán bộ kiêm nhiệm;\nkinh phí còn hạn chế.",
            proposals = $"Lần {n}: đề nghị tập huấn nghiệp vụ cho cán bộ phường.",
        };
        var res = await officer.PutAsJsonAsync($"/api/v1/reports/{id}", draft);
        await res.Json(HttpStatusCode.OK);
        // The form after the save, kept as raw JSON: the reference the state after the kill is compared with, field by field.
        var saved = await officer.GetJson($"/api/v1/reports/{id}");
        var savedForm = saved.As<ReportView>();
        // What the form shows after the save is what was typed.
        Assert.Equal(draft.difficulties, savedForm.Difficulties);
        foreach (var v in values)
            Assert.Equal(v.value, savedForm.Indicators.Single(x => x.IndicatorId == v.indicatorId).Value);
        Assert.Empty(Incomplete(savedForm));
        return saved;
    }

    static int Version(JsonNode form) => form.As<VersionView>().Version;

    /// <summary>The submission's blocking problems, if any: a draft that could not be submitted would prove nothing.</summary>
    static List<string> Incomplete(ReportView form) =>
        form.Tasks.Where(t => t.Progress is null || t.Narrative is null).Select(t => $"task {t.Number}")
            .Concat(form.Indicators.Where(v => v.Value is null || (v.IsShare && v.Denominator is null))
                .Select(v => $"indicator {v.Number}")).ToList();

    /// <summary>Sends the submission and SIGKILLs the app <paramref name="delayMs"/> later: when the kill really came (a
    /// busy machine oversleeps) and, if the answer came first, when.</summary>
    async Task<(double KilledAt, double? AnsweredAt, string Response)> SubmitAndKill(HttpClient officer, int id, int version, double delayMs)
    {
        var clock = Stopwatch.StartNew();
        double? answeredAt = null;
        var send = officer.PostAsJsonAsync($"/api/v1/reports/{id}/submit", new { version })
            .ContinueWith(t => { answeredAt = clock.Elapsed.TotalMilliseconds; return t; }, TaskContinuationOptions.ExecuteSynchronously).Unwrap();
        // A thread of its own, not the pool's (which a busy machine starves): sleep, then spin the last milliseconds.
        var killedAt = await Task.Factory.StartNew(() =>
        {
            if (delayMs > 3) Thread.Sleep(TimeSpan.FromMilliseconds(delayMs - 2));
            while (clock.Elapsed.TotalMilliseconds < delayMs) Thread.SpinWait(20);
            var at = clock.Elapsed.TotalMilliseconds;
            _app.KillNow();
            return at;
        }, TaskCreationOptions.LongRunning);
        await _app.Kill();
        try
        {
            var res = await send;
            var body = await res.Content.ReadAsStringAsync();
            Assert.True(res.IsSuccessStatusCode, $"the submission was refused: {(int)res.StatusCode} {body}");
            return (killedAt, answeredAt, $"{(int)res.StatusCode} after {answeredAt:0.#} ms");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            return (killedAt, null, "no answer");
        }
    }
}
