using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Pcmd.Web.Security;

namespace Pcmd.Web.Shared;

/// <summary>The rules every exchange file of PCMD follows (plan files, agency catalogues): camelCase JSON that refuses
/// unknown members, enumerations as camelCase words, dates as YYYY-MM-DD, every problem reported with its JSON path.</summary>
public static class DataFiles
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
        // Vietnamese stays readable in the file instead of \u escapes.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static DateOnly? Date(string? value, string path, ErrorList e)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        e.Add(path, $"Ngày '{value}' không hợp lệ; cần dạng YYYY-MM-DD.");
        return null;
    }

    /// <summary>The word of an enumeration value in a file: camelCase of the C# name.</summary>
    public static string Code<T>(T value) where T : struct, Enum
    {
        var s = value.ToString();
        return char.ToLowerInvariant(s[0]) + s[1..];
    }

    public static bool TryParseCode<T>(string? code, out T value) where T : struct, Enum
    {
        value = default;
        if (string.IsNullOrEmpty(code) || !char.IsLower(code[0])) return false;
        return Enum.TryParse(char.ToUpperInvariant(code[0]) + code[1..], ignoreCase: false, out value) && Enum.IsDefined(value);
    }

    public static string AllowedCodes<T>() where T : struct, Enum => string.Join(", ", Enum.GetValues<T>().Select(Code));
}
