using System.Text.Json.Nodes;

namespace Pcmd.IntegrationTests.Infrastructure;

/// <summary>Walks a list of the API by its cursors (<c>next</c> forward, <c>prev</c> backward), page by page.</summary>
public static class CursorPages
{
    /// <summary>Every page of the list <paramref name="url"/> from its first (or from <c>after=<paramref name="start"/></c>) on,
    /// following <c>next</c> until there is none.</summary>
    public static Task<List<JsonNode>> Forward(this HttpClient c, string url, string? start = null) =>
        Walk(c, url, start is null ? url : With(url, "after", start), "next", "after");

    /// <summary>Every page of the list <paramref name="url"/> from <c>before=<paramref name="start"/></c> (e.g. its <c>last</c>
    /// cursor) back to the first, following <c>prev</c>.</summary>
    public static Task<List<JsonNode>> Backward(this HttpClient c, string url, string start) =>
        Walk(c, url, With(url, "before", start), "prev", "before");

    static async Task<List<JsonNode>> Walk(HttpClient c, string url, string first, string link, string parameter)
    {
        var pages = new List<JsonNode>();
        for (var next = first; next is not null && pages.Count < 1000;)
        {
            var page = await c.GetJson(next);
            pages.Add(page);
            next = page[link]?.GetValue<string>() is { } cursor ? With(url, parameter, cursor) : null;
        }
        return pages;
    }

    /// <summary><paramref name="url"/> with one more query parameter.</summary>
    public static string With(string url, string name, string value) =>
        url + (url.Contains('?') ? "&" : "?") + name + "=" + Uri.EscapeDataString(value);

    public static List<int> Ids(this IEnumerable<JsonNode> pages) =>
        pages.SelectMany(p => p["items"]!.AsArray()).Select(i => (int)i!["id"]!.GetValue<long>()).ToList();
}
