using System.Net;
using Pcmd.IntegrationTests.Infrastructure;

namespace Pcmd.IntegrationTests.Features.Establishments;

/// <summary>Issue 10, item 3: a page of the list and its total are kept in memory under the registers' generations
/// (Data/ListCache), so a list opened again reads no establishment — and the freshness rule holds: a record saved, changed
/// or deleted shows on the very next load, and a page kept for one reach is never shown to another.</summary>
public abstract class EstablishmentListCacheTests(PcmdApp app)
{
    readonly EstablishmentTestData data = new(app);

    [Fact]
    public async Task A_list_opened_again_is_served_from_memory_and_every_saved_change_shows_on_the_next_load()
    {
        var officer = await app.SignIn("phuluong");
        var unit = await app.UnitId("09568");
        var type = await officer.TypeId("KARAOKE");
        var tag = data.Tag("Nho");
        var (first, _) = await officer.Create(EstablishmentApi.Input($"{tag} A", type, unit));
        var (second, secondVersion) = await officer.Create(EstablishmentApi.Input($"{tag} B", type, unit));
        // The list searches the folded text, so its SQL carries the tag folded; pageSize 1: a count on the first page.
        var sql = app.Sql.Watch(Pcmd.Web.Shared.SearchFold.Fold(tag));
        var url = $"/api/v1/establishments?q={Uri.EscapeDataString(tag)}&pageSize=1";
        async Task<EstablishmentPageView> Load() => await officer.GetJson<EstablishmentPageView>(url);

        var page = await Load();
        Assert.Equal((2, first), (page.Total, page.Items.Single().Id));
        var read = sql.Count;
        Assert.Equal(2, read); // the page's rows and the count
        page = await Load();
        Assert.Equal((2, first), (page.Total, page.Items.Single().Id));
        Assert.Equal(read, sql.Count); // nothing read again: served from memory
        Assert.Equal(1, await app.CommandsOf(officer, url)); // only the generations

        // Added: the next load counts and shows it (its name sorts first).
        var (added, _) = await officer.Create(EstablishmentApi.Input($"{tag} 1", type, unit));
        page = await Load();
        Assert.Equal((3, added), (page.Total, page.Items.Single().Id));
        Assert.True(sql.Count > read);

        // Changed: the new name shows and sorts.
        var change = EstablishmentApi.Input($"{tag} 0", type, unit);
        change["version"] = secondVersion;
        await (await officer.PutRaw($"/api/v1/establishments/{second}", change.ToJsonString())).Json<Versioned>(HttpStatusCode.OK);
        page = await Load();
        Assert.Equal((3, second, $"{tag} 0"), (page.Total, page.Items.Single().Id, page.Items.Single().Name));

        // Deleted: gone from the page and the total.
        Assert.Equal(HttpStatusCode.NoContent, (await officer.DeleteAsync($"/api/v1/establishments/{second}?version={secondVersion + 1}")).StatusCode);
        page = await Load();
        Assert.Equal((2, added), (page.Total, page.Items.Single().Id));
        Assert.Equal([added, first], (await officer.Search(tag)).Select(e => e.Id));
    }

    [Fact]
    public async Task A_page_kept_for_one_reach_is_not_shown_to_another_and_the_city_sees_the_wards_new_record_at_once()
    {
        var officer = await app.SignIn("phuluong");
        var neighbour = await app.SignIn("hadong");
        var coordinator = await app.SignIn("dieuphoi");
        var tag = data.Tag("Tam");
        var url = $"/api/v1/establishments?q={Uri.EscapeDataString(tag)}";
        var (mine, _) = await officer.Create(EstablishmentApi.Input($"{tag} A", await officer.TypeId("KARAOKE"), await app.UnitId("09568")));

        Assert.Equal([mine], (await officer.GetJson<EstablishmentPageView>(url)).Items.Select(e => e.Id));
        Assert.Empty((await neighbour.GetJson<EstablishmentPageView>(url)).Items);
        Assert.Equal([mine], (await coordinator.GetJson<EstablishmentPageView>(url)).Items.Select(e => e.Id));

        var (theirs, _) = await neighbour.Create(EstablishmentApi.Input($"{tag} B", await neighbour.TypeId("KARAOKE"), await app.UnitId("09556")));
        Assert.Equal([mine], (await officer.GetJson<EstablishmentPageView>(url)).Items.Select(e => e.Id));
        Assert.Equal([theirs], (await neighbour.GetJson<EstablishmentPageView>(url)).Items.Select(e => e.Id));
        var city = await coordinator.GetJson<EstablishmentPageView>(url);
        Assert.Equal(2, city.Total);
        Assert.Equal([mine, theirs], city.Items.Select(e => e.Id));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class EstablishmentListCacheTestsOnSqlite(SqliteApp app) : EstablishmentListCacheTests(app);

[Collection(PostgresCollection.Name)]
public sealed class EstablishmentListCacheTestsOnPostgres(PostgresApp app) : EstablishmentListCacheTests(app);
