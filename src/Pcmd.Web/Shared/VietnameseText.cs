using System.Globalization;
using System.Text;

namespace Pcmd.Web.Shared;

/// <summary>Vietnamese collation for names (Ă after A, Đ after D…), which the databases' default
/// collations do not give; lists are small enough to sort after the query.</summary>
public static class VietnameseText
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("vi-VN");
    public static readonly StringComparer Comparer = StringComparer.Create(Culture, CompareOptions.IgnoreCase);

    /// <summary>A file-name-safe ASCII form ("Báo cáo 6 tháng" → "Bao-cao-6-thang"): browsers and mail clients mangle
    /// non-ASCII attachment names less often than they mangle diacritics.</summary>
    public static string Slug(string text)
    {
        var sb = new StringBuilder();
        foreach (var c in text.Replace('đ', 'd').Replace('Đ', 'D').Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsAsciiLetterOrDigit(c)) sb.Append(c);
            else if (sb.Length > 0 && sb[^1] != '-') sb.Append('-');
        }
        return sb.ToString().Trim('-');
    }
}
