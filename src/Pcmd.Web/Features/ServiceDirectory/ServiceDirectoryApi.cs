using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Pcmd.Web.Security;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.ServiceDirectory;

public static class ServiceDirectoryApi
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("", ListSupportServices).WithName(nameof(ListSupportServices))
            .WithSummary("Tìm nơi cung cấp dịch vụ hỗ trợ theo xã, phường, loại dịch vụ, tên").ProducesInvalid();
        api.MapGet("/{id:int}", GetSupportService).WithName(nameof(GetSupportService)).WithSummary("Một nơi cung cấp dịch vụ hỗ trợ").ProducesNotFound();
        api.MapPost("", CreateSupportService).WithName(nameof(CreateSupportService)).WithSummary("Thêm nơi cung cấp dịch vụ hỗ trợ").ProducesInvalid();
        api.MapPut("/{id:int}", UpdateSupportService).WithName(nameof(UpdateSupportService))
            .WithSummary("Sửa hoặc ngừng một nơi cung cấp dịch vụ hỗ trợ").ProducesWriteProblems();
    }

    public static async Task<Ok<SupportServicePage>> ListSupportServices(int? unit, string? kind, string? search, bool? includeInactive,
        int? page, int? pageSize, SupportServiceDirectory directory, CancellationToken ct) =>
        TypedResults.Ok(await directory.Search(ParseFilter(unit, kind, search, includeInactive ?? false, page, pageSize), ct));

    public static async Task<Ok<SupportServiceView>> GetSupportService(int id, SupportServiceDirectory directory, CancellationToken ct) =>
        TypedResults.Ok(await directory.Get(id, ct));

    public static async Task<Created<SupportServiceSaved>> CreateSupportService([FromBody] SupportServiceInput input, UserScope scope,
        SupportServiceDirectory directory, CancellationToken ct)
    {
        var s = await directory.Create(scope, input, ct);
        return TypedResults.Created($"/api/v1/support-services/{s.Id}", new SupportServiceSaved(s.Id, s.Version));
    }

    public static async Task<Ok<SupportServiceSaved>> UpdateSupportService(int id, [FromBody] SupportServiceInput input, UserScope scope,
        SupportServiceDirectory directory, CancellationToken ct)
    {
        var s = await directory.Update(scope, id, input, ct);
        return TypedResults.Ok(new SupportServiceSaved(s.Id, s.Version));
    }

    /// <summary>The kind as the JSON spells it ("legalAid"), any case; an unknown value is a Vietnamese 400. Public callers
    /// (the portal) use it too.</summary>
    public static SupportServiceFilter ParseFilter(int? unit, string? kind, string? search, bool includeInactive, int? page, int? pageSize)
    {
        var errors = new ErrorList();
        var k = QueryValues.Enum<SupportServiceKind>(kind, "kind", "Loại dịch vụ không hợp lệ.", errors);
        if (search?.Length > 100) errors.Add("search", "Từ khóa tìm kiếm tối đa 100 ký tự.");
        errors.ThrowIfAny();
        return new SupportServiceFilter(unit, k, search, includeInactive, page ?? 1, pageSize ?? 50);
    }
}
