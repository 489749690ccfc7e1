using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Pcmd.IntegrationTests.Infrastructure;
using static Pcmd.IntegrationTests.Features.Reporting.ReportingTestData;

namespace Pcmd.IntegrationTests.Features.Reporting;

public sealed record FitValueView(int IndicatorId, string Number, bool IsShare, decimal? Value, decimal? Denominator, decimal? Percent, string ActualText);

public sealed record FitTaskView(string Number, string? Narrative, bool Drafted);

public sealed record FitFormView(int Version, string Status, List<FitTaskView> Tasks, List<FitValueView> Indicators);

/// <summary>Issue 15, item 3: a report asks a unit only what the plan assigns it (a ward nothing of the city police's or of a
/// body the plan only requests; a ward's police nothing of the city police's), and a share may be typed as its per cent
/// ("85 %", "85,5"), kept and shown as typed, through the API and through the page's form. Issue 5's leftover: a sent
/// consolidated report marks the synthesis it never edited.</summary>
public abstract class ReportFormFitTests(PcmdApp app)
{
    readonly ReportingTestData data = new(app);

    async Task<(int PlanId, List<PeriodView> Periods)> PlanWithOtherLevels(HttpClient coordinator)
    {
        var file = PlanFile("fit-" + Guid.NewGuid().ToString("N")[..10]);
        var plan = file["plan"]!.AsObject();
        plan["indicators"]!.AsArray().Add(JsonNode.Parse("""
            { "number": "3", "text": "Số vụ án được khởi tố", "unitOfMeasure": "vụ", "target": { "kind": "count", "value": 5 }, "lead": [ { "agency": "CA-TP" } ] }
            """));
        plan["tasks"]!.AsArray().Add(JsonNode.Parse("""
            { "number": "2.a", "text": "Vận động hội viên tham gia phòng, chống mại dâm", "lead": [ { "agency": "MTTQ-TP", "requested": true } ], "timing": { "kind": "recurring", "frequency": "yearly", "text": "Hằng năm" } }
            """));
        plan["tasks"]!.AsArray().Add(JsonNode.Parse("""
            { "number": "2.b", "text": "Nắm tình hình tụ điểm trên địa bàn phường", "lead": [ { "agency": "CA-PHULUONG" } ], "timing": { "kind": "recurring", "frequency": "yearly", "text": "Hằng năm" } }
            """));
        var planId = (await (await coordinator.PostRaw("/api/v1/plans/import", file.ToJsonString())).Json<Versioned>(HttpStatusCode.Created)).Id;
        return (planId, await OpenYear(coordinator, planId, 2025));
    }

    [Fact]
    public async Task A_ward_is_asked_only_its_own_tasks_and_indicators_and_a_ward_police_not_the_city_polices()
    {
        var coordinator = await app.SignIn("dieuphoi");
        var (_, periods) = await PlanWithOtherLevels(coordinator);
        var year = PeriodId(periods, "annual", 2025);
        Assert.Contains("CA-PHULUONG", await data.Reporters(year));
        Assert.DoesNotContain("MTTQ-TP", await data.Reporters(year)); // only requested: not a reporter

        var ward = await coordinator.GetJson<FitFormView>($"/api/v1/reports/{await data.ReportId(year, "UBND-PHULUONG")}");
        Assert.Equal(["1.a"], ward.Tasks.Select(t => t.Number));
        Assert.Equal(["1", "2"], ward.Indicators.Select(v => v.Number));
        // Công an phường Phú Lương is part of Công an Thành phố, but answers for its own task only, not the city police's indicator.
        var police = await coordinator.GetJson<FitFormView>($"/api/v1/reports/{await data.ReportId(year, "CA-PHULUONG")}");
        Assert.Equal(["2.b"], police.Tasks.Select(t => t.Number));
        Assert.Empty(police.Indicators);
        var city = await coordinator.GetJson<FitFormView>($"/api/v1/reports/{await data.ReportId(year, "CA-TP")}");
        Assert.Equal(["3"], city.Indicators.Select(v => v.Number));
    }

    /// <summary>"Nhiệm vụ của tôi" follows the report form's rule: what a ward's police is shown as its own is what its report
    /// asks (its task), not the city police's indicator, although the ward's police is part of the city police.</summary>
    [Fact]
    public async Task My_tasks_of_a_ward_police_are_what_its_report_asks_not_the_city_polices()
    {
        var coordinator = await app.SignIn("dieuphoi");
        var (planId, _) = await PlanWithOtherLevels(coordinator);
        var admin = await app.SignIn("admin");
        var users = new Users.UserTestData(app);
        var name = users.Name("capl-" + Guid.NewGuid().ToString("N")[..6]);
        var user = await users.NewUser(admin, name, agency: "CA-PHULUONG");
        await (await admin.PostRaw("/api/v1/users", user.ToJsonString())).Json(HttpStatusCode.Created);
        var police = users.Anonymous();
        (await users.Login(police, name)).EnsureSuccessStatusCode();
        var mine = (await police.GetJson<List<JsonObject>>("/api/v1/my-tasks")).Where(r => r["planId"]!.GetValue<int>() == planId)
            .Select(r => r["kind"]!.GetValue<string>() + " " + r["number"]!.GetValue<string>()).ToList();
        Assert.Equal(["task 2.b"], mine);
    }

    [Fact]
    public async Task A_share_typed_as_its_per_cent_is_kept_and_shown_as_typed_and_refused_where_it_makes_no_sense()
    {
        var coordinator = await app.SignIn("dieuphoi");
        var (_, periods) = await data.Plan(coordinator, 2025);
        var id = await data.ReportId(PeriodId(periods, "annual", 2025), "UBND-PHULUONG");
        var ward = await app.SignIn("phuluong");
        var form = await ward.GetJson<FitFormView>($"/api/v1/reports/{id}");
        var (count, share) = (form.Indicators.Single(v => v.Number == "1"), form.Indicators.Single(v => v.Number == "2"));

        JsonObject Draft(int version, JsonObject shareValue) => new()
        {
            ["version"] = version,
            ["values"] = new JsonArray(new JsonObject { ["indicatorId"] = count.IndicatorId, ["value"] = 4, ["note"] = "Theo sổ của phường." }, shareValue),
        };
        // The API: a per cent with its parts, above 100 or for a count is refused, each at its field.
        var both = await (await Put(ward, id, Draft(form.Version, new JsonObject { ["indicatorId"] = share.IndicatorId, ["value"] = 3, ["denominator"] = 4, ["percent"] = 75 })))
            .Json<Problem>(HttpStatusCode.BadRequest);
        Assert.Contains("không nhập cả hai", Assert.Single(both.On("values[1].percent")));
        var above = await (await Put(ward, id, Draft(form.Version, new JsonObject { ["indicatorId"] = share.IndicatorId, ["percent"] = 120 })))
            .Json<Problem>(HttpStatusCode.BadRequest);
        Assert.Contains("từ 0 đến 100", Assert.Single(above.On("values[1].percent")));
        var onCount = Draft(form.Version, new JsonObject { ["indicatorId"] = share.IndicatorId, ["percent"] = 50 });
        onCount["values"]![0]!["percent"] = 10;
        Assert.Contains("không nhập tỷ lệ phần trăm", Assert.Single((await (await Put(ward, id, onCount)).Json<Problem>(HttpStatusCode.BadRequest)).On("values[0].percent")));

        var v = await Save(ward, id, Draft(form.Version, new JsonObject { ["indicatorId"] = share.IndicatorId, ["percent"] = 85.5m }));
        var saved = (await ward.GetJson<FitFormView>($"/api/v1/reports/{id}")).Indicators.Single(x => x.Number == "2");
        Assert.Equal((null, null, 85.5m, "85,5 %"), (saved.Value, saved.Denominator, saved.Percent, saved.ActualText));

        // The page's form: "85 %" typed in the numerator's box, then "85,5" in the per cent box, both kept as per cents.
        async Task<HttpResponseMessage> PostPage(int version, string value, string percent)
        {
            var html = await ward.GetStringAsync($"/reports/{id}");
            return await ward.PostAsync($"/reports/{id}", new FormUrlEncodedContent(new KeyValuePair<string, string>[]
            {
                new("_handler", "report"), new("__RequestVerificationToken", Token(html)), new("Version", version.ToString()), new("action", "save"),
                new("values[0].indicatorId", count.IndicatorId.ToString()), new("values[0].value", "4"), new("values[0].note", "Theo sổ của phường."),
                new("values[1].indicatorId", share.IndicatorId.ToString()), new("values[1].value", value), new("values[1].denominator", ""),
                new("values[1].percent", percent),
            }));
        }
        var posted = await PostPage(v, "85 %", "");
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var typed = (await ward.GetJson<FitFormView>($"/api/v1/reports/{id}"));
        Assert.Equal((null, 85m), (typed.Indicators.Single(x => x.Number == "2").Value, typed.Indicators.Single(x => x.Number == "2").Percent));
        Assert.Equal(HttpStatusCode.Redirect, (await PostPage(typed.Version, "", "85,5")).StatusCode);
        var page = await ward.GetStringAsync($"/reports/{id}");
        Assert.Contains("value=\"85,5\"", page);
        Assert.Contains("85,5 %", page); // the actual beside the target, as typed
        // The form is cut into sections with their progress.
        Assert.Contains("mục đã điền", page);
        var notANumber = await (await PostPage((await ward.GetJson<FitFormView>($"/api/v1/reports/{id}")).Version, "", "khoảng 85")).Content.ReadAsStringAsync();
        Assert.Contains("không phải là tỷ lệ phần trăm", WebUtility.HtmlDecode(notANumber));
    }

    [Fact]
    public async Task A_sent_consolidated_report_marks_the_synthesis_it_never_edited()
    {
        var coordinator = await app.SignIn("dieuphoi");
        var (_, periods) = await data.Plan(coordinator, 2025);
        var period = PeriodId(periods, "annual", 2025);
        await Accepted(await app.SignIn("phuluong"), coordinator, await data.ReportId(period, "UBND-PHULUONG"), 7, 3, 4);
        var consolidated = await data.ReportId(period, "SYT", consolidated: true);
        var form = await Form(coordinator, consolidated);
        var draft = Complete(form, 7, 3, 4);
        // The coordinator writes its own text on 1.b only; 1.a keeps PCMD's synthesis of Phú Lương's text, unedited.
        draft["tasks"] = new JsonArray(form.Tasks.Select(t => (JsonNode)new JsonObject
            { ["taskId"] = t.TaskId, ["progress"] = "inProgress", ["narrative"] = t.Number == "1.b" ? "Sở Y tế: phường Hà Đông chưa gửi báo cáo." : null }).ToArray());
        draft["values"]![0]!["note"] = "Theo báo cáo của các phường.";
        draft["values"]![1]!["note"] = "Theo báo cáo của các phường.";
        var sent = await Submit(coordinator, consolidated, await Save(coordinator, consolidated, draft));
        Assert.Equal("submitted", sent.Status);

        var view = await coordinator.GetJson<FitFormView>($"/api/v1/reports/{consolidated}");
        Assert.Equal([("1.a", true), ("1.b", false)], view.Tasks.Select(t => (t.Number, t.Drafted)));
        Assert.Contains("Đã tổ chức 3 buổi tuyên truyền", view.Tasks[0].Narrative);
        var html = WebUtility.HtmlDecode(await coordinator.GetStringAsync($"/reports/{consolidated}"));
        // One mark, on 1.a: the draft is named for what it is and folded; the coordinator's own text on 1.b reads as written.
        Assert.Single(Regex.Matches(html, "data-testid=\"unedited-draft\""));
        Assert.Contains("chưa được biên tập", html);
        Assert.Matches("data-testid=\"narrative\">Sở Y tế: phường Hà Đông chưa gửi báo cáo.<", html);
        Assert.DoesNotMatch("data-testid=\"narrative\">[^<]*Đã tổ chức 3 buổi", html);
    }

    static string Token(string html) =>
        Regex.Match(html, "name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"").Groups[1].Value is { Length: > 0 } t
            ? t : throw new InvalidOperationException("No antiforgery token on the page");
}

[Collection(SqliteCollection.Name)]
public sealed class ReportFormFitTestsOnSqlite(SqliteApp app) : ReportFormFitTests(app);

[Collection(PostgresCollection.Name)]
public sealed class ReportFormFitTestsOnPostgres(PostgresApp app) : ReportFormFitTests(app);
