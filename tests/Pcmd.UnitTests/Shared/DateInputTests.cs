using System.Text.RegularExpressions;
using Pcmd.Web.Security;
using Pcmd.Web.Shared;

namespace Pcmd.UnitTests.Shared;

/// <summary>Dates are typed and read day first, whatever the browser's language (issue 15, item 6).</summary>
public partial class DateInputTests
{
    /// <summary>Pages another session is converting to DateField. This list must shrink to empty: remove an entry as soon as
    /// its pages use Components/Shared/DateField; never add one.</summary>
    static readonly string[] NotYetConverted =
    [
    ];

    [Theory]
    [InlineData("05/12/2025", 2025, 12, 5)]
    [InlineData("5/12/2025", 2025, 12, 5)]
    [InlineData(" 5/1/2026 ", 2026, 1, 5)]
    [InlineData("05.12.2025", 2025, 12, 5)]
    [InlineData("05-12-2025", 2025, 12, 5)]
    [InlineData("2025-12-05", 2025, 12, 5)]
    [InlineData("29/02/2024", 2024, 2, 29)]
    [InlineData("31/12/2030", 2030, 12, 31)]
    public void Day_first_and_ISO_are_read(string text, int y, int m, int d)
    {
        var (date, error) = DateInput.Read(text);
        Assert.Null(error);
        Assert.Equal(new DateOnly(y, m, d), date);
    }

    [Theory]
    [InlineData("31/02/2025", "tháng 02/2025 chỉ có 28 ngày")]
    [InlineData("29/02/2025", "tháng 02/2025 chỉ có 28 ngày")]
    [InlineData("31/04/2026", "tháng 04/2026 chỉ có 30 ngày")]
    [InlineData("32/12/2025", "tháng 12/2025 chỉ có 31 ngày")]
    [InlineData("00/12/2025", "chỉ có 31 ngày")]
    [InlineData("32/13/2025", "tháng phải từ 1 đến 12")]
    [InlineData("12/13/2025", "tháng phải từ 1 đến 12")] // month first is not guessed: it is refused
    [InlineData("2025-02-30", "tháng 02/2025 chỉ có 28 ngày")]
    [InlineData("05/12/0025", "năm 25 nằm ngoài khoảng")]
    [InlineData("5 tháng 12", "không phải một ngày")]
    [InlineData("05/12/25", "không phải một ngày")]
    [InlineData("2025/12/05", "không phải một ngày")]
    public void Days_that_do_not_exist_are_refused_in_Vietnamese(string text, string expected)
    {
        var (date, error) = DateInput.Read(text);
        Assert.Null(date);
        Assert.NotNull(error);
        Assert.Contains(expected, error);
        Assert.Contains(text.Trim(), error); // the message quotes what was typed
    }

    [Fact]
    public void Empty_is_no_date_and_no_error_unless_required()
    {
        Assert.Equal((null, null), DateInput.Read("  "));
        var errors = new ErrorList();
        Assert.Null(DateInput.Optional("", "date", errors));
        Assert.False(errors.Any);
        Assert.Null(DateInput.Required(" ", "date", errors));
        Assert.True(errors.Any);
    }

    [Fact]
    public void A_wrong_date_is_refused_by_its_field()
    {
        var ex = Assert.Throws<ValidationException>(() => DateInput.OptionalOrThrow("31/02/2025", "decisionDate"));
        Assert.Equal(["decisionDate"], ex.Errors.Keys);
        Assert.Equal(400, ex.Status);
        Assert.Equal(new DateOnly(2025, 12, 5), DateInput.OptionalOrThrow("05/12/2025", "decisionDate"));
    }

    [Fact]
    public void The_box_shows_day_first_and_its_pattern_lets_through_what_the_reader_reads()
    {
        Assert.Equal("05/12/2025", DateInput.Text(new DateOnly(2025, 12, 5)));
        Assert.Equal("", DateInput.Text(null));
        var pattern = new Regex("^(?:" + DateInput.HtmlPattern + ")$"); // as the browser applies the pattern attribute
        foreach (var ok in new[] { "05/12/2025", "5/1/2026", "2025-12-05", "31/02/2025" }) Assert.Matches(pattern, ok);
        foreach (var bad in new[] { "05/12/25", "5 tháng 12", "2025/12/05" }) Assert.DoesNotMatch(pattern, bad);
    }

    /// <summary>No page asks for a date through the browser's own date box, whose order follows the browser's language.</summary>
    [Fact]
    public void No_page_uses_the_browsers_date_box()
    {
        var web = Path.Combine(RepoRoot(), "src", "Pcmd.Web");
        var found = new List<string>();
        foreach (var file in Directory.EnumerateFiles(web, "*.razor", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(web, file).Replace('\\', '/');
            if (NotYetConverted.Any(relative.StartsWith)) continue;
            var lines = WithoutComments(File.ReadAllText(file)).Split('\n');
            for (var i = 0; i < lines.Length; i++)
                if (BrowserDateBox().IsMatch(lines[i])) found.Add($"{relative}:{i + 1}: {lines[i].Trim()}");
        }
        Assert.True(found.Count == 0, "date boxes that follow the browser's language (use <DateField …/> and DateInput):\n" + string.Join('\n', found));
    }

    [Fact]
    public void The_scan_sees_a_date_box_and_ignores_comments()
    {
        Assert.Matches(BrowserDateBox(), "<input id=\"d\" type=\"date\" />");
        Assert.Matches(BrowserDateBox(), "<input type='datetime-local'>");
        Assert.Matches(BrowserDateBox(), "<InputDate @bind-Value=\"Model.X\" />");
        Assert.DoesNotMatch(BrowserDateBox(), WithoutComments("@* an <input type=\"date\"> reads month first *@"));
        Assert.DoesNotMatch(BrowserDateBox(), "<DateField Id=\"d\" Name=\"Model.Date\" />");
    }

    static string WithoutComments(string text) =>
        BlockComment().Replace(text, m => new string('\n', m.Value.Count(c => c == '\n')));

    static string RepoRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "src", "Pcmd.Web", "Resources", "strings.tsv"))) return d.FullName;
        throw new InvalidOperationException("The repository was not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"type\s*=\s*[""'](date|datetime-local|month|week)[""']|<InputDate\b", RegexOptions.IgnoreCase)]
    private static partial Regex BrowserDateBox();

    [GeneratedRegex(@"@\*.*?\*@|<!--.*?-->", RegexOptions.Singleline)]
    private static partial Regex BlockComment();
}
