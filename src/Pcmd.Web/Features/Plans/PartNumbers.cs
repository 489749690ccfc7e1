using System.Globalization;

namespace Pcmd.Web.Features.Plans;

/// <summary>The order of a plan's numbering ("3.1.5.a" before "3.2", "V.1.c" after "IV.3", "9" before "10"), so that a
/// task or indicator added in the browser lands at its place, not at the end (issue 16, item 9).</summary>
public sealed class PartNumbers : IComparer<string>
{
    public static readonly PartNumbers Order = new();

    public int Compare(string? x, string? y)
    {
        var a = (x ?? "").Split('.', StringSplitOptions.TrimEntries);
        var b = (y ?? "").Split('.', StringSplitOptions.TrimEntries);
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            var c = Segment(a[i], b[i]);
            if (c != 0) return c;
        }
        return a.Length.CompareTo(b.Length);   // a heading ("3.1") comes before its rows ("3.1.1")
    }

    static int Segment(string a, string b)
    {
        if (int.TryParse(a, NumberStyles.None, CultureInfo.InvariantCulture, out var na) && int.TryParse(b, NumberStyles.None, CultureInfo.InvariantCulture, out var nb))
            return na.CompareTo(nb);
        if (Roman(a) is { } ra && Roman(b) is { } rb) return ra.CompareTo(rb);
        return string.Compare(a, b, StringComparison.OrdinalIgnoreCase);
    }

    static int? Roman(string s)
    {
        // Upper case only: sections are "IV", "V"; items are lettered "a", "b", "c" … ("c" is not 100).
        if (s.Length == 0 || s.Any(c => "IVXLCDM".IndexOf(c) < 0)) return null;
        int total = 0, prev = 0;
        foreach (var c in s.Reverse())
        {
            var v = c switch { 'I' => 1, 'V' => 5, 'X' => 10, 'L' => 50, 'C' => 100, 'D' => 500, _ => 1000 };
            total += v < prev ? -v : v;
            prev = Math.Max(prev, v);
        }
        return total;
    }

    /// <summary>The position a new part takes among the others (number, position): before the first, in the plan's order,
    /// that the numbering puts after it; the end when none does.</summary>
    public static int PositionFor(string number, IEnumerable<(string Number, int Position)> others)
    {
        var list = others.OrderBy(o => o.Position).ToList();
        var next = list.FirstOrDefault(o => Order.Compare(o.Number, number) > 0);
        return next.Number is null ? (list.Count == 0 ? 0 : list[^1].Position + 1) : next.Position;
    }
}
