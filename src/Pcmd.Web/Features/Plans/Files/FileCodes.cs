using Pcmd.Web.Features.Targets;

namespace Pcmd.Web.Features.Plans.Files;

/// <summary>The words of the plan file for each enumeration (camelCase of the C# name).</summary>
public static class FileCodes
{
    public static string Of<T>(T value) where T : struct, Enum
    {
        var s = value.ToString();
        return char.ToLowerInvariant(s[0]) + s[1..];
    }

    public static bool TryParse<T>(string? code, out T value) where T : struct, Enum
    {
        value = default;
        if (string.IsNullOrEmpty(code) || !char.IsLower(code[0])) return false;
        return Enum.TryParse(char.ToUpperInvariant(code[0]) + code[1..], ignoreCase: false, out value) && Enum.IsDefined(value);
    }

    public static string Allowed<T>() where T : struct, Enum => string.Join(", ", Enum.GetValues<T>().Select(Of));

    public static bool HasValue(TargetKind k) => k is TargetKind.Count or TargetKind.Percentage or TargetKind.AtLeastOnce;
    public static bool HasRange(TargetKind k) => k is TargetKind.Range or TargetKind.Change;
    public static bool IsShare(TargetKind k) => k is TargetKind.Percentage or TargetKind.AtLeastOnce;
}
