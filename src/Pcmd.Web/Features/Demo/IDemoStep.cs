namespace Pcmd.Web.Features.Demo;

/// <summary>A feature's part of the first-start demo data, run in <see cref="Order"/>: the units (10), agencies (20),
/// plans (30) and accounts (40) first, then the registries and what builds on them (100 and up). Each feature registers
/// its own step (services.AddScoped&lt;IDemoStep, …&gt;()), so the demo loader knows no feature.</summary>
public interface IDemoStep
{
    int Order { get; }
    Task Load(CancellationToken ct);
}
