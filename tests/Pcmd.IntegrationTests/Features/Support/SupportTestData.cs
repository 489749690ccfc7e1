using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pcmd.IntegrationTests.Infrastructure;
using Pcmd.Web.Features.Audit;

namespace Pcmd.IntegrationTests.Features.Support;

public sealed record CaseSavedView(int Id, string Code, int Version);
public sealed record CaseRow(int Id, string Code, string TargetGroup);
public sealed record StaffView(string Id, string FullName);
public sealed record ConsentView(int Id, string Kind, string GivenOn, string? WithdrawnOn);
public sealed record NeedView(int NeedKindId, string Code, bool Eligible);
public sealed record CaseView(int Id, string Code, int Version, bool HasIdentity, bool MayRecordIdentity, string? ClosedOn, StaffView Supervisor,
    List<StaffView> Workers, List<ConsentView> Consents, List<NeedView> Needs);
public sealed record IdentityView(string? Name, string? BirthYear, string? Phone, string? Residence, bool Consented);
public sealed record AccessView(string? UserName, string What, string? Reason);
public sealed record NeedKindView(int Id, string Code, string Name);

/// <summary>Cases the support tests open in Phường Phú Lương as the demo case worker "hotro" (supervised by "giamsat"), and
/// case workers of their own.</summary>
public sealed class SupportTestData(PcmdApp app) : TestData(app)
{
    public const string Worker = "hotro", Supervisor = "giamsat";

    public static string Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).ToString("yyyy-MM-dd");
    public static string DaysAgo(int n) => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).AddDays(-n).ToString("yyyy-MM-dd");

    /// <summary>A new account of Phú Lương (a second case worker, an account of another role), signed in.</summary>
    public async Task<(string Id, HttpClient Client)> NewAccount(string role, string unit = "09568")
    {
        var admin = await SignIn("admin");
        var userName = UniqueKey(role.ToLowerInvariant()[..4]);
        var created = await (await admin.PostRaw("/api/v1/users", new JsonObject
        {
            ["userName"] = userName, ["fullName"] = $"Cán bộ thử {userName}", ["role"] = role, ["orgUnitId"] = await UnitId(unit),
            ["password"] = PcmdApp.Password,
        }.ToJsonString())).Json(HttpStatusCode.Created);
        return (created["id"]!.GetValue<string>(), await SignIn(userName));
    }

    public static JsonObject Identity(string name, string phone) => new()
    {
        ["name"] = name, ["birthYear"] = "1990", ["phone"] = phone, ["residence"] = "Tổ 5, phường Phú Lương",
    };

    /// <summary>Opens a case in Phú Lương, with consent to being recorded and the identity when given.</summary>
    public async Task<CaseSavedView> Open(HttpClient worker, JsonObject? identity = null, string openedOn = "2026-01-10", string group = "sexWorker")
    {
        var body = new JsonObject { ["orgUnitId"] = await UnitId("09568"), ["targetGroup"] = group, ["openedOn"] = openedOn };
        if (identity is not null)
        {
            body["recordedConsent"] = new JsonObject { ["givenOn"] = openedOn, ["method"] = "written" };
            body["identity"] = identity;
        }
        return await (await worker.PostRaw("/api/v1/support/cases", body.ToJsonString())).Json<CaseSavedView>(HttpStatusCode.Created);
    }

    public static Task<CaseView> Get(HttpClient c, int id) => c.GetJson<CaseView>($"/api/v1/support/cases/{id}");

    public async Task<List<NeedKindView>> NeedKinds(HttpClient c) => await c.GetJson<List<NeedKindView>>("/api/v1/support/need-kinds");

    /// <summary>Reads of the case's identifying fields in the audit trail (after every queued event is written).</summary>
    public async Task<int> IdentityReads(int caseId, string? user = null)
    {
        using (var scope = Scope()) await scope.ServiceProvider.GetRequiredService<AuditTrail>().Flush();
        var key = caseId.ToString();
        var rows = await Db(db => db.AuditEntries.Where(a => a.EntityType == "SupportCase" && a.EntityId == key && a.Action == AuditAction.Read)
            .Select(a => new { a.UserName, a.Changes }).ToListAsync());
        return rows.Count(r => (user is null || r.UserName == user) && (r.Changes.Contains("\"identity\"") || r.Changes.Contains("\"breakGlass\"")));
    }
}
