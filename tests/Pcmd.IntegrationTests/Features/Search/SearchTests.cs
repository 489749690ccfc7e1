using System.Net;
using Microsoft.EntityFrameworkCore;
using Pcmd.IntegrationTests.Features.Hotspots;
using Pcmd.IntegrationTests.Infrastructure;
using Pcmd.Web.Features.Establishments;

namespace Pcmd.IntegrationTests.Features.Search;

public sealed record SearchHitView(string Title, string? Detail, string Url);
public sealed record SearchGroupView(string Kind, string Label, List<SearchHitView> Hits, bool More, string? MoreUrl);
public sealed record SearchResultsView(string Query, List<SearchGroupView> Groups)
{
    public List<SearchHitView> Of(string kind) => Groups.SingleOrDefault(g => g.Kind == kind)?.Hits ?? [];
}

/// <summary>The site-wide search (issue 15): each kind within the user's scope, case-insensitive, the LIKE wildcards
/// taken literally, bad input refused in Vietnamese, and the page showing the same as the API, escaped.</summary>
public abstract class SearchTests(PcmdApp app)
{
    readonly HotspotTestData data = new(app);

    /// <summary>An establishment with this name, written straight to the database (the registry is another feature).</summary>
    Task<int> Establishment(string name, string unitCode) => data.Db(async db =>
    {
        var unit = await db.OrgUnits.Where(u => u.Code == unitCode && u.ValidTo == null).Select(u => u.Id).SingleAsync();
        var type = await db.EstablishmentTypes.OrderBy(t => t.Id).Select(t => t.Id).FirstAsync();
        var e = new Establishment { Name = name, Address = "Số 9 phố Tìm Kiếm", TypeId = type, OrgUnitId = unit, WorkerCount = 2 };
        db.Establishments.Add(e);
        await db.SaveChangesAsync();
        return e.Id;
    });

    static Task<SearchResultsView> Search(HttpClient c, string q) =>
        c.GetJson<SearchResultsView>("/api/v1/search?q=" + Uri.EscapeDataString(q));

    [Fact]
    public async Task Each_user_finds_only_what_is_in_their_scope_and_case_does_not_matter()
    {
        var tag = "TIM" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var mine = await Establishment($"Karaoke {tag} <b>Phú Lương</b>", HotspotTestData.PhuLuong);
        var other = await Establishment($"Karaoke {tag} Hà Đông", HotspotTestData.HaDong);
        var coordinator = await data.SignIn("dieuphoi");
        var (hotspot, _) = await HotspotTestData.Create(coordinator,
            HotspotTestData.Input($"Điểm {tag}", await data.UnitId(HotspotTestData.PhuLuong)));

        // The ward officer of Phú Lương: the establishment and the hotspot of the ward, not Hà Đông's; typed in lower case.
        var ward = await Search(await data.SignIn("phuluong"), tag.ToLowerInvariant());
        Assert.Equal(tag.ToLowerInvariant(), ward.Query);
        Assert.Equal([$"/establishments/{mine}"], ward.Of("establishments").Select(h => h.Url));
        Assert.Contains("Số 9 phố Tìm Kiếm", ward.Of("establishments")[0].Detail);
        Assert.Equal([$"/hotspots/{hotspot}"], ward.Of("hotspots").Select(h => h.Url));

        // The coordinator reads the city: both establishments.
        var city = await Search(coordinator, tag);
        Assert.Equal(new[] { $"/establishments/{other}", $"/establishments/{mine}" }.Order(), city.Of("establishments").Select(h => h.Url).Order());

        // A case worker does not use the registries: no establishment and no hotspot, though the names match.
        var worker = await Search(await data.SignIn("hotro"), tag);
        Assert.Empty(worker.Groups);
    }

    /// <summary>People type names without accents on a phone or a foreign keyboard: "hoan kiem" finds "Hoàn Kiếm", "dong da"
    /// and "ĐỐNG ĐA" find "Đống Đa" (đ is d), the same on SQLite and PostgreSQL, in the site-wide search and the list's q.</summary>
    [Fact]
    public async Task Accents_tone_marks_and_the_letter_d_do_not_matter()
    {
        var tag = "TIM" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var est = await Establishment($"Karaoke Đống Đa {tag} Hoàn Kiếm", HotspotTestData.PhuLuong);
        var coordinator = await data.SignIn("dieuphoi");
        var (hotspot, _) = await HotspotTestData.Create(coordinator,
            HotspotTestData.Input($"Điểm {tag} ngõ Hoàn Kiếm", await data.UnitId(HotspotTestData.PhuLuong)));
        var ward = await data.SignIn("phuluong");
        foreach (var q in new[] { $"dong da {tag.ToLowerInvariant()}", $"đống đa {tag}", $"ĐỐNG ĐA {tag}", $"{tag} hoan kiem", $"{tag}  HOÀN kiem" })
            Assert.Equal([$"/establishments/{est}"], (await Search(ward, q)).Of("establishments").Select(h => h.Url));
        Assert.Equal([$"/hotspots/{hotspot}"], (await Search(ward, $"diem {tag} ngo hoan kiem")).Of("hotspots").Select(h => h.Url));
        // The establishments list filters the same way.
        Assert.Equal([est], (await Pcmd.IntegrationTests.Features.Establishments.EstablishmentApi.Search(ward, $"dong da {tag} hoan kiem")).Select(r => r.Id));
        Assert.Empty((await Search(ward, $"dong da {tag} hoan kiem x")).Of("establishments"));
        // Plans by title without accents: "Kế hoạch … 2014" of the demo.
        var planId = await data.Db(db => db.Plans.Where(p => p.Key == "hn-2014").Select(p => new { p.Id, p.Title }).SingleAsync());
        var plain = Pcmd.Web.Shared.SearchFold.Fold(planId.Title);
        Assert.Contains((await Search(coordinator, plain[..Math.Min(plain.Length, 60)])).Of("plans"), h => h.Url == $"/plans/{planId.Id}");
    }

    /// <summary>Rows written before script 0024 (or by another writer) are folded at start-up, without a version bump.</summary>
    [Fact]
    public async Task Rows_without_their_folded_text_are_filled_without_a_new_version()
    {
        var tag = "TIM" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var id = await Establishment($"Nhà nghỉ Đồng Xuân {tag}", HotspotTestData.PhuLuong);
        var version = await data.Db(db => db.Establishments.Where(e => e.Id == id).Select(e => e.Version).SingleAsync());
        await data.Db(db => db.Establishments.Where(e => e.Id == id)
            .ExecuteUpdateAsync(u => u.SetProperty(e => EF.Property<string>(e, "SearchText"), "")));
        var ward = await data.SignIn("phuluong");
        Assert.Empty((await Search(ward, $"dong xuan {tag}")).Of("establishments"));
        Assert.True(await data.Db(db => Pcmd.Web.Data.SearchTextBackfill.Run(db)) >= 1);
        Assert.Equal([$"/establishments/{id}"], (await Search(ward, $"dong xuan {tag}")).Of("establishments").Select(h => h.Url));
        Assert.Equal(version, await data.Db(db => db.Establishments.Where(e => e.Id == id).Select(e => e.Version).SingleAsync()));
        Assert.Equal(0, await data.Db(db => Pcmd.Web.Data.SearchTextBackfill.Run(db)));
    }

    [Fact]
    public async Task Plans_are_found_by_number_and_reporting_periods_by_title()
    {
        var planId = await data.Db(db => db.Plans.Where(p => p.Key == "hn-2014").Select(p => p.Id).SingleAsync());
        var coordinator = await data.SignIn("dieuphoi");
        var plans = (await Search(coordinator, "08/KH-UBND")).Of("plans");
        Assert.Equal([$"/plans/{planId}"], plans.Select(h => h.Url));
        Assert.Contains("08/KH-UBND", plans[0].Detail);

        var period = await data.Db(db => db.ReportPeriods.OrderBy(p => p.Id).Select(p => new { p.Id, p.Title }).FirstAsync());
        var reports = (await Search(coordinator, period.Title)).Of("reports");
        Assert.Contains(reports, h => h.Url == $"/report-periods/{period.Id}");
        // The page opens for the one who found it.
        Assert.Equal(HttpStatusCode.OK, (await coordinator.GetAsync($"/report-periods/{period.Id}")).StatusCode);
    }

    [Fact]
    public async Task Wildcards_are_taken_literally_and_bad_input_is_refused_in_Vietnamese()
    {
        var coordinator = await data.SignIn("dieuphoi");
        // '%' and '_' would match every name if they reached LIKE unescaped.
        Assert.Empty((await Search(coordinator, "%%")).Groups);
        Assert.Empty((await Search(coordinator, "__")).Groups);

        var shortText = await (await coordinator.GetAsync("/api/v1/search?q=%20a%20")).Json<Problem>(HttpStatusCode.BadRequest);
        Assert.Equal(["q: Nhập ít nhất 2 ký tự để tìm."], shortText.Lines());
        var longText = await (await coordinator.GetAsync("/api/v1/search?q=" + new string('x', 101))).Json<Problem>(HttpStatusCode.BadRequest);
        Assert.Equal(["q: Từ khóa tìm kiếm tối đa 100 ký tự."], longText.Lines());
        var take = await (await coordinator.GetAsync("/api/v1/search?q=karaoke&take=0")).Json<Problem>(HttpStatusCode.BadRequest);
        Assert.Equal(["take: Số kết quả mỗi loại từ 1 đến 50."], take.Lines());
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient(new() { AllowAutoRedirect = false }).GetAsync("/api/v1/search?q=karaoke")).StatusCode);
    }

    [Fact]
    public async Task The_page_shows_the_hits_escaped_and_says_when_nothing_is_found()
    {
        var tag = "TRANG" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var id = await Establishment($"Nhà nghỉ {tag} <script>x</script>", HotspotTestData.PhuLuong);
        var ward = await data.SignIn("phuluong");
        var html = await ward.GetStringAsync("/search?q=" + Uri.EscapeDataString(tag));
        Assert.Contains($"href=\"/establishments/{id}\"", html);
        Assert.Contains($"Nhà nghỉ {tag} &lt;script&gt;x&lt;/script&gt;", html);
        Assert.DoesNotContain("<script>x</script>", html);

        var none = await ward.GetStringAsync("/search?q=" + Uri.EscapeDataString("không-có-" + tag));
        Assert.Contains("data-testid=\"search-empty\"", none);
        var bad = await ward.GetAsync("/search?q=a");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("Nhập ít nhất 2 ký tự để tìm.", await bad.Content.ReadAsStringAsync());
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SearchTestsOnSqlite(SqliteApp app) : SearchTests(app);

[Collection(PostgresCollection.Name)]
public sealed class SearchTestsOnPostgres(PostgresApp app) : SearchTests(app);
