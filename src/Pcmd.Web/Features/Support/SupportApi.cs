using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Pcmd.Web.Security;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.Support;

/// <summary>Support cases under /api/v1/support. The same rules as the pages: a token reads only its own cases, the identifying
/// fields are a separate audited endpoint.</summary>
public static class SupportApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/cases", ListSupportCases).WithName(nameof(ListSupportCases)).WithSummary("Hồ sơ hỗ trợ của tôi (chỉ mã hồ sơ)");
        api.MapPost("/cases", OpenSupportCase).WithName(nameof(OpenSupportCase)).WithSummary("Mở hồ sơ hỗ trợ dưới một mã bí danh").ProducesInvalid();
        api.MapGet("/cases/{id:int}", GetSupportCase).WithName(nameof(GetSupportCase)).WithSummary("Một hồ sơ hỗ trợ (không có thông tin nhận dạng)").ProducesNotFound();
        api.MapPut("/cases/{id:int}", UpdateSupportCase).WithName(nameof(UpdateSupportCase)).WithSummary("Sửa nhóm đối tượng của hồ sơ").ProducesWriteProblems();
        api.MapGet("/cases/{id:int}/identity", GetSupportCaseIdentity).WithName(nameof(GetSupportCaseIdentity))
            .WithSummary("Thông tin nhận dạng của hồ sơ (mỗi lần xem được ghi nhật ký)").ProducesNotFound();
        api.MapPut("/cases/{id:int}/identity", SetSupportCaseIdentity).WithName(nameof(SetSupportCaseIdentity))
            .WithSummary("Ghi thông tin nhận dạng (cần đồng ý được ghi thông tin)").ProducesWriteProblems();
        api.MapPost("/cases/{id:int}/break-glass", BreakGlassSupportCase).WithName(nameof(BreakGlassSupportCase))
            .WithSummary("Xem khẩn cấp thông tin nhận dạng, có lý do, báo người giám sát").ProducesWriteProblems();
        api.MapGet("/cases/{id:int}/access-log", GetSupportCaseAccessLog).WithName(nameof(GetSupportCaseAccessLog))
            .WithSummary("Ai đã xem, sửa hồ sơ, khi nào, xem gì").ProducesNotFound();
        api.MapPost("/cases/{id:int}/assignment", AssignSupportCase).WithName(nameof(AssignSupportCase))
            .WithSummary("Người giám sát phân công lại hồ sơ").ProducesWriteProblems();
        api.MapPost("/cases/{id:int}/consents", AddSupportConsent).WithName(nameof(AddSupportConsent)).WithSummary("Ghi một đồng ý").ProducesWriteProblems();
        api.MapPost("/cases/{id:int}/consents/{consentId:int}/withdraw", WithdrawSupportConsent).WithName(nameof(WithdrawSupportConsent))
            .WithSummary("Ghi việc rút một đồng ý").ProducesWriteProblems();
        api.MapPut("/cases/{id:int}/needs", ScreenSupportNeeds).WithName(nameof(ScreenSupportNeeds)).WithSummary("Ghi kết quả sàng lọc nhu cầu").ProducesWriteProblems();
        api.MapPost("/cases/{id:int}/notes", AddSupportNote).WithName(nameof(AddSupportNote)).WithSummary("Ghi mục tiêu, ghi chú, đánh giá của kế hoạch hỗ trợ").ProducesWriteProblems();
        api.MapPost("/cases/{id:int}/close", CloseSupportCase).WithName(nameof(CloseSupportCase)).WithSummary("Đóng hồ sơ với lý do").ProducesWriteProblems();
        api.MapPost("/cases/{id:int}/contacts", AddSupportCaseContact).WithName(nameof(AddSupportCaseContact))
            .WithSummary("Ghi một lượt tiếp cận của hồ sơ").ProducesWriteProblems();
        api.MapPost("/cases/{id:int}/referrals", ReferSupportCase).WithName(nameof(ReferSupportCase))
            .WithSummary("Chuyển gửi hồ sơ đến một dịch vụ (cần đồng ý, hoặc người giám sát nêu lý do)").ProducesWriteProblems();
        api.MapGet("/cases/{id:int}/referrals", ListSupportCaseReferrals).WithName(nameof(ListSupportCaseReferrals))
            .WithSummary("Các lần chuyển gửi của hồ sơ").ProducesNotFound();
        api.MapPut("/referrals/{id:int}/outcome", RecordReferralOutcome).WithName(nameof(RecordReferralOutcome))
            .WithSummary("Ghi kết quả nơi cung cấp dịch vụ báo lại").ProducesWriteProblems();
        api.MapGet("/referrals/overdue", ListOverdueReferrals).WithName(nameof(ListOverdueReferrals)).WithSummary("Chuyển gửi quá hạn theo dõi");
        api.MapGet("/contacts", ListOutreachContacts).WithName(nameof(ListOutreachContacts)).WithSummary("Lượt tiếp cận trong địa bàn (không gắn hồ sơ)").ProducesInvalid();
        api.MapPost("/contacts", AddOutreachContact).WithName(nameof(AddOutreachContact)).WithSummary("Ghi lượt tiếp cận ẩn danh").ProducesInvalid();
        api.MapGet("/statistics", GetSupportStatistics).WithName(nameof(GetSupportStatistics))
            .WithSummary("Thống kê không định danh theo đơn vị, đã che ô nhỏ").ProducesInvalid();
        api.MapGet("/need-kinds", ListNeedKinds).WithName(nameof(ListNeedKinds)).WithSummary("Danh mục nhu cầu sàng lọc");
        api.MapPost("/need-kinds", CreateNeedKind).WithName(nameof(CreateNeedKind)).WithSummary("Thêm loại nhu cầu (quản trị)").ProducesInvalid();
        api.MapPut("/need-kinds/{id:int}", UpdateNeedKind).WithName(nameof(UpdateNeedKind)).WithSummary("Sửa loại nhu cầu (quản trị)").ProducesWriteProblems();
    }

    public static async Task<Ok<List<CaseSummary>>> ListSupportCases(bool? closed, UserScope scope, SupportService svc, CancellationToken ct) =>
        TypedResults.Ok(await svc.Caseload(scope, closed ?? false, ct));

    public static async Task<Created<CaseSaved>> OpenSupportCase([FromBody] OpenCaseInput input, UserScope scope, SupportService svc, CancellationToken ct)
    {
        var c = await svc.Open(scope, input, ct);
        return TypedResults.Created($"/api/v1/support/cases/{c.Id}", Saved(c));
    }

    public static async Task<Ok<CaseDetail>> GetSupportCase(int id, UserScope scope, SupportService svc, CancellationToken ct) =>
        TypedResults.Ok(await svc.Get(scope, id, ct));

    public static async Task<Ok<CaseSaved>> UpdateSupportCase(int id, [FromBody] CaseInput input, UserScope scope, SupportService svc, CancellationToken ct) =>
        TypedResults.Ok(Saved(await svc.Update(scope, id, input, ct)));

    public static async Task<Ok<CaseIdentity>> GetSupportCaseIdentity(int id, UserScope scope, SupportService svc, CancellationToken ct) =>
        TypedResults.Ok(await svc.Identity(scope, id, ct));

    public static async Task<Ok<CaseSaved>> SetSupportCaseIdentity(int id, [FromBody] IdentityInput input, UserScope scope, SupportService svc,
        CancellationToken ct) => TypedResults.Ok(Saved(await svc.SetIdentity(scope, id, input, ct)));

    public static async Task<Ok<CaseIdentity>> BreakGlassSupportCase(int id, [FromBody] BreakGlassInput input, UserScope scope, SupportService svc,
        CancellationToken ct) => TypedResults.Ok(await svc.BreakGlass(scope, id, input, ct));

    public static async Task<Ok<List<AccessLogEntry>>> GetSupportCaseAccessLog(int id, UserScope scope, SupportService svc, CancellationToken ct) =>
        TypedResults.Ok(await svc.AccessLog(scope, id, ct));

    public static async Task<Ok<CaseSaved>> AssignSupportCase(int id, [FromBody] AssignInput input, UserScope scope, SupportService svc,
        CancellationToken ct) => TypedResults.Ok(Saved(await svc.Assign(scope, id, input, ct)));

    public static async Task<Ok<CaseSaved>> AddSupportConsent(int id, [FromBody] ConsentInput input, UserScope scope, SupportService svc,
        CancellationToken ct) => TypedResults.Ok(Saved(await svc.AddConsent(scope, id, input, ct)));

    public static async Task<Ok<CaseSaved>> WithdrawSupportConsent(int id, int consentId, [FromBody] WithdrawInput input, UserScope scope,
        SupportService svc, CancellationToken ct) => TypedResults.Ok(Saved(await svc.WithdrawConsent(scope, id, consentId, input, ct)));

    public static async Task<Ok<CaseSaved>> ScreenSupportNeeds(int id, [FromBody] ScreeningInput input, UserScope scope, SupportService svc,
        CancellationToken ct) => TypedResults.Ok(Saved(await svc.Screen(scope, id, input, ct)));

    public static async Task<Ok<CaseSaved>> AddSupportNote(int id, [FromBody] NoteInput input, UserScope scope, SupportService svc,
        CancellationToken ct) => TypedResults.Ok(Saved(await svc.AddNote(scope, id, input, ct)));

    public static async Task<Ok<CaseSaved>> CloseSupportCase(int id, [FromBody] CloseInput input, UserScope scope, SupportService svc,
        CancellationToken ct) => TypedResults.Ok(Saved(await svc.Close(scope, id, input, ct)));

    public static async Task<Created<WithId>> AddSupportCaseContact(int id, [FromBody] ContactInput input, UserScope scope, OutreachService svc,
        CancellationToken ct)
    {
        var c = await svc.AddForCase(scope, id, input, ct);
        return TypedResults.Created($"/api/v1/support/cases/{id}", new WithId(c.Id));
    }

    public static async Task<Created<WithId>> ReferSupportCase(int id, [FromBody] ReferralInput input, UserScope scope, ReferralService svc,
        CancellationToken ct)
    {
        var r = await svc.Refer(scope, id, input, ct);
        return TypedResults.Created($"/api/v1/support/cases/{id}/referrals", new WithId(r.Id));
    }

    public static async Task<Ok<List<ReferralDto>>> ListSupportCaseReferrals(int id, UserScope scope, ReferralService svc, CancellationToken ct) =>
        TypedResults.Ok(await svc.OfCase(scope, id, ct));

    public static async Task<Ok<WithId>> RecordReferralOutcome(int id, [FromBody] OutcomeInput input, UserScope scope, ReferralService svc,
        CancellationToken ct) => TypedResults.Ok(new WithId((await svc.RecordOutcome(scope, id, input, ct)).Id));

    public static async Task<Ok<List<ReferralDto>>> ListOverdueReferrals(UserScope scope, ReferralService svc, CancellationToken ct) =>
        TypedResults.Ok(await svc.Overdue(scope, ct));

    public static async Task<Ok<List<ContactDto>>> ListOutreachContacts(DateQuery? from, DateQuery? to, UserScope scope, OutreachService svc,
        CancellationToken ct) => TypedResults.Ok(await svc.List(scope, from.Day(), to.Day(), ct));

    public static async Task<Created<WithId>> AddOutreachContact([FromBody] ContactInput input, UserScope scope, OutreachService svc, CancellationToken ct)
    {
        var c = await svc.AddAnonymous(scope, input, ct);
        return TypedResults.Created($"/api/v1/support/contacts", new WithId(c.Id));
    }

    public static async Task<Ok<SupportStatisticsTable>> GetSupportStatistics(string? by, DateQuery? from, DateQuery? to, UserScope scope,
        SupportStatistics svc, CancellationToken ct)
    {
        var errors = new ErrorList();
        var dimension = Hotspots.HotspotsApi.Parse<StatisticsBy>(by, "by", "Cách thống kê: targetGroup, need, service, outcome.", errors) ?? StatisticsBy.TargetGroup;
        errors.ThrowIfAny();
        return TypedResults.Ok(await svc.Table(scope, dimension, from.Day(), to.Day(), ct));
    }

    public static async Task<Ok<List<NeedKindDto>>> ListNeedKinds(bool? all, NeedKindService svc, CancellationToken ct) =>
        TypedResults.Ok(await svc.List(all != true, ct));

    public static async Task<Created<WithId>> CreateNeedKind([FromBody] NeedKindInput input, UserScope scope, NeedKindService svc, CancellationToken ct)
    {
        var k = await svc.Create(scope, input, ct);
        return TypedResults.Created($"/api/v1/support/need-kinds/{k.Id}", new WithId(k.Id));
    }

    public static async Task<Ok<WithId>> UpdateNeedKind(int id, [FromBody] NeedKindInput input, UserScope scope, NeedKindService svc, CancellationToken ct) =>
        TypedResults.Ok(new WithId((await svc.Update(scope, id, input, ct)).Id));

    static CaseSaved Saved(SupportCase c) => new(c.Id, c.Code, c.Version);
}

public sealed record WithId(int Id);
