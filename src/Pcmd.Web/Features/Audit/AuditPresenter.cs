using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.Audit;

/// <summary>One line of an entry as a person reads it: "Số tiền: 1.500.000 đ → 2.000.000 đ".</summary>
public sealed record AuditLine(string Field, string? Old, string? New);

/// <summary>An entry as a person reads it (issue 15 item 8): the kind of record and its fields in the user's language, not
/// code names; dates as dd/mm/yyyy, amounts in đồng, yes/no, and records referred to by name (units, agencies) rather than by id.</summary>
public sealed record AuditView(AuditEntry Entry, string EntityLabel, List<AuditLine> Lines);

/// <summary>Names of the records a field refers to by id ("OrgUnitId" → the unit's name), registered by the feature that
/// owns them, so that the audit log depends on no feature.</summary>
public interface IAuditReferenceNames
{
    /// <summary>The fields this source names: those whose name ends so ("UnitId" covers OrgUnitId, IssuingUnitId…).</summary>
    string FieldSuffix { get; }
    Task<Dictionary<int, string>> Names(IReadOnlyCollection<int> ids, CancellationToken ct);
}

public sealed partial class AuditPresenter(IEnumerable<IAuditReferenceNames> references, IStringLocalizer<SharedResource> L, Data.PcmdDbContext db)
{
    static Dictionary<(string Entity, string Field), Type>? _enumFields;
    Dictionary<(string Entity, string Field), Type> EnumFields => _enumFields ??= AuditEnumLabels.EnumFields(db.Model);

    const int MaxShown = 300;
    /// <summary>Fields of money (Nghị định 282/2025 fines and the like), shown in đồng.</summary>
    static readonly HashSet<string> Money = ["Amount"];
    /// <summary>Numbers that are not quantities: years, order, versions — shown as stored, without a thousands dot.</summary>
    static readonly HashSet<string> Plain = ["Version", "Position", "Sequence", "SortOrder", "Year", "BirthYear", "PeriodFrom", "PeriodTo"];

    public string Entity(string type) => L["AuditEntity." + type] is { ResourceNotFound: false } s ? s.Value : type;

    public string Field(string field) => L["AuditField." + field] is { ResourceNotFound: false } s ? s.Value : field;

    public async Task<List<AuditView>> Show(IReadOnlyList<AuditEntry> entries, CancellationToken ct)
    {
        var parsed = entries.Select(e => (e, changes: Parse(e.Changes))).ToList();
        var names = new Dictionary<string, Dictionary<int, string>>();
        foreach (var source in references)
        {
            var ids = parsed.SelectMany(p => p.changes).Where(c => c.Field.EndsWith(source.FieldSuffix, StringComparison.Ordinal))
                .SelectMany(c => new[] { c.Old, c.New }).Select(AsInt).OfType<int>().Distinct().ToList();
            names[source.FieldSuffix] = ids.Count == 0 ? [] : await source.Names(ids, ct);
        }
        var result = new List<AuditView>();
        foreach (var (e, changes) in parsed)
        {
            var lines = new List<AuditLine>();
            foreach (var c in changes)
            {
                var masked = IsSecret(c.Field);
                lines.Add(new AuditLine(AuditEntry.IsChange(e.Action) ? Field(c.Field) : Detail(c.Field),
                    masked ? Mask(c.Old) : Value(e.EntityType, c.Field, c.Old, names),
                    masked ? Mask(c.New) : Value(e.EntityType, c.Field, c.New, names)));
            }
            result.Add(new AuditView(e, Entity(e.EntityType), lines));
        }
        return result;
    }

    string Detail(string name) => L["AU_Detail_" + name] is { ResourceNotFound: false } s ? s.Value : Field(Capitalised(name));

    static string Capitalised(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    string? Value(string entity, string field, JsonElement? v, Dictionary<string, Dictionary<int, string>> names)
    {
        if (v is not { } value || value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined) return null;
        if (value.ValueKind == JsonValueKind.String && EnumFields.TryGetValue((entity, field), out var enumType))
            return EnumText(enumType, value.GetString()!);
        switch (value.ValueKind)
        {
            case JsonValueKind.True: return L["AU_Yes"];
            case JsonValueKind.False: return L["AU_No"];
            case JsonValueKind.Number when value.TryGetInt32(out var id)
                && names.FirstOrDefault(n => field.EndsWith(n.Key, StringComparison.Ordinal)).Value?.GetValueOrDefault(id) is { } name:
                return name;
            case JsonValueKind.Number when Money.Contains(field) && value.TryGetDecimal(out var money):
                return ViFormat.Number(money) + " đ";
            case JsonValueKind.Number when !Plain.Contains(field) && !field.EndsWith("Id", StringComparison.Ordinal) && value.TryGetDecimal(out var n):
                return ViFormat.Number(n, n == decimal.Truncate(n) ? 0 : 2);
            case JsonValueKind.String:
                return Text(value.GetString()!);
            default:
                return Cut(value.GetRawText());
        }
    }

    /// <summary>Dates are recorded as yyyy-MM-dd and instants as ISO 8601 UTC; people read dd/mm/yyyy, instants in Vietnam time.</summary>
    static string Text(string s)
    {
        if (IsoDay().IsMatch(s) && DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            return ViFormat.Date(d);
        if (IsoInstant().IsMatch(s) && DateTime.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var t))
            return ViFormat.DateTime(VietnamTime.ToLocal(t));
        return Cut(s);
    }

    /// <summary>An enum value as recorded (its C# name; flags as "A, B") in the user's words; a name the enum no longer has
    /// is shown as recorded.</summary>
    public string EnumText(Type enumType, string recorded) => string.Join(", ", recorded.Split(", ").Select(v =>
        L[AuditEnumLabels.Key(enumType, v)] is { ResourceNotFound: false } s ? s.Value : v));

    static string Cut(string s) => s.Length > MaxShown ? s[..MaxShown] + "…" : s;

    static int? AsInt(JsonElement? v) => v is { ValueKind: JsonValueKind.Number } n && n.TryGetInt32(out var i) ? i : null;

    /// <summary>Secrets of sign-in (hashes, stamps) are recorded with user rows; they are never shown, only that they changed.</summary>
    static bool IsSecret(string field) =>
        field.Contains("Password", StringComparison.OrdinalIgnoreCase) || field.EndsWith("Stamp", StringComparison.Ordinal);

    static string? Mask(JsonElement? v) => v is null or { ValueKind: JsonValueKind.Null } ? null : "••••••";

    sealed record RawChange(string Field, JsonElement? Old, JsonElement? New);

    /// <summary>The changes column holds a JSON object: property → [old, new] for a change, name → value for an event.</summary>
    static List<RawChange> Parse(string json)
    {
        var result = new List<RawChange>();
        try
        {
            using var doc = JsonDocument.Parse(json);
            if (doc.RootElement.ValueKind != JsonValueKind.Object) return result;
            foreach (var p in doc.RootElement.EnumerateObject())
                result.Add(p.Value.ValueKind == JsonValueKind.Array && p.Value.GetArrayLength() == 2
                    ? new RawChange(p.Name, p.Value[0].Clone(), p.Value[1].Clone())
                    : new RawChange(p.Name, null, p.Value.Clone()));
        }
        catch (JsonException)
        {
            using var doc = JsonDocument.Parse(JsonSerializer.Serialize(json));
            result.Add(new RawChange("?", null, doc.RootElement.Clone()));
        }
        return result;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$")] private static partial Regex IsoDay();
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")] private static partial Regex IsoInstant();
}
