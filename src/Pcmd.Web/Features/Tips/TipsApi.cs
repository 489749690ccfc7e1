using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Pcmd.Web.Features.Hotspots;
using Pcmd.Web.Security;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.Tips;

/// <summary>Tips for staff: intake from other channels, the workflow, extensions, due lists, the audited read of the source.</summary>
public static class TipsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("", ListTips).WithName(nameof(ListTips)).WithSummary("Tìm tin báo trong phạm vi (không kèm người cung cấp tin)").ProducesInvalid();
        api.MapGet("/due", ListTipsDue).WithName(nameof(ListTipsDue)).WithSummary("Tin sắp đến hạn và quá hạn của một đơn vị").ProducesNotFound();
        api.MapGet("/deadline-rules", ListTipDeadlineRules).WithName(nameof(ListTipDeadlineRules)).WithSummary("Thời hạn từng bước theo loại tin và căn cứ pháp lý");
        api.MapGet("/{id:int}", GetTip).WithName(nameof(GetTip)).WithSummary("Một tin báo và các bước xử lý").ProducesNotFound();
        api.MapGet("/{id:int}/source", GetTipSource).WithName(nameof(GetTipSource))
            .WithSummary("Người cung cấp tin (chỉ cán bộ tiếp nhận; mỗi lần xem được ghi lại)").ProducesNotFound();
        api.MapPost("", CreateTip).WithName(nameof(CreateTip)).WithSummary("Ghi nhận tin báo từ kênh khác (đường dây nóng, hòm thư, thư, trực tiếp, cơ quan, báo chí)").ProducesInvalid();
        api.MapPost("/{id:int}/steps", AddTipStep).WithName(nameof(AddTipStep)).WithSummary("Chuyển tin sang bước xử lý tiếp theo").ProducesWriteProblems();
        api.MapPost("/{id:int}/extensions", ExtendTipDeadline).WithName(nameof(ExtendTipDeadline)).WithSummary("Gia hạn bước tiếp theo, có lý do").ProducesWriteProblems();
    }

    public static async Task<Ok<TipPage>> ListTips(int? unit, string? state, string? channel, string? kind, bool? overdue, string? search,
        int? page, int? pageSize, UserScope scope, TipService svc, CancellationToken ct)
    {
        var errors = new ErrorList();
        var s = HotspotsApi.Parse<TipState>(state, "state", "Bước xử lý không hợp lệ.", errors);
        var c = HotspotsApi.Parse<TipChannel>(channel, "channel", "Kênh tiếp nhận không hợp lệ.", errors);
        var k = HotspotsApi.Parse<TipKind>(kind, "kind", "Loại tin không hợp lệ.", errors);
        errors.ThrowIfAny();
        return TypedResults.Ok(await svc.List(scope, new TipFilter(unit, s, c, k, overdue, search, page ?? 1, pageSize ?? 50), ct));
    }

    public static async Task<Ok<TipDueLists>> ListTipsDue(int? unit, UserScope scope, TipService svc, CancellationToken ct) =>
        TypedResults.Ok(await svc.Due(scope, unit, ct));

    public static Ok<IReadOnlyList<DeadlineRule>> ListTipDeadlineRules() => TypedResults.Ok(TipDeadlines.Rules);

    public static async Task<Ok<TipDetail>> GetTip(int id, UserScope scope, TipService svc, CancellationToken ct) =>
        TypedResults.Ok(await svc.Get(scope, id, ct));

    public static async Task<Ok<TipSource>> GetTipSource(int id, UserScope scope, TipService svc, CancellationToken ct) =>
        TypedResults.Ok(await svc.ReadSource(scope, id, ct));

    public static async Task<Created<TipSaved>> CreateTip([FromBody] TipInput input, UserScope scope, TipService svc, CancellationToken ct)
    {
        var t = await svc.Create(scope, input, ct);
        return TypedResults.Created($"/api/v1/tips/{t.Id}", Saved(t));
    }

    public static async Task<Ok<TipSaved>> AddTipStep(int id, [FromBody] TipStepInput input, UserScope scope, TipService svc, CancellationToken ct) =>
        TypedResults.Ok(Saved(await svc.Step(scope, id, input, ct)));

    public static async Task<Ok<TipSaved>> ExtendTipDeadline(int id, [FromBody] TipExtensionInput input, UserScope scope, TipService svc, CancellationToken ct) =>
        TypedResults.Ok(Saved(await svc.Extend(scope, id, input, ct)));

    static TipSaved Saved(Tip t) => new(t.Id, t.Code, t.Version, t.State, t.NextDueOn);
}
