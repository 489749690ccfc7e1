using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Pcmd.IntegrationTests.Infrastructure;
using Pcmd.Web.Features.Establishments;
using Pcmd.Web.Features.Inspections;

namespace Pcmd.IntegrationTests.Features.Inspections;

/// <summary>Records the inspection tests need, made per test with unique names: the apps are shared by all test classes.</summary>
public sealed class InspectionTestData(PcmdApp app) : TestData(app)
{
    public const string PhuLuong = "09568";
    public const string HaDong = "09556";

    /// <summary>An establishment written straight to the database (the registry is another feature).</summary>
    public Task<int> Establishment(string unitCode, int workers = 4) => Db(async db =>
    {
        var unit = await db.OrgUnits.Where(u => u.Code == unitCode && u.ValidTo == null).Select(u => u.Id).SingleAsync();
        var type = await db.EstablishmentTypes.Where(t => t.Code == "KARAOKE").Select(t => t.Id).SingleAsync();
        var e = new Establishment
        {
            Name = Unique("Karaoke thử nghiệm"), Address = "Số 1 phố Thử Nghiệm", TypeId = type, OrgUnitId = unit, WorkerCount = workers,
            Status = ManagementStatus.UnderManagement, RiskClass = RiskClass.Medium,
        };
        db.Establishments.Add(e);
        await db.SaveChangesAsync();
        return e.Id;
    });

    /// <summary>A commune team with a leader, two deputies and two members; returns its id and the members' ids.</summary>
    public async Task<(int Id, List<int> Members)> Team(HttpClient client, string unitCode = PhuLuong)
    {
        var police = await AgencyId(unitCode == PhuLuong ? "CA-PHULUONG" : "CA-TP");
        var members = new JsonArray(
            Member("Nguyễn Văn An", "leader", police), Member("Trần Thị Bình", "deputy", police), Member("Lê Văn Cường", "deputy", null),
            Member("Phạm Thị Dung", "member", police), Member("Hoàng Văn Em", "member", null));
        var body = new JsonObject
        {
            ["name"] = Unique("Đội kiểm tra thử nghiệm"), ["kind"] = "interagency178", ["orgUnitId"] = await UnitId(unitCode), ["members"] = members,
        };
        var id = (await (await client.PostRaw("/api/v1/inspection-teams", body.ToJsonString())).Json<WithId>(HttpStatusCode.Created)).Id;
        var team = await client.GetJson<TeamView>($"/api/v1/inspection-teams/{id}");
        return (id, team.Members!.Select(m => m.Id).ToList());
    }

    public static JsonObject Member(string name, string role, int? agencyId) =>
        new() { ["fullName"] = name, ["role"] = role, ["agencyId"] = agencyId, ["cardNumber"] = "178-TN" };

    public async Task<int> Decree(HttpClient client, string code) =>
        (await client.GetJson<List<DecreeDto>>("/api/v1/decrees")).Single(d => d.Code == code).Id;

    public async Task<int> ViolationType(HttpClient client, string code) =>
        (await client.GetJson<List<ViolationTypeDto>>("/api/v1/violation-types")).Single(d => d.Code == code).Id;

    /// <summary>A valid planned inspection with three members and no sanction; tests change what they check.</summary>
    public static JsonObject Inspection(int establishmentId, int teamId, IEnumerable<int> members, string date = "2026-01-20") => new()
    {
        ["establishmentId"] = establishmentId, ["teamId"] = teamId, ["date"] = date, ["kind"] = "planned",
        ["findings"] = "Không phát hiện vi phạm.", ["ownersInformed"] = 1, ["workersInformed"] = 3,
        ["memberIds"] = new JsonArray(members.Take(3).Select(m => (JsonNode)m).ToArray()),
    };

    public static JsonObject Fine(int decreeId, decimal? amount = 1_500_000m) =>
        new() { ["kind"] = "fine", ["amount"] = amount, ["decreeId"] = decreeId, ["legalBasis"] = "Điểm a khoản 1 Điều 25" };

    /// <summary>Rows of the inspection tables, to show that a refused write left nothing behind.</summary>
    public Task<(int Inspections, int Members, int Violations, int Sanctions)> Counts() => Db(async db =>
        (await db.Inspections.CountAsync(), await db.Set<InspectionMember>().CountAsync(),
            await db.Set<InspectionViolation>().CountAsync(), await db.Set<Sanction>().CountAsync()));

    /// <summary>The rows of one table, to show that a refused write added none.</summary>
    public Task<int> Count<T>() where T : class => Db(db => db.Set<T>().CountAsync());
}
