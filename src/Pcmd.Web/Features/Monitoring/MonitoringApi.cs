using Pcmd.Web.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Pcmd.Web.Security;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.Monitoring;

/// <summary>The monitoring pages' data (issue 14) for other clients: the home summary, a plan's dashboard, one indicator per
/// unit, and a computation's series. Each is within the user's area: a unit outside it is not found.</summary>
public static class MonitoringApi
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/home", GetMonitoringHome).WithName(nameof(GetMonitoringHome)).WithSummary("Trang chủ theo vai trò: chỉ tiêu, cảnh báo, việc cần làm");
        api.MapGet("/plans/{planId:int}/dashboard", GetPlanDashboard).WithName(nameof(GetPlanDashboard))
            .WithSummary("Bảng theo dõi chỉ tiêu của kế hoạch: kết quả, xu hướng, dự báo, nguồn số liệu").ProducesNotFound();
        api.MapGet("/plans/{planId:int}/dashboard/xlsx", GetPlanDashboardXlsx).WithName(nameof(GetPlanDashboardXlsx))
            .WithSummary("Bảng theo dõi chỉ tiêu của kế hoạch (.xlsx)").Produces(200, contentType: XlsxType).ProducesNotFound();
        api.MapGet("/indicators/{indicatorId:int}/units", GetIndicatorUnits).WithName(nameof(GetIndicatorUnits))
            .WithSummary("Một chỉ tiêu theo từng đơn vị trực thuộc, có dự báo cuối năm").ProducesNotFound();
        api.MapGet("/series", GetSeries).WithName(nameof(GetSeries))
            .WithSummary("Chuỗi số liệu theo tháng, quý hoặc năm của một phép tính trên một địa bàn").ProducesNotFound();
        api.MapGet("/series/xlsx", GetSeriesXlsx).WithName(nameof(GetSeriesXlsx))
            .WithSummary("Chuỗi số liệu (.xlsx)").Produces(200, contentType: XlsxType).ProducesNotFound();
    }

    public static async Task<Ok<HomeSummary>> GetMonitoringHome(UserScope scope, HomeService svc, CancellationToken ct) =>
        TypedResults.Ok(await svc.For(scope, ct));

    public static async Task<Ok<PlanDashboard>> GetPlanDashboard(int planId, int? year, int? unitId, UserScope scope, ReadDb reads,
        CancellationToken ct) => TypedResults.Ok(await reads.Run((DashboardService svc) => svc.ForPlan(scope, planId, year, unitId, ct)));

    public static async Task<FileContentHttpResult> GetPlanDashboardXlsx(int planId, int? year, int? unitId, UserScope scope, DashboardService svc,
        CancellationToken ct)
    {
        var d = await svc.ForPlan(scope, planId, year, unitId, ct);
        return TypedResults.File(MonitoringWorkbooks.Dashboard(d), XlsxType, $"chi-tieu-{d.PlanId}-{d.Year}-{VietnameseText.Slug(d.Unit.Name)}.xlsx");
    }

    public static async Task<Ok<IndicatorDashboard>> GetIndicatorUnits(int indicatorId, int? year, int? unitId, string? sort, UserScope scope,
        ReadDb reads, CancellationToken ct) =>
        TypedResults.Ok(await reads.Run((DashboardService svc) => svc.ForIndicator(scope, indicatorId, year, unitId, sort, ct)));

    public static async Task<Ok<Series>> GetSeries(string? computation, int? unitId, string? by, int? years, UserScope scope, SeriesService svc,
        CancellationToken ct) => TypedResults.Ok(await svc.For(scope, computation, unitId, by, years, ct));

    public static async Task<FileContentHttpResult> GetSeriesXlsx(string? computation, int? unitId, string? by, int? years, UserScope scope,
        SeriesService svc, CancellationToken ct)
    {
        var s = await svc.For(scope, computation, unitId, by, years, ct);
        return TypedResults.File(MonitoringWorkbooks.Series(s), XlsxType, $"xu-huong-{s.Computation}-{VietnameseText.Slug(s.Unit.Name)}.xlsx");
    }
}
