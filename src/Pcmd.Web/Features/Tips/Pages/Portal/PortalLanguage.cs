using System.Globalization;

namespace Pcmd.Web.Features.Tips.Pages.Portal;

/// <summary>The portal's language travels in the address (<c>?culture=en-US</c>, read by the platform's query-string culture
/// provider), never in a cookie: the portal promises citizens that it sets none. Every link and form of the portal carries it.</summary>
public static class PortalLanguage
{
    public const string English = "en-US", Vietnamese = "vi-VN";

    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    /// <summary>The portal path in the reader's language: "/portal/report" or "/portal/report?culture=en-US".</summary>
    public static string Href(string path) => IsEnglish ? With(path, English) : path;

    /// <summary>The same page in the other language (query kept, its culture replaced).</summary>
    public static string Switch(string pathAndQuery)
    {
        var q = pathAndQuery.IndexOf('?');
        var path = q < 0 ? pathAndQuery : pathAndQuery[..q];
        var rest = q < 0 ? [] : pathAndQuery[(q + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => !p.StartsWith("culture=", StringComparison.OrdinalIgnoreCase) && !p.StartsWith("ui-culture=", StringComparison.OrdinalIgnoreCase));
        var kept = string.Join('&', rest);
        return With(kept.Length == 0 ? path : path + "?" + kept, IsEnglish ? Vietnamese : English);
    }

    static string With(string path, string culture) => path + (path.Contains('?') ? "&" : "?") + "culture=" + culture;
}
