using Pcmd.Web.Shared;
using Pcmd.Web.Components.Layout;
using Pcmd.Web.Features.Demo;

namespace Pcmd.Web.Features.Reporting;

public static class ReportingModule
{
    public static IServiceCollection AddReporting(this IServiceCollection services)
    {
        services.AddNavEntry(new NavEntry(NavGroup.Reports, "Nav.Reports", "/reports", 10, NavEntry.Roles(Users.Roles.Coordinator, Users.Roles.AgencyReporter, Users.Roles.CommuneOfficer, Users.Roles.Leader), "/report-periods", @"/plans/\d+/reports"));
        services.AddScoped<ReportingUnits>();
        services.AddScoped<ReportLists>();
        services.AddScoped<Shared.ISearchSource, ReportSearch>();
        services.AddScoped<ReportPeriodService>();
        services.AddScoped<ReportFigures>();
        services.AddScoped<ReportFormService>();
        services.AddScoped<ReportDraftService>();
        services.AddScoped<ReportWorkflow>();
        services.AddScoped<ReportAttachments>();
        services.AddScoped<ConsolidationService>();
        services.AddScoped<ReportDocumentQuery>();
        services.AddScoped<ReportDocuments>();
        services.AddScoped<Documents.PlanDocuments>();
        services.AddScoped<IDemoStep, ReportingDemoStep>();
        services.AddScoped<Plans.IPlanPartGuard, ReportGuards>();
        services.AddSingleton<ReportReminders>();
        services.AddHostedService(sp => sp.GetRequiredService<ReportReminders>());
        return services;
    }

    public static IEndpointRouteBuilder MapReportingApi(this IEndpointRouteBuilder app)
    {
        const string tag = "Báo cáo định kỳ";
        ReportPeriodsApi.MapPlanPeriods(app.MapGroup("/api/v1/plans/{planId:int}").WithTags(tag).RequireAuthorization());
        ReportPeriodsApi.Map(app.MapGroup("/api/v1/report-periods/{id:int}").WithTags(tag).RequireAuthorization());
        ReportsApi.Map(app.MapGroup("/api/v1/reports").WithTags(tag).RequireAuthorization());
        // The plan as an official document is laid out by the same writer as the reports (Nghị định 30/2020), which lives here.
        app.MapGroup("/api/v1/plans").WithTags("Kế hoạch").RequireAuthorization()
            .MapGet("/{id:int}/docx", ReportsApi.GetPlanDocument).WithName(nameof(ReportsApi.GetPlanDocument))
            .WithSummary("Kế hoạch dạng văn bản (.docx, NĐ 30/2020)").Produces(200, contentType: ReportsApi.DocxType).ProducesNotFound();
        return app;
    }
}
