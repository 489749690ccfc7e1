using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pcmd.IntegrationTests.Features.Indicators;
using Pcmd.IntegrationTests.Features.Plans;
using Pcmd.IntegrationTests.Infrastructure;
using Pcmd.Web.Features.Hotspots;
using Pcmd.Web.Features.Inspections;
using Pcmd.Web.Features.Monitoring;
using Pcmd.Web.Shared;

namespace Pcmd.IntegrationTests.Features.Monitoring;

/// <summary>The monitoring API (issue 14) through HTTP on both databases: drill-down sums over a ward merged on 1/7/2025 and
/// the year before, a ward officer's reach, freshness after a write, Vietnamese refusals, and alerts notified once.</summary>
public abstract class MonitoringTests(PcmdApp app)
{
    readonly IndicatorTestData data = new(app);

    /// <summary>A city plan for 2024–2026 with indicator 1 bound to "inspected at least once" over the city.</summary>
    async Task<(HttpClient Admin, int PlanId, int IndicatorId)> BoundPlan(string name)
    {
        var admin = await app.SignIn("admin");
        var key = $"mon-{name}-{app.Provider}".ToLowerInvariant();
        var id = (await (await admin.PostRaw("/api/v1/plans/import", SamplePlan.Create(key, "01", 2024, 2026).ToJsonString())).Json<Versioned>(HttpStatusCode.Created)).Id;
        var plan = await admin.GetJson<PlanView>($"/api/v1/plans/{id}");
        var indicator = plan.Indicator("1").Id;
        (await admin.PutRaw($"/api/v1/indicators/{indicator}/binding?version={plan.Version}", """{ "computation": "inspectedShare" }""")).EnsureSuccessStatusCode();
        return (admin, id, indicator);
    }

    [Fact]
    public async Task The_units_add_up_to_their_parent_in_a_year_before_the_merger_and_after_it()
    {
        var (oldWard, newWard) = await data.MergedWard();
        var (admin, _, indicator) = await BoundPlan("sums");
        foreach (var year in new[] { 2024, 2025 })
        {
            var d = await admin.GetJson<IndicatorDashboardView>($"/api/v1/monitoring/indicators/{indicator}/units?year={year}");
            Assert.Equal("01", d.Unit.Code);
            Assert.Equal(d.Total.Actual!.Value, d.Units.Sum(u => u.Result.Actual?.Value ?? 0));
            Assert.Equal(d.Total.Actual.Denominator, d.Units.Sum(u => u.Result.Actual?.Denominator ?? 0));
            Assert.Equal(d.Total.Measure, d.Outlook.Trend[^1].Value);   // the trend's last point is the year itself
            Assert.Equal(12, d.Outlook.Trend.Count);
        }
        // 2024: the old ward is a unit of its own (A and B managed, both inspected); 2025: the new ward takes its records in (A, B, C; A and C inspected).
        var y2024 = await admin.GetJson<IndicatorDashboardView>($"/api/v1/monitoring/indicators/{indicator}/units?year=2024");
        var old = y2024.Units.Single(u => u.Unit.Id == oldWard).Result.Actual!;
        Assert.Equal((2m, 2m), (old.Value, old.Denominator!.Value));
        Assert.DoesNotContain(y2024.Units, u => u.Unit.Id == newWard);
        var y2025 = await admin.GetJson<IndicatorDashboardView>($"/api/v1/monitoring/indicators/{indicator}/units?year=2025");
        var merged = y2025.Units.Single(u => u.Unit.Id == newWard);
        Assert.Equal((2m, 3m), (merged.Result.Actual!.Value, merged.Result.Actual.Denominator!.Value));
        Assert.DoesNotContain(y2025.Units, u => u.Unit.Id == oldWard);
        // The ward's monthly trend of 2025: A in March, C in September (year to date over the managed ones).
        Assert.Equal(12, merged.Outlook.Trend.Count);
        Assert.Equal(merged.Result.Measure, merged.Outlook.Trend[^1].Value);
        // Sorted by the actual, highest first.
        var sorted = await admin.GetJson<IndicatorDashboardView>($"/api/v1/monitoring/indicators/{indicator}/units?year=2025&sort=-actual");
        var measures = sorted.Units.Select(u => u.Result.Measure ?? decimal.MinValue).ToList();
        Assert.Equal(measures.OrderByDescending(m => m), measures);
        // The plan's dashboard for the new ward shows the same figure, and its records link.
        var ward = await admin.GetJson<PlanDashboardView>($"/api/v1/monitoring/plans/{y2025.PlanId}/dashboard?year=2025&unitId={newWard}");
        Assert.Equal("computed", ward.Row("1").Figure.Kind);
        Assert.Equal(2m, ward.Row("1").Result.Actual!.Value);
        Assert.Equal($"/establishments?unit={newWard}&status=UnderManagement", ward.Row("1").Result.Link);
    }

    [Fact]
    public async Task A_ward_officer_sees_their_ward_and_never_another()
    {
        var admin = await app.SignIn("admin");
        var planId = await admin.PlanId("hn-2026-2030");
        var phuLuong = await app.UnitIdOf("09568");
        var haDong = await app.UnitIdOf("09556");
        var city = (await admin.GetJson<PlanDashboardView>($"/api/v1/monitoring/plans/{planId}/dashboard?year=2026")).PlanUnit.Id;
        var officer = await app.SignIn("hadong");

        var own = await officer.GetJson<PlanDashboardView>($"/api/v1/monitoring/plans/{planId}/dashboard?year=2026");
        Assert.Equal(haDong, own.Unit.Id);
        Assert.DoesNotContain(own.Units, u => u.Id != haDong);
        var inspected = own.Row("3.2.2").Result.IndicatorId;
        var drill = await officer.GetJson<IndicatorDashboardView>($"/api/v1/monitoring/indicators/{inspected}/units?year=2026");
        Assert.Equal(haDong, drill.Unit.Id);
        Assert.All(drill.Units, u => Assert.NotEqual(phuLuong, u.Unit.Id));
        var home = await officer.GetJson<HomeView>("/api/v1/monitoring/home");
        Assert.Equal("ward", home.Kind);
        Assert.All(home.Plans, p => Assert.Equal(haDong, p.Unit.Id));
        Assert.All(home.Alerts, a => Assert.Equal(haDong, a.UnitId));

        foreach (var url in new[]
        {
            $"/api/v1/monitoring/plans/{planId}/dashboard?year=2026&unitId={phuLuong}",
            $"/api/v1/monitoring/plans/{planId}/dashboard?year=2026&unitId={city}",
            $"/api/v1/monitoring/plans/{planId}/dashboard/xlsx?year=2026&unitId={phuLuong}",
            $"/api/v1/monitoring/indicators/{inspected}/units?year=2026&unitId={phuLuong}",
            $"/api/v1/monitoring/indicators/{inspected}/units?year=2026&unitId={city}",
            $"/api/v1/monitoring/series?computation=inspectionCount&unitId={phuLuong}",
            $"/api/v1/monitoring/series/xlsx?computation=inspectionCount&unitId={city}",
            $"/monitoring/plans/{planId}?year=2026&unit={phuLuong}",
            $"/monitoring/indicators/{inspected}?unit={phuLuong}",
        })
            Assert.True(HttpStatusCode.NotFound == (await officer.GetAsync(url)).StatusCode, url);
        var page = await officer.GetStringAsync($"/monitoring/plans/{planId}?year=2026");
        Assert.Contains("Phường Hà Đông", page);
        Assert.DoesNotContain("Phường Phú Lương", page);
    }

    [Fact]
    public async Task A_record_saved_shows_on_the_next_load()
    {
        var (_, newWard) = await data.MergedWard();
        var admin = await app.SignIn("admin");
        var today = VietnamTime.Today(TimeProvider.System);
        var url = $"/api/v1/monitoring/series?computation=inspectionCount&unitId={newWard}&by=year&years=1";
        var before = (await admin.GetJson<SeriesView>(url)).Years.Single().Values.Single() ?? 0;
        await data.Db(async db =>
        {
            var e = await db.Establishments.Where(x => db.OrgUnitAreas.Any(a => a.AreaId == newWard && a.UnitId == x.OrgUnitId)).OrderBy(x => x.Id).FirstAsync();
            var team = await db.InspectionTeams.Where(t => t.OrgUnitId == newWard).Select(t => t.Id).FirstAsync();
            db.Inspections.Add(new Inspection { EstablishmentId = e.Id, OrgUnitId = newWard, TeamId = team, Date = today, Kind = InspectionKind.Planned });
            return await db.SaveChangesAsync();
        });
        var after = (await admin.GetJson<SeriesView>(url)).Years.Single().Values.Single();
        Assert.Equal(before + 1, after);
        var monthly = await admin.GetJson<SeriesView>($"/api/v1/monitoring/series?computation=inspectionCount&unitId={newWard}");
        Assert.Equal(3, monthly.Years.Count);
        Assert.Equal(12, monthly.Labels.Count);
        Assert.True(monthly.Years[^1].Values[today.Month - 1] >= 1);
        Assert.All(monthly.Years[^1].Values.Skip(today.Month), v => Assert.Null(v));
        var xlsx = await admin.GetAsync($"/api/v1/monitoring/series/xlsx?computation=inspectionCount&unitId={newWard}&by=quarter");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal(MonitoringApi.XlsxType, xlsx.Content.Headers.ContentType!.MediaType);
        Assert.Equal("PK", System.Text.Encoding.ASCII.GetString((await xlsx.Content.ReadAsByteArrayAsync())[..2]));
    }

    [Fact]
    public async Task Bad_input_is_refused_in_Vietnamese()
    {
        var (admin, planId, indicator) = await BoundPlan("bad");
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/v1/monitoring/plans/987654/dashboard")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/v1/monitoring/indicators/987654/units")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/v1/monitoring/plans/{planId}/dashboard?unitId=987654")).StatusCode);
        async Task<List<string>> Errors(string url) => (await (await admin.GetAsync(url)).Json(HttpStatusCode.BadRequest)).Errors();
        Assert.Contains("year: Năm 2031 nằm ngoài thời kỳ của kế hoạch (2024–2026).", await Errors($"/api/v1/monitoring/plans/{planId}/dashboard?year=2031"));
        Assert.Contains(await Errors($"/api/v1/monitoring/indicators/{indicator}/units?sort=cao"), e => e.StartsWith("sort: Cách sắp xếp không hợp lệ"));
        Assert.Contains(await Errors("/api/v1/monitoring/series?computation=soMeo"), e => e.StartsWith("computation: Không có phép tính 'soMeo'"));
        Assert.Contains(await Errors("/api/v1/monitoring/series?computation=3"), e => e.StartsWith("computation: Không có phép tính '3'"));
        Assert.Contains("computation: Hãy chọn phép tính (computation).", await Errors("/api/v1/monitoring/series"));
        Assert.Contains("by: Chu kỳ không hợp lệ (month, quarter, year).", await Errors("/api/v1/monitoring/series?computation=inspectionCount&by=week"));
        Assert.Contains(await Errors("/api/v1/monitoring/series?computation=inspectionCount&years=0"), e => e.StartsWith("years: Số năm phải từ 1 đến"));
        Assert.NotEmpty(await Errors($"/api/v1/monitoring/plans/{planId}/dashboard?year=abc"));
    }

    [Fact]
    public async Task Each_figure_is_labelled_with_its_source_and_the_leaders_home_shows_the_programme()
    {
        var leader = await app.SignIn("lanhdao");
        var planId = await leader.PlanId("hn-2026-2030");
        var d = await leader.GetJson<PlanDashboardView>($"/api/v1/monitoring/plans/{planId}/dashboard?year=2026");
        var inspected = d.Row("3.2.2");
        Assert.Equal("computed", inspected.Figure.Kind);
        Assert.Equal("Tính từ sổ theo dõi", inspected.Figure.SourceText);
        // Every indicator of the plan is computed since issue 13 (3.1.1 the last): the demo's accepted six-monthly reports carry
        // their figures beside the computed ones; a figure only reported would say so as its source.
        var reported = d.Indicators.Where(i => i.Figure.Kind == "computed" && i.Figure.ReportedText is not null).ToList();
        Assert.NotEmpty(reported);
        Assert.All(reported, r => Assert.Matches(@"theo báo cáo của \d+ đơn vị đã duyệt", r.Figure.ReportedText!));
        Assert.All(d.Indicators.Where(i => i.Figure.Kind == "reported"), r => Assert.Matches(@"theo báo cáo của \d+ đơn vị đã duyệt", r.Figure.SourceText));
        Assert.All(d.Indicators.Where(i => i.Figure.Kind == "none"), r => Assert.Equal("—", r.Figure.ActualText));

        var home = await leader.GetJson<HomeView>("/api/v1/monitoring/home");
        Assert.Equal("leader", home.Kind);
        var plan = home.Plans.Single(p => p.PlanId == planId);
        var row = plan.Indicators.Single(i => i.Result.Number == "3.2.2");
        Assert.NotEmpty(row.Outlook.Trend);
        var inspector = await (await app.SignIn("kiemtra")).GetJson<HomeView>("/api/v1/monitoring/home");
        Assert.Equal("inspector", inspector.Kind);
        Assert.True(inspector.DueCount > 0, "the demo ward has establishments not yet inspected this year");
        var coordinator = await (await app.SignIn("dieuphoi")).GetJson<HomeView>("/api/v1/monitoring/home");
        Assert.Equal("coordinator", coordinator.Kind);
        Assert.Contains(coordinator.Plans, p => p.PlanId == planId);
        Assert.Equal("other", (await (await app.SignIn("hotro")).GetJson<HomeView>("/api/v1/monitoring/home")).Kind);
    }

    [Fact]
    public async Task The_plan_and_document_shares_have_a_trend_and_a_projection()
    {
        // 3.1.1 (agencies and communes implementing the plan) and 3.2.1 (communes that issued documents) are folded over their
        // windows from one grouped query (DocumentSeries), so the dashboard and the drill-down show their months this year.
        var leader = await app.SignIn("lanhdao");
        var planId = await leader.PlanId("hn-2026-2030");
        var today = VietnamTime.Today(TimeProvider.System);
        var d = await leader.GetJson<PlanDashboardView>($"/api/v1/monitoring/plans/{planId}/dashboard?year={today.Year}");
        foreach (var number in new[] { "3.1.1", "3.2.1" })
        {
            var row = d.Row(number);
            Assert.Equal(today.Month, row.Outlook.Trend.Count);
            Assert.All(row.Outlook.Trend, p => Assert.NotNull(p.Value));
            Assert.NotNull(row.Outlook.Projection);
        }
        var units = await leader.GetJson<IndicatorDashboardView>($"/api/v1/monitoring/indicators/{d.Row("3.2.1").Result.IndicatorId}/units?year={today.Year}");
        Assert.Equal(today.Month, units.Outlook.Trend.Count);
        Assert.Contains(units.Units, u => u.Outlook.Trend.Count == today.Month);
    }

    [Fact]
    public async Task An_alert_is_notified_once_to_those_responsible()
    {
        var (_, newWard) = await data.MergedWard();
        var today = VietnamTime.Today(TimeProvider.System);
        var name = data.Unique("Tụ điểm tái");
        var eventId = await data.Db(async db =>
        {
            var h = new Hotspot { Name = name, Kind = HotspotKind.PublicPlace, OrgUnitId = newWard, Complexity = Pcmd.Web.Features.Plans.ComplexityLevel.Complex,
                State = HotspotEventKind.ReEmerged };
            h.Events.Add(new HotspotEvent { Date = today.AddDays(-200), Kind = HotspotEventKind.Identified });
            h.Events.Add(new HotspotEvent { Date = today.AddDays(-10), Kind = HotspotEventKind.ReEmerged });
            db.Hotspots.Add(h);
            await db.SaveChangesAsync();
            return h.Events.Single(e => e.Kind == HotspotEventKind.ReEmerged).Id;
        });
        var key = $"alert:reemerged:{eventId}";
        var job = app.Services.GetRequiredService<AlertNotifications>();
        await job.RunOnce(CancellationToken.None);
        await job.RunOnce(CancellationToken.None);
        var leaderId = await data.Db(db => db.Users.Where(u => u.UserName == "lanhdao").Select(u => u.Id).SingleAsync());
        var wardOfficer = await data.Db(db => db.Users.Where(u => u.UserName == "hadong").Select(u => u.Id).SingleAsync());
        Assert.Equal(1, await data.Db(db => db.Notifications.CountAsync(n => n.DedupKey == key && n.UserId == leaderId)));
        Assert.Equal(0, await data.Db(db => db.Notifications.CountAsync(n => n.DedupKey == key && n.UserId == wardOfficer)));
        var home = await (await app.SignIn("lanhdao")).GetJson<HomeView>("/api/v1/monitoring/home");
        Assert.Contains(home.Alerts, a => a.Key == key && a.Text.Contains(name));
    }

    /// <summary>The home's alerts and units likely to miss are kept in the figure cache (HomeService, AlertService): a write of
    /// any register shows on the next load of the home, the cache warm before it.</summary>
    [Fact]
    public async Task The_home_shows_a_write_on_the_next_load_though_it_was_served_warm()
    {
        var (_, newWard) = await data.MergedWard();
        var today = VietnamTime.Today(TimeProvider.System);
        var leader = await app.SignIn("lanhdao");
        var name = data.Unique("Tụ điểm vừa tái");
        var first = await leader.GetJson<HomeView>("/api/v1/monitoring/home");
        Assert.Equal(JsonOf(first), JsonOf(await leader.GetJson<HomeView>("/api/v1/monitoring/home")));
        Assert.DoesNotContain(first.Alerts, a => a.Text.Contains(name));
        await data.Db(async db =>
        {
            var h = new Hotspot { Name = name, Kind = HotspotKind.PublicPlace, OrgUnitId = newWard, Complexity = Pcmd.Web.Features.Plans.ComplexityLevel.Complex,
                State = HotspotEventKind.ReEmerged };
            h.Events.Add(new HotspotEvent { Date = today.AddDays(-300), Kind = HotspotEventKind.Identified });
            h.Events.Add(new HotspotEvent { Date = today, Kind = HotspotEventKind.ReEmerged });
            db.Hotspots.Add(h);
            return await db.SaveChangesAsync();
        });
        var next = await leader.GetJson<HomeView>("/api/v1/monitoring/home");
        Assert.Contains(next.Alerts, a => a.Kind == "hotspotReEmerged" && a.Text.Contains(name));
    }

    static string JsonOf(HomeView v) => System.Text.Json.JsonSerializer.Serialize(v);
}

[Collection(SqliteCollection.Name)]
public sealed class MonitoringTestsOnSqlite(SqliteApp app) : MonitoringTests(app);

[Collection(PostgresCollection.Name)]
public sealed class MonitoringTestsOnPostgres(PostgresApp app) : MonitoringTests(app);
