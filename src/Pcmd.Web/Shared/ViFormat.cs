using System.Globalization;

namespace Pcmd.Web.Shared;

/// <summary>The vi-VN formats every screen, export and document uses: dates as 17/06/2026, numbers as 1.500.
/// Dates are written with the invariant culture and an explicit pattern so that the English UI shows the same.</summary>
public static class ViFormat
{
    public const string DatePattern = "dd/MM/yyyy";
    public const string DateTimePattern = "dd/MM/yyyy HH:mm";
    public const string IsoDatePattern = "yyyy-MM-dd";

    public static string Date(DateOnly d) => d.ToString(DatePattern, CultureInfo.InvariantCulture);
    public static string Date(DateOnly? d) => d is { } v ? Date(v) : "";
    public static string Date(DateTime d) => d.ToString(DatePattern, CultureInfo.InvariantCulture);
    public static string DateTime(DateTime local) => local.ToString(DateTimePattern, CultureInfo.InvariantCulture);
    public static string DateTimeSeconds(DateTime local) => local.ToString(DateTimePattern + ":ss", CultureInfo.InvariantCulture);

    public static bool TryParseDate(string? s, out DateOnly d) =>
        DateOnly.TryParseExact(s?.Trim(), DatePattern, CultureInfo.InvariantCulture, DateTimeStyles.None, out d);

    /// <summary>The value of an &lt;input type="date"&gt;.</summary>
    public static string IsoDate(DateOnly? d) => d?.ToString(IsoDatePattern, CultureInfo.InvariantCulture) ?? "";

    public static DateOnly? ParseIsoDate(string? s) =>
        DateOnly.TryParseExact(s, IsoDatePattern, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    public static string Number(long n) => n.ToString("N0", VietnameseText.Culture);
    public static string Number(decimal n, int decimals = 0) => n.ToString("N" + decimals, VietnameseText.Culture);
    /// <summary>A file's size as a list shows it: "85 KB", "2,4 MB".</summary>
    public static string FileSize(long bytes) => bytes < 1024 * 1024
        ? $"{Math.Max(1, bytes / 1024)} KB"
        : (bytes / 1024m / 1024m).ToString("0.#", VietnameseText.Culture) + " MB";
}
