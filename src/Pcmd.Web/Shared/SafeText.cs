using System.Text;

namespace Pcmd.Web.Shared;

/// <summary>Marks a text property that may hold line breaks and tabs (a note, a finding, a report's narrative); every
/// other text is one line. Read by the database's text check (<see cref="SafeText"/>).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class MultiLineAttribute : Attribute;

/// <summary>The rule for every text a user gives PCMD: Unicode NFC (so that "Hà Nội" typed with combining marks equals
/// the precomposed one in searches, sorting and uniqueness), and none of the characters that hide or disguise what
/// is written: C0/C1 controls (NUL, ESC…; line breaks and tabs only in multi-line text), bidirectional overrides and
/// isolates (U+202A–U+202E, U+2066–U+2069, U+061C: "abc‮fdp.exe" shows as "abcexe.pdf"), zero-width and direction
/// marks (U+200B–U+200F), the byte-order mark U+FEFF, the Unicode line and paragraph separators, non-characters and
/// broken surrogate pairs.</summary>
public static class SafeText
{
    /// <summary>Why <paramref name="text"/> is refused, in Vietnamese, or null when it is acceptable.</summary>
    public static string? Problem(string text, bool multiLine)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c >= 0x20 && c < 0x7F) continue; // the common case: printable ASCII
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { i++; continue; }
            if (Kind(c, multiLine) is { } kind)
                return $"Có {kind} (U+{(int)c:X4}) ở vị trí {i + 1}; hãy xóa ký tự này.";
        }
        return null;
    }

    static string? Kind(char c, bool multiLine) => c switch
    {
        '\n' or '\r' => multiLine ? null : "ký tự xuống dòng, không dùng được trong trường một dòng",
        '\t' => multiLine ? null : "ký tự tab, không dùng được trong trường một dòng",
        < '\u0020' or (>= '\u007F' and <= '\u009F') => "ký tự điều khiển",
        >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\u061C' => "ký tự đảo chiều văn bản",
        >= '\u200B' and <= '\u200F' or '\uFEFF' => "ký tự ẩn (không hiển thị)",
        '\u2028' or '\u2029' => "ký tự ngắt dòng Unicode",
        '\uFFFE' or '\uFFFF' => "ký tự không hợp lệ",
        _ when char.IsSurrogate(c) => "ký tự Unicode hỏng",
        _ => null,
    };

    /// <summary>NFC; call after <see cref="Problem"/> (a broken surrogate pair cannot be normalised).</summary>
    public static string Normalize(string text) => text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
}

/// <summary>The name an uploaded file is stored and served under: only its base name (whatever the client's path
/// separators), without controls, bidirectional or invisible characters, characters Windows forbids, leading dots
/// or a reserved device name (CON, NUL, COM1…), NFC, at most <see cref="MaxLength"/> characters with its extension
/// kept. Vietnamese letters stay as they are.</summary>
public static class SafeFileName
{
    public const int MaxLength = 200;
    static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "CON", "PRN", "AUX", "NUL", "CLOCK$", "COM0", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
        "LPT0", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
    };

    /// <summary>The safe name, or <paramref name="fallback"/> when nothing of the name is left.</summary>
    public static string Of(string? name, string fallback = "tep")
    {
        var s = name ?? "";
        s = s[(s.LastIndexOfAny(['/', '\\']) + 1)..];
        var b = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) { b.Append(c).Append(s[++i]); continue; }
            if (SafeText.Problem(c.ToString(), multiLine: false) is not null || c is '<' or '>' or ':' or '"' or '|' or '?' or '*') continue;
            b.Append(c);
        }
        s = SafeText.Normalize(b.ToString()).Trim().TrimStart('.').Trim().TrimEnd('.', ' ');
        var dot = s.LastIndexOf('.');
        var (stem, ext) = dot > 0 ? (s[..dot], s[dot..]) : (s, "");
        if (ext.Length > 20) (stem, ext) = (s, "");
        var device = stem.Split('.')[0].Trim();
        if (Reserved.Contains(device)) stem = "_" + stem;
        if (stem.Length + ext.Length > MaxLength) stem = stem[..Math.Max(1, MaxLength - ext.Length)].TrimEnd();
        if (stem.Length > 0 && char.IsHighSurrogate(stem[^1])) stem = stem[..^1];
        s = stem + ext;
        return string.IsNullOrWhiteSpace(stem) ? fallback + ext : s;
    }
}
