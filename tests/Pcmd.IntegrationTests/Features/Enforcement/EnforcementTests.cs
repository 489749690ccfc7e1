using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Pcmd.IntegrationTests.Infrastructure;

namespace Pcmd.IntegrationTests.Features.Enforcement;

public sealed record CaseView(int Id, int OrgUnitId, string Reference, DateOnly? TriedOn, int DefendantsCount, int Version);

/// <summary>Sanctions and criminal cases through HTTP on both databases: a decree not in force on the day, a stage out of
/// order, a stale version, another ward's case.</summary>
public abstract class EnforcementTests(PcmdApp app)
{
    sealed class Data(PcmdApp app) : TestData(app);
    readonly Data data = new(app);

    Task<int> Decree(string code) => data.Db(db => db.Decrees.Where(d => d.Code == code).Select(d => d.Id).SingleAsync());

    [Fact]
    public async Task A_sanction_under_a_decree_not_in_force_on_its_date_is_refused_and_one_in_force_is_saved()
    {
        var ward = await app.SignIn("phuluong");
        var unit = await data.UnitId("09568");
        JsonObject Sanction(string date, int decree, string kind = "fine", decimal? amount = 1_000_000) => new()
        {
            ["orgUnitId"] = unit, ["date"] = date, ["target"] = "seller", ["kind"] = kind, ["amount"] = amount, ["decreeId"] = decree,
            ["decisionNumber"] = data.UniqueKey("QĐ"),
        };
        var before = await data.Db(db => db.AdministrativeSanctions.CountAsync());
        var old = await (await ward.PostRaw("/api/v1/enforcement/sanctions", Sanction("2026-03-01", await Decree("167/2013/NĐ-CP")).ToJsonString())).Json(HttpStatusCode.BadRequest);
        Assert.Contains(old.Errors(), e => e.StartsWith("decreeId: ") && e.Contains("không còn hiệu lực"));
        var early = await (await ward.PostRaw("/api/v1/enforcement/sanctions", Sanction("2025-06-01", await Decree("282/2025/NĐ-CP")).ToJsonString())).Json(HttpStatusCode.BadRequest);
        Assert.Contains(early.Errors(), e => e.StartsWith("decreeId: ") && e.Contains("chưa có hiệu lực"));
        var noAmount = await (await ward.PostRaw("/api/v1/enforcement/sanctions", Sanction("2026-03-01", await Decree("282/2025/NĐ-CP"), amount: null).ToJsonString())).Json(HttpStatusCode.BadRequest);
        Assert.Contains(noAmount.Errors(), e => e.StartsWith("amount: "));
        Assert.Equal(before, await data.Db(db => db.AdministrativeSanctions.CountAsync()));

        await (await ward.PostRaw("/api/v1/enforcement/sanctions", Sanction("2026-03-01", await Decree("282/2025/NĐ-CP")).ToJsonString())).Json(HttpStatusCode.Created);
        Assert.Equal(before + 1, await data.Db(db => db.AdministrativeSanctions.CountAsync()));
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignIn("hotro")).PostRaw("/api/v1/enforcement/sanctions",
            Sanction("2026-03-01", await Decree("282/2025/NĐ-CP")).ToJsonString())).StatusCode);
    }

    [Fact]
    public async Task A_case_goes_through_its_stages_in_order_and_another_ward_never_sees_it()
    {
        var police = await app.SignIn("congan");
        var unit = await data.UnitId("09568");
        var reference = data.Unique("Vụ môi giới");
        var input = new JsonObject { ["orgUnitId"] = unit, ["reference"] = reference, ["charge"] = "brokering", ["detectedOn"] = "2026-02-01" };
        var saved = await (await police.PostRaw("/api/v1/enforcement/criminal-cases", input.ToJsonString())).Json<Versioned>(HttpStatusCode.Created);

        input["triedOn"] = "2026-06-01";
        input["defendantsCount"] = 2;
        input["version"] = saved.Version;
        var outOfOrder = await (await police.PutRaw($"/api/v1/enforcement/criminal-cases/{saved.Id}", input.ToJsonString())).Json(HttpStatusCode.BadRequest);
        Assert.Contains(outOfOrder.Errors(), e => e.StartsWith("triedOn: "));

        input["institutedOn"] = "2026-02-10";
        input["indictedOn"] = "2026-04-01";
        input["accusedCount"] = 2;
        var updated = await (await police.PutRaw($"/api/v1/enforcement/criminal-cases/{saved.Id}", input.ToJsonString())).Json<Versioned>(HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.Conflict, (await police.PutRaw($"/api/v1/enforcement/criminal-cases/{saved.Id}", input.ToJsonString())).StatusCode);
        var c = await police.GetJson<CaseView>($"/api/v1/enforcement/criminal-cases/{saved.Id}");
        Assert.Equal((DateOnly.Parse("2026-06-01"), 2, updated.Version), (c.TriedOn!.Value, c.DefendantsCount, c.Version));

        var other = await app.SignIn("hadong");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/enforcement/criminal-cases/{saved.Id}")).StatusCode);
        var list = await other.GetJson("/api/v1/enforcement/criminal-cases?pageSize=200");
        Assert.DoesNotContain(list["items"]!.AsArray(), i => i!["reference"]!.GetValue<string>() == reference);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/enforcement/criminal-cases?unit={unit}")).StatusCode);
        Assert.DoesNotContain(reference, await (await other.GetAsync("/enforcement")).Content.ReadAsStringAsync());
        var own = await (await app.SignIn("phuluong")).GetAsync("/enforcement");
        Assert.Contains(reference, await own.Content.ReadAsStringAsync());
    }
}

[Collection(SqliteCollection.Name)]
public sealed class EnforcementTestsOnSqlite(SqliteApp app) : EnforcementTests(app);

[Collection(PostgresCollection.Name)]
public sealed class EnforcementTestsOnPostgres(PostgresApp app) : EnforcementTests(app);
