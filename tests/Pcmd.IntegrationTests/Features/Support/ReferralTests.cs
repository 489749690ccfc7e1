using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pcmd.IntegrationTests.Infrastructure;
using Pcmd.Web.Features.Audit;
using static Pcmd.IntegrationTests.Features.Support.SupportTestData;

namespace Pcmd.IntegrationTests.Features.Support;

public sealed record ReferralView(int Id, string CaseCode, string NeedName, string ServiceName, bool Overridden, string Outcome, string? FollowUpOn);

/// <summary>Referrals to the service directory (issue 12, item 4): refused without consent for that sharing (409, explained) unless
/// the supervisor overrides with a reason (kept and audited); outcomes; overdue follow-ups; a withdrawn consent cannot be used.</summary>
public abstract class ReferralTests(PcmdApp app)
{
    readonly SupportTestData data = new(app);

    async Task<(int CaseId, int Version, int NeedId, int ServiceId)> CaseWithNeed(HttpClient worker)
    {
        var saved = await data.Open(worker, openedOn: "2026-02-01");
        var need = (await data.NeedKinds(worker)).Single(k => k.Code == "legal");
        var res = await (await worker.PutRaw($"/api/v1/support/cases/{saved.Id}/needs", new JsonObject
        {
            ["screenedOn"] = "2026-02-02", ["needs"] = new JsonArray(new JsonObject { ["needKindId"] = need.Id, ["eligible"] = true }), ["version"] = saved.Version,
        }.ToJsonString())).Json<CaseSavedView>(HttpStatusCode.OK);
        var service = await data.Db(db => db.SupportServices.Where(s => s.Active).OrderBy(s => s.Id).Select(s => s.Id).FirstAsync());
        return (saved.Id, res.Version, need.Id, service);
    }

    static string Refer(int need, int service, int version, string on = "2026-02-03", string? reason = null, string? followUp = null) => new JsonObject
    {
        ["needKindId"] = need, ["serviceId"] = service, ["referredOn"] = on, ["overrideReason"] = reason, ["followUpOn"] = followUp, ["version"] = version,
    }.ToJsonString();

    [Fact]
    public async Task Without_consent_a_referral_is_refused_unless_the_supervisor_overrides_with_a_reason()
    {
        var worker = await data.SignIn(Worker);
        var (id, version, need, service) = await CaseWithNeed(worker);
        var refused = await (await worker.PostRaw($"/api/v1/support/cases/{id}/referrals", Refer(need, service, version))).Json<Problem>(HttpStatusCode.Conflict);
        Assert.Contains("chưa đồng ý", refused.Detail);
        // The worker cannot override; the supervisor can, with a reason.
        Assert.Equal(HttpStatusCode.Forbidden,
            (await worker.PostRaw($"/api/v1/support/cases/{id}/referrals", Refer(need, service, version, reason: "Khẩn cấp vì bị bạo lực"))).StatusCode);
        var supervisor = await data.SignIn(Supervisor);
        var reason = "Bị bạo lực, cần bảo vệ ngay trong đêm";
        await (await supervisor.PostRaw($"/api/v1/support/cases/{id}/referrals", Refer(need, service, version, reason: reason))).Json<WithIdView>(HttpStatusCode.Created);
        var list = await worker.GetJson<List<ReferralView>>($"/api/v1/support/cases/{id}/referrals");
        Assert.True(list.Single().Overridden);
        var log = await supervisor.GetJson<List<AccessView>>($"/api/v1/support/cases/{id}/access-log");
        Assert.Contains(log, e => e.What == "override" && e.UserName == Supervisor && e.Reason == reason);
    }

    [Fact]
    public async Task With_consent_a_referral_goes_through_its_outcome_is_recorded_and_a_withdrawn_consent_stops_the_next()
    {
        var worker = await data.SignIn(Worker);
        var (id, version, need, service) = await CaseWithNeed(worker);
        version = (await (await worker.PostRaw($"/api/v1/support/cases/{id}/consents",
            new JsonObject { ["kind"] = "shareWithProvider", ["providerId"] = service, ["givenOn"] = "2026-02-02", ["method"] = "written", ["version"] = version }.ToJsonString()))
            .Json<CaseSavedView>(HttpStatusCode.OK)).Version;
        var referral = await (await worker.PostRaw($"/api/v1/support/cases/{id}/referrals", Refer(need, service, version, followUp: "2026-02-10")))
            .Json<WithIdView>(HttpStatusCode.Created);
        version = (await Get(worker, id)).Version;
        // Overdue: the follow-up day has passed with no final outcome.
        Assert.Contains(await worker.GetJson<List<ReferralView>>("/api/v1/support/referrals/overdue"), r => r.Id == referral.Id);
        Assert.DoesNotContain(await (await data.SignIn("dieuphoi")).GetJson<List<ReferralView>>("/api/v1/support/referrals/overdue"), r => r.Id == referral.Id);

        var early = await (await worker.PutRaw($"/api/v1/support/referrals/{referral.Id}/outcome",
            new JsonObject { ["outcome"] = "serviceGiven", ["on"] = "2026-02-01", ["version"] = version }.ToJsonString())).Json<Problem>(HttpStatusCode.BadRequest);
        Assert.NotEmpty(early.On("on"));
        await (await worker.PutRaw($"/api/v1/support/referrals/{referral.Id}/outcome",
            new JsonObject { ["outcome"] = "serviceGiven", ["on"] = "2026-02-20", ["version"] = version }.ToJsonString())).Json<WithIdView>(HttpStatusCode.OK);
        var row = (await worker.GetJson<List<ReferralView>>($"/api/v1/support/cases/{id}/referrals")).Single();
        Assert.Equal("serviceGiven", row.Outcome);
        Assert.DoesNotContain(await worker.GetJson<List<ReferralView>>("/api/v1/support/referrals/overdue"), r => r.Id == referral.Id);

        // The consent withdrawn: the next referral to that provider is refused.
        var detail = await Get(worker, id);
        var consent = detail.Consents.Single(c => c.Kind == "shareWithProvider");
        version = (await (await worker.PostRaw($"/api/v1/support/cases/{id}/consents/{consent.Id}/withdraw",
            new JsonObject { ["on"] = "2026-03-01", ["version"] = detail.Version }.ToJsonString())).Json<CaseSavedView>(HttpStatusCode.OK)).Version;
        var refused = await (await worker.PostRaw($"/api/v1/support/cases/{id}/referrals", Refer(need, service, version, on: "2026-03-02"))).Json<Problem>(HttpStatusCode.Conflict);
        Assert.Contains("đồng ý", refused.Detail);
        Assert.Single(await worker.GetJson<List<ReferralView>>($"/api/v1/support/cases/{id}/referrals"));
    }

    [Fact]
    public async Task An_unknown_service_or_a_need_not_screened_is_a_Vietnamese_error()
    {
        var worker = await data.SignIn(Worker);
        var (id, version, need, service) = await CaseWithNeed(worker);
        var other = (await data.NeedKinds(worker)).Single(k => k.Code == "housing").Id;
        var bad = await (await worker.PostRaw($"/api/v1/support/cases/{id}/referrals", Refer(other, 999999, version))).Json<Problem>(HttpStatusCode.BadRequest);
        Assert.NotEmpty(bad.On("serviceId"));
        Assert.NotEmpty(bad.On("needKindId"));
        Assert.Equal(0, await data.Db(db => db.Referrals.CountAsync(r => r.CaseId == id)));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ReferralTestsOnSqlite(SqliteApp app) : ReferralTests(app);

[Collection(PostgresCollection.Name)]
public sealed class ReferralTestsOnPostgres(PostgresApp app) : ReferralTests(app);
