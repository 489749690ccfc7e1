using System.Net;
using System.Text.Json.Nodes;
using Pcmd.IntegrationTests.Infrastructure;
using static Pcmd.IntegrationTests.Features.Plans.PlanTestData;

namespace Pcmd.IntegrationTests.Features.Plans;

public abstract class PlanFileTests(PcmdApp app)
{
    readonly PlanTestData data = new(app);

    public static readonly string[] DemoKeys = ["hn-2014", "hn-2024", "hd-2024", "phu-lam-2024", "hn-2026-2030"];

    [Fact]
    public async Task Every_demo_plan_exports_and_imports_back_to_the_same_plan()
    {
        var admin = await app.SignIn("admin");
        foreach (var key in DemoKeys)
        {
            var id = await admin.PlanId(key);
            var first = await (await admin.GetAsync($"/api/v1/plans/{id}/export")).Content.ReadAsStringAsync();
            var copyKey = $"{key}-copy-{app.Provider}".ToLowerInvariant();
            var doc = JsonNode.Parse(first)!.AsObject();
            doc.Plan()["key"] = copyKey;
            var created = await (await admin.PostRaw("/api/v1/plans/import", doc.ToJsonString())).Json(HttpStatusCode.Created);
            var second = await (await admin.GetAsync($"/api/v1/plans/{created["id"]}/export")).Content.ReadAsStringAsync();
            Assert.Equal(first, second.Replace($"\"key\": \"{copyKey}\"", $"\"key\": \"{key}\""));
        }
    }

    [Fact]
    public async Task The_2026_plan_holds_the_yearly_inspection_schedule_and_task_leads()
    {
        var c = await app.SignIn("dieuphoi");
        var plan = await c.GetJson<PlanView>($"/api/v1/plans/{await c.PlanId("hn-2026-2030")}");
        var inspection = plan.Indicators.Single(i => i.Text.Contains("kiểm tra ít nhất một lần"));
        var schedule = inspection.Targets.ToDictionary(t => t.Year!.Value, t => t.Value!.Value);
        Assert.Equal(new Dictionary<int, decimal> { [2026] = 60, [2027] = 70, [2028] = 80, [2029] = 90, [2030] = 95 }, schedule);
        Assert.Contains(plan.Task("6.3").Assignments, a => a.AgencyCode == "SYT" && a.Role == "lead");
        var schedules = plan.ReportSchedule.Select(r => (r.Kind, r.DueDay, r.DueMonth)).ToList();
        Assert.Contains(("semiannual", (int?)17, (int?)6), schedules);
        Assert.Contains(("annual", (int?)17, (int?)12), schedules);
    }

    [Fact]
    public async Task The_2024_plan_keeps_its_appendices_and_the_ward_plan_its_parent()
    {
        var c = await app.SignIn("admin");
        var plan2024 = await c.GetJson<PlanView>($"/api/v1/plans/{await c.PlanId("hn-2024")}");
        var appendices = plan2024.Appendices.ToDictionary(a => a.Number, a => a.Items.Count);
        Assert.Equal(3, appendices["II"]);
        Assert.Equal(8, appendices["III"]);
        var topRows = plan2024.Indicators.Select(i => i.Number).Where(n => !n.Contains('.')).Count();
        Assert.Equal(11, topRows);
        var ward = await c.GetJson<PlanView>($"/api/v1/plans/{await c.PlanId("phu-lam-2024")}");
        Assert.Equal("hd-2024", ward.Parent!.Code);
        Assert.Equal("09568", ward.IssuingUnit.Code);
        Assert.Equal("Phường Phú Lãm", ward.IssuingUnit.Name);
        var plan2014 = await c.GetJson<PlanView>($"/api/v1/plans/{await c.PlanId("hn-2014")}");
        Assert.Equal(79, plan2014.Appendices.Where(a => a.Kind == "communes").Sum(a => a.Items.Count));
    }

    [Theory]
    [InlineData("unknown-agency", "plan.tasks[0].lead[0].agency", "Không có cơ quan mã 'KHONG-CO'")]
    [InlineData("unknown-unit", "plan.issuingUnit", "Không có đơn vị hành chính mã '99999'")]
    [InlineData("year-outside", "plan.indicators[0].target.byYear[0].year", "nằm ngoài thời kỳ")]
    [InlineData("end-before-start", "plan.period.to", "trước năm bắt đầu")]
    [InlineData("duplicate-task", "plan.tasks[1].number", "bị trùng")]
    [InlineData("percent-over-100", "plan.indicators[0].target.value", "vượt quá 100 %")]
    [InlineData("range-reversed", "plan.indicators[1].target.min", "lớn hơn giá trị lớn nhất")]
    [InlineData("bad-date", "plan.issuedOn", "không hợp lệ")]
    [InlineData("unknown-property", "$.plan.colour", "Thuộc tính không có")]
    public async Task A_bad_plan_file_is_refused_with_its_location_and_nothing_is_saved(string fault, string path, string message)
    {
        var admin = await app.SignIn("admin");
        var key = data.Key($"bad-{fault}");
        var doc = SamplePlan.Create(key);
        var p = doc.Plan();
        switch (fault)
        {
            case "unknown-agency": p["tasks"]![0]!["lead"]![0]!["agency"] = "KHONG-CO"; break;
            case "unknown-unit": p["issuingUnit"] = "99999"; break;
            case "year-outside": p["indicators"]![0]!["target"]!["byYear"]![0]!["year"] = 2031; break;
            case "end-before-start": p["period"]!["to"] = 2025; break;
            case "duplicate-task": p["tasks"]![1]!["number"] = "1.a"; break;
            case "percent-over-100": p["indicators"]![0]!["target"]!["value"] = 120; break;
            case "range-reversed": p["indicators"]![1]!["target"]!["min"] = 120; break;
            case "bad-date": p["issuedOn"] = "15/01/2026"; break;
            case "unknown-property": p["colour"] = "đỏ"; break;
        }
        var problem = await (await admin.PostRaw("/api/v1/plans/import", doc.ToJsonString())).Json<Problem>(HttpStatusCode.BadRequest);
        Assert.Equal("Tệp kế hoạch không hợp lệ", problem.Title);
        Assert.Contains(problem.Lines(), e => e.StartsWith(path + ": ") && e.Contains(message));
        var list = await admin.GetJson<List<Keyed>>("/api/v1/plans");
        Assert.DoesNotContain(list, x => x.Key == key);
    }

    [Fact]
    public async Task Every_problem_of_a_file_is_reported_at_once()
    {
        var admin = await app.SignIn("admin");
        var doc = SamplePlan.Create(data.Key("many-faults"));
        var p = doc.Plan();
        p["tasks"]![0]!["lead"]![0]!["agency"] = "KHONG-CO";
        p["tasks"]![1]!["number"] = "1.a";
        p["indicators"]![0]!["target"]!["value"] = 150;
        p["indicators"]![1]!["target"]!["min"] = 200;
        p["reportSchedule"]![0]!["dueMonth"] = 13;
        var problem = await (await admin.PostRaw("/api/v1/plans/import", doc.ToJsonString())).Json(HttpStatusCode.BadRequest);
        Assert.Equal(5, problem.Errors().Count);
    }

    [Fact]
    public async Task A_file_larger_than_the_limit_is_refused_without_reading_it_all()
    {
        var admin = await app.SignIn("admin");
        var huge = new string(' ', 6 * 1024 * 1024);
        var withLength = await (await admin.PostRaw("/api/v1/plans/import", huge)).Json(HttpStatusCode.BadRequest);
        Assert.Contains(withLength.Errors(), e => e.StartsWith("file: Tệp lớn quá 5 MB"));
        var chunked = new StreamContent(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(huge)));
        chunked.Headers.ContentType = new("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/plans/import") { Content = chunked };
        request.Headers.TransferEncodingChunked = true;
        var problem = await (await admin.SendAsync(request)).Json(HttpStatusCode.BadRequest);
        Assert.Contains(problem.Errors(), e => e.StartsWith("file: Tệp lớn quá 5 MB"));
    }

    [Fact]
    public async Task A_file_that_is_not_json_is_refused()
    {
        var admin = await app.SignIn("admin");
        var problem = await (await admin.PostRaw("/api/v1/plans/import", "Đây không phải JSON {")).Json<Problem>(HttpStatusCode.BadRequest);
        Assert.Equal("Tệp kế hoạch không hợp lệ", problem.Title);
        Assert.Single(problem.Lines());
    }

    [Fact]
    public async Task The_second_of_two_concurrent_edits_gets_a_conflict()
    {
        var admin = await app.SignIn("admin");
        var key = data.Key("conflict");
        var (id, version) = await Import(admin, SamplePlan.Create(key));
        JsonObject Header(string title) => new()
        {
            ["title"] = title, ["number"] = "02/KH-UBND", ["level"] = "commune", ["periodFrom"] = 2026, ["periodTo"] = 2027, ["version"] = version,
        };
        var first = await (await admin.PutRaw($"/api/v1/plans/{id}", Header("Bản của người thứ nhất").ToJsonString())).Json<Versioned>(HttpStatusCode.OK);
        Assert.Equal(version + 1, first.Version);
        var second = await (await admin.PutRaw($"/api/v1/plans/{id}", Header("Bản của người thứ hai").ToJsonString())).Json<Problem>(HttpStatusCode.Conflict);
        Assert.Equal("Xung đột dữ liệu", second.Title);
        var stale = await (await admin.PutRaw($"/api/v1/plans/{id}/file?version={version}", SamplePlan.Create(key).ToJsonString())).Json(HttpStatusCode.Conflict);
        Assert.NotNull(stale);
        var plan = await Plan(admin, id);
        Assert.Equal("Bản của người thứ nhất", plan.Title);
    }

    [Fact]
    public async Task Replacing_a_plan_from_a_file_changes_its_parts_in_one_step()
    {
        var admin = await app.SignIn("admin");
        var key = data.Key("replace");
        var created = await Import(admin, SamplePlan.Create(key));
        var id = created.Id;
        var doc = SamplePlan.Create(key);
        doc.Plan()["tasks"]!.AsArray().Add(JsonNode.Parse("""{ "number": "2", "text": "Nhiệm vụ mới", "lead": [ { "agency": "SCT" } ] }"""));
        var bad = SamplePlan.Create(key);
        bad.Plan()["tasks"]![0]!["lead"]![0]!["agency"] = "KHONG-CO";
        await (await admin.PutRaw($"/api/v1/plans/{id}/file?version={created.Version}", bad.ToJsonString())).Json(HttpStatusCode.BadRequest);
        Assert.Equal(2, (await Plan(admin, id)).Tasks.Count);
        await (await admin.PutRaw($"/api/v1/plans/{id}/file?version={created.Version}", doc.ToJsonString())).Json(HttpStatusCode.OK);
        var tasks = (await Plan(admin, id)).Tasks;
        Assert.Equal(["1.a", "1.b", "2"], tasks.Select(t => t.Number));
    }

    [Fact]
    public async Task Replacing_a_plan_from_its_file_keeps_the_indicators_bindings_to_computations()
    {
        var admin = await app.SignIn("admin");
        var key = data.Key("keep-binding");
        var id = (await Import(admin, SamplePlan.Create(key))).Id;
        var indicator = (await Plan(admin, id)).Indicators[0].Id;
        var bound = await (await admin.PutRaw($"/api/v1/indicators/{indicator}/binding", """{"computation":"inspectedShare"}""")).Json(HttpStatusCode.OK);
        var version = (await Plan(admin, id)).Version;
        await (await admin.PutRaw($"/api/v1/plans/{id}/file?version={version}", SamplePlan.Create(key).ToJsonString())).Json(HttpStatusCode.OK);
        var results = await admin.GetJson<Indicators.ResultsView>($"/api/v1/plans/{id}/results?year=2026");
        var row = results.Row("1");
        Assert.Equal("inspectedShare", row.Computation);
        Assert.NotNull(bound);
    }

    [Fact]
    public async Task Deleting_a_bound_indicator_records_the_removed_binding_in_the_audit_trail()
    {
        var admin = await app.SignIn("admin");
        var key = data.Key("unbind-audit");
        var id = (await Import(admin, SamplePlan.Create(key))).Id;
        var indicator = (await Plan(admin, id)).Indicators[0].Id;
        await (await admin.PutRaw($"/api/v1/indicators/{indicator}/binding", """{"computation":"inspectedShare"}""")).Json(HttpStatusCode.OK);
        var version = (await Plan(admin, id)).Version;
        await (await admin.DeleteAsync($"/api/v1/plans/{id}/indicators/{indicator}?version={version}")).Json(HttpStatusCode.OK);
        var trail = (await admin.GetJson<Page<AuditEntryView>>("/api/v1/audit?entityType=IndicatorBinding&pageSize=200")).Items;
        Assert.Contains(trail, e => e.Action == "deleted" && e.Changes.Contains($"[{indicator},null]"));
    }

    [Fact]
    public async Task Text_is_stored_as_typed_and_rendered_escaped()
    {
        var admin = await app.SignIn("admin");
        var key = data.Key("escape");
        var doc = SamplePlan.Create(key);
        const string title = "<script>alert('x')</script> & \"Kế hoạch\" 1.500";
        doc.Plan()["title"] = title;
        var created = await Import(admin, doc);
        var plan = await Plan(admin, created.Id);
        Assert.Equal(title, plan.Title);
        var html = await admin.GetStringAsync($"/plans/{created.Id}");
        Assert.DoesNotContain("<script>alert", html);
        Assert.Contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; &quot;Kế hoạch&quot;", html);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class PlanFileTestsOnSqlite(SqliteApp app) : PlanFileTests(app);

[Collection(PostgresCollection.Name)]
public sealed class PlanFileTestsOnPostgres(PostgresApp app) : PlanFileTests(app);
