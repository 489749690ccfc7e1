namespace Pcmd.Web.Features.Audit;

public enum AuditAction { Created, Modified, Deleted }

/// <summary>One recorded change. Written only by PcmdDbContext while saving; the context refuses to
/// modify or delete these rows, and no endpoint offers to.</summary>
public class AuditEntry
{
    public long Id { get; set; }
    public DateTime AtUtc { get; set; }
    public string? UserName { get; set; }
    public string EntityType { get; set; } = "";
    public string EntityId { get; set; } = "";
    public AuditAction Action { get; set; }
    /// <summary>JSON object: property → [old, new].</summary>
    public string Changes { get; set; } = "{}";
}
