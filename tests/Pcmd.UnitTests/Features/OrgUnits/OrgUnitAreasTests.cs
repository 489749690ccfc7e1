using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pcmd.Web.Data;
using Pcmd.Web.Features.OrgUnits;

namespace Pcmd.UnitTests.Features.OrgUnits;

/// <summary>The areas' closure table (org_unit_areas) against the in-memory <see cref="OrgUnitTree.Area"/>, on a tree with a
/// unit split between two new ones and a chain of mergers (old → middle → new), as units and successions are added, moved
/// and removed through the DbContext: the table must follow every save, removals included.</summary>
public sealed class OrgUnitAreasTests : IDisposable
{
    readonly SqliteConnection _conn = new("Data Source=:memory:");
    readonly ServiceProvider _services;

    public OrgUnitAreasTests()
    {
        _conn.Open();
        _services = new ServiceCollection()
            .AddDbContext<PcmdDbContext>(o => o.UseSqlite(_conn))
            .AddSingleton<OrgUnitTree>()
            .BuildServiceProvider();
        using var scope = _services.CreateScope();
        SchemaMigrator.MigrateAsync(scope.ServiceProvider.GetRequiredService<PcmdDbContext>(), DatabaseProvider.Sqlite).GetAwaiter().GetResult();
    }

    public void Dispose()
    {
        _services.Dispose();
        _conn.Dispose();
    }

    async Task Change(Func<PcmdDbContext, Task> change)
    {
        using var scope = _services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PcmdDbContext>();
        await change(db);
        await db.SaveChangesAsync();
        _services.GetRequiredService<OrgUnitTree>().Invalidate();
    }

    /// <summary>Every unit's rows in the table are exactly its area in memory, and the rows above it the ancestors of the
    /// area's units outside it (what <see cref="Pcmd.Web.Security.UserScope"/> reads beyond what it writes).</summary>
    async Task AssertTableIsTheClosure()
    {
        using var scope = _services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PcmdDbContext>();
        var tree = _services.GetRequiredService<OrgUnitTree>();
        var rows = await db.OrgUnitAreas.AsNoTracking().ToListAsync();
        var area = rows.Where(a => !a.Above).ToLookup(a => a.AreaId, a => a.UnitId);
        var above = rows.Where(a => a.Above).ToLookup(a => a.AreaId, a => a.UnitId);
        var units = await db.OrgUnits.Select(u => u.Id).ToListAsync();
        Assert.Equal(units.Order(), area.Select(g => g.Key).Order());
        foreach (var id in units)
        {
            var expected = await tree.Area(id);
            Assert.Equal(expected.Order(), area[id].Order());
            var ancestors = new HashSet<int>();
            foreach (var u in expected)
                foreach (var a in await tree.Ancestors(u))
                    if (!expected.Contains(a.Id)) ancestors.Add(a.Id);
            Assert.Equal(ancestors.Order(), above[id].Order());
        }
    }

    static OrgUnit U(string code, OrgUnitLevel level, OrgUnit? parent = null, DateOnly? to = null) =>
        new() { Code = code, Name = "Đơn vị " + code, Level = level, Parent = parent, ValidTo = to };

    [Fact]
    public async Task The_table_follows_units_and_successions_added_moved_and_removed()
    {
        var before = new DateOnly(2025, 6, 30);
        OrgUnit country = null!, city = null!, district = null!, oldA = null!, oldB = null!, middle = null!, newW = null!, newV = null!, group = null!;
        await Change(db =>
        {
            country = U("VN", OrgUnitLevel.Country);
            city = U("01", OrgUnitLevel.Province, country);
            district = U("01.D", OrgUnitLevel.District, city, before);
            oldA = U("A", OrgUnitLevel.Commune, district, before);
            oldB = U("B", OrgUnitLevel.Commune, district, before);
            middle = U("M", OrgUnitLevel.Commune, city, before);
            newW = U("W", OrgUnitLevel.Commune, city);
            newV = U("V", OrgUnitLevel.Commune, city);
            group = U("W-1", OrgUnitLevel.ResidentialGroup, newW);
            db.OrgUnits.AddRange(country, city, district, oldA, oldB, middle, newW, newV, group);
            return Task.CompletedTask;
        });
        await AssertTableIsTheClosure();

        // B split between W and V; A merged into M, M into W: W's area reaches A through M.
        await Change(db =>
        {
            db.OrgUnitSuccessions.AddRange(
                new OrgUnitSuccession { OldUnitId = oldB.Id, NewUnitId = newW.Id, EffectiveOn = new(2025, 7, 1) },
                new OrgUnitSuccession { OldUnitId = oldB.Id, NewUnitId = newV.Id, EffectiveOn = new(2025, 7, 1) },
                new OrgUnitSuccession { OldUnitId = oldA.Id, NewUnitId = middle.Id, EffectiveOn = new(2025, 7, 1) },
                new OrgUnitSuccession { OldUnitId = middle.Id, NewUnitId = newW.Id, EffectiveOn = new(2026, 1, 1) });
            return Task.CompletedTask;
        });
        await AssertTableIsTheClosure();
        Assert.Equal(new[] { newW.Id, group.Id, oldB.Id, middle.Id, oldA.Id }.Order(), (await _services.GetRequiredService<OrgUnitTree>().Area(newW.Id)).Order());

        // The group moves from W to V, and the M → W merger is withdrawn: rows go as well as come.
        await Change(async db =>
        {
            (await db.OrgUnits.SingleAsync(u => u.Id == group.Id)).ParentId = newV.Id;
            db.OrgUnitSuccessions.Remove(await db.OrgUnitSuccessions.SingleAsync(s => s.OldUnitId == middle.Id));
        });
        await AssertTableIsTheClosure();
        Assert.Equal(new[] { newW.Id, oldB.Id }.Order(), (await _services.GetRequiredService<OrgUnitTree>().Area(newW.Id)).Order());
        using (var scope = _services.CreateScope())   // W reads the city and the country, and B's old district
            Assert.Equal(new[] { country.Id, city.Id, district.Id }.Order(), await scope.ServiceProvider.GetRequiredService<PcmdDbContext>()
                .OrgUnitAreas.Where(a => a.AreaId == newW.Id && a.Above).Select(a => a.UnitId).OrderBy(x => x).ToListAsync());

        // A unit removed takes its rows with it.
        await Change(async db => db.OrgUnits.Remove(await db.OrgUnits.SingleAsync(u => u.Id == group.Id)));
        await AssertTableIsTheClosure();
    }

    [Fact]
    public async Task A_sync_of_a_table_in_order_writes_nothing_and_one_emptied_by_hand_is_refilled()
    {
        await Change(db =>
        {
            var city = U("01", OrgUnitLevel.Province);
            db.OrgUnits.AddRange(city, U("X", OrgUnitLevel.Commune, city), U("Y", OrgUnitLevel.Commune, city));
            return Task.CompletedTask;
        });
        using var scope = _services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PcmdDbContext>();
        Assert.Equal((0, 0), await OrgUnitAreas.Sync(db));
        await db.Database.ExecuteSqlRawAsync("DELETE FROM org_unit_areas");
        Assert.Equal((0, 7), await OrgUnitAreas.Sync(db));   // 3 units themselves, X and Y in the city's area, the city above X and Y
        await AssertTableIsTheClosure();
    }
}
