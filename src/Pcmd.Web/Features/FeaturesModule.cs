using Pcmd.Web.Features.WorkCalendar;
using Pcmd.Web.Features.Agencies;
using Pcmd.Web.Features.Audit;
using Pcmd.Web.Features.Communication;
using Pcmd.Web.Features.Demo;
using Pcmd.Web.Features.Establishments;
using Pcmd.Web.Features.Hotspots;
using Pcmd.Web.Features.Indicators;
using Pcmd.Web.Features.Inspections;
using Pcmd.Web.Features.Map;
using Pcmd.Web.Features.Monitoring;
using Pcmd.Web.Features.Notifications;
using Pcmd.Web.Features.OrgUnits;
using Pcmd.Web.Features.Plans;
using Pcmd.Web.Features.Reference;
using Pcmd.Web.Features.Reporting;
using Pcmd.Web.Features.Search;
using Pcmd.Web.Features.Support;
using Pcmd.Web.Features.ServiceDirectory;
using Pcmd.Web.Features.Synthetic;
using Pcmd.Web.Features.Training;
using Pcmd.Web.Features.UnitDocuments;
using Pcmd.Web.Features.CommuneModel;
using Pcmd.Web.Features.Budget;
using Pcmd.Web.Features.Commendations;
using Pcmd.Web.Features.Tips;
using Pcmd.Web.Features.Enforcement;
using Pcmd.Web.Features.Users;

namespace Pcmd.Web.Features;

/// <summary>Every feature, each through its own module (Features/&lt;Feature&gt;/&lt;Feature&gt;Module.cs). Targets is pure
/// rules and registers nothing.</summary>
public static class FeaturesModule
{
    public static IServiceCollection AddPcmdFeatures(this IServiceCollection services) => services
        .AddOrgUnits()
        .AddAgencies()
        .AddPlans()
        .AddReference()
        .AddEstablishments()
        .AddInspections()
        .AddHotspots()
        .AddCommunication()
        .AddTraining()
        .AddUnitDocuments()
        .AddCommuneModel()
        .AddBudget()
        .AddCommendations()
        .AddSupport()
        .AddTips()
        .AddEnforcement()
        .AddMap()
        .AddServiceDirectory()
        .AddWorkCalendar()
        .AddIndicators()
        .AddNotifications()
        .AddReporting()
        .AddMonitoring()
        .AddUsers()
        .AddAudit()
        .AddSiteSearch()
        .AddSynthetic()
        .AddDemo();

    public static IEndpointRouteBuilder MapPcmdApis(this IEndpointRouteBuilder app) => app
        .MapUsersApi()
        .MapOrgUnitsApi()
        .MapAgenciesApi()
        .MapPlansApi()
        .MapEstablishmentsApi()
        .MapInspectionsApi()
        .MapHotspotsApi()
        .MapCommunicationApi()
        .MapTrainingApi()
        .MapUnitDocumentsApi()
        .MapCommuneModelApi()
        .MapBudgetApi()
        .MapCommendationsApi()
        .MapSupportApi()
        .MapTipsApi()
        .MapEnforcementApi()
        .MapMapApi()
        .MapServiceDirectoryApi()
        .MapWorkCalendarApi()
        .MapIndicatorsApi()
        .MapReportingApi()
        .MapMonitoringApi()
        .MapNotificationsApi()
        .MapAuditApi()
        .MapSearchApi();
}
