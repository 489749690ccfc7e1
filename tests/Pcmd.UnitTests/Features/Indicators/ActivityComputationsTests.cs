using Microsoft.Extensions.DependencyInjection;
using Pcmd.Web.Features.Indicators;
using Pcmd.Web.Features.Targets;

namespace Pcmd.UnitTests.Features.Indicators;

/// <summary>3.1.2, 3.2.3.a/b and the counts of people reached and trained against the figures counted by hand from the
/// records listed in <see cref="ActivityFixture"/>. Tests that change the rule of "maintained regularly" set it back.</summary>
public sealed class ActivityComputationsTests(ActivityFixture data) : IClassFixture<ActivityFixture>
{
    async Task<Actual> Compute(Computation c, string unit, string from, string to)
    {
        using var scope = data.Services.CreateScope();
        var areas = scope.ServiceProvider.GetRequiredService<IndicatorAreas>();
        var computations = scope.ServiceProvider.GetRequiredService<IndicatorComputations>();
        return await computations.Compute(c, await areas.ForQuery(data.Units[unit]), DateOnly.Parse(from), DateOnly.Parse(to));
    }

    async Task AssertRatio(Computation c, string unit, string from, string to, int num, int den)
    {
        var a = await Compute(c, unit, from, to);
        Assert.Equal((num, (decimal?)den), (a.Value, a.Denominator));
    }

    async Task AssertCount(Computation c, string unit, string from, string to, int expected)
    {
        var a = await Compute(c, unit, from, to);
        Assert.Equal(expected, a.Value);
        Assert.Null(a.Denominator);
    }

    [Fact]
    public void Quarters_are_calendar_quarters_cut_to_the_window()
    {
        Assert.Equal(
            [(new DateOnly(2024, 2, 15), new DateOnly(2024, 3, 31)), (new DateOnly(2024, 4, 1), new DateOnly(2024, 6, 30)),
             (new DateOnly(2024, 7, 1), new DateOnly(2024, 8, 10))],
            ActivityFacts.Quarters(new DateOnly(2024, 2, 15), new DateOnly(2024, 8, 10)));
        Assert.Equal(4, ActivityFacts.Quarters(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31)).Count);
        Assert.Equal(20, ActivityFacts.Quarters(new DateOnly(2026, 1, 1), new DateOnly(2030, 12, 31)).Count);
        Assert.Single(ActivityFacts.Quarters(new DateOnly(2024, 3, 31), new DateOnly(2024, 3, 31)));
    }

    [Theory]
    // 2024: the communes of 31/12/2024 are Phú Lãm (every quarter, the edges 31/3, 1/4, 30/9, 1/10 included) and Vạn Phúc (no Q3).
    [InlineData("city", "2024-01-01", "2024-12-31", 1, 2)]
    [InlineData("district", "2024-01-01", "2024-12-31", 1, 2)]
    [InlineData("phuLam", "2024-01-01", "2024-12-31", 1, 1)]
    [InlineData("vanPhuc", "2024-01-01", "2024-12-31", 0, 1)]
    // A window from 2/4: Phú Lãm's Q2 event was on 1/4, outside it, so its second quarter is empty.
    [InlineData("phuLam", "2024-04-02", "2024-09-29", 0, 1)]
    // The first half: 31/3 counts for Q1, 1/4 for Q2.
    [InlineData("phuLam", "2024-01-01", "2024-06-30", 1, 1)]
    // 2025: the communes of 31/12/2025 are Phú Lương and Hà Đông. Phú Lương meets the rule in Q1–Q2 through the old Phú Lãm
    // merged into it on 1/7/2025; Hà Đông's old part, Vạn Phúc, held nothing in the first half.
    [InlineData("city", "2025-01-01", "2025-12-31", 1, 2)]
    [InlineData("phuLuong", "2025-01-01", "2025-12-31", 1, 1)]
    [InlineData("haDong", "2025-01-01", "2025-12-31", 0, 1)]
    [InlineData("haDong", "2025-07-01", "2025-12-31", 1, 1)]
    [InlineData("country", "2026-01-01", "2026-12-31", 0, 2)]
    public Task Share_of_communes_where_communication_is_maintained_regularly(string unit, string from, string to, int num, int den) =>
        AssertRatio(Computation.CommunicationMaintainedShare, unit, from, to, num, den);

    [Fact]
    public async Task The_rule_of_maintained_regularly_is_data()
    {
        try
        {
            // Two a quarter: Phú Lãm had two in Q1 2024 but one in Q2.
            data.SetRule(2);
            await AssertRatio(Computation.CommunicationMaintainedShare, "city", "2024-01-01", "2024-12-31", 0, 2);
            await AssertRatio(Computation.CommunicationMaintainedShare, "phuLam", "2024-01-01", "2024-03-31", 1, 1);
            data.SetRule(1);
            await AssertRatio(Computation.CommunicationMaintainedShare, "city", "2024-01-01", "2024-12-31", 1, 2);
        }
        finally { data.SetRule(null); }
    }

    [Theory]
    [InlineData(Computation.ReachedResidents, "city", 2024, 65)]               // 40 Phú Lãm + 25 Vạn Phúc
    [InlineData(Computation.ReachedResidents, "phuLuong", 2025, 10)]
    [InlineData(Computation.ReachedEstablishmentOwners, "city", 2024, 3)]
    [InlineData(Computation.ReachedEstablishmentOwners, "phuLuong", 2025, 5)]  // recorded in the old Phú Lãm
    [InlineData(Computation.ReachedEstablishmentOwners, "haDong", 2025, 0)]
    [InlineData(Computation.ReachedHighSchoolStudents, "city", 2025, 200)]
    [InlineData(Computation.ReachedUniversityStudents, "city", 2025, 0)]
    public Task People_reached_per_target_group(Computation c, string unit, int year, int expected) =>
        AssertCount(c, unit, $"{year}-01-01", $"{year}-12-31", expected);

    [Theory]
    // 2026: A1 20 on the roster (the row of 5/1/2026), trained 12 + (3 − 1 already trained); A2 5, 7 attended: never above the roster.
    [InlineData("city", "2026-01-01", "2026-12-31", 19, 25)]
    [InlineData("city", "2025-01-01", "2026-12-31", 19, 25)]
    // 2025: only A1's row of 1/1/2025 is in force (10), nobody of the city trained that year.
    [InlineData("city", "2025-01-01", "2025-12-31", 0, 10)]
    // A commune's area holds no city roster.
    [InlineData("phuLuong", "2026-01-01", "2026-12-31", 0, 0)]
    public Task Share_of_city_staff_trained_at_least_once(string unit, string from, string to, int num, int den) =>
        AssertRatio(Computation.TrainedShareCity, unit, from, to, num, den);

    [Theory]
    // 2026: Phú Lương 5 + (4 − 2) of 8; Hà Đông 2 of 6 (its roster of 2027 is not yet in force).
    [InlineData("city", "2026-01-01", "2026-12-31", 9, 14)]
    [InlineData("phuLuong", "2026-01-01", "2026-12-31", 7, 8)]
    // 2025–2026: the old wards' people trained in March 2025 count for the new wards: Phú Lương 7 + 3 (Phú Lãm) + 2 (Vạn Phúc),
    // capped at 8; Hà Đông 2 + 2 (Vạn Phúc).
    [InlineData("city", "2025-01-01", "2026-12-31", 12, 14)]
    [InlineData("haDong", "2025-01-01", "2026-12-31", 4, 6)]
    // 2024: Phú Lãm's roster of 4, 2 trained in May; the district's people are not commune staff.
    [InlineData("city", "2024-01-01", "2024-12-31", 2, 4)]
    public Task Share_of_commune_staff_trained_at_least_once(string unit, string from, string to, int num, int den) =>
        AssertRatio(Computation.TrainedShareCommune, unit, from, to, num, den);

    [Theory]
    [InlineData(Computation.TrainedCityStaff, "city", 2024, 6)]
    [InlineData(Computation.TrainedCityStaff, "city", 2026, 22)]   // 12 + 7 + 3
    [InlineData(Computation.TrainedLocalStaff, "city", 2024, 5)]   // Phú Lãm 2, Quận Hà Đông 3
    [InlineData(Computation.TrainedLocalStaff, "city", 2025, 5)]   // Phú Lãm 3, Vạn Phúc 2
    [InlineData(Computation.TrainedLocalStaff, "phuLuong", 2025, 5)]
    [InlineData(Computation.TrainedLocalStaff, "haDong", 2025, 2)]
    [InlineData(Computation.TrainedLocalStaff, "city", 2026, 11)]
    public Task People_trained_by_level(Computation c, string unit, int year, int expected) =>
        AssertCount(c, unit, $"{year}-01-01", $"{year}-12-31", expected);

    [Theory]
    // 2026: Phú Lương's own plan P2 is in force; Hà Đông recorded its plan document D1.
    [InlineData(Computation.CommunePlanShare, "city", "2026-01-01", "2026-12-31", 2, 2)]
    // 2024: Phú Lãm's plan P3; Vạn Phúc's plan document is dated 20/12/2023, before the window.
    [InlineData(Computation.CommunePlanShare, "city", "2024-01-01", "2024-12-31", 1, 2)]
    // 2025: Phú Lương has a plan through the old Phú Lãm's document D7 (merged into it on 1/7/2025); Hà Đông none.
    [InlineData(Computation.CommunePlanShare, "city", "2025-01-01", "2025-12-31", 1, 2)]
    [InlineData(Computation.CommunePlanShare, "phuLuong", "2025-01-01", "2025-12-31", 1, 1)]
    [InlineData(Computation.DistrictPlanShare, "city", "2024-01-01", "2024-12-31", 1, 1)]
    [InlineData(Computation.DistrictPlanShare, "city", "2026-01-01", "2026-12-31", 0, 0)]
    // 3.2.1 in 2026: Hà Đông issued a plan and a decision; Phú Lương only an official letter, which is not a measure.
    [InlineData(Computation.CommuneDocumentShare, "city", "2026-01-01", "2026-12-31", 1, 2)]
    [InlineData(Computation.CommuneDocumentShare, "phuLuong", "2026-01-01", "2026-12-31", 0, 1)]
    // 2025–2026: Phú Lãm's directive and plan of 2025 count for Phú Lương.
    [InlineData(Computation.CommuneDocumentShare, "city", "2025-01-01", "2026-12-31", 2, 2)]
    [InlineData(Computation.CommuneDocumentShare, "city", "2024-01-01", "2024-12-31", 0, 2)]
    public Task Shares_of_units_with_a_plan_or_documents(Computation c, string unit, string from, string to, int num, int den) =>
        AssertRatio(c, unit, from, to, num, den);

    [Fact]
    public async Task The_one_pass_gives_what_each_figure_gives_alone()
    {
        using var scope = data.Services.CreateScope();
        var computations = scope.ServiceProvider.GetRequiredService<IndicatorComputations>();
        var keys = new[]
        {
            new FigureKey(Computation.CommunicationMaintainedShare, new(2025, 1, 1), new(2025, 12, 31)),
            new FigureKey(Computation.TrainedShareCommune, new(2026, 1, 1), new(2026, 12, 31)),
            new FigureKey(Computation.TrainedShareCity, new(2026, 1, 1), new(2026, 12, 31)),
            new FigureKey(Computation.ReachedResidents, new(2024, 1, 1), new(2024, 12, 31)),
        };
        var all = await computations.Compute(keys, data.Units["city"]);
        Assert.Equal((1m, (decimal?)2), (all[keys[0]].Value, all[keys[0]].Denominator));
        Assert.Equal((9m, (decimal?)14), (all[keys[1]].Value, all[keys[1]].Denominator));
        Assert.Equal((19m, (decimal?)25), (all[keys[2]].Value, all[keys[2]].Denominator));
        Assert.Equal(65m, all[keys[3]].Value);
        var byUnit = await computations.ComputeByUnit(keys, data.Units["city"]);
        Assert.Equal((1, 1), byUnit[keys[0]][data.Units["phuLuong"]]);
        Assert.Equal((0, 1), byUnit[keys[0]][data.Units["haDong"]]);
        Assert.Equal((7, 8), byUnit[keys[1]][data.Units["phuLuong"]]);
    }

    [Fact]
    public void Shares_and_counts_are_told_apart()
    {
        Assert.True(IndicatorComputations.IsShare(Computation.CommunicationMaintainedShare));
        Assert.True(IndicatorComputations.IsShare(Computation.TrainedShareCity));
        Assert.True(IndicatorComputations.IsShare(Computation.TrainedShareCommune));
        Assert.False(IndicatorComputations.IsShare(Computation.ReachedResidents));
        Assert.False(IndicatorComputations.IsShare(Computation.TrainedLocalStaff));
    }
}
