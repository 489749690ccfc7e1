using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Npgsql;
using Pcmd.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace Pcmd.IntegrationTests.Features.Reporting.Kill;

/// <summary>Issue 4: "the server killed (kill -9) while a report is being submitted: after restart the report is either
/// fully submitted or still a draft with every saved field, never in between". The real app runs as a process; Phú Lương's
/// officer saves a complete six-monthly report, sends the submission and the process is SIGKILLed a few milliseconds
/// later; the app is started again on the same database and the report is read back through the API. The delay sweeps
/// upward until a kill lands after the commit, then bisects towards the commit, so that kills land inside the
/// submission's transaction and not only before the request or after the response.</summary>
public abstract class ReportKillTests(ITestOutputHelper output) : IAsyncLifetime
{
    const string PlanKey = "hn-2026-2030";
    const int MaxAttempts = 12;
    static readonly TimeSpan Budget = TimeSpan.FromSeconds(80);
    static readonly double[] Sweep = [0, 2, 5, 10, 20, 40, 80, 160, 320, 640, 1280];

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

    sealed record Attempt(int N, double DelayMs, bool Submitted, string Response);

    [Fact]
    public async Task A_submission_killed_at_any_moment_leaves_the_report_fully_submitted_or_the_draft_exactly_as_saved()
    {
        var started = Stopwatch.StartNew();
        await _app.Start(TimeSpan.FromSeconds(240)); // the first start loads the demo data
        output.WriteLine($"first start (demo data) {started.Elapsed.TotalSeconds:0.0} s");
        var officer = await _app.SignIn("phuluong");
        var planId = await officer.PlanId(PlanKey);
        var periods = (await officer.GetJson($"/api/v1/plans/{planId}/report-periods")).AsArray();
        var periodId = periods.Single(p => p!["kind"]!.GetValue<string>() == "semiannual" && p["year"]!.GetValue<int>() == 2026)!["id"]!.GetValue<int>();
        var id = (await officer.GetJson("/api/v1/reports/mine")).AsArray()
            .Single(r => r!["periodId"]!.GetValue<int>() == periodId && !r["isConsolidated"]!.GetValue<bool>())!["id"]!.GetValue<int>();

        var attempts = new List<Attempt>();
        var loop = Stopwatch.StartNew();
        for (var n = 1; n <= MaxAttempts; n++)
        {
            var delay = NextDelay(attempts);
            if (delay is null || (loop.Elapsed > Budget && Both(attempts))) break;
            var saved = await SaveCompleteDraft(officer, id, n);
            var (responded, response) = await SubmitAndKill(officer, id, saved["version"]!.GetValue<int>(), delay.Value);
            await CheckStore();
            await _app.Start(TimeSpan.FromSeconds(120));
            officer = await _app.SignIn("phuluong");
            var coordinator = await _app.SignIn("dieuphoi");
            var after = await officer.GetJson($"/api/v1/reports/{id}");
            var status = after["status"]!.GetValue<string>();
            // An answer means the commit happened before the kill.
            if (responded) Assert.True(status == "submitted", $"attempt {n}: answered {response} but the report is {status}");
            var isSubmitted = status == "submitted";
            if (isSubmitted) AssertFullySubmitted(saved, after, n);
            else AssertDraftAsSaved(saved, after, n);
            await AssertNotificationsMatchHistory(coordinator, id, after);
            attempts.Add(new Attempt(n, delay.Value, isSubmitted, response));
            output.WriteLine($"attempt {n}: kill {delay:0.#} ms after sending → {(isSubmitted ? "submitted" : status + " as saved")} (client saw: {response}); " +
                $"{loop.Elapsed.TotalSeconds:0.0} s");
            if (isSubmitted)
            {
                // Back to the officer, so the next attempt has an editable report to submit again.
                var res = await coordinator.PostAsJsonAsync($"/api/v1/reports/{id}/return",
                    new { version = after["version"]!.GetValue<int>(), comment = $"Lần {n}: đề nghị bổ sung để thử lại." });
                Assert.True(res.IsSuccessStatusCode, await res.Content.ReadAsStringAsync());
            }
        }
        output.WriteLine($"total {started.Elapsed.TotalSeconds:0.0} s");
        Assert.True(attempts.Any(a => !a.Submitted), "no kill landed before the commit: " + string.Join("; ", attempts));
        Assert.True(attempts.Any(a => a.Submitted), "no kill landed after the commit: " + string.Join("; ", attempts));
    }

    static bool Both(List<Attempt> a) => a.Any(x => x.Submitted) && a.Any(x => !x.Submitted);

    /// <summary>Upward through <see cref="Sweep"/> until a submission commits, then halfway between the latest kill that
    /// left the draft and the earliest that found it submitted; null when they are within a millisecond.</summary>
    static double? NextDelay(List<Attempt> attempts)
    {
        var after = attempts.Where(a => a.Submitted).Select(a => (double?)a.DelayMs).Min();
        if (after is null)
        {
            var tried = attempts.Select(a => a.DelayMs).DefaultIfEmpty(-1).Max();
            return Sweep.Where(d => d > tried).Select(d => (double?)d).FirstOrDefault();
        }
        var before = attempts.Where(a => !a.Submitted && a.DelayMs < after).Select(a => a.DelayMs).DefaultIfEmpty(0).Max();
        return after - before <= 1 ? null : Math.Round((before + after.Value) / 2, 1);
    }

    /// <summary>Every task with a status and a narrative, every indicator with a value (and a denominator for a share) and a
    /// note, both free-text sections: texts unique to the attempt, so a stale value cannot pass for a saved one.</summary>
    static async Task<JsonNode> SaveCompleteDraft(HttpClient officer, int id, int n)
    {
        var form = await officer.GetJson($"/api/v1/reports/{id}");
        Assert.True(form["canEdit"]!.GetValue<bool>(), $"attempt {n}: the report is not editable: {form["status"]}");
        var tasks = form["tasks"]!.AsArray().Select((t, i) => new
        {
            taskId = t!["taskId"]!.GetValue<int>(), progress = i % 2 == 0 ? "inProgress" : "done",
            narrative = $"Lần {n}: kết quả thực hiện nhiệm vụ {t["number"]} — tuyên truyền tại tổ dân phố, kiểm tra cơ sở kinh doanh.",
        }).ToList();
        var values = form["indicators"]!.AsArray().Select((v, i) =>
        {
            var share = v!["isShare"]!.GetValue<bool>();
            return new
            {
                indicatorId = v["indicatorId"]!.GetValue<int>(), value = (decimal)(share ? (n + i) % 30 : n * 10 + i),
                denominator = share ? 40m + n : (decimal?)null, note = $"Lần {n}: số liệu chỉ tiêu {v["number"]} theo sổ theo dõi của phường.",
            };
        }).ToList();
        Assert.NotEmpty(tasks);
        Assert.NotEmpty(values);
        var draft = new
        {
            version = form["version"]!.GetValue<int>(), tasks, values,
            difficulties = $"Lần {n}: cán bộ kiêm nhiệm;\nkinh phí còn hạn chế.",
            proposals = $"Lần {n}: đề nghị tập huấn nghiệp vụ cho cán bộ phường.",
        };
        var res = await officer.PutAsJsonAsync($"/api/v1/reports/{id}", draft);
        await res.Json(System.Net.HttpStatusCode.OK);
        var saved = await officer.GetJson($"/api/v1/reports/{id}");
        // What the form shows after the save is what was typed: the reference the state after the kill is compared with.
        Assert.Equal(draft.difficulties, saved["difficulties"]!.GetValue<string>());
        foreach (var v in values)
            Assert.Equal(v.value, saved["indicators"]!.AsArray().Single(x => x!["indicatorId"]!.GetValue<int>() == v.indicatorId)!["value"]!.GetValue<decimal>());
        Assert.Empty(ReportRules(saved));
        return saved;
    }

    /// <summary>The submission's blocking problems, if any: a draft that could not be submitted would prove nothing.</summary>
    static List<string> ReportRules(JsonNode form) =>
        form["tasks"]!.AsArray().Where(t => t!["progress"] is null || t["narrative"] is null).Select(t => $"task {t!["number"]}")
            .Concat(form["indicators"]!.AsArray().Where(v => v!["value"] is null || (v["isShare"]!.GetValue<bool>() && v["denominator"] is null))
                .Select(v => $"indicator {v!["number"]}")).ToList();

    async Task<(bool Responded, string Response)> SubmitAndKill(HttpClient officer, int id, int version, double delayMs)
    {
        var send = officer.PostAsJsonAsync($"/api/v1/reports/{id}/submit", new { version });
        var clock = Stopwatch.StartNew();
        if (delayMs >= 15) await Task.Delay(TimeSpan.FromMilliseconds(delayMs - 10));
        while (clock.Elapsed.TotalMilliseconds < delayMs) Thread.SpinWait(50); // the last milliseconds precisely
        await _app.Kill();
        try
        {
            var res = await send;
            var body = await res.Content.ReadAsStringAsync();
            Assert.True(res.IsSuccessStatusCode, $"the submission was refused: {(int)res.StatusCode} {body}");
            return (true, $"{(int)res.StatusCode}");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            return (false, "no response");
        }
    }

    static void AssertDraftAsSaved(JsonNode saved, JsonNode after, int n)
    {
        var at = $"attempt {n} (not submitted)";
        Assert.True(saved["status"]!.GetValue<string>() == after["status"]!.GetValue<string>(), $"{at}: status {after["status"]}");
        Assert.Equal(saved["version"]!.GetValue<int>(), after["version"]!.GetValue<int>());
        Assert.Equal(Text(saved["submittedAt"]), Text(after["submittedAt"]));
        Assert.Equal(Text(saved["history"]), Text(after["history"]));
        Assert.Equal(Text(saved["savedAt"]), Text(after["savedAt"]));
        AssertContentAsSaved(saved, after, at);
        foreach (var v in after["indicators"]!.AsArray()) Assert.False(v!["prefilled"]!.GetValue<bool>(), $"{at}: {v["number"]} pre-filled again");
    }

    static void AssertFullySubmitted(JsonNode saved, JsonNode after, int n)
    {
        var at = $"attempt {n} (submitted)";
        Assert.Equal(saved["version"]!.GetValue<int>() + 1, after["version"]!.GetValue<int>());
        Assert.NotNull(after["submittedAt"]);
        var before = saved["history"]!.AsArray();
        var history = after["history"]!.AsArray();
        Assert.True(history.Count == before.Count + 1, $"{at}: history {Text(history)} after {Text(before)}");
        Assert.Equal(Text(before), Text(new JsonArray(history.Take(before.Count).Select(e => e!.DeepClone()).ToArray())));
        Assert.Equal("submitted", history[^1]!["kind"]!.GetValue<string>());
        Assert.Equal("phuluong", history[^1]!["by"]!.GetValue<string>());
        if (before.Count == 0) Assert.Equal(Text(history[^1]!["at"]), Text(after["submittedAt"]));
        AssertContentAsSaved(saved, after, at);
        // Frozen: the figures the records gave at submission are stored with the report, each with its source.
        foreach (var v in after["indicators"]!.AsArray())
        {
            var s = saved["indicators"]!.AsArray().Single(x => x!["indicatorId"]!.GetValue<int>() == v!["indicatorId"]!.GetValue<int>())!;
            Assert.True(Text(s["computed"]) == Text(v!["computed"]) && Text(s["computedDenominator"]) == Text(v["computedDenominator"]),
                $"{at}: indicator {v!["number"]} computed {Text(v["computed"])}/{Text(v["computedDenominator"])}, the form had {Text(s["computed"])}/{Text(s["computedDenominator"])}");
            if (s["computed"] is not null) Assert.False(string.IsNullOrEmpty(Text(v["source"])), $"{at}: indicator {v["number"]} frozen without its source");
        }
        Assert.False(after["canEdit"]!.GetValue<bool>());
    }

    /// <summary>Every field the officer saved, exactly.</summary>
    static void AssertContentAsSaved(JsonNode saved, JsonNode after, string at)
    {
        Assert.Equal(Text(saved["difficulties"]), Text(after["difficulties"]));
        Assert.Equal(Text(saved["proposals"]), Text(after["proposals"]));
        var tasks = after["tasks"]!.AsArray();
        Assert.Equal(saved["tasks"]!.AsArray().Count, tasks.Count);
        foreach (var s in saved["tasks"]!.AsArray())
        {
            var a = tasks.Single(t => t!["taskId"]!.GetValue<int>() == s!["taskId"]!.GetValue<int>())!;
            Assert.True(Text(s!["progress"]) == Text(a["progress"]) && Text(s["narrative"]) == Text(a["narrative"]),
                $"{at}: task {s["number"]}: {Text(a["progress"])} {Text(a["narrative"])}, saved {Text(s["progress"])} {Text(s["narrative"])}");
        }
        var values = after["indicators"]!.AsArray();
        Assert.Equal(saved["indicators"]!.AsArray().Count, values.Count);
        foreach (var s in saved["indicators"]!.AsArray())
        {
            var a = values.Single(v => v!["indicatorId"]!.GetValue<int>() == s!["indicatorId"]!.GetValue<int>())!;
            Assert.True(Number(s!["value"]) == Number(a["value"]) && Number(s["denominator"]) == Number(a["denominator"]) && Text(s["note"]) == Text(a["note"]),
                $"{at}: indicator {s["number"]}: {Text(a["value"])}/{Text(a["denominator"])} \"{Text(a["note"])}\", saved {Text(s["value"])}/{Text(s["denominator"])} \"{Text(s["note"])}\"");
        }
    }

    /// <summary>The submission's notification to the consolidating agency commits with it: one per submission in the history.</summary>
    static async Task AssertNotificationsMatchHistory(HttpClient coordinator, int id, JsonNode after)
    {
        var notes = (await coordinator.GetJson("/api/v1/notifications?take=500")).AsArray()
            .Count(x => x!["link"]?.GetValue<string>() == $"/reports/{id}" && x["subject"]!.GetValue<string>().Contains("đã nộp"));
        var submissions = after["history"]!.AsArray().Count(e => e!["kind"]!.GetValue<string>() == "submitted");
        Assert.True(notes == submissions, $"{notes} submission notifications for {submissions} submissions");
    }

    static string? Text(JsonNode? node) => node?.ToJsonString();
    static decimal? Number(JsonNode? node) => node?.GetValue<decimal>();
}

public sealed class SqliteReportKillTests(ITestOutputHelper output) : ReportKillTests(output)
{
    readonly string _dir = Path.Combine(Path.GetTempPath(), $"pcmd-kill-{Guid.NewGuid():N}");

    protected override Task<Dictionary<string, string>> CreateDatabase() =>
        Task.FromResult(new Dictionary<string, string> { ["Pcmd__DataDirectory"] = _dir, ["ConnectionStrings__Sqlite"] = "" });

    /// <summary>The file a killed process left (with its journal) opens and passes SQLite's own check.</summary>
    protected override async Task CheckStore()
    {
        await using var conn = new SqliteConnection($"Data Source={Path.Combine(_dir, "pcmd.db")};Pooling=False");
        await conn.OpenAsync();
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = "PRAGMA integrity_check";
        Assert.Equal("ok", (string?)await cmd.ExecuteScalarAsync());
    }

    protected override Task DropDatabase()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
        return Task.CompletedTask;
    }
}

public sealed class PostgresReportKillTests(ITestOutputHelper output) : ReportKillTests(output)
{
    string _server = "", _name = "";

    /// <summary>A fresh database on the test cluster (PCMD_TEST_PG, started by test.sh), as PostgresApp makes one.</summary>
    protected override async Task<Dictionary<string, string>> CreateDatabase()
    {
        _server = Environment.GetEnvironmentVariable("PCMD_TEST_PG")
            ?? throw new InvalidOperationException("PCMD_TEST_PG is not set: run the tests with ./test.sh, which starts PostgreSQL.");
        _name = $"pcmd_kill_{Guid.NewGuid():N}";
        await Sql($"CREATE DATABASE {_name} ENCODING 'UTF8' TEMPLATE template0");
        return new() { ["ConnectionStrings__Postgres"] = new NpgsqlConnectionStringBuilder(_server) { Database = _name }.ConnectionString };
    }

    protected override async Task DropDatabase()
    {
        if (_name.Length > 0) await Sql($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)");
    }

    async Task Sql(string sql)
    {
        await using var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_server) { Pooling = false }.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
    }
}
