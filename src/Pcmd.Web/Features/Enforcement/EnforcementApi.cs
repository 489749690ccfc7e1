using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Pcmd.Web.Security;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.Enforcement;

public static class EnforcementApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/sanctions", ListAdministrativeSanctions).WithName(nameof(ListAdministrativeSanctions)).WithSummary("Các quyết định xử phạt hành chính trong phạm vi").ProducesNotFound();
        api.MapPost("/sanctions", CreateAdministrativeSanction).WithName(nameof(CreateAdministrativeSanction))
            .WithSummary("Ghi một quyết định xử phạt hành chính (người hoặc cơ sở); nghị định phải còn hiệu lực ngày xử phạt").ProducesInvalid();
        api.MapGet("/criminal-cases", ListCriminalCases).WithName(nameof(ListCriminalCases)).WithSummary("Các vụ án hình sự liên quan mại dâm trong phạm vi").ProducesNotFound();
        api.MapGet("/criminal-cases/{id:int}", GetCriminalCase).WithName(nameof(GetCriminalCase)).WithSummary("Một vụ án và các giai đoạn tố tụng").ProducesNotFound();
        api.MapPost("/criminal-cases", CreateCriminalCase).WithName(nameof(CreateCriminalCase)).WithSummary("Ghi một vụ án hình sự").ProducesInvalid();
        api.MapPut("/criminal-cases/{id:int}", UpdateCriminalCase).WithName(nameof(UpdateCriminalCase)).WithSummary("Cập nhật giai đoạn tố tụng của vụ án").ProducesWriteProblems();
    }

    public static async Task<Ok<EnforcementPage<SanctionRecordView>>> ListAdministrativeSanctions(int? unit, int? page, int? pageSize, UserScope scope,
        EnforcementService svc, CancellationToken ct) => TypedResults.Ok(await svc.Sanctions(scope, unit, page ?? 1, pageSize ?? 50, ct));

    public static async Task<Created<EnforcementSaved>> CreateAdministrativeSanction([FromBody] SanctionRecordInput input, UserScope scope,
        EnforcementService svc, CancellationToken ct)
    {
        var s = await svc.CreateSanction(scope, input, ct);
        return TypedResults.Created($"/api/v1/enforcement/sanctions/{s.Id}", new EnforcementSaved(s.Id, s.Version));
    }

    public static async Task<Ok<EnforcementPage<CriminalCaseView>>> ListCriminalCases(int? unit, int? page, int? pageSize, UserScope scope,
        EnforcementService svc, CancellationToken ct) => TypedResults.Ok(await svc.Cases(scope, unit, page ?? 1, pageSize ?? 50, ct));

    public static async Task<Ok<CriminalCaseView>> GetCriminalCase(int id, UserScope scope, EnforcementService svc, CancellationToken ct) =>
        TypedResults.Ok(await svc.Case(scope, id, ct));

    public static async Task<Created<EnforcementSaved>> CreateCriminalCase([FromBody] CriminalCaseInput input, UserScope scope, EnforcementService svc,
        CancellationToken ct)
    {
        var c = await svc.SaveCase(scope, null, input, ct);
        return TypedResults.Created($"/api/v1/enforcement/criminal-cases/{c.Id}", new EnforcementSaved(c.Id, c.Version));
    }

    public static async Task<Ok<EnforcementSaved>> UpdateCriminalCase(int id, [FromBody] CriminalCaseInput input, UserScope scope, EnforcementService svc,
        CancellationToken ct)
    {
        var c = await svc.SaveCase(scope, id, input, ct);
        return TypedResults.Ok(new EnforcementSaved(c.Id, c.Version));
    }
}
