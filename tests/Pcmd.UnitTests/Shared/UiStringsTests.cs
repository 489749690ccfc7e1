using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using Pcmd.Web;

namespace Pcmd.UnitTests.Shared;

/// <summary>English is complete (issue 15, item 7): every UI string has both languages, the compiled resources are the TSV's,
/// and no page writes Vietnamese outside the resources.</summary>
public partial class UiStringsTests
{
    /// <summary>Pages other sessions are still translating. This list must shrink to empty: remove an entry as soon as its
    /// pages read every word through <c>L[…]</c>; never add one.</summary>
    static readonly string[] NotYetTranslated =
    [
    ];

    static readonly string Web = Path.Combine(RepoRoot(), "src", "Pcmd.Web");

    static string RepoRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "src", "Pcmd.Web", "Resources", "strings.tsv"))) return d.FullName;
        throw new InvalidOperationException("The repository (src/Pcmd.Web/Resources/strings.tsv) was not found above " + AppContext.BaseDirectory);
    }

    static List<(int Line, string[] Cells)> Rows() => File.ReadAllLines(Path.Combine(Web, "Resources", "strings.tsv"))
        .Select((l, i) => (Line: i + 1, Text: l))
        .Where(r => !string.IsNullOrWhiteSpace(r.Text) && !r.Text.StartsWith('#'))
        .Select(r => (r.Line, r.Text.Split('\t')))
        .ToList();

    [Fact]
    public void Every_key_is_unique_and_has_a_Vietnamese_and_an_English_text()
    {
        var rows = Rows();
        Assert.True(rows.Count > 1000, $"only {rows.Count} strings read");
        var wrong = rows.Where(r => r.Cells.Length != 3 || r.Cells.Any(string.IsNullOrWhiteSpace))
            .Select(r => $"strings.tsv:{r.Line}: {string.Join(" | ", r.Cells)}").ToList();
        Assert.True(wrong.Count == 0, "rows without key, Vietnamese and English:\n" + string.Join('\n', wrong));
        var repeated = rows.GroupBy(r => r.Cells[0]).Where(g => g.Count() > 1)
            .Select(g => $"{g.Key} (lines {string.Join(", ", g.Select(r => r.Line))})").ToList();
        Assert.True(repeated.Count == 0, "keys given twice:\n" + string.Join('\n', repeated));
    }

    [Fact]
    public void The_compiled_resources_say_what_the_tsv_says_in_both_languages()
    {
        // Catches a TSV edited without running scripts/resx.py: the pages would show the key or the old words.
        var strings = new ResourceManager("Pcmd.Web.Resources.SharedResource", typeof(SharedResource).Assembly);
        var vi = CultureInfo.GetCultureInfo("vi-VN");
        var en = CultureInfo.GetCultureInfo("en-US");
        var stale = Rows().Where(r => r.Cells.Length == 3)
            .Where(r => strings.GetString(r.Cells[0], vi) != r.Cells[1] || strings.GetString(r.Cells[0], en) != r.Cells[2])
            .Select(r => r.Cells[0]).ToList();
        Assert.True(stale.Count == 0, "run python3 scripts/resx.py; out of date: " + string.Join(", ", stale.Take(20)));
    }

    [Fact]
    public void No_page_writes_Vietnamese_outside_the_resources()
    {
        var found = new List<string>();
        foreach (var file in Directory.EnumerateFiles(Web, "*.razor", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(Web, file).Replace('\\', '/');
            if (NotYetTranslated.Any(relative.StartsWith)) continue;
            var lines = WithoutComments(File.ReadAllText(file)).Split('\n');
            for (var i = 0; i < lines.Length; i++)
                if (Vietnamese().IsMatch(lines[i])) found.Add($"{relative}:{i + 1}: {lines[i].Trim()}");
        }
        Assert.True(found.Count == 0, "Vietnamese words in pages (put them in Resources/strings.tsv and read them through L[…]):\n"
            + string.Join('\n', found));
    }

    [Fact]
    public void The_scan_sees_a_literal_and_ignores_comments()
    {
        Assert.Matches(Vietnamese(), WithoutComments("<h1>Tin báo</h1>"));
        Assert.Matches(Vietnamese(), WithoutComments("throw new X(\"Thiếu ngày.\"); // why"));
        Assert.DoesNotMatch(Vietnamese(), WithoutComments("@* Thông báo *@\n<p>@L[\"Key\"]</p>\n    /// <summary>Việt Nam</summary>\n<!-- ghi chú -->\nx = 1; // ngày\n"));
        Assert.Equal(3, WithoutComments("@* a\nb *@\nc").Split('\n').Length); // line numbers stay true
        Assert.Contains("https://x", WithoutComments("<a href=\"https://x\">"));
    }

    /// <summary>Razor (<c>@* *@</c>) and HTML comments, and C# line comments, blanked with their line breaks kept.</summary>
    static string WithoutComments(string text)
    {
        text = BlockComment().Replace(text, m => new string('\n', m.Value.Count(c => c == '\n')));
        return LineComment().Replace(text, "");
    }

    [GeneratedRegex("[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđĐ]")]
    private static partial Regex Vietnamese();

    [GeneratedRegex(@"@\*.*?\*@|<!--.*?-->", RegexOptions.Singleline)]
    private static partial Regex BlockComment();

    /// <summary>"// …" at the start of a line or after whitespace or code, but not the "//" of "https://".</summary>
    [GeneratedRegex(@"(?<![:""/])//.*$", RegexOptions.Multiline)]
    private static partial Regex LineComment();
}
