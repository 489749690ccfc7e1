using System.Text.RegularExpressions;
using Pcmd.Web.Security;

namespace Pcmd.Web.Components.Layout;

/// <summary>The sections of the menu, in the order they are shown. A section with one entry the user may use is a plain
/// link; with several, a drop-down.</summary>
public enum NavGroup { Plans, Reports, Registers, Support, Map, Admin }

/// <summary>One entry of the menu, registered by its feature's module (<c>services.AddNavEntry(…)</c>), so that the layout
/// never lists features. <paramref name="Sections"/> are path patterns (regular expressions, anchored at the start) of the
/// pages that belong to the entry besides its own address: the report calendar of a plan (/plans/7/reports) is "Báo cáo".</summary>
public sealed record NavEntry(NavGroup Group, string LabelKey, string Href, int Order = 0, Func<UserScope, bool>? Visible = null,
    params string[] Sections)
{
    public bool IsVisibleTo(UserScope s) => Visible?.Invoke(s) ?? true;

    /// <summary>How well the path belongs to this entry: the length of the longest matching prefix or pattern, 0 for none.</summary>
    public int Match(string path)
    {
        var best = path == Href || path.StartsWith(Href.TrimEnd('/') + "/", StringComparison.Ordinal) ? Href.Length : 0;
        foreach (var pattern in Sections)
            if (Regex.Match(path, "^(?:" + pattern + ")") is { Success: true } m && m.Length + 1 > best) best = m.Length + 1;
        return best;
    }

    /// <summary>Visible to these roles only (administrators see everything).</summary>
    public static Func<UserScope, bool> Roles(params string[] roles) =>
        s => s.IsGlobal || roles.Any(s.IsInRole);
}

public static class NavEntries
{
    public static IServiceCollection AddNavEntry(this IServiceCollection services, NavEntry entry) => services.AddSingleton(entry);

    /// <summary>The menu a user sees: the visible entries by section, and the one entry the current page belongs to.</summary>
    public static (List<IGrouping<NavGroup, NavEntry>> Groups, NavEntry? Current) For(IEnumerable<NavEntry> all, UserScope scope, string path)
    {
        var visible = all.Where(e => e.IsVisibleTo(scope)).ToList();
        var current = visible.Select(e => (e, score: e.Match(path))).Where(x => x.score > 0).OrderByDescending(x => x.score)
            .Select(x => x.e).FirstOrDefault();
        var groups = visible.OrderBy(e => e.Group).ThenBy(e => e.Order).GroupBy(e => e.Group).ToList();
        return (groups, current);
    }
}
