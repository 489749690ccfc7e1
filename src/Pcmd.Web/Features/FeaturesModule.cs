using Pcmd.Web.Features.Agencies;
using Pcmd.Web.Features.Audit;
using Pcmd.Web.Features.Demo;
using Pcmd.Web.Features.OrgUnits;
using Pcmd.Web.Features.Plans;
using Pcmd.Web.Features.Plans.Files;
using Pcmd.Web.Features.Users;
using Pcmd.Web.Security;

namespace Pcmd.Web.Features;

public static class FeaturesModule
{
    public static IServiceCollection AddPcmdFeatures(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<OrgUnitTree>();
        services.AddScoped<CurrentScope>();
        services.AddScoped<OrgUnitService>();
        services.AddScoped<AddressPackageImporter>();
        services.AddScoped<AgencyService>();
        services.AddScoped<AgencyCatalogue>();
        services.AddScoped<PlanFileReader>();
        services.AddScoped<PlanFileWriter>();
        services.AddScoped<PlanService>();
        services.AddScoped<PlanPartsService>();
        services.AddScoped<MyTasks>();
        services.AddScoped<AuditQuery>();
        services.AddScoped<UserService>();
        services.AddScoped<Data.DemoData>();
        services.AddScoped<IDemoStep, OrgUnitsDemoStep>();
        services.AddScoped<IDemoStep, AgenciesDemoStep>();
        services.AddScoped<IDemoStep, PlansDemoStep>();
        services.AddScoped<IDemoStep, UsersDemoStep>();
        services.AddScoped<Reference.ReferenceData>();
        Establishments.EstablishmentsModule.AddEstablishments(services);
        Indicators.IndicatorsModule.AddIndicators(services);
        services.AddScoped<Hotspots.HotspotService>();
        services.AddScoped<Establishments.IEstablishmentReferences, Hotspots.HotspotEstablishmentReferences>();
        services.AddScoped<Map.MapService>();
        services.AddScoped<IDemoStep, Hotspots.HotspotDemoStep>();
        Inspections.InspectionsModule.AddInspections(services);
        services.AddScoped<Synthetic.SyntheticData>();
        services.AddScoped<IDemoStep, Synthetic.SyntheticDemoStep>();
        Notifications.NotificationsModule.AddNotifications(services);
        Reporting.ReportingModule.AddReporting(services);
        return services;
    }

    public static WebApplication MapPcmdApis(this WebApplication app)
    {
        app.MapAuth();
        app.MapOrgUnitsApi();
        app.MapAgenciesApi();
        app.MapPlansApi();
        app.MapPlanPartsApi();
        app.MapAuditApi();
        app.MapUsersApi();
        Establishments.EstablishmentsApi.MapEstablishmentsApi(app);
        Indicators.IndicatorsApi.MapIndicatorsApi(app);
        Hotspots.HotspotsApi.MapHotspotsApi(app);
        Map.MapApi.MapMapApi(app);
        Inspections.InspectionsModule.MapInspectionsApi(app);
        Notifications.NotificationsModule.MapNotificationsApi(app);
        Reporting.ReportingApi.MapReportingApi(app);
        return app;
    }
}
