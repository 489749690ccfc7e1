using Microsoft.Extensions.DependencyInjection;
using Pcmd.Web.Features.Indicators;
using Pcmd.Web.Features.Targets;

namespace Pcmd.UnitTests.Features.Indicators;

/// <summary>Each computation against the figures counted by hand from the records listed in <see cref="RegistryFixture"/>.
/// "phuLuong" is the new Phường Phú Lương, whose area takes in the old Phú Lãm and Vạn Phúc; "city" is everything.</summary>
public sealed class IndicatorComputationsTests(RegistryFixture data) : IClassFixture<RegistryFixture>
{
    async Task<Actual> Compute(Computation c, string unit, int fromYear, int toYear)
    {
        using var scope = data.Services.CreateScope();
        var areas = scope.ServiceProvider.GetRequiredService<IndicatorAreas>();
        var computations = scope.ServiceProvider.GetRequiredService<IndicatorComputations>();
        return await computations.Compute(c, await areas.ForQuery(data.Units[unit]), new DateOnly(fromYear, 1, 1), new DateOnly(toYear, 12, 31));
    }

    async Task AssertRatio(Computation c, string unit, int from, int to, int num, int den)
    {
        var a = await Compute(c, unit, from, to);
        Assert.Equal((num, (decimal?)den), (a.Value, a.Denominator));
    }

    async Task AssertCount(Computation c, string unit, int from, int to, int expected)
    {
        var a = await Compute(c, unit, from, to);
        Assert.Equal(expected, a.Value);
        Assert.Null(a.Denominator);
    }

    [Fact]
    public async Task The_area_of_a_new_ward_takes_in_the_old_wards_merged_into_it_and_the_city_is_everything()
    {
        using var scope = data.Services.CreateScope();
        var areas = scope.ServiceProvider.GetRequiredService<IndicatorAreas>();
        var u = data.Units;
        Assert.Equal(new[] { u["phuLuong"], u["phuLam"], u["vanPhuc"] }.Order(), (await areas.Area(u["phuLuong"])).Order());
        Assert.Equal(new[] { u["haDong"], u["vanPhuc"] }.Order(), (await areas.Area(u["haDong"])).Order());
        Assert.Equal(new[] { u["phuLam"] }, await areas.Area(u["phuLam"]));
        Assert.Equal(6, (await areas.Area(u["city"])).Count);
        Assert.Equal(u["city"], await areas.ForQuery(u["city"]));   // resolved in SQL through org_unit_areas
        Assert.Null(await areas.ForQuery(u["country"]));   // the whole tree: one aggregate without a list of units
        Assert.Equal(["Phường Hà Đông", "Phường Phú Lương"], (await areas.ChildrenOn(u["city"], new DateOnly(2026, 12, 31))).Select(n => n.Name));
        Assert.Equal(["Quận Hà Đông"], (await areas.ChildrenOn(u["city"], new DateOnly(2024, 12, 31))).Select(n => n.Name));
    }

    [Theory]
    // 2024: managed E1, E2, E7 (Vạn Phúc, part of Phú Lương since 2025); inspected E1 (I1), E7 (I7).
    [InlineData("phuLuong", 2024, 2024, 2, 3)]
    // 2025: managed E1, E2, E3, E7; inspected E1 (I2), E2 (I3).
    [InlineData("phuLuong", 2025, 2025, 2, 4)]
    // Whole period 2024–2025: E1, E2 and E7 inspected at least once; E3 only in 2026.
    [InlineData("phuLuong", 2024, 2025, 3, 4)]
    // The old ward on its own, in its own time.
    [InlineData("phuLam", 2024, 2024, 1, 2)]
    // The city in 2024 counts E6, closed in 2025, for the year it was managed: E1, E2, E6, E7; inspected E1, E6, E7.
    [InlineData("city", 2024, 2024, 3, 4)]
    // 2025: E1, E2, E3, E4, E6 (until 31/3), E7 managed; E1 and E2 inspected; E5 is not under management.
    [InlineData("city", 2025, 2025, 2, 6)]
    [InlineData("country", 2025, 2025, 2, 6)]
    [InlineData("haDong", 2024, 2024, 2, 2)]
    public Task Share_of_managed_establishments_inspected_at_least_once(string unit, int from, int to, int num, int den) =>
        AssertRatio(Computation.InspectedShare, unit, from, to, num, den);

    [Theory]
    [InlineData("phuLuong", 2025, 3)]   // I2, I3 (recorded in Phú Lãm before the merger), I6
    [InlineData("city", 2024, 3)]       // I1, I4, I7
    [InlineData("haDong", 2024, 2)]     // I4, I7 (Vạn Phúc)
    [InlineData("haDong", 2026, 0)]
    public Task Number_of_inspections(string unit, int year, int expected) => AssertCount(Computation.InspectionCount, unit, year, year, expected);

    [Theory]
    [InlineData("phuLuong", 2024, 1, 3)]   // E1 signed 1/3/2024; E2, E7 not
    [InlineData("phuLuong", 2025, 2, 4)]   // E1, E3 (signed 1/9/2025)
    [InlineData("city", 2025, 3, 6)]       // E1, E3, E6; E4 signs only in 2026
    [InlineData("city", 2026, 3, 5)]       // E6 left management in 2025; E4 signed
    public Task Share_of_managed_establishments_with_a_signed_commitment(string unit, int year, int num, int den) =>
        AssertRatio(Computation.CommitmentShare, unit, year, year, num, den);

    [Fact]
    public async Task Number_of_managed_establishments_with_a_signed_commitment()
    {
        await AssertCount(Computation.CommitmentCount, "city", 2025, 2025, 3);
        await AssertCount(Computation.CommitmentCount, "phuLuong", 2024, 2024, 1);
    }

    [Theory]
    [InlineData("city", 2024, 13)]       // I1 1+3, I4 2+5, I7 1+1
    [InlineData("phuLuong", 2025, 5)]    // I2 1+2, I3 1+0, I6 0+1
    [InlineData("phuLuong", 2026, 5)]    // I5 1+4
    public Task Owners_and_workers_informed_during_inspections(string unit, int year, int expected) =>
        AssertCount(Computation.PeopleInformed, unit, year, year, expected);

    [Theory]
    [InlineData("city", 2024, 2)]        // H1, H3
    [InlineData("phuLuong", 2024, 1)]    // H1 (Phú Lãm)
    [InlineData("phuLuong", 2025, 1)]    // H4 (Vạn Phúc)
    [InlineData("haDong", 2025, 1)]      // H4 again: Vạn Phúc went to both wards
    public Task Hotspots_eliminated(string unit, int year, int expected) => AssertCount(Computation.HotspotsEliminated, unit, year, year, expected);

    [Theory]
    [InlineData("city", 2024, 1)]        // H3
    [InlineData("city", 2025, 1)]        // H1
    [InlineData("phuLuong", 2025, 1)]    // H1, recorded in the old Phú Lãm
    [InlineData("haDong", 2025, 0)]
    public Task Hotspots_re_emerged(string unit, int year, int expected) => AssertCount(Computation.HotspotsReEmerged, unit, year, year, expected);

    [Theory]
    [InlineData("city", 2024, 1)]        // H4; H3 starts from a plan's appendix (targeted), H1 was found in 2023
    [InlineData("city", 2025, 1)]        // H2
    [InlineData("phuLuong", 2024, 1)]    // H4 in Vạn Phúc
    [InlineData("haDong", 2025, 0)]
    [InlineData("city", 2023, 1)]        // H1
    public Task New_hotspots(string unit, int year, int expected) => AssertCount(Computation.NewHotspots, unit, year, year, expected);

    [Fact]
    public async Task Establishments_inspected_and_the_high_risk_share()
    {
        await AssertCount(Computation.EstablishmentsInspected, "city", 2025, 2025, 3);   // E1, E2 and E5 (not managed)
        await AssertRatio(Computation.HighRiskInspectedShare, "phuLuong", 2026, 2026, 1, 1);   // E3
        await AssertRatio(Computation.HighRiskInspectedShare, "city", 2024, 2024, 0, 0);
    }

    [Fact]
    public async Task The_figures_per_unit_add_up_to_each_units_area()
    {
        using var scope = data.Services.CreateScope();
        var areas = scope.ServiceProvider.GetRequiredService<IndicatorAreas>();
        var computations = scope.ServiceProvider.GetRequiredService<IndicatorComputations>();
        var byUnit = await computations.ComputeByUnit(Computation.InspectedShare, await areas.ForQuery(data.Units["city"]),
            new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31));
        var phuLuong = IndicatorComputations.Sum(Computation.InspectedShare, byUnit, await areas.Area(data.Units["phuLuong"]));
        var haDong = IndicatorComputations.Sum(Computation.InspectedShare, byUnit, await areas.Area(data.Units["haDong"]));
        var city = IndicatorComputations.Sum(Computation.InspectedShare, byUnit, await areas.Area(data.Units["city"]));
        Assert.Equal((2m, (decimal?)4m), (phuLuong.Value, phuLuong.Denominator));
        Assert.Equal((0m, (decimal?)3m), (haDong.Value, haDong.Denominator));   // E4, E6, E7
        Assert.Equal((2m, (decimal?)6m), (city.Value, city.Denominator));
    }

    [Fact]
    public async Task Every_computation_over_two_windows_in_one_statement_gives_what_each_query_gives_alone()
    {
        using var scope = data.Services.CreateScope();
        var areas = scope.ServiceProvider.GetRequiredService<IndicatorAreas>();
        var computations = scope.ServiceProvider.GetRequiredService<IndicatorComputations>();
        var keys = Enum.GetValues<Computation>().SelectMany(c => new[]
        {
            new FigureKey(c, new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31)), new FigureKey(c, new DateOnly(2024, 1, 1), new DateOnly(2026, 12, 31)),
        }).ToList();
        foreach (var unit in new[] { "phuLuong", "haDong", "city" })
        {
            var area = await areas.ForQuery(data.Units[unit]);
            var together = await computations.Compute(keys, area);
            var byUnit = await computations.ComputeByUnit(keys, area);
            Assert.Equal(keys.Count, together.Count);
            foreach (var k in keys)
            {
                Assert.Equal(await computations.Compute(k.Computation, area, k.From, k.To), together[k]);
                Assert.Equal(await computations.ComputeByUnit(k.Computation, area, k.From, k.To), byUnit[k]);
            }
        }
        Assert.NotEqual(0m, (await computations.Compute(keys, null)).Values.Sum(a => a.Value));   // not all empty
    }
}
