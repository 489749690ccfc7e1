using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using System.Security.Claims;
using Pcmd.Web.Data;
using Pcmd.Web.Features.OrgUnits;
using Pcmd.Web.Features.Users;
using Pcmd.Web.Security;

namespace Pcmd.UnitTests.Features.OrgUnits;

/// <summary>Validity dates, reused codes and the old→new mapping, on a small tree in an in-memory SQLite
/// database: Hà Nội → Quận Hà Đông (until 30/6/2025) → Phường Phú Lãm 09568, Phường Vạn Phúc 09562;
/// Hà Nội → Phường Phú Lương 09568 and Phường Hà Đông 09556 (from 1/7/2025).</summary>
public sealed class OrgUnitRulesTests : IDisposable
{
    readonly SqliteConnection _conn = new("Data Source=:memory:");
    readonly ServiceProvider _services;
    readonly OrgUnitTree _tree;
    readonly Dictionary<string, int> _ids = new();

    public OrgUnitRulesTests()
    {
        _conn.Open();
        _services = new ServiceCollection()
            .AddDbContext<PcmdDbContext>(o => o.UseSqlite(_conn))
            .AddSingleton<OrgUnitTree>()
            .BuildServiceProvider();
        using var scope = _services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PcmdDbContext>();
        SchemaMigrator.MigrateAsync(db, DatabaseProvider.Sqlite).GetAwaiter().GetResult();
        var reform = new DateOnly(2025, 7, 1);
        var before = new DateOnly(2025, 6, 30);
        var city = Add(db, "city", new OrgUnit { Code = "01", Name = "Thành phố Hà Nội", Level = OrgUnitLevel.Province });
        var district = Add(db, "haDongDistrict", new OrgUnit { Code = "01.HADONG", Name = "Quận Hà Đông", Level = OrgUnitLevel.District, Parent = city, ValidTo = before });
        var phuLam = Add(db, "phuLam", new OrgUnit { Code = "09568", Name = "Phường Phú Lãm", Level = OrgUnitLevel.Commune, Parent = district, ValidTo = before });
        var vanPhuc = Add(db, "vanPhuc", new OrgUnit { Code = "09562", Name = "Phường Vạn Phúc", Level = OrgUnitLevel.Commune, Parent = district, ValidTo = before });
        var phuLuong = Add(db, "phuLuong", new OrgUnit { Code = "09568", Name = "Phường Phú Lương", Level = OrgUnitLevel.Commune, Parent = city, ValidFrom = reform });
        var haDong = Add(db, "haDongWard", new OrgUnit { Code = "09556", Name = "Phường Hà Đông", Level = OrgUnitLevel.Commune, Parent = city, ValidFrom = reform });
        Add(db, "group1", new OrgUnit { Code = "09568-TDP01", Name = "Tổ dân phố số 1", Level = OrgUnitLevel.ResidentialGroup, Parent = phuLuong, ValidFrom = reform });
        db.SaveChanges();
        // Vạn Phúc was split between Hà Đông and Phú Lương: one old unit, two new ones.
        db.OrgUnitSuccessions.AddRange(
            new OrgUnitSuccession { OldUnitId = phuLam.Id, NewUnitId = phuLuong.Id, EffectiveOn = reform },
            new OrgUnitSuccession { OldUnitId = vanPhuc.Id, NewUnitId = haDong.Id, EffectiveOn = reform },
            new OrgUnitSuccession { OldUnitId = vanPhuc.Id, NewUnitId = phuLuong.Id, EffectiveOn = reform });
        db.SaveChanges();
        foreach (var (k, u) in _units) _ids[k] = u.Id;
        _tree = _services.GetRequiredService<OrgUnitTree>();
    }

    readonly Dictionary<string, OrgUnit> _units = new();
    OrgUnit Add(PcmdDbContext db, string key, OrgUnit u) { db.OrgUnits.Add(u); _units[key] = u; return u; }

    [Theory]
    [InlineData("2025-06-30", false, true)]
    [InlineData("2025-07-01", true, false)]
    [InlineData("2030-12-31", true, false)]
    public void Validity_dates_are_inclusive_on_both_ends(string day, bool newUnitValid, bool oldUnitValid)
    {
        var d = DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(newUnitValid, new OrgUnit { ValidFrom = new DateOnly(2025, 7, 1) }.IsValidOn(d));
        Assert.Equal(oldUnitValid, new OrgUnit { ValidTo = new DateOnly(2025, 6, 30) }.IsValidOn(d));
    }

    [Fact]
    public async Task A_reused_code_resolves_to_the_unit_valid_on_the_day()
    {
        Assert.Equal("Phường Phú Lãm", (await _tree.Resolve("09568", new DateOnly(2024, 1, 1)))!.Name);
        Assert.Equal("Phường Phú Lãm", (await _tree.Resolve("09568", new DateOnly(2025, 6, 30)))!.Name);
        Assert.Equal("Phường Phú Lương", (await _tree.Resolve("09568", new DateOnly(2025, 7, 1)))!.Name);
        Assert.Null(await _tree.Resolve("01.HADONG", new DateOnly(2025, 7, 1)));
    }

    [Fact]
    public async Task One_old_unit_may_map_to_several_new_ones()
    {
        var successors = await _tree.Successors(_ids["vanPhuc"]);
        Assert.Equal(new[] { _ids["haDongWard"], _ids["phuLuong"] }.Order(), successors.Order());
        Assert.Equal(new[] { _ids["phuLam"], _ids["vanPhuc"] }.Order(), (await _tree.Predecessors(_ids["phuLuong"])).Order());
    }

    [Fact]
    public async Task The_subtree_reaches_any_depth()
    {
        var sub = await _tree.Subtree(_ids["city"]);
        Assert.Equal(_ids.Values.Order(), sub.Order());
        Assert.Equal(new[] { _ids["phuLuong"], _ids["group1"] }.Order(), (await _tree.Subtree(_ids["phuLuong"])).Order());
    }

    [Fact]
    public async Task A_ward_officer_writes_in_their_ward_and_the_old_wards_merged_into_it_and_reads_upward_only()
    {
        var user = new ClaimsPrincipal(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.Name, "phuluong"), new Claim(ClaimTypes.Role, Roles.CommuneOfficer),
            new Claim(UserScope.OrgUnitClaim, _ids["phuLuong"].ToString()),
        ], "test"));
        var scope = await UserScope.Build(user, _tree);
        Assert.True(scope.CanWriteUnit(_ids["phuLuong"]));
        Assert.True(scope.CanWriteUnit(_ids["group1"]));
        Assert.True(scope.CanWriteUnit(_ids["phuLam"]));
        Assert.True(scope.CanWriteUnit(_ids["vanPhuc"]));          // part of Vạn Phúc went to Phú Lương
        Assert.False(scope.CanWriteUnit(_ids["city"]));
        Assert.True(scope.CanReadUnit(_ids["city"]));
        Assert.True(scope.CanReadUnit(_ids["haDongDistrict"]));   // the district above Phú Lãm: its plan is the parent
        Assert.False(scope.CanReadUnit(_ids["haDongWard"]));
        Assert.False(scope.CanWriteUnit(_ids["haDongWard"]));
    }

    [Theory]
    [InlineData("Quận Hà Đông", "01.HADONG")]
    [InlineData("Thị xã Sơn Tây", "01.SONTAY")]
    [InlineData("Huyện Ứng Hòa", "01.UNGHOA")]
    [InlineData("Quận Đống Đa", "01.DONGDA")]
    public void Old_districts_get_a_code_from_their_name(string name, string code)
    {
        Assert.Equal(code, AddressPackageImporter.DistrictCode("01", name));
    }

    public void Dispose()
    {
        _services.Dispose();
        _conn.Dispose();
    }
}
