using System.Globalization;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.Tips;

/// <summary>Names of the tip codes (keys "Tips.*" in Resources/strings.tsv). The overloads without a culture give
/// Vietnamese, as problems and the public API say them; pages pass <see cref="CultureInfo.CurrentUICulture"/>.</summary>
public static class TipLabels
{
    public static string State(TipState s) => State(s, UiText.Vi);

    public static string State(TipState s, CultureInfo c) => UiText.T("Tips.State." + s, c);

    public static string Channel(TipChannel ch, CultureInfo c) => UiText.T("Tips.Channel." + ch, c);

    public static string Category(TipCategory cat, CultureInfo c) => UiText.T("Tips.Category." + cat, c);

    public static string Kind(TipKind? k, CultureInfo c) => UiText.T("Tips.Kind." + (k?.ToString() ?? "None"), c);

    public static string Relevance(TipRelevance? r, CultureInfo c) => r is { } v ? UiText.T("Tips.Relevance." + v, c) : "";

    public static string Outcome(TipOutcome? o, CultureInfo c) => o is { } v ? UiText.T("Tips.Outcome." + v, c) : "";

    public static string Public(PublicStatus s) => Public(s, UiText.Vi);

    public static string Public(PublicStatus s, CultureInfo c) => UiText.T("Tips.Public." + s, c);
}
