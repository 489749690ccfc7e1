using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pcmd.IntegrationTests.Infrastructure;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Inspections;
using Pcmd.Web.Features.Plans;
using Pcmd.Web.Features.Reporting;
using Pcmd.Web.Features.Establishments;
using Pcmd.Web.Features.Hotspots;

namespace Pcmd.IntegrationTests.Features.Platform;

/// <summary>Every operation of the OpenAPI document × every demo role, on records of Phường Phú Lương: its own unit for
/// phuluong, kiemtra and hotro, inside the city's reach for admin, dieuphoi, congan and lanhdao, and a foreign unit for
/// hadong (Phường Hà Đông). <see cref="AuthorizationMatrix.Allowed"/> says who may; an allowed role must not be refused
/// (401/403; nor 404 where the record exists), any other must be (403 or 404). An operation missing from the table fails.
/// Writes are sent with an empty object and a version no record has, so an allowed one stops at validation or at the version check;
/// the app is one of its own, so what does go through changes no other test's data.</summary>
public abstract class AuthorizationMatrixTests(PcmdApp app)
{
    static readonly string[] Users = ["admin", "dieuphoi", "congan", "phuluong", "hadong", "kiemtra", "hotro", "lanhdao"];

    [Fact]
    public async Task Every_operation_answers_every_role_as_the_table_says()
    {
        var admin = await app.SignIn("admin");
        var doc = await admin.GetJson("/openapi/v1.json");
        var operations = doc["paths"]!.AsObject()
            .SelectMany(p => p.Value!.AsObject().Where(m => m.Key is "get" or "post" or "put" or "delete" or "patch")
                .Select(m => (Key: $"{m.Key.ToUpperInvariant()} {p.Key}", Method: m.Key.ToUpperInvariant(), Path: p.Key, Op: m.Value!)))
            .ToList();
        var missing = operations.Where(o => !AuthorizationMatrix.Allowed.ContainsKey(o.Key)).Select(o => o.Key).ToList();
        Assert.True(missing.Count == 0, "Operations without an entry in the authorization matrix:\n" + string.Join("\n", missing));
        var stale = AuthorizationMatrix.Allowed.Keys.Except(operations.Select(o => o.Key)).ToList();
        Assert.True(stale.Count == 0, "Entries for operations the API no longer has:\n" + string.Join("\n", stale));

        var samples = await Samples(admin);
        var clients = new Dictionary<string, HttpClient>();
        foreach (var u in Users) clients[u] = await app.SignIn(u);
        var failures = new List<string>();
        var sent = 0;
        foreach (var (key, method, path, op) in operations)
        {
            var allowed = AuthorizationMatrix.Allowed[key];
            if (allowed == AuthorizationMatrix.Public) continue; // sign-in and sign-out: nothing to authorize
            var (url, real) = Fill(path, op, samples);
            foreach (var user in Users)
            {
                using var req = new HttpRequestMessage(new HttpMethod(method), url);
                if (op["requestBody"]?["content"]?["application/json"] is not null)
                    req.Content = new StringContent("{}", Encoding.UTF8, "application/json");
                else if (op["requestBody"]?["content"]?["multipart/form-data"] is not null)
                    req.Content = new MultipartFormDataContent { { new StringContent("x"), "note" } };
                using var res = await clients[user].SendAsync(req);
                sent++;
                var status = (int)res.StatusCode;
                var may = allowed == AuthorizationMatrix.Everyone || allowed.Split(' ').Contains(user);
                var ok = may
                    ? status is not (401 or 403) && status < 500 && !(real && status == 404)
                    : status is 403 or 404;
                if (!ok) failures.Add($"{key} as {user} ({(may ? "allowed" : "denied")}) → {status} {url}");
            }
        }
        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} requests broke the matrix:\n" + string.Join("\n", failures));
    }

    /// <summary>The URL with every path value filled from the samples (a version no record has for the version a write was read at),
    /// and whether every path value names a record that exists.</summary>
    static (string Url, bool Real) Fill(string path, JsonNode op, Dictionary<string, string> samples)
    {
        var real = true;
        var segments = path.Split('/').Select((s, i) =>
        {
            if (!s.StartsWith('{')) return s;
            var name = s.Trim('{', '}');
            var resource = path.Split('/').Take(i).Last(x => !x.StartsWith('{'));
            if (samples.TryGetValue($"{resource}/{name}", out var v) || samples.TryGetValue(name, out v)) return v;
            real = false;
            return name == "jobId" ? "00000000000000000000000000000000" : "999999";
        });
        var query = (op["parameters"]?.AsArray() ?? []).Where(p => p!["in"]!.GetValue<string>() == "query" && p["required"]?.GetValue<bool>() == true)
            .Select(p => p!["name"]!.GetValue<string>() + "=999999").ToList();
        return (string.Join('/', segments) + (query.Count > 0 ? "?" + string.Join('&', query) : ""), real);
    }

    /// <summary>One record of each kind in Phường Phú Lương, keyed "resource/parameter" (or the parameter alone).</summary>
    async Task<Dictionary<string, string>> Samples(HttpClient admin)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PcmdDbContext>();
        var pl = await db.OrgUnits.Where(u => u.Code == "09568" && u.ValidTo == null).Select(u => u.Id).SingleAsync();
        var s = new Dictionary<string, string> { ["org-units/id"] = pl.ToString() };
        void Put(string key, int? id) { if (id is { } v) s[key] = v.ToString(); }

        var user = await (await admin.PostRaw("/api/v1/users", new JsonObject
        {
            ["userName"] = $"matrix-{Guid.NewGuid():N}"[..20], ["fullName"] = "Người dùng ma trận", ["role"] = "CaseWorker",
            ["orgUnitId"] = pl, ["password"] = PcmdApp.Password,
        }.ToJsonString())).Json(HttpStatusCode.Created);
        s["users/id"] = user["id"]!.ToString();
        Put("agencies/id", await db.Agencies.Where(a => a.Code == "UBND-PHULUONG").Select(a => (int?)a.Id).SingleAsync());

        var plan = await (await admin.PostRaw("/api/v1/plans/import", SamplePlan.Create($"matrix-{app.Provider}".ToLowerInvariant(), "09568").ToJsonString()))
            .Json<Versioned>(HttpStatusCode.Created);
        Put("plans/id", plan.Id);
        Put("planId", plan.Id);
        Put("taskId", await db.Set<PlanTask>().Where(t => t.PlanId == plan.Id).Select(t => (int?)t.Id).FirstAsync());
        Put("indicatorId", await db.Set<Indicator>().Where(t => t.PlanId == plan.Id).Select(t => (int?)t.Id).FirstAsync());
        Put("appendixId", await db.Set<Appendix>().Where(a => a.PlanId == plan.Id).Select(a => (int?)a.Id).FirstAsync());
        Put("establishments/id", await db.Set<Establishment>().Where(e => e.OrgUnitId == pl).Select(e => (int?)e.Id).FirstOrDefaultAsync());
        Put("support-services/id", await db.SupportServices.Where(e => e.OrgUnitId == pl).Select(e => (int?)e.Id).FirstOrDefaultAsync());
        Put("work-calendar/id", await db.CalendarDays.OrderBy(d => d.Date).Select(d => (int?)d.Id).FirstOrDefaultAsync());
        Put("hotspots/id", await db.Set<Hotspot>().Where(e => e.OrgUnitId == pl).Select(e => (int?)e.Id).FirstOrDefaultAsync());
        var team = await db.Set<InspectionTeam>().Where(e => e.OrgUnitId == pl).Select(e => (int?)e.Id).FirstOrDefaultAsync();
        Put("inspection-teams/id", team);
        Put("memberId", await db.Set<TeamMember>().Where(m => m.TeamId == team).Select(m => (int?)m.Id).FirstOrDefaultAsync());
        var inspectionPlan = await db.Set<InspectionPlan>().Where(p => p.TeamId == team).Select(p => (int?)p.Id).FirstOrDefaultAsync();
        Put("inspection-plans/id", inspectionPlan);
        Put("itemId", await db.Set<InspectionPlanItem>().Where(i => i.InspectionPlanId == inspectionPlan).Select(i => (int?)i.Id).FirstOrDefaultAsync());
        Put("inspections/id", await db.Set<Inspection>().Where(e => e.OrgUnitId == pl).Select(e => (int?)e.Id).FirstOrDefaultAsync());
        Put("communication-events/id", await db.CommunicationEvents.Where(e => e.OrgUnitId == pl).Select(e => (int?)e.Id).FirstOrDefaultAsync());
        Put("training-courses/id", await db.TrainingCourses.Where(e => e.OrgUnitId == pl).Select(e => (int?)e.Id).FirstOrDefaultAsync());
        Put("unit-documents/id", await db.UnitDocuments.Where(e => e.OrgUnitId == pl).Select(e => (int?)e.Id).FirstOrDefaultAsync());
        Put("commune-models/id", await db.ModelCommunes.Where(e => e.OrgUnitId == pl).Select(e => (int?)e.Id).FirstOrDefaultAsync());
        Put("criteria/id", await db.HealthyCriteria.Select(e => (int?)e.Id).FirstOrDefaultAsync());
        Put("assessments/id", await db.CommuneAssessments.Where(e => e.OrgUnitId == pl).Select(e => (int?)e.Id).FirstOrDefaultAsync());
        Put("budget-lines/id", await db.BudgetLines.Where(e => e.OrgUnitId == pl).Select(e => (int?)e.Id).FirstOrDefaultAsync());
        Put("commendations/id", await db.Commendations.Where(e => e.OrgUnitId == pl).Select(e => (int?)e.Id).FirstOrDefaultAsync());
        Put("staff-rosters/id", await db.StaffRosters.Where(e => e.OrgUnitId == pl).Select(e => (int?)e.Id).FirstOrDefaultAsync());
        Put("staff-members/id", await db.StaffMembers.Where(e => e.OrgUnitId == pl).Select(e => (int?)e.Id).FirstOrDefaultAsync());
        Put("criminal-cases/id", await db.Set<Pcmd.Web.Features.Enforcement.CriminalCase>().Where(c => c.OrgUnitId == pl).Select(c => (int?)c.Id).FirstOrDefaultAsync());
        // A demo tip of Phú Lương that the ward itself took in, still open (its source is the ward officer's alone).
        Put("tips/id", await db.Set<Pcmd.Web.Features.Tips.Tip>().Where(t => t.OrgUnitId == pl && t.ReceivingUnitId == pl && t.ReceivedBy == "phuluong"
            && t.State != Pcmd.Web.Features.Tips.TipState.Closed).Select(t => (int?)t.Id).FirstOrDefaultAsync()
            ?? await db.Set<Pcmd.Web.Features.Tips.Tip>().Where(t => t.OrgUnitId == pl && t.ReceivingUnitId == pl).Select(t => (int?)t.Id).FirstOrDefaultAsync());
        var report = await db.Set<Report>().Where(r => r.OrgUnitId == pl).Select(r => new { r.Id, r.PeriodId }).FirstOrDefaultAsync();
        Put("reports/id", report?.Id);
        Put("report-periods/id", report?.PeriodId);
        // An open demo case of hotro with a referral (its consents, its referral).
        var supportCase = await db.Set<Pcmd.Web.Features.Support.SupportCase>()
            .Where(c => c.Code.StartsWith("HT-DEMO") && c.ClosedOn == null && db.Set<Pcmd.Web.Features.Support.Referral>().Any(r => r.CaseId == c.Id))
            .Select(c => (int?)c.Id).FirstOrDefaultAsync();
        Put("cases/id", supportCase);
        Put("consentId", await db.Set<Pcmd.Web.Features.Support.Consent>().Where(c => c.CaseId == supportCase).Select(c => (int?)c.Id).FirstOrDefaultAsync());
        Put("referrals/id", await db.Set<Pcmd.Web.Features.Support.Referral>().Where(r => r.CaseId == supportCase).Select(r => (int?)r.Id).FirstOrDefaultAsync());
        Put("need-kinds/id", await db.Set<Pcmd.Web.Features.Support.NeedKind>().Select(k => (int?)k.Id).FirstOrDefaultAsync());
        var group = await db.SupportGroups.Where(g => g.OrgUnitId == pl).Select(g => (int?)g.Id).FirstOrDefaultAsync();
        Put("groups/id", group);
        Put("membershipId", await db.GroupMembers.Where(m => m.GroupId == group).Select(m => (int?)m.Id).FirstOrDefaultAsync());
        return s;
    }
}

/// <summary>A matrix app of its own per provider: the writes the matrix lets through stay out of the shared apps.</summary>
public sealed class MatrixSqliteApp : PcmdApp
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
    protected override Task<string> CreateDatabase() =>
        Task.FromResult($"Data Source={Path.Combine(Path.GetTempPath(), $"pcmd-matrix-{Guid.NewGuid():N}.db")}");
}

public sealed class MatrixPostgresApp : PcmdApp
{
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;
    protected override Task<string> CreateDatabase() => PostgresApp.NewDatabase();
}

[CollectionDefinition(Name)]
public sealed class MatrixSqliteCollection : ICollectionFixture<MatrixSqliteApp> { public const string Name = "matrix-sqlite"; }

[CollectionDefinition(Name)]
public sealed class MatrixPostgresCollection : ICollectionFixture<MatrixPostgresApp> { public const string Name = "matrix-postgres"; }

[Collection(MatrixSqliteCollection.Name)]
public sealed class AuthorizationMatrixTestsOnSqlite(MatrixSqliteApp app) : AuthorizationMatrixTests(app);

[Collection(MatrixPostgresCollection.Name)]
public sealed class AuthorizationMatrixTestsOnPostgres(MatrixPostgresApp app) : AuthorizationMatrixTests(app);
