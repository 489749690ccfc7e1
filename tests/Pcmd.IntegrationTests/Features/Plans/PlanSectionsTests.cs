using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Pcmd.IntegrationTests.Infrastructure;
using Pcmd.Web.Features.Audit;
using static Pcmd.IntegrationTests.Features.Plans.PlanTestData;

namespace Pcmd.IntegrationTests.Features.Plans;

/// <summary>Issue 16, item 9: an appendix and the report schedule edited without the plan file — through the API and the
/// pages, with the file's checks and messages by row, the plan's version (409) and the audit trail.</summary>
public abstract class PlanSectionsTests(PcmdApp app)
{
    readonly PlanTestData data = new(app);

    async Task<(HttpClient C, int Id, int Version, int AppendixId, int ItemId)> NewPlan(string name)
    {
        var admin = await app.SignIn("admin");
        var created = await Import(admin, SamplePlan.Create(data.Key($"sections-{name}")));
        var appendix = await admin.GetJson<JsonObject>($"/api/v1/plans/{created.Id}");
        var a = appendix["appendices"]![0]!;
        return (admin, created.Id, created.Version, (int)a["id"]!, (int)a["items"]![0]!["id"]!);
    }

    const string Appendix = """
        { "number": "I", "title": "Điểm phức tạp cần triệt xóa", "kind": "hotspots",
          "items": [ { "name": "Khu vực A", "complexity": "active", "note": "Đã bàn giao cho địa phương năm 2021" },
                     { "name": "Khu vực B", "unit": "09568", "unitName": "Phường Phú Lương", "complexity": "complex" } ] }
        """;

    [Fact]
    public async Task An_appendix_is_changed_row_by_row_keeping_the_rows_that_stay_and_audited()
    {
        var (c, id, version, appendixId, itemId) = await NewPlan("appendix");
        var saved = await (await c.PutRaw($"/api/v1/plans/{id}/appendices/{appendixId}?version={version}", Appendix)).Json<PartSaved>(HttpStatusCode.OK);
        Assert.Equal(version + 1, saved.PlanVersion);
        var part = JsonNode.Parse(await c.GetStringAsync($"/api/v1/plans/{id}/appendices/{appendixId}"))!;
        Assert.Equal("Điểm phức tạp cần triệt xóa", (string?)part["part"]!["title"]);
        var items = part["part"]!["items"]!.AsArray();
        Assert.Equal(["Khu vực A", "Khu vực B"], items.Select(i => (string?)i!["name"]));
        Assert.Equal("active", (string?)items[0]!["complexity"]);
        Assert.Equal("09568", (string?)items[1]!["unit"]);
        // The row that stays keeps its id (a hotspot linked to it keeps the link); the change is in the audit trail.
        var plan = await c.GetJson<JsonObject>($"/api/v1/plans/{id}");
        Assert.Equal(itemId, (int)plan["appendices"]![0]!["items"]![0]!["id"]!);
        var audit = await data.Db(db => db.AuditEntries.Where(a => a.EntityType == "AppendixItem" && a.EntityId == itemId.ToString()).ToListAsync());
        Assert.Contains(audit, a => a.Action == AuditAction.Modified && a.Changes.Contains("Complexity", StringComparison.Ordinal));

        // A stale version is a conflict and changes nothing.
        var stale = await c.PutRaw($"/api/v1/plans/{id}/appendices/{appendixId}?version={version}", Appendix.Replace("Khu vực B", "Khu vực C"));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(2, (await c.GetJson<JsonObject>($"/api/v1/plans/{id}/appendices/{appendixId}"))["part"]!["items"]!.AsArray().Count);

        // Added at its place by number, then deleted.
        var added = await (await c.PostRaw($"/api/v1/plans/{id}/appendices?version={saved.PlanVersion}",
            """{ "number": "II", "title": "Xã, phường áp dụng mô hình", "kind": "communes", "items": [ { "name": "Phường Phú Lương", "status": "new" } ] }"""))
            .Json<PartSaved>(HttpStatusCode.Created);
        Assert.Equal(["I", "II"], (await Plan(c, id)).Appendices.Select(a => a.Number));
        var deleted = await (await c.DeleteAsync($"/api/v1/plans/{id}/appendices/{added.Id}?version={added.PlanVersion}")).Json<PartSaved>(HttpStatusCode.OK);
        Assert.Equal(added.PlanVersion + 1, deleted.PlanVersion);
        Assert.Equal(["I"], (await Plan(c, id)).Appendices.Select(a => a.Number));
    }

    [Fact]
    public async Task A_bad_appendix_row_or_schedule_line_is_refused_by_field_in_Vietnamese_and_nothing_changes()
    {
        var (c, id, version, appendixId, _) = await NewPlan("bad");
        var bad = Appendix.Replace("\"unit\": \"09568\"", "\"unit\": \"0956\"").Replace("\"complexity\": \"active\"", "\"complexity\": \"busy\"");
        var problem = await (await c.PutRaw($"/api/v1/plans/{id}/appendices/{appendixId}?version={version}", bad)).Json<Problem>(HttpStatusCode.BadRequest);
        Assert.Contains(problem.On("items[1].unit"), m => m.StartsWith("Dòng 2: Không có đơn vị hành chính mã '0956'", StringComparison.Ordinal));
        Assert.Contains(problem.On("items[0].complexity"), m => m.StartsWith("Dòng 1: Giá trị 'busy' không hợp lệ", StringComparison.Ordinal));

        var schedule = """{ "reportSchedule": [ { "kind": "semiannual", "dueDay": 31, "dueMonth": 6, "recipient": "SYTT" } ] }""";
        var refused = await (await c.PutRaw($"/api/v1/plans/{id}/report-schedule?version={version}", schedule)).Json<Problem>(HttpStatusCode.BadRequest);
        Assert.Contains(refused.On("reportSchedule[0].dueDay"), m => m == "Lịch báo cáo, dòng 1: Tháng 6 không có ngày 31.");
        Assert.Contains(refused.On("reportSchedule[0].recipient"), m => m.StartsWith("Lịch báo cáo, dòng 1: Không có cơ quan mã 'SYTT'", StringComparison.Ordinal));
        var plan = await Plan(c, id);
        Assert.Equal(version, plan.Version);
        Assert.Equal(17, Assert.Single(plan.ReportSchedule).DueDay);
    }

    [Fact]
    public async Task The_report_schedule_is_replaced_line_by_line_under_the_plans_version()
    {
        var (c, id, version, _, _) = await NewPlan("schedule");
        var schedule = """
            { "reportSchedule": [
              { "kind": "semiannual", "dueDay": 15, "dueMonth": 6, "consolidationDueDay": 20, "consolidationDueMonth": 6, "recipient": "SYT", "note": "trước ngày 15/6" },
              { "kind": "annual", "dueDay": 15, "dueMonth": 12, "recipient": "SYT" } ] }
            """;
        var saved = await (await c.PutRaw($"/api/v1/plans/{id}/report-schedule?version={version}", schedule)).Json<PartSaved>(HttpStatusCode.OK);
        Assert.Equal(version + 1, saved.PlanVersion);
        var lines = (await c.GetJson<JsonObject>($"/api/v1/plans/{id}/report-schedule"))["part"]!["reportSchedule"]!.AsArray();
        Assert.Equal(["semiannual", "annual"], lines.Select(l => (string?)l!["kind"]));
        Assert.Equal(20, (int?)lines[0]!["consolidationDueDay"]);
        Assert.Equal(HttpStatusCode.Conflict, (await c.PutRaw($"/api/v1/plans/{id}/report-schedule?version={version}", "{}")).StatusCode);
        var ids = await data.Db(db => db.ReportScheduleEntries.Where(r => r.PlanId == id).Select(r => r.Id.ToString()).ToListAsync());
        Assert.True(await data.Db(db => db.AuditEntries.AnyAsync(a => a.EntityType == "ReportScheduleEntry" && ids.Contains(a.EntityId) && a.Action == AuditAction.Created)));
        Assert.True(await data.Db(db => db.AuditEntries.AnyAsync(a => a.EntityType == "ReportScheduleEntry" && ids.Contains(a.EntityId) && a.Action == AuditAction.Modified
            && a.Changes.Contains("ConsolidationDueDay"))));

        var officer = await app.SignIn("phuluong");
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PutRaw($"/api/v1/plans/{id}/report-schedule?version={saved.PlanVersion}", "{}")).StatusCode);
    }

    [Fact]
    public async Task The_appendix_and_schedule_pages_save_their_forms_and_show_the_problems_by_row()
    {
        var (c, id, version, appendixId, _) = await NewPlan("pages");
        var html = await c.GetStringAsync($"/plans/{id}/appendices/{appendixId}/edit");
        Assert.Contains("Khu vực A", html);
        KeyValuePair<string, string> F(string k, string v) => new(k, v);
        List<KeyValuePair<string, string>> Form(string unit) =>
        [
            F("_handler", "appendix-edit"), F("__RequestVerificationToken", Token(html)), F("Version", version.ToString()), F("RowCount", "4"),
            F("Number", "I"), F("Kind", "hotspots"), F("Title", "Điểm phức tạp"),
            F("Items[0].Name", "Khu vực A"), F("Items[0].Complexity", "low"),
            F("Items[1].Name", ""), F("Items[1].Unit", ""),
            F("Items[2].Name", "Ngõ 5 Phú Lương"), F("Items[2].Unit", unit), F("Items[2].UnitName", "Phường Phú Lương"),
        ];
        var refused = await c.PostAsync($"/plans/{id}/appendices/{appendixId}/edit", new FormUrlEncodedContent(Form("0956")));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var refusedHtml = await refused.Content.ReadAsStringAsync();
        Assert.Contains("Dòng 2: Không có đơn vị hành chính mã &#x27;0956&#x27;", refusedHtml);
        Assert.Contains("Ngõ 5 Phú Lương", refusedHtml);
        var saved = await c.PostAsync($"/plans/{id}/appendices/{appendixId}/edit", new FormUrlEncodedContent(Form("09568")));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var items = (await c.GetJson<JsonObject>($"/api/v1/plans/{id}/appendices/{appendixId}"))["part"]!["items"]!.AsArray();
        Assert.Equal(["Khu vực A", "Ngõ 5 Phú Lương"], items.Select(i => (string?)i!["name"]));
        Assert.Equal("low", (string?)items[0]!["complexity"]);

        var page = await c.GetStringAsync($"/plans/{id}/report-schedule/edit");
        var current = (await Plan(c, id)).Version;
        var posted = await c.PostAsync($"/plans/{id}/report-schedule/edit", new FormUrlEncodedContent(
        [
            F("_handler", "schedule-edit"), F("__RequestVerificationToken", Token(page)), F("Version", current.ToString()), F("RowCount", "3"),
            F("Lines[0].Kind", "semiannual"), F("Lines[0].DueDay", "10"), F("Lines[0].DueMonth", "6"), F("Lines[0].Recipient", "SYT"),
            F("Lines[1].Kind", "final"), F("Lines[1].DueDay", "5"), F("Lines[1].DueMonth", "11"),
            F("Lines[2].Kind", ""),
        ]));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var schedule = (await Plan(c, id)).ReportSchedule;
        Assert.Equal(["semiannual", "final"], schedule.Select(s => s.Kind));
        Assert.Equal(10, schedule[0].DueDay);
    }

    static string Token(string html) =>
        Regex.Match(html, "name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"").Groups[1].Value is { Length: > 0 } t
            ? t : throw new InvalidOperationException("No antiforgery token on the page");
}

[Collection(SqliteCollection.Name)]
public sealed class PlanSectionsTestsOnSqlite(SqliteApp app) : PlanSectionsTests(app);

[Collection(PostgresCollection.Name)]
public sealed class PlanSectionsTestsOnPostgres(PostgresApp app) : PlanSectionsTests(app);
