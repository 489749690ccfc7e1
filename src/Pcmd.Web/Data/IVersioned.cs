namespace Pcmd.Web.Data;

/// <summary>A record whose <see cref="Version"/> is its concurrency token: every save bumps it, and a save
/// based on an older version fails instead of overwriting someone else's change.</summary>
public interface IVersioned
{
    int Version { get; set; }
}
