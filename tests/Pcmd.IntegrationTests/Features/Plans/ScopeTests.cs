using System.Net;
using System.Text.Json.Nodes;
using Pcmd.IntegrationTests.Infrastructure;
using static Pcmd.IntegrationTests.Features.Plans.PlanTestData;

namespace Pcmd.IntegrationTests.Features.Plans;

/// <summary>A ward officer (Phường Phú Lương) reaches nothing of another ward (Phường Hà Đông) through any
/// endpoint, and keeps what is theirs: their ward, the old Phú Lãm merged into it, and the plans above.</summary>
public abstract class ScopeTests(PcmdApp app)
{
    readonly PlanTestData data = new(app);

    async Task<(int PlanId, int Version)> HaDongPlan()
    {
        var admin = await app.SignIn("admin");
        var key = data.Key("ha-dong-ward");
        var list = await admin.GetJson<List<PlanRow>>("/api/v1/plans");
        if (list.FirstOrDefault(p => p.Key == key) is { } existing)
            return (existing.Id, existing.Version);
        var created = await Import(admin, SamplePlan.Create(key, unit: "09556"));
        return (created.Id, created.Version);
    }

    async Task<int> UnitId(string code, string on = "2026-01-01")
    {
        var admin = await app.SignIn("admin");
        var found = await admin.GetJson<List<OrgUnitRow>>($"/api/v1/org-units?search={code}&on={on}");
        return found.Single(u => u.Code == code).Id;
    }

    [Fact]
    public async Task A_ward_officer_cannot_read_or_change_another_wards_plan()
    {
        var (id, version) = await HaDongPlan();
        var officer = await app.SignIn("phuluong");
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync($"/api/v1/plans/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync($"/api/v1/plans/{id}/export")).StatusCode);
        var page = await officer.GetAsync($"/plans/{id}");
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.DoesNotContain("Kế hoạch thử nghiệm", await page.Content.ReadAsStringAsync());
        var header = new JsonObject { ["title"] = "Chiếm quyền", ["level"] = "commune", ["periodFrom"] = 2026, ["periodTo"] = 2027, ["version"] = version };
        Assert.Equal(HttpStatusCode.NotFound, (await officer.PutRaw($"/api/v1/plans/{id}", header.ToJsonString())).StatusCode);
        var file = SamplePlan.Create(data.Key("ha-dong-ward"), unit: "09556");
        Assert.Equal(HttpStatusCode.NotFound, (await officer.PutRaw($"/api/v1/plans/{id}/file?version={version}", file.ToJsonString())).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.DeleteAsync($"/api/v1/plans/{id}?version={version}")).StatusCode);
        var list = await officer.GetJson<List<PlanRow>>("/api/v1/plans");
        Assert.DoesNotContain(list, p => p.Id == id);
        var admin = await app.SignIn("admin");
        Assert.Equal(version, (await Plan(admin, id)).Version);
    }

    [Fact]
    public async Task A_ward_officer_cannot_create_a_plan_for_another_ward()
    {
        var officer = await app.SignIn("phuluong");
        var key = data.Key("foreign");
        var res = await officer.PostRaw("/api/v1/plans/import", SamplePlan.Create(key, unit: "09556").ToJsonString());
        Assert.Equal(HttpStatusCode.Forbidden, res.StatusCode);
        var own = await officer.PostRaw("/api/v1/plans/import", SamplePlan.Create(key + "-own", unit: "09568").ToJsonString());
        Assert.Equal(HttpStatusCode.Created, own.StatusCode);
    }

    [Fact]
    public async Task A_ward_officer_sees_their_ward_the_ward_merged_into_it_and_the_plans_above_but_no_other_ward()
    {
        var officer = await app.SignIn("phuluong");
        var keys = (await officer.GetJson<List<PlanRow>>("/api/v1/plans")).Select(p => p.Key).ToList();
        Assert.Contains("phu-lam-2024", keys);
        Assert.Contains("hn-2026-2030", keys);
        Assert.DoesNotContain(keys, k => k.StartsWith("ha-dong-ward"));

        var haDong = await UnitId("09556");
        var phuLuong = await UnitId("09568");
        var phuLam = await UnitId("09568", on: "2024-01-01");
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync($"/api/v1/org-units/{haDong}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync($"/api/v1/org-units/{haDong}/successions")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync($"/api/v1/org-units?parentId={haDong}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync($"/api/v1/org-units/{phuLuong}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync($"/api/v1/org-units/{phuLam}")).StatusCode);
        var search = await officer.GetJson<List<OrgUnitRow>>("/api/v1/org-units?search=Hà Đông");
        Assert.DoesNotContain(search, u => u.Id == haDong);
        var city = (await officer.GetJson<List<OrgUnitRow>>("/api/v1/org-units?search=Thành phố Hà Nội")).Single().Id;
        var children = (await officer.GetJson<List<OrgUnitRow>>($"/api/v1/org-units?parentId={city}")).Select(u => u.Id).ToList();
        Assert.Contains(phuLuong, children);
        Assert.DoesNotContain(haDong, children);

        // The old district above Phú Lãm is visible, but its count shows only the wards the officer may see.
        var district = (await officer.GetJson<List<OrgUnitRow>>($"/api/v1/org-units?parentId={city}&on=2025-06-30")).Single(u => u.Name == "Quận Hà Đông");
        var visibleWards = await officer.GetJson<List<OrgUnitRow>>($"/api/v1/org-units?parentId={district.Id}");
        Assert.Equal(visibleWards.Count, district.ChildCount);
        Assert.True(visibleWards.Count < 17, "Quận Hà Đông had 17 wards; the officer sees only those merged into Phú Lương");
    }

    [Fact]
    public async Task A_ward_officer_cannot_read_or_change_another_wards_agencies()
    {
        var officer = await app.SignIn("phuluong");
        var admin = await app.SignIn("admin");
        var foreign = (await admin.GetJson<List<AgencyRow>>("/api/v1/agencies?search=UBND-P-HADONG")).Single();
        var foreignId = foreign.Id;
        var codes = (await officer.GetJson<List<AgencyRow>>("/api/v1/agencies")).Select(a => a.Code).ToList();
        Assert.Contains("UBND-PHULUONG", codes);
        Assert.DoesNotContain("UBND-P-HADONG", codes);
        Assert.DoesNotContain("CA-P-HADONG", codes);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync($"/api/v1/agencies/{foreignId}")).StatusCode);
        var change = new JsonObject
        {
            ["code"] = "UBND-P-HADONG", ["name"] = "Đổi tên trái phép", ["kind"] = "peoplesCommittee",
            ["orgUnitId"] = foreign.OrgUnitId, ["version"] = foreign.Version,
        };
        var put = await officer.PutRaw($"/api/v1/agencies/{foreignId}", change.ToJsonString());
        Assert.True(put.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest, $"got {(int)put.StatusCode}");
        change["code"] = "MOI-HADONG";
        var post = await officer.PostRaw("/api/v1/agencies", change.ToJsonString());
        var problem = await post.Json(HttpStatusCode.BadRequest);
        Assert.Contains(problem.Errors(), e => e.StartsWith("orgUnitId: "));
        Assert.Equal("Ủy ban nhân dân phường Hà Đông", (await admin.GetJson<AgencyRow>($"/api/v1/agencies/{foreignId}")).Name);
    }

    [Fact]
    public async Task My_tasks_show_the_agencys_own_assignments_across_plans()
    {
        var police = await app.SignIn("congan");
        var items = await police.GetJson<List<MyTaskRow>>("/api/v1/my-tasks");
        Assert.NotEmpty(items);
        Assert.All(items, i => Assert.Equal("Công an Thành phố", i.AgencyName));
        Assert.Contains(items, i => i.PlanTitle.Contains("2026 - 2030") && i.Kind == "task");
        var ward = await app.SignIn("hadong");
        var wardItems = await ward.GetJson<List<MyTaskRow>>("/api/v1/my-tasks");
        Assert.DoesNotContain(wardItems, i => i.PlanTitle.Contains("Phú Lãm"));
    }

    [Fact]
    public async Task Only_administrators_change_the_administrative_structure()
    {
        var coordinator = await app.SignIn("dieuphoi");
        var city = (await coordinator.GetJson<List<OrgUnitRow>>("/api/v1/org-units?search=Thành phố Hà Nội")).Single().Id;
        var unit = new JsonObject { ["code"] = "99998", ["name"] = "Phường Thử", ["level"] = "commune", ["parentId"] = city, ["validFrom"] = "2026-01-01" };
        Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.PostRaw("/api/v1/org-units", unit.ToJsonString())).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.PostRaw("/api/v1/org-units/import-province", "{\"provinceCode\":\"79\"}")).StatusCode);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ScopeTestsOnSqlite(SqliteApp app) : ScopeTests(app);

[Collection(PostgresCollection.Name)]
public sealed class ScopeTestsOnPostgres(PostgresApp app) : ScopeTests(app);
