namespace Pcmd.Web.Features.Audit;

/// <summary>What an entry records. The first three are changes, written by PcmdDbContext while saving; the others
/// are events written by <see cref="AuditTrail"/> (reads of personal data, exports, sign-ins, refusals, failed imports).</summary>
public enum AuditAction { Created, Modified, Deleted, Read, Exported, SignedIn, SignInFailed, LockedOut, AccessDenied, ImportFailed }

/// <summary>One recorded change or event. The context refuses to modify or delete these rows, the database refuses it
/// too (triggers of db/*/0009), and no endpoint offers to.</summary>
public class AuditEntry
{
    public long Id { get; set; }
    public DateTime AtUtc { get; set; }
    public string? UserName { get; set; }
    public string EntityType { get; set; } = "";
    public string EntityId { get; set; } = "";
    public AuditAction Action { get; set; }
    /// <summary>JSON object. A change: property → [old, new]; an event: name → value (rows, filter, path, reason…).</summary>
    public string Changes { get; set; } = "{}";
    /// <summary>The address the request came from (events only): who tried a password, from where.</summary>
    public string? ClientIp { get; set; }

    public static bool IsChange(AuditAction a) => a is AuditAction.Created or AuditAction.Modified or AuditAction.Deleted;
}
