using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.Plans.Files;

/// <summary>The existing codes closest to an unknown one, by code and by name (issue 16, item 8): a plan typed from paper
/// writes "CONGAN-TP" for "CA-TP" or "01.HADON" for "01.HADONG", and the person fixing the file needs the right code, not
/// only the word "unknown". Names are compared without diacritics or type words ("Quận", "Phường").</summary>
public static class CodeSuggestions
{
    static readonly string[] TypeWords = ["THANHPHO", "THIXA", "THITRAN", "QUAN", "HUYEN", "PHUONG", "XA", "TINH", "DACKHU"];

    public static List<(string Code, string Name)> Closest(string unknown, string? nameHint, IEnumerable<(string Code, string Name)> candidates, int take = 3)
    {
        var code = Fold(unknown);
        var afterDot = unknown.Contains('.') ? Fold(unknown[(unknown.LastIndexOf('.') + 1)..]) : code;
        var hint = string.IsNullOrWhiteSpace(nameHint) ? null : Bare(nameHint.Split(',')[0]);
        return candidates
            .Select(c =>
            {
                var name = Bare(c.Name);
                var score = Math.Min(Distance(code, Fold(c.Code)), Distance(afterDot, name));
                if (hint is { Length: > 0 }) score = Math.Min(score, hint == name ? 0 : Distance(hint, name));
                if (afterDot.Length >= 3 && (name.Contains(afterDot, StringComparison.Ordinal) || Fold(c.Code).Contains(afterDot, StringComparison.Ordinal)))
                    score = Math.Min(score, 1);
                return (c, score, limit: Math.Max(2, Math.Max(afterDot.Length, hint?.Length ?? 0) / 3));
            })
            .Where(x => x.score <= x.limit)
            .OrderBy(x => x.score).ThenBy(x => x.c.Code, StringComparer.Ordinal)
            .Take(take).Select(x => x.c).ToList();
    }

    /// <summary>" Có phải: CA-TP (Công an Thành phố), …?" or nothing.</summary>
    public static string Hint(IEnumerable<(string Code, string Name)> closest)
    {
        var list = closest.Select(c => $"'{c.Code}' ({c.Name})").ToList();
        return list.Count == 0 ? "" : " Có phải: " + string.Join(", ", list) + "?";
    }

    static string Fold(string s) => VietnameseText.Slug(s).Replace("-", "", StringComparison.Ordinal).ToUpperInvariant();

    static string Bare(string name)
    {
        var folded = VietnameseText.Slug(name).ToUpperInvariant().Split('-', StringSplitOptions.RemoveEmptyEntries).ToList();
        // "Thành phố", "Thị xã", "Thị trấn" are two words; one type word ("Quận", "Phường") is one.
        if (folded.Count > 2 && TypeWords.Contains(folded[0] + folded[1])) folded.RemoveRange(0, 2);
        else if (folded.Count > 1 && TypeWords.Contains(folded[0])) folded.RemoveAt(0);
        return string.Concat(folded);
    }

    /// <summary>Levenshtein distance, two rows.</summary>
    static int Distance(string a, string b)
    {
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) prev[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            for (var j = 1; j <= b.Length; j++)
                cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (prev, cur) = (cur, prev);
        }
        return prev[b.Length];
    }
}
