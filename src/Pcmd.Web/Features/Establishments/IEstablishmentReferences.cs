namespace Pcmd.Web.Features.Establishments;

/// <summary>Records of other features that point at an establishment (inspections, inspection plans, hotspots) keep it
/// from being deleted: the history of a business must not lose its subject. Each such feature implements this, so the
/// registry knows none of them.</summary>
public interface IEstablishmentReferences
{
    /// <summary>Why the establishment cannot be deleted, in the user's words, or null when nothing of this feature points at it.</summary>
    Task<string?> BlocksDelete(int establishmentId, CancellationToken ct);
}
