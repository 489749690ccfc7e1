using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pcmd.IntegrationTests.Features.Establishments;
using Pcmd.IntegrationTests.Features.Indicators;
using Pcmd.IntegrationTests.Features.Inspections;
using Pcmd.IntegrationTests.Features.Users;
using Pcmd.IntegrationTests.Infrastructure;
using Pcmd.Web.Features.Indicators;

namespace Pcmd.IntegrationTests.Features.OrgUnits;

/// <summary>Scope reaches records through the areas' closure table (org_unit_areas), which follows the structure as the
/// administrator changes it through the API: a ward merged into a new one, a unit added under a ward. Each test makes a
/// ward of its own with its own officer, so the shared demo wards keep their records.</summary>
public abstract class UnitAreaTests(PcmdApp app)
{
    readonly Data data = new(app);

    sealed class Data(PcmdApp app) : TestData(app);

    sealed record TeamRow(int Id);

    async Task<Versioned> NewUnit(HttpClient admin, string code, string name, string level, int parentId, string? from, string? to = null) =>
        await (await admin.PostRaw("/api/v1/org-units", Unit(code, name, level, parentId, from, to).ToJsonString())).Json<Versioned>(HttpStatusCode.Created);

    static JsonObject Unit(string code, string name, string level, int parentId, string? from, string? to, int version = 0) => new()
    {
        ["code"] = code, ["name"] = name, ["level"] = level, ["parentId"] = parentId, ["validFrom"] = from, ["validTo"] = to, ["version"] = version,
    };

    /// <summary>A commune officer of the unit, signed in.</summary>
    async Task<HttpClient> Officer(HttpClient admin, int unitId)
    {
        var userName = data.UniqueKey("area").ToLowerInvariant();
        var user = new JsonObject
        {
            ["userName"] = userName, ["fullName"] = "Nguyễn Văn Địa Bàn", ["role"] = "CommuneOfficer", ["orgUnitId"] = unitId,
            ["agencyId"] = null, ["password"] = UserTestData.StrongPassword,
        };
        (await admin.PostRaw("/api/v1/users", user.ToJsonString())).EnsureSuccessStatusCode();
        var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        (await client.PostAsJsonAsync("/api/v1/auth/login", new { userName, password = UserTestData.StrongPassword })).EnsureSuccessStatusCode();
        return client;
    }

    /// <summary>Establishments with a signed commitment in the unit's area in 2025, as the indicator computes it in SQL.</summary>
    async Task<decimal> Commitments2025(int unitId)
    {
        using var scope = data.Scope();
        var areas = scope.ServiceProvider.GetRequiredService<IndicatorAreas>();
        var computations = scope.ServiceProvider.GetRequiredService<IndicatorComputations>();
        return (await computations.Compute(Computation.CommitmentCount, await areas.ForQuery(unitId), new(2025, 1, 1), new(2025, 12, 31))).Value;
    }

    Task<bool> InArea(int areaId, int unitId) => data.Db(db => db.OrgUnitAreas.AnyAsync(a => a.AreaId == areaId && a.UnitId == unitId));

    string Code(string what) => $"{what}-{data.Provider[..2].ToUpperInvariant()}{Guid.NewGuid().ToString("N")[..6]}";

    [Fact]
    public async Task The_records_of_a_ward_merged_into_a_new_ward_are_listed_for_its_officer_and_counted_in_its_indicators()
    {
        var admin = await app.SignIn("admin");
        var city = await data.UnitId("01");
        var (oldCode, oldName) = (Code("CU"), data.Unique("Phường Cũ"));
        var old = await NewUnit(admin, oldCode, oldName, "commune", city, null);
        var name = data.Unique("Cơ sở của phường cũ");
        var (establishment, _) = await admin.Create(EstablishmentApi.Input(name, await admin.TypeId("KARAOKE"), old.Id));
        var neu = await NewUnit(admin, Code("MOI"), data.Unique("Phường Mới"), "commune", city, "2025-07-01");
        var officer = await Officer(admin, neu.Id);
        Assert.Empty(await officer.Search(name));
        Assert.Equal(0m, await Commitments2025(neu.Id));

        // The reform: the old ward closes on 30/6/2025 and is merged into the new one.
        var closed = Unit(oldCode, oldName, "commune", city, null, "2025-06-30", old.Version);
        (await admin.PutRaw($"/api/v1/org-units/{old.Id}", closed.ToJsonString())).EnsureSuccessStatusCode();
        var succession = new JsonObject { ["oldUnitId"] = old.Id, ["newUnitId"] = neu.Id, ["effectiveOn"] = "2025-07-01" };
        (await admin.PostRaw("/api/v1/org-units/successions", succession.ToJsonString())).EnsureSuccessStatusCode();
        Assert.True(await InArea(neu.Id, old.Id));

        Assert.Equal([establishment], (await officer.Search(name)).Select(e => e.Id));
        Assert.Equal([establishment], (await officer.Search(name, $"&unit={neu.Id}")).Select(e => e.Id));
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync($"/api/v1/establishments/{establishment}")).StatusCode);
        Assert.Equal(1m, await Commitments2025(neu.Id));
        // …and through the plan's results, an indicator bound to the new ward: 0 of 1 managed establishment inspected.
        var (_, planId, indicatorId, version) = await new IndicatorTestData(app).NewPlan("merged-" + Code("W"));
        (await admin.PutRaw($"/api/v1/indicators/{indicatorId}/binding?version={version}",
            $$"""{ "computation": "inspectedShare", "orgUnitId": {{neu.Id}} }""")).EnsureSuccessStatusCode();
        var row = (await admin.GetJson<ResultsView>($"/api/v1/plans/{planId}/results?year=2025&unitId={neu.Id}")).Row("1");
        Assert.Equal((0m, 1m), (row.Actual!.Value, row.Actual.Denominator!.Value));
        // Another ward's officer still sees nothing of it.
        Assert.Empty(await (await app.SignIn("hadong")).Search(name));
    }

    [Fact]
    public async Task A_unit_added_under_a_ward_through_the_api_joins_the_wards_area_at_once()
    {
        var admin = await app.SignIn("admin");
        var city = await data.UnitId("01");
        var ward = await NewUnit(admin, Code("PH"), data.Unique("Phường Có Tổ"), "commune", city, "2025-07-01");
        var officer = await Officer(admin, ward.Id);
        var group = await NewUnit(admin, Code("TDP"), data.Unique("Tổ dân phố"), "residentialGroup", ward.Id, "2025-07-01");
        Assert.True(await InArea(ward.Id, group.Id));
        Assert.True(await InArea(city, group.Id));

        var team = new JsonObject
        {
            ["name"] = data.Unique("Đội của tổ dân phố"), ["kind"] = "interagency178", ["orgUnitId"] = group.Id,
            ["members"] = new JsonArray(InspectionTestData.Member("Nguyễn Văn An", "leader", null)),
        };
        var id = (await (await admin.PostRaw("/api/v1/inspection-teams", team.ToJsonString())).Json<Versioned>(HttpStatusCode.Created)).Id;
        Assert.Contains(await officer.GetJson<List<TeamRow>>("/api/v1/inspection-teams"), t => t.Id == id);
        Assert.DoesNotContain(await (await app.SignIn("hadong")).GetJson<List<TeamRow>>("/api/v1/inspection-teams"), t => t.Id == id);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class UnitAreaTestsOnSqlite(SqliteApp app) : UnitAreaTests(app);

[Collection(PostgresCollection.Name)]
public sealed class UnitAreaTestsOnPostgres(PostgresApp app) : UnitAreaTests(app);
