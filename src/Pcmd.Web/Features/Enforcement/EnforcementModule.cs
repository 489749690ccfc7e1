using Pcmd.Web.Components.Layout;
using Pcmd.Web.Features.Demo;

namespace Pcmd.Web.Features.Enforcement;

public static class EnforcementModule
{
    public static IServiceCollection AddEnforcement(this IServiceCollection services) => services
        .AddScoped<EnforcementService>()
        .AddScoped<Import.EnforcementTemplates>()
        .AddScoped<Establishments.Import.ISpreadsheetImport, Import.SanctionImport>()
        .AddScoped<Establishments.Import.ISpreadsheetImport, Import.CaseImport>()
        .AddScoped<IDemoStep, EnforcementDemoStep>()
        .AddScoped<Establishments.IEstablishmentReferences, SanctionEstablishmentReferences>()
        .AddNavEntry(new NavEntry(NavGroup.Registers, "Enforcement.Nav", "/enforcement", 60, Establishments.EstablishmentsModule.Registers));

    public static IEndpointRouteBuilder MapEnforcementApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/enforcement").WithTags("Xử phạt, vụ án").RequireAuthorization();
        EnforcementApi.Map(group);
        Import.EnforcementImportApi.Map(group);
        return app;
    }
}
