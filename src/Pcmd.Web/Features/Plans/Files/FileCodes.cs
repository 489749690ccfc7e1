using Pcmd.Web.Features.Targets;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.Plans.Files;

/// <summary>The words of the plan file for each enumeration (camelCase of the C# name).</summary>
public static class FileCodes
{
    public static string Of<T>(T value) where T : struct, Enum => DataFiles.Code(value);

    public static bool TryParse<T>(string? code, out T value) where T : struct, Enum => DataFiles.TryParseCode(code, out value);

    public static string Allowed<T>() where T : struct, Enum => DataFiles.AllowedCodes<T>();

    public static bool HasValue(TargetKind k) => k is TargetKind.Count or TargetKind.Percentage or TargetKind.AtLeastOnce;
    public static bool HasRange(TargetKind k) => k is TargetKind.Range or TargetKind.Change;
    public static bool IsShare(TargetKind k) => k is TargetKind.Percentage or TargetKind.AtLeastOnce;
}
