using System.Net;
using System.Text.RegularExpressions;
using Pcmd.IntegrationTests.Infrastructure;

namespace Pcmd.IntegrationTests.Features.Establishments;

/// <summary>Issue 10, item 5: the list pages by cursors (the sort keys and the id), so a walk meets every row in scope once
/// even when names tie; the total is counted on the first page only; a page number deeper than 10,000 rows is refused
/// with a message that says what to do.</summary>
public abstract class EstablishmentPagingTests(PcmdApp app)
{
    readonly EstablishmentTestData data = new(app);

    /// <summary>55 establishments of Phú Lương under 7 names (ties of up to 8 rows), and one of Hà Đông with a name like theirs.</summary>
    async Task<(HttpClient Officer, string Tag, HashSet<int> Mine, int Theirs)> Seed()
    {
        var officer = await app.SignIn("phuluong");
        var tag = data.Tag("Trang");
        var job = await officer.Import(XlsxBuilder.Build(Enumerable.Range(0, 55).Select(i => XlsxBuilder.Row($"{tag} {"ABCDĐEG"[i % 7]}", $"{tag}-{i}"))));
        Assert.Equal(55, job.Accepted);
        var mine = (await officer.Search(tag)).Select(e => e.Id).ToHashSet();
        Assert.Equal(55, mine.Count);
        var hadong = await app.SignIn("hadong");
        var (theirs, _) = await hadong.Create(EstablishmentApi.Input($"{tag} A", await hadong.TypeId("KARAOKE"), await app.UnitId("09556")));
        return (officer, tag, mine, theirs);
    }

    [Fact]
    public async Task Cursor_pages_walk_every_sort_forward_and_back_without_duplicates_or_gaps_and_stay_in_scope()
    {
        var (officer, tag, mine, theirs) = await Seed();
        foreach (var sort in new[] { "name", "unit", "newest" })
        {
            var url = $"/api/v1/establishments?q={Uri.EscapeDataString(tag)}&sort={sort}&pageSize=10";
            var whole = (await officer.GetJson<EstablishmentPageView>(url.Replace("pageSize=10", "pageSize=200"))).Items.Select(e => e.Id).ToList();
            var forward = await officer.Forward(url);
            Assert.Equal(whole, forward.Ids());
            Assert.Equal(55, forward.Ids().Distinct().Count());
            Assert.True(mine.SetEquals(forward.Ids()), sort);
            Assert.DoesNotContain(theirs, forward.Ids());
            Assert.Equal([1, 2, 3, 4, 5, 6], forward.Select(p => (int)p["page"]!));
            Assert.All(forward, p => Assert.Equal(55, (int)p["total"]!));
            Assert.Equal(5, forward[^1]["items"]!.AsArray().Count);

            // Back from the last page (its cursor is on the first page): the same pages in reverse.
            var last = forward[0]["last"]!.GetValue<string>();
            var backward = await officer.Backward(url, last);
            Assert.Equal([6, 5, 4, 3, 2, 1], backward.Select(p => (int)p["page"]!));
            Assert.Equal(whole, Enumerable.Reverse(backward).Ids());
        }
        // Ties of a name are in id order.
        var byName = await officer.Forward($"/api/v1/establishments?q={Uri.EscapeDataString(tag)}&pageSize=7");
        var names = byName.SelectMany(p => p["items"]!.AsArray()).Select(i => (Name: (string)i!["name"]!, Id: (int)i["id"]!)).ToList();
        foreach (var tie in names.GroupBy(n => n.Name)) Assert.Equal(tie.Select(t => t.Id).Order(), tie.Select(t => t.Id));
    }

    [Fact]
    public async Task The_total_is_counted_on_the_first_page_only_and_carried_by_the_cursors()
    {
        var (officer, tag, _, _) = await Seed();
        // The list searches the folded text (no accents, lower case), so its SQL carries the tag folded.
        var sql = app.Sql.Watch(Pcmd.Web.Shared.SearchFold.Fold(tag));
        var url = $"/api/v1/establishments?q={Uri.EscapeDataString(tag)}&pageSize=10";
        var first = await officer.GetJson(url);
        Assert.Single(sql, IsCount);
        var pages = await officer.Forward(url, first["next"]!.GetValue<string>());
        Assert.Equal(5, pages.Count);
        Assert.Single(sql, IsCount);
        Assert.Equal(7, sql.Count); // one query of rows per page (6), one count

        // The page's links carry the cursors too: page 2 answers without counting.
        var html = await officer.GetStringAsync($"/establishments?q={Uri.EscapeDataString(tag)}");
        Assert.Equal(2, sql.Count(IsCount));
        var next = Link(html, "next");
        Assert.Contains("after=", next);
        var page2 = await officer.GetStringAsync(next);
        Assert.Equal(2, sql.Count(IsCount));
        Assert.Contains("Trang 2/2", page2);
        Assert.Equal(5, Regex.Matches(page2, @"<a href=""/establishments/\d+"">").Count);
        var back = await officer.GetStringAsync(Link(page2, "prev"));
        Assert.Equal(50, Regex.Matches(back, @"<a href=""/establishments/\d+"">").Count);
        Assert.Contains("Trang 1/2", back);
        Assert.Equal(2, sql.Count(IsCount));
    }

    [Fact]
    public async Task A_page_number_beyond_10000_rows_answers_a_clear_message_and_a_foreign_or_broken_cursor_is_refused()
    {
        var (officer, tag, _, _) = await Seed();
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync("/api/v1/establishments?page=201&pageSize=50")).StatusCode);
        var deep = await (await officer.GetAsync("/api/v1/establishments?page=202&pageSize=50")).Json(HttpStatusCode.BadRequest);
        Assert.Contains(deep.Errors(), e => e.StartsWith("page: Trang 202 quá sâu") && e.Contains("Trang sau"));
        var page = await officer.GetAsync("/establishments?page=5000");
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Contains("quá sâu", await page.Content.ReadAsStringAsync());

        var url = $"/api/v1/establishments?q={Uri.EscapeDataString(tag)}&pageSize=10";
        var next = (await officer.GetJson(url))["next"]!.GetValue<string>();
        var other = await (await officer.GetAsync(CursorPages.With(url + "&sort=newest", "after", next))).Json(HttpStatusCode.BadRequest);
        Assert.Contains(other.Errors(), e => e.StartsWith("after: ") && e.Contains("bộ lọc"));
        foreach (var broken in new[] { "xyz", next[..^4], "eyJLIjpbMV0sIkIiOmZhbHNlLCJQIjoyLCJUIjo1LCJGIjoiIn0" })
            Assert.Equal(HttpStatusCode.BadRequest, (await officer.GetAsync(CursorPages.With(url, "after", broken))).StatusCode);
    }

    static bool IsCount(string sql) => sql.Contains("COUNT(*)", StringComparison.OrdinalIgnoreCase);

    static string Link(string html, string rel) =>
        System.Net.WebUtility.HtmlDecode(Regex.Match(html, $@"href=""([^""]+)"" rel=""{rel}""").Groups[1].Value) is { Length: > 0 } href
            ? href : throw new Xunit.Sdk.XunitException($"No {rel} link in the page.");
}

[Collection(SqliteCollection.Name)]
public sealed class EstablishmentPagingTestsOnSqlite(SqliteApp app) : EstablishmentPagingTests(app);

[Collection(PostgresCollection.Name)]
public sealed class EstablishmentPagingTestsOnPostgres(PostgresApp app) : EstablishmentPagingTests(app);
