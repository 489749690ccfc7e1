using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Pcmd.Web.Security;

namespace Pcmd.Web.Features.Audit;

/// <summary>Turns tracked changes into audit entries. Changes and deletions are read before saving (their
/// old values are gone after); additions after saving, when their ids and foreign keys are real.</summary>
/// <summary>Rows that are messages about changes, not changes (notifications, the e-mail outbox): recording them would
/// copy every recipient's address and mail body into the trail. The feature that owns them marks them.</summary>
public interface INotAudited;

public static class AuditRecorder
{
    public sealed record Pending(EntityEntry Entry, AuditEntry Audit);

    static bool IsAudited(EntityEntry e) =>
        e.Entity is not (AuditEntry or INotAudited)
        && e.Metadata.ClrType.Namespace?.StartsWith("Pcmd.Web.Features") == true;

    // A user row changes on every sign-in (failed-attempt counter, stamps): that is not a change to record.
    static readonly HashSet<string> Noise = ["ConcurrencyStamp", "SecurityStamp", "AccessFailedCount", nameof(Shared.ISearchable.SearchText)];
    // Secrets (and file contents, which would bloat the trail) are recorded as changed, never with their values.
    static readonly HashSet<string> Secret = ["PasswordHash", "Content"];
    /// <summary>People's names and addresses are encrypted at rest; the audit trail must not hold them in
    /// clear either, so it records that they changed, not what they are.</summary>
    public const string PersonalDataMark = "[dữ liệu cá nhân]";

    public static List<Pending> Capture(DbContext db, string? userName, DateTime nowUtc)
    {
        var pending = new List<Pending>();
        foreach (var e in db.ChangeTracker.Entries().ToList())
        {
            if (e.Entity is AuditEntry && e.State is EntityState.Modified or EntityState.Deleted)
                throw new InvalidOperationException("Nhật ký thay đổi không thể sửa hoặc xóa.");
            if (!IsAudited(e) || e.State is EntityState.Unchanged or EntityState.Detached) continue;
            var action = e.State switch
            {
                EntityState.Added => AuditAction.Created,
                EntityState.Deleted => AuditAction.Deleted,
                _ => AuditAction.Modified,
            };
            var audit = new AuditEntry { AtUtc = nowUtc, UserName = userName, EntityType = e.Metadata.ClrType.Name, Action = action };
            if (action != AuditAction.Created)
            {
                var changes = Changes(e, action);
                if (action == AuditAction.Modified && changes.Count == 0) continue;
                audit.Changes = JsonSerializer.Serialize(changes);
            }
            pending.Add(new(e, audit));
        }
        return pending;
    }

    public static IEnumerable<AuditEntry> Complete(List<Pending> pending)
    {
        foreach (var p in pending)
        {
            var key = p.Entry.Metadata.FindPrimaryKey();
            p.Audit.EntityId = key is null ? "" : string.Join(",", key.Properties.Select(k => p.Entry.Property(k.Name).CurrentValue));
            if (p.Audit.Action == AuditAction.Created) p.Audit.Changes = JsonSerializer.Serialize(Changes(p.Entry, AuditAction.Created));
            yield return p.Audit;
        }
    }

    static Dictionary<string, object?[]> Changes(EntityEntry e, AuditAction action)
    {
        var result = new Dictionary<string, object?[]>();
        foreach (var p in e.Properties)
        {
            if (p.Metadata.IsPrimaryKey() && action != AuditAction.Deleted) continue;
            var before = action == AuditAction.Created ? null : p.OriginalValue;
            var after = action == AuditAction.Deleted ? null : p.CurrentValue;
            if (action == AuditAction.Modified && (!p.IsModified || Equals(before, after))) continue;
            if (action == AuditAction.Created && after is null) continue;
            if (Noise.Contains(p.Metadata.Name)) continue;
            result[p.Metadata.Name] = Secret.Contains(p.Metadata.Name) ? ["***", "***"]
                : IsPersonal(p) ? [before is null ? null : PersonalDataMark, after is null ? null : PersonalDataMark]
                : [Plain(before), Plain(after)];
        }
        return result;
    }

    static bool IsPersonal(PropertyEntry p) => ReferenceEquals(p.Metadata.GetValueConverter(), PersonalData.Converter);

    static object? Plain(object? v) => v switch
    {
        null => null,
        Enum x => x.ToString(),
        DateOnly d => d.ToString("yyyy-MM-dd"),
        System.Collections.IEnumerable list and not string => string.Join("\n", list.Cast<object?>()),
        _ => v,
    };
}
