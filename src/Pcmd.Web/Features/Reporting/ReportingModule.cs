using Pcmd.Web.Features.Demo;

namespace Pcmd.Web.Features.Reporting;

public static class ReportingModule
{
    public static void AddReporting(IServiceCollection services)
    {
        services.AddScoped<ReportingUnits>();
        services.AddScoped<ReportPeriodService>();
        services.AddScoped<ReportFigures>();
        services.AddScoped<ReportFormService>();
        services.AddScoped<ReportDraftService>();
        services.AddScoped<ReportWorkflow>();
        services.AddScoped<ReportAttachments>();
        services.AddScoped<ConsolidationService>();
        services.AddScoped<ReportDocumentQuery>();
        services.AddScoped<ReportDocuments>();
        services.AddScoped<IDemoStep, ReportingDemoStep>();
        services.AddSingleton<ReportReminders>();
        services.AddHostedService(sp => sp.GetRequiredService<ReportReminders>());
    }
}
