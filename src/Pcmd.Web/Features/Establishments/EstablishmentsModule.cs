using Pcmd.Web.Features.Demo;
using Pcmd.Web.Features.Establishments.Import;

namespace Pcmd.Web.Features.Establishments;

public static class EstablishmentsModule
{
    public static void AddEstablishments(IServiceCollection services)
    {
        services.AddScoped<EstablishmentQuery>();
        services.AddScoped<EstablishmentService>();
        services.AddScoped<EstablishmentFiles>();
        services.AddScoped<EstablishmentBulkWriter>();
        services.AddScoped<EstablishmentImporter>();
        services.AddSingleton<ImportJobs>();
        services.AddHostedService<ImportJobWorker>();
        services.AddScoped<IDemoStep, EstablishmentDemoStep>();
    }
}
