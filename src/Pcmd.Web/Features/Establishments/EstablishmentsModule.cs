using Pcmd.Web.Components.Layout;
using Pcmd.Web.Features.Demo;
using Pcmd.Web.Features.Establishments.Import;

namespace Pcmd.Web.Features.Establishments;

public static class EstablishmentsModule
{
    /// <summary>Who uses the registries' pages (and the map over them): everyone but case workers, whose work is people,
    /// not businesses.</summary>
    public static readonly Func<Security.UserScope, bool> Registers = s => s.IsGlobal || !s.IsInRole(Users.Roles.CaseWorker);

    public static IServiceCollection AddEstablishments(this IServiceCollection services)
    {
        services.AddNavEntry(new NavEntry(NavGroup.Registers, "Nav.Establishments", "/establishments", 10, Registers));
        services.AddScoped<EstablishmentQuery>();
        services.AddScoped<Shared.ISearchSource, EstablishmentSearch>();
        services.AddScoped<EstablishmentService>();
        services.AddScoped<EstablishmentFiles>();
        services.AddScoped<EstablishmentBulkWriter>();
        services.AddScoped<EstablishmentImporter>();
        services.AddScoped<ISpreadsheetImport>(sp => sp.GetRequiredService<EstablishmentImporter>());
        services.AddSingleton<ImportJobs>();
        services.AddHostedService<ImportJobWorker>();
        services.AddScoped<IDemoStep, EstablishmentDemoStep>();
        return services;
    }

    public static IEndpointRouteBuilder MapEstablishmentsApi(this IEndpointRouteBuilder app)
    {
        const string tag = "Cơ sở kinh doanh";
        EstablishmentsApi.MapTypes(app.MapGroup("/api/v1/establishment-types").WithTags(tag).RequireAuthorization());
        EstablishmentsApi.Map(app.MapGroup("/api/v1/establishments").WithTags(tag).RequireAuthorization());
        return app;
    }
}
