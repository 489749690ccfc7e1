namespace Pcmd.Web.Features.Demo;

/// <summary>A feature's part of the first-start demo data, run after the units, agencies, plans and users
/// are in place, in <see cref="Order"/>. Each feature registers its own step (services.AddScoped&lt;IDemoStep, …&gt;()).</summary>
public interface IDemoStep
{
    int Order { get; }
    Task Load(CancellationToken ct);
}
