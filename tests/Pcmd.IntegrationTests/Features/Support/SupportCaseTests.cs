using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Pcmd.IntegrationTests.Infrastructure;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Support;
using static Pcmd.IntegrationTests.Features.Support.SupportTestData;

namespace Pcmd.IntegrationTests.Features.Support;

/// <summary>Consent, bad input and conflicts on support cases (issue 12, "Bad input"), and the raw database holding no name or
/// phone of the demo in clear.</summary>
public abstract class SupportCaseTests(PcmdApp app)
{
    readonly SupportTestData data = new(app);

    [Fact]
    public async Task Without_consent_to_being_recorded_no_identifying_field_is_kept()
    {
        var worker = await data.SignIn(Worker);
        var before = await data.Db(db => db.SupportCases.CountAsync());
        var body = new JsonObject
        {
            ["orgUnitId"] = await data.UnitId("09568"), ["targetGroup"] = "sexWorker", ["openedOn"] = "2026-01-10",
            ["identity"] = Identity("Không Đồng Ý", "0900 000 001"),
        };
        var refused = await (await worker.PostRaw("/api/v1/support/cases", body.ToJsonString())).Json<Problem>(HttpStatusCode.BadRequest);
        Assert.NotEmpty(refused.On("identity"));
        Assert.Equal(before, await data.Db(db => db.SupportCases.CountAsync()));

        // A case opened with a code only: identity refused later too, with a Vietnamese 409.
        var saved = await data.Open(worker);
        Assert.StartsWith("HT-", saved.Code);
        var conflict = await (await worker.PutRaw($"/api/v1/support/cases/{saved.Id}/identity",
            new JsonObject { ["name"] = "Vẫn Không", ["version"] = saved.Version }.ToJsonString())).Json<Problem>(HttpStatusCode.Conflict);
        Assert.Contains("đồng ý", conflict.Detail);
        Assert.Null(await data.Db(db => db.SupportCases.Where(c => c.Id == saved.Id).Select(c => c.Name).SingleAsync()));
        var identity = await worker.GetJson<IdentityView>($"/api/v1/support/cases/{saved.Id}/identity");
        Assert.False(identity.Consented);
        Assert.Null(identity.Name);
    }

    [Fact]
    public async Task Withdrawing_consent_erases_the_identity_and_a_withdrawn_consent_cannot_be_used()
    {
        var worker = await data.SignIn(Worker);
        var name = data.Unique("Phạm Thị Rút");
        var saved = await data.Open(worker, Identity(name, "0911 777 888"));
        var detail = await Get(worker, saved.Id);
        Assert.True(detail.HasIdentity);
        var consent = detail.Consents.Single(c => c.Kind == "recorded");
        var early = await (await worker.PostRaw($"/api/v1/support/cases/{saved.Id}/consents/{consent.Id}/withdraw",
            new JsonObject { ["on"] = "2026-01-01", ["version"] = detail.Version }.ToJsonString())).Json<Problem>(HttpStatusCode.BadRequest);
        Assert.NotEmpty(early.On("on"));
        await (await worker.PostRaw($"/api/v1/support/cases/{saved.Id}/consents/{consent.Id}/withdraw",
            new JsonObject { ["on"] = "2026-02-01", ["version"] = detail.Version }.ToJsonString())).Json<CaseSavedView>(HttpStatusCode.OK);

        detail = await Get(worker, saved.Id);
        Assert.False(detail.HasIdentity);
        Assert.False(detail.MayRecordIdentity);
        var identity = await worker.GetJson<IdentityView>($"/api/v1/support/cases/{saved.Id}/identity");
        Assert.Null(identity.Name);
        Assert.Null(identity.Phone);
        var stored = await data.Db(db => db.SupportCases.Where(c => c.Id == saved.Id).Select(c => new { c.Name, c.Phone, c.BirthYear, c.Residence }).SingleAsync());
        Assert.True(stored.Name is null && stored.Phone is null && stored.BirthYear is null && stored.Residence is null);
        Assert.DoesNotContain(name, await worker.GetStringAsync($"/support/cases/{saved.Id}"));

        // Using the withdrawn consent: recording the identity again, withdrawing it again.
        var again = await worker.PutRaw($"/api/v1/support/cases/{saved.Id}/identity", new JsonObject { ["name"] = name, ["version"] = detail.Version }.ToJsonString());
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var twice = await worker.PostRaw($"/api/v1/support/cases/{saved.Id}/consents/{consent.Id}/withdraw",
            new JsonObject { ["on"] = "2026-02-02", ["version"] = detail.Version }.ToJsonString());
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
    }

    [Fact]
    public async Task Dates_in_the_future_or_before_the_opening_are_refused_and_nothing_is_half_saved()
    {
        var worker = await data.SignIn(Worker);
        var future = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(3)).ToString("yyyy-MM-dd");
        var openFuture = await (await worker.PostRaw("/api/v1/support/cases", new JsonObject
        {
            ["orgUnitId"] = await data.UnitId("09568"), ["targetGroup"] = "sexWorker", ["openedOn"] = future,
        }.ToJsonString())).Json<Problem>(HttpStatusCode.BadRequest);
        Assert.NotEmpty(openFuture.On("openedOn"));

        var saved = await data.Open(worker, openedOn: "2026-03-01");
        var kinds = await data.NeedKinds(worker);
        async Task<Problem> Refused(HttpResponseMessage res) => await res.Json<Problem>(HttpStatusCode.BadRequest);
        var beforeOpening = await Refused(await worker.PutRaw($"/api/v1/support/cases/{saved.Id}/needs", new JsonObject
        {
            ["screenedOn"] = "2026-02-28", ["needs"] = new JsonArray(new JsonObject { ["needKindId"] = kinds[0].Id, ["eligible"] = true }), ["version"] = saved.Version,
        }.ToJsonString()));
        Assert.NotEmpty(beforeOpening.On("screenedOn"));
        var unknownNeed = await Refused(await worker.PutRaw($"/api/v1/support/cases/{saved.Id}/needs", new JsonObject
        {
            ["screenedOn"] = "2026-03-02", ["needs"] = new JsonArray(new JsonObject { ["needKindId"] = 999999, ["eligible"] = true }), ["version"] = saved.Version,
        }.ToJsonString()));
        Assert.NotEmpty(unknownNeed.On("needs[0].needKindId"));
        var futureNote = await Refused(await worker.PostRaw($"/api/v1/support/cases/{saved.Id}/notes",
            new JsonObject { ["kind"] = "goal", ["date"] = future, ["text"] = "Mục tiêu", ["version"] = saved.Version }.ToJsonString()));
        Assert.NotEmpty(futureNote.On("date"));
        var earlyContact = await Refused(await worker.PostRaw($"/api/v1/support/cases/{saved.Id}/contacts",
            new JsonObject { ["date"] = "2026-02-01", ["channel"] = "hotline", ["given"] = new JsonArray("information") }.ToJsonString()));
        Assert.NotEmpty(earlyContact.On("date"));
        var detail = await Get(worker, saved.Id);
        Assert.Empty(detail.Needs);
        Assert.Equal(saved.Version, detail.Version);
        Assert.Equal(0, await data.Db(db => db.OutreachContacts.CountAsync(c => c.CaseId == saved.Id)));
    }

    [Fact]
    public async Task A_closed_case_refuses_every_change()
    {
        var worker = await data.SignIn(Worker);
        var saved = await data.Open(worker, Identity(data.Unique("Đóng Hồ Sơ"), "0911 999 000"), openedOn: "2026-01-05");
        var closed = await (await worker.PostRaw($"/api/v1/support/cases/{saved.Id}/close",
            new JsonObject { ["on"] = "2026-06-01", ["reason"] = "reintegrated", ["version"] = saved.Version }.ToJsonString())).Json<CaseSavedView>(HttpStatusCode.OK);
        var v = closed.Version;
        string[] writes =
        [
            $"PUT /api/v1/support/cases/{saved.Id}|{{\"targetGroup\":\"atRisk\",\"version\":{v}}}",
            $"PUT /api/v1/support/cases/{saved.Id}/identity|{{\"name\":\"Mới\",\"version\":{v}}}",
            $"POST /api/v1/support/cases/{saved.Id}/consents|{{\"kind\":\"referral\",\"givenOn\":\"2026-06-02\",\"method\":\"verbal\",\"version\":{v}}}",
            $"PUT /api/v1/support/cases/{saved.Id}/needs|{{\"screenedOn\":\"2026-06-02\",\"needs\":[],\"version\":{v}}}",
            $"POST /api/v1/support/cases/{saved.Id}/notes|{{\"kind\":\"note\",\"date\":\"2026-06-02\",\"text\":\"x\",\"version\":{v}}}",
            $"POST /api/v1/support/cases/{saved.Id}/close|{{\"on\":\"2026-06-02\",\"reason\":\"moved\",\"version\":{v}}}",
            $"POST /api/v1/support/cases/{saved.Id}/contacts|{{\"date\":\"2026-06-02\",\"channel\":\"hotline\",\"given\":[\"information\"]}}",
        ];
        foreach (var w in writes)
        {
            var (head, body) = (w.Split('|')[0], w.Split('|')[1]);
            using var req = new HttpRequestMessage(new HttpMethod(head.Split(' ')[0]), head.Split(' ')[1]) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            var problem = await (await worker.SendAsync(req)).Json<Problem>(HttpStatusCode.Conflict);
            Assert.Contains("đã đóng", problem.Detail);
        }
        Assert.Equal(v, (await Get(worker, saved.Id)).Version);
    }

    [Fact]
    public async Task Two_people_editing_the_same_case_get_a_conflict()
    {
        var worker = await data.SignIn(Worker);
        var saved = await data.Open(worker);
        var supervisor = await data.SignIn(Supervisor);
        var seen = (await Get(supervisor, saved.Id)).Version;
        await (await worker.PostRaw($"/api/v1/support/cases/{saved.Id}/notes",
            new JsonObject { ["kind"] = "goal", ["date"] = "2026-01-11", ["text"] = "Học nghề may", ["version"] = seen }.ToJsonString())).Json<CaseSavedView>(HttpStatusCode.OK);
        var late = await supervisor.PostRaw($"/api/v1/support/cases/{saved.Id}/notes",
            new JsonObject { ["kind"] = "review", ["date"] = "2026-01-11", ["text"] = "Đánh giá", ["version"] = seen }.ToJsonString());
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Equal(1, await data.Db(db => db.CaseNotes.CountAsync(n => n.CaseId == saved.Id)));
    }

    [Fact]
    public async Task Screening_marks_needs_with_eligibility_and_the_checklist_is_extended_by_an_administrator()
    {
        var admin = await data.SignIn("admin");
        var code = data.UniqueKey("need");
        var created = await (await admin.PostRaw("/api/v1/support/need-kinds", new JsonObject { ["code"] = code, ["name"] = "Hỗ trợ con nhỏ đi học" }.ToJsonString()))
            .Json<WithIdView>(HttpStatusCode.Created);
        var worker = await data.SignIn(Worker);
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.PostRaw("/api/v1/support/need-kinds", new JsonObject { ["code"] = "x", ["name"] = "y" }.ToJsonString())).StatusCode);
        var kinds = await data.NeedKinds(worker);
        Assert.Contains(kinds, k => k.Id == created.Id);
        var saved = await data.Open(worker);
        var legal = kinds.Single(k => k.Code == "legal");
        await (await worker.PutRaw($"/api/v1/support/cases/{saved.Id}/needs", new JsonObject
        {
            ["screenedOn"] = "2026-01-12",
            ["needs"] = new JsonArray(new JsonObject { ["needKindId"] = legal.Id, ["eligible"] = true }, new JsonObject { ["needKindId"] = created.Id, ["eligible"] = false }),
            ["version"] = saved.Version,
        }.ToJsonString())).Json<CaseSavedView>(HttpStatusCode.OK);
        var needs = (await Get(worker, saved.Id)).Needs;
        Assert.Equal(2, needs.Count);
        Assert.True(needs.Single(n => n.Code == "legal").Eligible);
        Assert.False(needs.Single(n => n.Code == code).Eligible);
    }

    [Fact]
    public async Task The_raw_database_holds_no_demo_name_or_phone_in_clear()
    {
        var worker = await data.SignIn(Worker);
        var demo = (await worker.GetJson<List<CaseRow>>("/api/v1/support/cases?closed=true")).Where(c => c.Code.StartsWith("HT-DEMO")).ToList();
        Assert.NotEmpty(demo);
        // The demo's people are really there, readable through the audited endpoint.
        var shown = new List<string?>();
        foreach (var c in demo) shown.Add((await worker.GetJson<IdentityView>($"/api/v1/support/cases/{c.Id}/identity")).Name);
        Assert.Contains(SupportDemoStep.People[0].Name, shown);

        var secrets = SupportDemoStep.People.SelectMany(p => new[] { p.Name, p.Phone, p.Phone.Replace(" ", "") }).ToList();
        var found = await RawText(secrets);
        Assert.True(found.Count == 0, "In clear: " + string.Join(", ", found));
    }

    /// <summary>Every text column of every table, read with plain SQL (SQLite: the database file's bytes as well).</summary>
    async Task<List<string>> RawText(List<string> secrets)
    {
        return await data.Db(async db =>
        {
            var found = new List<string>();
            var conn = db.Database.GetDbConnection();
            await conn.OpenAsync();
            var columns = new List<(string Table, string Column)>();
            await using (var cmd = conn.CreateCommand())
            {
                cmd.CommandText = app.Provider == DatabaseProvider.Postgres
                    ? "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' AND data_type IN ('text', 'character varying')"
                    : "SELECT m.name, p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table' AND p.type LIKE '%TEXT%'";
                await using var r = await cmd.ExecuteReaderAsync();
                while (await r.ReadAsync()) columns.Add((r.GetString(0), r.GetString(1)));
            }
            Assert.Contains(columns, c => c.Table == "support_cases" && c.Column == "Name");
            foreach (var (table, column) in columns)
            {
                await using var cmd = conn.CreateCommand();
                cmd.CommandText = $"SELECT \"{column}\" FROM \"{table}\" WHERE \"{column}\" IS NOT NULL";
                await using var r = await cmd.ExecuteReaderAsync();
                while (await r.ReadAsync())
                {
                    var v = r.GetValue(0).ToString() ?? "";
                    foreach (var s in secrets) if (v.Contains(s)) found.Add($"{table}.{column}: {s}");
                }
            }
            if (app.Provider == DatabaseProvider.Sqlite && conn.DataSource is { Length: > 0 } file)
                foreach (var path in new[] { file, file + "-wal" }.Where(File.Exists))
                {
                    byte[] bytes;
                    using (var fs = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite)) { bytes = new byte[fs.Length]; fs.ReadExactly(bytes); }
                    foreach (var s in secrets)
                        if (bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(s)) >= 0) found.Add($"{Path.GetFileName(path)}: {s}");
                }
            return found;
        });
    }
}

public sealed record WithIdView(int Id);

[Collection(SqliteCollection.Name)]
public sealed class SupportCaseTestsOnSqlite(SqliteApp app) : SupportCaseTests(app);

[Collection(PostgresCollection.Name)]
public sealed class SupportCaseTestsOnPostgres(PostgresApp app) : SupportCaseTests(app);
