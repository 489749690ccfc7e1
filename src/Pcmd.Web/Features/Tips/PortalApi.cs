using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Pcmd.Web.Security;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.Tips;

/// <summary>The public side, without sign-in or cookies, limited per client (<see cref="PortalGuard"/>): guidance, the
/// communes to choose from, a report, its status with code and secret, an answer to staff's question. Plus the
/// administrator's edit of the guidance (signed in).</summary>
public static class PortalApi
{
    public static void MapPublic(RouteGroupBuilder api)
    {
        api.MapGet("/guidance", GetPortalGuidance).WithName(nameof(GetPortalGuidance)).WithSummary("Hướng dẫn trên cổng công khai");
        api.MapGet("/communes", ListPortalCommunes).WithName(nameof(ListPortalCommunes)).WithSummary("Các xã, phường hiện nay để chọn nơi xảy ra vụ việc");
        api.MapPost("/tips", SubmitPublicTip).WithName(nameof(SubmitPublicTip))
            .WithSummary("Gửi tin báo không cần đăng nhập; trả mã theo dõi và mật mã (chỉ hiện một lần)").ProducesInvalid()
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        api.MapPost("/tips/status", GetPublicTipStatus).WithName(nameof(GetPublicTipStatus))
            .WithSummary("Tình trạng tin báo theo mã theo dõi và mật mã").ProducesNotFound().ProducesProblem(StatusCodes.Status429TooManyRequests);
        api.MapPost("/tips/replies", ReplyToPublicTip).WithName(nameof(ReplyToPublicTip))
            .WithSummary("Người báo tin trả lời câu hỏi của cán bộ").ProducesInvalid().ProducesNotFound().ProducesProblem(StatusCodes.Status429TooManyRequests);
    }

    public static void MapAdmin(RouteGroupBuilder api)
    {
        api.MapPut("/guidance", SetPortalGuidance).WithName(nameof(SetPortalGuidance)).WithSummary("Sửa hướng dẫn trên cổng công khai (quản trị)").ProducesWriteProblems();
    }

    public static async Task<Ok<PortalGuidanceDto>> GetPortalGuidance(PortalService svc, CancellationToken ct) => TypedResults.Ok(await svc.Guidance(ct));

    public static async Task<Ok<List<CommuneChoice>>> ListPortalCommunes(int? province, PortalService svc) => TypedResults.Ok(await svc.Communes(province));

    public static async Task<Results<Created<PortalReceipt>, Ok<PortalReceipt>, ProblemHttpResult>> SubmitPublicTip([FromBody] PortalReportInput input,
        HttpContext ctx, PortalGuard guard, PortalService svc, CancellationToken ct)
    {
        // Only reports that would be accepted count: a refused one stores nothing and costs the limit nothing.
        return Answer(await svc.Submit(input, ct, () => guard.TryReport(ctx)));
    }

    /// <summary>201 with the receipt; 200 when the same submission token came again (the first report's code, no secret); 429.</summary>
    internal static Results<Created<PortalReceipt>, Ok<PortalReceipt>, ProblemHttpResult> Answer(PortalReceipt? receipt) => receipt switch
    {
        null => TypedResults.Problem(PortalGuard.TooMany()),
        { AlreadyReceived: true } => TypedResults.Ok(receipt),
        _ => TypedResults.Created("/api/v1/public/tips/status", receipt),
    };

    public static async Task<Results<Ok<PortalStatus>, ProblemHttpResult>> GetPublicTipStatus([FromBody] PortalLookup lookup, HttpContext ctx,
        PortalGuard guard, PortalService svc, CancellationToken ct)
    {
        if (!await guard.TryLookup(ctx, ct)) return TypedResults.Problem(PortalGuard.TooMany());
        var status = await svc.Status(lookup, ct);
        if (status is null) { await guard.Failed(ctx, ct); throw new NotFoundException(PortalService.NotFoundText); }
        return TypedResults.Ok(status);
    }

    public static async Task<Results<Ok<PortalStatus>, ProblemHttpResult>> ReplyToPublicTip([FromBody] PortalReplyInput input, HttpContext ctx,
        PortalGuard guard, PortalService svc, CancellationToken ct)
    {
        if (!await guard.TryLookup(ctx, ct)) return TypedResults.Problem(PortalGuard.TooMany());
        var status = await svc.Reply(input, ct);
        if (status is null) { await guard.Failed(ctx, ct); throw new NotFoundException(PortalService.NotFoundText); }
        return TypedResults.Ok(status);
    }

    public static async Task<Ok<PortalGuidanceDto>> SetPortalGuidance([FromBody] PortalGuidanceInput input, UserScope scope, PortalService svc,
        CancellationToken ct) => TypedResults.Ok(await svc.SetGuidance(scope, input, ct));
}
