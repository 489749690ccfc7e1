using System.Text.RegularExpressions;

namespace Pcmd.Web.Features.Reporting;

/// <summary>The first draft of a consolidated report's text from what the units wrote (issue 15 item 5): each point once,
/// in the order first written, followed by the units that reported it, each unit named once per point. A point is a line
/// or a sentence; two points are the same when they differ only in case, spacing or the final full stop. The coordinator
/// edits the draft; the units' texts as written stay in the annex.</summary>
public static partial class ReportSynthesis
{
    public static string? Draft(IEnumerable<(string Unit, string Text)> texts)
    {
        var points = new List<(string Text, List<string> Units)>();
        var byKey = new Dictionary<string, int>();
        foreach (var (unit, text) in texts)
            foreach (var point in Points(text))
            {
                var key = Key(point);
                if (!byKey.TryGetValue(key, out var i))
                {
                    byKey[key] = i = points.Count;
                    points.Add((point, []));
                }
                if (!points[i].Units.Contains(unit)) points[i].Units.Add(unit);
            }
        return points.Count == 0 ? null
            : string.Join("\n", points.Select(p => $"- {p.Text} ({string.Join(", ", p.Units)})."));
    }

    /// <summary>A text's points: its lines, each cut into sentences where a full stop, "!" or "?" is followed by a capital
    /// (so "1.500" and "v.v." stay whole), without list marks and the final full stop.</summary>
    public static IEnumerable<string> Points(string text) =>
        text.Split('\n').Select(l => l.Trim().TrimStart('-', '+', '•', '*').Trim())
            .SelectMany(l => SentenceEnd().Split(l))
            .Select(s => Space().Replace(s, " ").Trim().TrimEnd('.', ';', ' '))
            .Where(s => s.Length > 0);

    static string Key(string point) => point.ToLowerInvariant();

    /// <summary>A title cut to <paramref name="max"/> characters at a word's end, never inside a word.</summary>
    public static string Shortened(string s, int max)
    {
        if (s.Length <= max) return s;
        var cut = s.LastIndexOf(' ', max - 1);
        return (cut > max / 2 ? s[..cut] : s[..(max - 1)]).TrimEnd(' ', ',', ';', ':') + "…";
    }

    [GeneratedRegex(@"(?<=[.!?])\s+(?=\p{Lu})")] private static partial Regex SentenceEnd();
    [GeneratedRegex(@"\s+")] private static partial Regex Space();
}
