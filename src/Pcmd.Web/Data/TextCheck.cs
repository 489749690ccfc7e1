using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Pcmd.Web.Features.Audit;
using Pcmd.Web.Security;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Data;

/// <summary>Applies <see cref="SafeText"/> to every text a save would write, whichever form, endpoint or file brought it:
/// the string (and list-of-string) properties of added entities and the changed ones of modified entities of the
/// features, as the code holds them (personal data is seen before its encryption). Values are normalised to NFC in
/// place; refused characters make the whole save fail as a validation problem naming the property (its camelCase JSON
/// name), so nothing is stored. The audit trail and the notices PCMD writes itself are not users' text.</summary>
public static class TextCheck
{
    sealed record TextProperty(string Name, string Field, bool MultiLine, bool IsList);

    static readonly ConcurrentDictionary<IEntityType, TextProperty[]> Properties = new();

    public static void Apply(DbContext db)
    {
        ErrorList? errors = null;
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified) || entry.Entity is AuditEntry or INotAudited) continue;
            foreach (var p in Properties.GetOrAdd(entry.Metadata, Find))
            {
                var property = entry.Property(p.Name);
                if (entry.State == EntityState.Modified && !property.IsModified) continue;
                switch (property.CurrentValue)
                {
                    case string s:
                        if (SafeText.Problem(s, p.MultiLine) is { } problem) (errors ??= new()).Add(p.Field, problem);
                        else if (SafeText.Normalize(s) is var n && !ReferenceEquals(n, s)) property.CurrentValue = n;
                        break;
                    case List<string> list when p.IsList:
                        for (var i = 0; i < list.Count; i++)
                        {
                            if (list[i] is not { } item) continue;
                            if (SafeText.Problem(item, p.MultiLine) is { } itemProblem) (errors ??= new()).Add($"{p.Field}[{i}]", itemProblem);
                            else if (SafeText.Normalize(item) is var normal && !ReferenceEquals(normal, item)) list[i] = normal;
                        }
                        break;
                }
            }
        }
        errors?.ThrowIfAny();
    }

    static TextProperty[] Find(IEntityType type)
    {
        if (type.ClrType.Namespace?.StartsWith("Pcmd.Web.Features", StringComparison.Ordinal) != true) return [];
        return type.GetProperties()
            .Where(p => !p.IsShadowProperty() && (p.ClrType == typeof(string) || p.ClrType == typeof(List<string>)))
            .Select(p => new TextProperty(p.Name, JsonName(p.Name), p.PropertyInfo?.GetCustomAttribute<MultiLineAttribute>() is not null,
                p.ClrType == typeof(List<string>)))
            .ToArray();
    }

    static string JsonName(string name) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(name);
}
