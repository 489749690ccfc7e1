namespace Pcmd.Web.Features.Reference;

/// <summary>Catalogues every installation needs, loaded on start. Their API lists live with the features that use them
/// (establishment types with Establishments, decrees and violation types with Inspections).</summary>
public static class ReferenceModule
{
    public static IServiceCollection AddReference(this IServiceCollection services) => services.AddScoped<ReferenceData>();
}
