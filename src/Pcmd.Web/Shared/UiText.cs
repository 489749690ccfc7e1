using System.Globalization;
using System.Resources;

namespace Pcmd.Web.Shared;

/// <summary>The UI strings (Resources/strings.tsv) in a culture chosen by the caller, for code that has no
/// <c>IStringLocalizer</c> at hand: labels that services word in Vietnamese (problems, the public API) and pages word
/// in the reader's language. Vietnamese is the neutral culture.</summary>
public static class UiText
{
    public static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    static readonly ResourceManager Strings = new("Pcmd.Web.Resources.SharedResource", typeof(SharedResource).Assembly);

    public static string T(string key, CultureInfo c) => Strings.GetString(key, c) ?? Strings.GetString(key, CultureInfo.InvariantCulture) ?? key;
}
