using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Pcmd.IntegrationTests.Infrastructure;
using Pcmd.Web.Features.Hotspots;

namespace Pcmd.IntegrationTests.Features.Reporting;

/// <summary>A plan of its own per test (the apps are shared): issued by the city, coordinated by Sở Y tế (the demo
/// coordinator "dieuphoi" belongs to its Chi cục), with tasks and indicators for Phường Phú Lương and Phường Hà Đông.
/// Indicator 1 counts new hotspots (bound); indicator 2 is a share typed in.</summary>
public sealed class ReportingTestData(PcmdApp app) : TestData(app)
{
    public static JsonObject PlanFile(string key) => JsonNode.Parse($$"""
    {
      "formatVersion": 1,
      "plan": {
        "key": "{{key}}",
        "title": "Kế hoạch phòng, chống mại dâm thử nghiệm báo cáo {{key}}",
        "number": "99/KH-UBND",
        "issuedOn": "2025-01-15",
        "level": "city",
        "issuingUnit": "01",
        "issuingAgency": "UBND-TP",
        "coordinatingAgency": "SYT",
        "period": { "from": 2025, "to": 2026 },
        "legalBasis": [],
        "objectives": [ { "kind": "general", "text": "Thử nghiệm báo cáo định kỳ" } ],
        "indicators": [
          { "number": "1", "text": "Số tụ điểm mới phát sinh", "unitOfMeasure": "điểm", "target": { "kind": "count", "value": 10 }, "lead": [ { "agency": "UBND-PHULAM" }, { "agency": "UBND-PHULUONG" }, { "agency": "UBND-P-HADONG" } ] },
          { "number": "2", "text": "Tỷ lệ cơ sở ký cam kết", "unitOfMeasure": "%", "target": { "kind": "percentage", "value": 80 }, "lead": [ { "agency": "UBND-PHULUONG" }, { "agency": "UBND-P-HADONG" } ] }
        ],
        "tasks": [
          { "number": "1.a", "text": "Tuyên truyền tại tổ dân phố", "lead": [ { "agency": "UBND-PHULUONG" } ], "cooperating": [ { "agency": "UBND-P-HADONG" } ], "timing": { "kind": "recurring", "frequency": "yearly", "text": "Hằng năm" } },
          { "number": "1.b", "text": "Kiểm tra cơ sở kinh doanh dịch vụ", "lead": [ { "agency": "UBND-P-HADONG" } ], "timing": { "kind": "recurring", "frequency": "yearly", "text": "Hằng năm" } }
        ],
        "appendices": [],
        "reportSchedule": [ { "kind": "semiannual", "dueDay": 17, "dueMonth": 6, "recipient": "SYT" }, { "kind": "annual", "dueDay": 17, "dueMonth": 12, "recipient": "SYT" } ]
      }
    }
    """)!.AsObject();

    /// <summary>Imports the plan as the coordinator, binds indicator 1 to new hotspots and opens the year's periods.</summary>
    public async Task<(int PlanId, List<PeriodView> Periods)> Plan(HttpClient coordinator, int year)
    {
        var key = "bc-" + Guid.NewGuid().ToString("N")[..10];
        var planId = (await (await coordinator.PostRaw("/api/v1/plans/import", PlanFile(key).ToJsonString())).Json<Versioned>(HttpStatusCode.Created)).Id;
        var indicator = await Db(db => db.Indicators.Where(i => i.PlanId == planId && i.Number == "1").Select(i => i.Id).SingleAsync());
        await (await coordinator.PutRaw($"/api/v1/indicators/{indicator}/binding", """{"computation":"NewHotspots"}""")).Json(HttpStatusCode.OK);
        return (planId, await OpenYear(coordinator, planId, year));
    }

    public static async Task<List<PeriodView>> OpenYear(HttpClient coordinator, int planId, int year) =>
        await (await coordinator.PostRaw($"/api/v1/plans/{planId}/report-periods/open", $$"""{"year":{{year}}}""")).Json<List<PeriodView>>(HttpStatusCode.OK);

    public static int PeriodId(List<PeriodView> periods, string kind, int year) => periods.First(p => p.Kind == kind && p.Year == year).Id;

    /// <summary>The report of a unit (by agency code) in a period, or the consolidated one.</summary>
    public Task<int> ReportId(int periodId, string agencyCode, bool consolidated = false) => Db(db =>
        db.Set<Pcmd.Web.Features.Reporting.Report>().Where(r => r.PeriodId == periodId && r.IsConsolidated == consolidated && r.Agency!.Code == agencyCode)
            .Select(r => r.Id).SingleAsync());

    public Task<List<string>> Reporters(int periodId) => Db(db =>
        db.Set<Pcmd.Web.Features.Reporting.Report>().Where(r => r.PeriodId == periodId && !r.IsConsolidated).Select(r => r.Agency!.Code).ToListAsync());

    /// <summary>A hotspot first identified on <paramref name="day"/> in the unit with this code on that day (09568 was
    /// Phường Phú Lãm before 1/7/2025), written straight to the database: the registry is another feature.</summary>
    public async Task<int> NewHotspot(string unitCode, string day)
    {
        var unit = await UnitIdOn(unitCode, day);
        return await Db(async db =>
        {
            var h = new Hotspot { Name = Unique("Tụ điểm thử"), Kind = HotspotKind.PublicPlace, OrgUnitId = unit, Complexity = Pcmd.Web.Features.Plans.ComplexityLevel.Complex,
            State = HotspotEventKind.Identified };
            h.Events.Add(new HotspotEvent { Date = DateOnly.Parse(day), Kind = HotspotEventKind.Identified });
            db.Hotspots.Add(h);
            await db.SaveChangesAsync();
            return h.Id;
        });
    }

    public static Task<ReportView> Form(HttpClient c, int reportId) => c.GetJson<ReportView>($"/api/v1/reports/{reportId}");

    /// <summary>A complete draft: every task done with a narrative, indicator 1 = <paramref name="count"/> (with a note in
    /// case it differs from the records), indicator 2 = num/den, both sections.</summary>
    public static JsonObject Complete(ReportView form, decimal count, decimal num, decimal den, string narrative = "Đã tổ chức 3 buổi tuyên truyền.")
    {
        var tasks = new JsonArray(form.Tasks.Select(t => (JsonNode)new JsonObject
        {
            ["taskId"] = t.TaskId, ["progress"] = "done", ["narrative"] = narrative,
        }).ToArray());
        var values = new JsonArray(form.Indicators.Select(v => (JsonNode)(v.Number == "1"
            ? new JsonObject { ["indicatorId"] = v.IndicatorId, ["value"] = count, ["note"] = "Theo sổ theo dõi của phường." }
            : new JsonObject { ["indicatorId"] = v.IndicatorId, ["value"] = num, ["denominator"] = den })).ToArray());
        return new JsonObject
        {
            ["version"] = form.Version, ["difficulties"] = "Cán bộ kiêm nhiệm.", ["proposals"] = "Tập huấn thêm.",
            ["tasks"] = tasks, ["values"] = values,
        };
    }

    public static async Task<int> Save(HttpClient c, int reportId, JsonObject draft, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var res = await c.PutRaw($"/api/v1/reports/{reportId}", draft.ToJsonString());
        if (expected != HttpStatusCode.OK)
        {
            await res.Json(expected);
            return -1;
        }
        return (await res.Json<VersionView>(expected)).Version;
    }

    /// <summary>The draft as saved (or refused: the problem).</summary>
    public static Task<HttpResponseMessage> Put(HttpClient c, int reportId, JsonObject draft) =>
        c.PutRaw($"/api/v1/reports/{reportId}", draft.ToJsonString());

    static Task<HttpResponseMessage> PostSubmit(HttpClient c, int reportId, int version) =>
        c.PostRaw($"/api/v1/reports/{reportId}/submit", $$"""{"version":{{version}}}""");

    public static async Task<ReportView> Submit(HttpClient c, int reportId, int version) =>
        await (await PostSubmit(c, reportId, version)).Json<ReportView>(HttpStatusCode.OK);

    /// <summary>A submission refused with <paramref name="expected"/>: the problem.</summary>
    public static async Task<Problem> SubmitRefused(HttpClient c, int reportId, int version, HttpStatusCode expected) =>
        await (await PostSubmit(c, reportId, version)).Json<Problem>(expected);

    static Task<HttpResponseMessage> PostReview(HttpClient c, int reportId, string action, int version, string? comment) =>
        c.PostRaw($"/api/v1/reports/{reportId}/{action}", new JsonObject { ["version"] = version, ["comment"] = comment }.ToJsonString());

    public static async Task<ReportView> Review(HttpClient c, int reportId, string action, int version, string? comment) =>
        await (await PostReview(c, reportId, action, version, comment)).Json<ReportView>(HttpStatusCode.OK);

    /// <summary>A review refused with <paramref name="expected"/>: the problem.</summary>
    public static async Task<Problem> ReviewRefused(HttpClient c, int reportId, string action, int version, string? comment, HttpStatusCode expected) =>
        await (await PostReview(c, reportId, action, version, comment)).Json<Problem>(expected);

    /// <summary>Fills, submits and accepts a unit's report; returns the accepted form.</summary>
    public static async Task<ReportView> Accepted(HttpClient unit, HttpClient coordinator, int reportId, decimal count, decimal num, decimal den)
    {
        var v = await Save(unit, reportId, Complete(await Form(unit, reportId), count, num, den));
        var submitted = await Submit(unit, reportId, v);
        return await Review(coordinator, reportId, "accept", submitted.Version, null);
    }
}
