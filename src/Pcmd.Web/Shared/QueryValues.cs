using Pcmd.Web.Security;

namespace Pcmd.Web.Shared;

/// <summary>Values of query strings as clients spell them.</summary>
public static class QueryValues
{
    /// <summary>An enum value by its JSON name ("publicPlace", "legalAid"), any case; a number or an unknown name adds a
    /// Vietnamese error for the field instead of silently widening the filter to everything.</summary>
    public static T? Enum<T>(string? value, string field, string message, ErrorList errors) where T : struct, System.Enum
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (System.Enum.TryParse<T>(value.Trim(), ignoreCase: true, out var v) && System.Enum.IsDefined(v) && !int.TryParse(value, out _)) return v;
        errors.Add(field, message);
        return null;
    }
}
