using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Pcmd.IntegrationTests.Infrastructure;

namespace Pcmd.IntegrationTests.Features.OrgUnits;

/// <summary>Records of wards abolished on 1/7/2025 (issue 15, item 9): none dated after its unit ended, in the demo data or
/// through any write; the old ward is shown with the ward it now counts under; a filter by the new ward finds the old
/// ward's records and says so.</summary>
public abstract class UnitHistoryTests(PcmdApp app)
{
    sealed class Data(PcmdApp app) : TestData(app);
    readonly Data data = new(app);
    const string PhuLuong = "09568"; // Phường Phú Lãm until 30/6/2025, merged into Phường Phú Lương (same code)

    [Fact]
    public async Task No_record_of_the_demo_data_is_dated_after_its_unit_ended()
    {
        var wrong = await data.Db(async db =>
        {
            var ended = db.OrgUnits.Where(u => u.ValidTo != null);
            var found = new List<string>();
            found.AddRange((await db.Inspections.Join(ended, x => x.OrgUnitId, u => u.Id, (x, u) => new { x.Id, Day = x.Date, u.Name, u.ValidTo })
                .Where(r => r.Day > r.ValidTo).ToListAsync()).Select(r => $"inspection {r.Id} {r.Day} {r.Name}"));
            found.AddRange((await db.AdministrativeSanctions.Join(ended, x => x.OrgUnitId, u => u.Id, (x, u) => new { x.Id, Day = x.Date, u.Name, u.ValidTo })
                .Where(r => r.Day > r.ValidTo).ToListAsync()).Select(r => $"sanction {r.Id} {r.Day} {r.Name}"));
            found.AddRange((await db.CriminalCases.Join(ended, x => x.OrgUnitId, u => u.Id, (x, u) => new { x.Id, Day = x.DetectedOn, u.Name, u.ValidTo })
                .Where(r => r.Day > r.ValidTo).ToListAsync()).Select(r => $"criminal case {r.Id} {r.Day} {r.Name}"));
            found.AddRange((await db.CommunicationEvents.Join(ended, x => x.OrgUnitId, u => u.Id, (x, u) => new { x.Id, Day = x.Date, u.Name, u.ValidTo })
                .Where(r => r.Day > r.ValidTo).ToListAsync()).Select(r => $"communication event {r.Id} {r.Day} {r.Name}"));
            found.AddRange((await db.TrainingCourses.Join(ended, x => x.OrgUnitId, u => u.Id, (x, u) => new { x.Id, Day = x.StartDate, u.Name, u.ValidTo })
                .Where(r => r.Day > r.ValidTo).ToListAsync()).Select(r => $"training course {r.Id} {r.Day} {r.Name}"));
            found.AddRange((await db.UnitDocuments.Join(ended, x => x.OrgUnitId, u => u.Id, (x, u) => new { x.Id, Day = x.IssuedOn, u.Name, u.ValidTo })
                .Where(r => r.Day > r.ValidTo).ToListAsync()).Select(r => $"document {r.Id} {r.Day} {r.Name}"));
            found.AddRange((await db.Establishments.Join(ended, x => x.OrgUnitId, u => u.Id, (x, u) => new { x.Id, Day = x.ManagedFrom, u.Name, u.ValidTo })
                .Where(r => r.Day > r.ValidTo).ToListAsync()).Select(r => $"establishment {r.Id} {r.Day} {r.Name}"));
            found.AddRange((await db.Tips.Join(ended, x => x.OrgUnitId, u => u.Id, (x, u) => new { x.Id, Day = x.OccurredOn, u.Name, u.ValidTo })
                .Where(r => r.Day > r.ValidTo).ToListAsync()).Select(r => $"tip {r.Id} {r.Day} {r.Name}"));
            found.AddRange((await db.SupportCases.Join(ended, x => x.OrgUnitId, u => u.Id, (x, u) => new { x.Id, Day = x.OpenedOn, u.Name, u.ValidTo })
                .Where(r => r.Day > r.ValidTo).ToListAsync()).Select(r => $"support case {r.Id} {r.Day} {r.Name}"));
            // A hotspot still followed after its ward ended belongs to the ward it now lies in.
            found.AddRange((await db.HotspotEvents.Join(db.Hotspots, e => e.HotspotId, h => h.Id, (e, h) => new { e.HotspotId, e.Date, h.OrgUnitId })
                .Join(ended, x => x.OrgUnitId, u => u.Id, (x, u) => new { x.HotspotId, Day = x.Date, u.Name, u.ValidTo })
                .Where(r => r.Day > r.ValidTo).ToListAsync()).Select(r => $"hotspot {r.HotspotId}: event {r.Day} in {r.Name}").Distinct());
            return found;
        });
        Assert.True(wrong.Count == 0, $"{wrong.Count} records dated after their unit ended:\n" + string.Join("\n", wrong.Take(30)));
        // The demo has records of the old wards at all (so the scan is not vacuous).
        Assert.True(await data.Db(db => db.Hotspots.Join(db.OrgUnits.Where(u => u.ValidTo != null), h => h.OrgUnitId, u => u.Id, (h, u) => h.Id).AnyAsync()));
    }

    Task<int> Decree(string code) => data.Db(db => db.Decrees.Where(d => d.Code == code).Select(d => d.Id).SingleAsync());

    JsonObject Sanction(int unit, string date, int decree) => new()
    {
        ["orgUnitId"] = unit, ["date"] = date, ["target"] = "seller", ["kind"] = "warning", ["amount"] = null, ["decreeId"] = decree,
        ["decisionNumber"] = data.UniqueKey("QĐ"),
    };

    [Fact]
    public async Task A_record_dated_after_the_reform_in_an_abolished_ward_is_refused_naming_the_ward_it_now_belongs_to()
    {
        var ward = await app.SignIn("phuluong");
        var phuLam = await data.UnitIdOn(PhuLuong, "2024-01-01");
        var phuLuong = await data.UnitId(PhuLuong);
        var newName = await data.Db(db => db.OrgUnits.Where(u => u.Id == phuLuong).Select(u => u.Name).SingleAsync());
        var before = await data.Db(db => db.AdministrativeSanctions.CountAsync());

        var late = await (await ward.PostRaw("/api/v1/enforcement/sanctions", Sanction(phuLam, "2026-03-01", await Decree("282/2025/NĐ-CP")).ToJsonString()))
            .Json<Problem>(HttpStatusCode.BadRequest);
        var message = Assert.Single(late.On("orgUnitId"));
        Assert.Contains(newName, message);
        Assert.Contains("01/07/2025", message);
        Assert.Equal(before, await data.Db(db => db.AdministrativeSanctions.CountAsync()));

        // Before the reform the old ward is right, and the same ward's new unit takes the later record.
        await (await ward.PostRaw("/api/v1/enforcement/sanctions", Sanction(phuLam, "2025-03-01", await Decree("144/2021/NĐ-CP")).ToJsonString()))
            .Json<WithId>(HttpStatusCode.Created);
        await (await ward.PostRaw("/api/v1/enforcement/sanctions", Sanction(phuLuong, "2026-03-01", await Decree("282/2025/NĐ-CP")).ToJsonString()))
            .Json<WithId>(HttpStatusCode.Created);
    }

    [Fact]
    public async Task The_old_ward_is_shown_with_the_new_one_and_a_filter_by_the_new_ward_says_it_includes_the_old()
    {
        var ward = await app.SignIn("phuluong");
        var phuLam = await data.UnitIdOn(PhuLuong, "2024-01-01");
        var phuLuong = await data.UnitId(PhuLuong);
        var (oldName, newName) = await data.Db(async db => (
            await db.OrgUnits.Where(u => u.Id == phuLam).Select(u => u.Name).SingleAsync(),
            await db.OrgUnits.Where(u => u.Id == phuLuong).Select(u => u.Name).SingleAsync()));
        var title = data.Unique("Hội nghị phường cũ");
        var body = new JsonObject
        {
            ["date"] = "2025-03-04", ["orgUnitId"] = phuLam, ["kind"] = "meeting", ["title"] = title, ["materialsDistributed"] = 10,
            ["audiences"] = new JsonArray(new JsonObject { ["group"] = "residents", ["peopleReached"] = 12 }), ["version"] = 0,
        };
        (await ward.PostRaw("/api/v1/communication-events", body.ToJsonString())).EnsureSuccessStatusCode();

        var html = await ward.GetStringAsync($"/communication?unit={phuLuong}&from=04/03/2025&to=04/03/2025");
        Assert.Contains(title, html);
        Assert.Contains($"{oldName} (cũ) → {newName}", html);
        Assert.Contains("Gồm cả hồ sơ của các phường, xã cũ:", html);
        Assert.Contains(oldName, html[html.IndexOf("Gồm cả hồ sơ", StringComparison.Ordinal)..]);

        // A ward nothing was merged into says nothing of former wards.
        var plain = await ward.GetStringAsync($"/communication?unit={phuLam}&from=04/03/2025&to=04/03/2025");
        Assert.DoesNotContain("Gồm cả hồ sơ của các phường, xã cũ:", plain);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class UnitHistoryTestsOnSqlite(SqliteApp app) : UnitHistoryTests(app);

[Collection(PostgresCollection.Name)]
public sealed class UnitHistoryTestsOnPostgres(PostgresApp app) : UnitHistoryTests(app);
