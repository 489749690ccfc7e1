using Pcmd.Web.Features.Demo;
using Pcmd.Web.Features.Plans;

namespace Pcmd.Web.Features.Budget;

public static class BudgetModule
{
    public static IServiceCollection AddBudget(this IServiceCollection services) => services
        .AddScoped<BudgetService>()
        .AddScoped<IPlanBudget, BudgetPlanFile>()
        .AddScoped<IDemoStep, BudgetDemoStep>()
        .AddSingleton(new PlanPageSection("kinh-phi", "Budget.Title", typeof(Pages.BudgetSection)))
        .AddSingleton(new Reporting.ReportPageSection(typeof(Pages.BudgetReportSection), 10))
        .AddScoped<Reporting.IReportDocumentParts, BudgetDocumentPart>();

    public static IEndpointRouteBuilder MapBudgetApi(this IEndpointRouteBuilder app)
    {
        BudgetApi.Map(app.MapGroup("/api/v1").WithTags("Kinh phí").RequireAuthorization());
        return app;
    }
}
