using System.Globalization;
using System.Text;

namespace Pcmd.Web.Shared;

/// <summary>Text folded for the accent-insensitive search (issue 15, item 1): lower case, without tone marks and
/// diacritics, đ as d, spaces collapsed — "Phường Hoàn Kiếm" → "phuong hoan kiem". People type names without accents on a
/// phone or a foreign keyboard; SQLite's LIKE folds ASCII letters only and PostgreSQL's ILIKE keeps the accents, so
/// the records carry their searched text folded (<see cref="ISearchable"/>) and the typed text is folded the same way:
/// one plain LIKE then gives the same answers on both databases.</summary>
public static class SearchFold
{
    public static string Fold(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var sb = new StringBuilder(text.Length);
        var space = true;
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            var l = c is 'đ' or 'Đ' ? 'd' : char.ToLowerInvariant(c);
            if (char.IsWhiteSpace(l))
            {
                if (!space) sb.Append(' ');
                space = true;
                continue;
            }
            sb.Append(l);
            space = false;
        }
        return sb.ToString().TrimEnd().Normalize(NormalizationForm.FormC);
    }

    /// <summary>Several fields in one searched text, a middle dot between them (one line: the text checks refuse line breaks
    /// in one-line fields) so that no typed text spans two fields.</summary>
    public static string Of(params string?[] fields) =>
        string.Join(" · ", fields.Where(f => !string.IsNullOrWhiteSpace(f)).Select(Fold));
}

/// <summary>A record found by the site-wide search: its searched fields, folded (<see cref="SearchFold"/>), derived from
/// the fields themselves, so every write (SaveChanges, the bulk writers) stores it with the row. Mapped by PcmdDbContext
/// to a column "SearchText" read through the property; db/…/0024 added it and a trigram index on PostgreSQL.</summary>
public interface ISearchable
{
    string SearchText { get; }
}
