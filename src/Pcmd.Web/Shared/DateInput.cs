using System.Globalization;
using System.Text.RegularExpressions;
using Pcmd.Web.Security;

namespace Pcmd.Web.Shared;

/// <summary>The one reading of a date a person typed (issue 15, item 6): day first, as Vietnamese write it (05/12/2025 is
/// 5 December), whatever the browser's language; d/m/yyyy too, and ISO yyyy-mm-dd for links and older bookmarks. A date
/// that does not exist (31/02, 32/13) is refused with a Vietnamese message naming what is wrong, never rolled over nor
/// read month first. Forms post the text; the page parses every date before the service is called, so nothing is
/// half-saved.</summary>
public static partial class DateInput
{
    /// <summary>What the box shows when empty; the format in the user's terms.</summary>
    public const string Placeholder = "dd/mm/yyyy";

    /// <summary>The HTML pattern of the box: the browser stops a plainly malformed text before it is sent; the server
    /// still checks everything (the day must exist).</summary>
    public const string HtmlPattern = @"\s*(\d{1,2}[/.\-]\d{1,2}[/.\-]\d{4}|\d{4}-\d{1,2}-\d{1,2})\s*";

    /// <summary>Years outside this range are typing slips (0025, 20255), not dates PCMD records.</summary>
    public const int MinYear = 1900, MaxYear = 2100;

    /// <summary>The text of a date in a box: 05/12/2025.</summary>
    public static string Text(DateOnly? d) => ViFormat.Date(d);

    [GeneratedRegex(@"^(?<d>\d{1,2})[/.\-](?<m>\d{1,2})[/.\-](?<y>\d{4})$")]
    private static partial Regex DayFirst();

    [GeneratedRegex(@"^(?<y>\d{4})-(?<m>\d{1,2})-(?<d>\d{1,2})$")]
    private static partial Regex Iso();

    /// <summary>The date, or the Vietnamese reason it is not one. Empty text is neither (null, null).</summary>
    public static (DateOnly? Date, string? Error) Read(string? text)
    {
        var t = text?.Trim();
        if (string.IsNullOrEmpty(t)) return (null, null);
        var m = DayFirst().Match(t);
        if (!m.Success) m = Iso().Match(t);
        if (!m.Success)
            return (null, $"«{t}» không phải một ngày: hãy nhập ngày/tháng/năm, ví dụ 05/12/2025.");
        int day = Number(m, "d"), month = Number(m, "m"), year = Number(m, "y");
        if (year is < MinYear or > MaxYear)
            return (null, $"«{t}»: năm {year} nằm ngoài khoảng {MinYear}–{MaxYear}.");
        if (month is < 1 or > 12)
            return (null, $"«{t}» không có thật: tháng phải từ 1 đến 12 (nhập ngày trước, tháng sau: dd/mm/yyyy).");
        var days = DateTime.DaysInMonth(year, month);
        if (day < 1 || day > days)
            return (null, $"«{t}» không có thật: tháng {month:00}/{year} chỉ có {days} ngày.");
        return (new DateOnly(year, month, day), null);
    }

    static int Number(Match m, string group) => int.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture);

    public static bool TryParse(string? text, out DateOnly date)
    {
        var (d, _) = Read(text);
        date = d ?? default;
        return d is not null;
    }

    /// <summary>An optional date: empty is null; a wrong text adds its error under the field.</summary>
    public static DateOnly? Optional(string? text, string field, ErrorList errors)
    {
        var (d, error) = Read(text);
        if (error is not null) errors.Add(field, error);
        return d;
    }

    /// <summary>A date that must be given.</summary>
    public static DateOnly? Required(string? text, string field, ErrorList errors)
    {
        if (string.IsNullOrWhiteSpace(text)) { errors.Add(field, "Chưa nhập ngày (dd/mm/yyyy)."); return null; }
        return Optional(text, field, errors);
    }

    /// <summary>One optional date of a form, refused at once (400, by field) when wrong.</summary>
    public static DateOnly? OptionalOrThrow(string? text, string field)
    {
        var errors = new ErrorList();
        var d = Optional(text, field, errors);
        errors.ThrowIfAny();
        return d;
    }

    /// <summary>A date filter of a list or an API query: dd/mm/yyyy or ISO; a wrong text is refused rather than silently
    /// widening the list to every date.</summary>
    public static DateOnly? Filter(string? text, string field) => OptionalOrThrow(text, field);
}
