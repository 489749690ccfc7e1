using Microsoft.Extensions.DependencyInjection;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Indicators;
using Pcmd.Web.Features.Monitoring;

namespace Pcmd.UnitTests.Features.Indicators;

/// <summary>The commune-model computations (<see cref="CommuneSeries"/>) and the shares of staff trained (<see cref="TrainedShareSeries"/>)
/// folded over many windows equal the same windows computed one query each, per unit and in total, in every area: on the model
/// rows and ratings of <see cref="CommuneFixture"/>, the counted rosters of <see cref="ActivityFixture"/> and the named-staff roster
/// of <see cref="NamedRosterFixture"/>, with Phú Lãm and Vạn Phúc merged into Phú Lương and Hà Đông on 1/7/2025 (the old wards have
/// records, some units none) — a dashboard's windows of this year and the three before, whole and to the same day, and windows
/// ending the day before, on and after each record's day and the merger.</summary>
public sealed class RuleShareSeriesTests(CommuneFixture communes, ActivityFixture activities, NamedRosterFixture named)
    : IClassFixture<CommuneFixture>, IClassFixture<ActivityFixture>, IClassFixture<NamedRosterFixture>
{
    static readonly string[] UnitNames = ["city", "district", "phuLuong", "phuLam", "vanPhuc", "haDong"];

    /// <summary>The fixtures' days: year ends, the merger, rosters' as-of days, named staff's first and last days, courses' ends.</summary>
    static readonly DateOnly[] Days = [.. new[]
    {
        "2024-01-01", "2024-05-22", "2024-12-31", "2025-01-01", "2025-03-02", "2025-06-30", "2025-07-01", "2025-08-01", "2026-01-05",
        "2026-02-01", "2026-03-01", "2026-04-16", "2026-06-11", "2026-10-21", "2026-11-30", "2027-01-01",
    }.Select(DateOnly.Parse)];

    static List<FigureKey> Windows(Computation c)
    {
        var keys = new List<FigureKey>();
        foreach (var (from, to, year, today) in new[]
        {
            (new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31), 2025, new DateOnly(2025, 8, 15)),
            (new DateOnly(2024, 1, 1), new DateOnly(2025, 12, 31), 2025, new DateOnly(2025, 8, 15)),
            (new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), 2026, new DateOnly(2026, 10, 15)),
            (new DateOnly(2026, 1, 1), new DateOnly(2030, 12, 31), 2027, new DateOnly(2027, 2, 1)),
            (new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31), 2024, new DateOnly(2026, 5, 31)),
        })
            keys.AddRange(OutlookKeys.For(c, from, to, year, today).All);
        foreach (var d in Days)
        {
            var (start, end) = (new DateOnly(d.Year, 1, 1), new DateOnly(d.Year, 12, 31));
            keys.AddRange([new(c, start, d.AddDays(-1)), new(c, start, d), new(c, start, d.AddDays(1)), new(c, d, end), new(c, d.AddDays(1), end),
                new(c, d, d), new(c, new DateOnly(2024, 1, 1), d)]);
        }
        return [.. keys.Where(k => k.From <= k.To).Distinct()];
    }

    static async Task AssertSame(ServiceProvider services, Dictionary<string, int> units, Computation c)
    {
        var keys = Windows(c);
        Assert.Equal(keys.Count, CommuneFacts.Handles(c) ? CommuneSeries.Foldable(keys).Count : TrainedShareSeries.Foldable(keys).Count);
        await PerWindowCheck.AssertFoldedEqualsPerWindow(services, units, UnitNames, c, keys);
    }

    [Theory]
    [InlineData(Computation.ModelCommuneCount)]
    [InlineData(Computation.ModelCommuneShare)]
    [InlineData(Computation.HealthyCommuneShare)]
    public Task Commune_model_computations_fold_to_the_per_window_figures(Computation c) => AssertSame(communes.Services, communes.Units, c);

    [Theory]
    [InlineData(Computation.TrainedShareCity)]
    [InlineData(Computation.TrainedShareCommune)]
    public Task Counted_rosters_fold_to_the_per_window_figures(Computation c) => AssertSame(activities.Services, activities.Units, c);

    [Theory]
    [InlineData(Computation.TrainedShareCity)]
    [InlineData(Computation.TrainedShareCommune)]
    public Task Named_staff_and_counts_fold_to_the_per_window_figures(Computation c) => AssertSame(named.Services, named.Units, c);

    static async Task<List<(decimal, decimal?)>> MonthEnds(ServiceProvider services, Dictionary<string, int> units, Computation c, int year)
    {
        using var scope = services.CreateScope();
        var computations = new IndicatorComputations(scope.ServiceProvider.GetRequiredService<PcmdDbContext>());
        var keys = OutlookKeys.For(c, new(year, 1, 1), new(year, 12, 31), year, new(year + 1, 1, 15)).Months;
        Assert.Equal(12, keys.Count);
        var figures = await computations.Compute(keys, await scope.ServiceProvider.GetRequiredService<IndicatorAreas>().ForQuery(units["city"]));
        return [.. keys.Select(k => (figures[k].Value, figures[k].Denominator))];
    }

    [Fact]
    public async Task The_model_share_of_2025_follows_the_merger_month_by_month()
    {
        // Hand-counted: to the end of June the communes are Phú Lãm (kept the model) and Vạn Phúc (no row for 2025); from July
        // Phú Lương (through the old Phú Lãm merged into it) and Hà Đông (its own new row).
        var months = await MonthEnds(communes.Services, communes.Units, Computation.ModelCommuneShare, 2025);
        Assert.Equal([.. Enumerable.Repeat((1m, (decimal?)2), 6), .. Enumerable.Repeat((2m, (decimal?)2), 6)], months);
    }

    [Fact]
    public async Task The_commune_staff_trained_in_2026_rise_with_each_course()
    {
        // Hand-counted: Phú Lương's roster of 8 and Hà Đông's of 6; nobody trained until the course of 11/6 (Phú Lương 5, Hà Đông 2),
        // then 2 more of Phú Lương on 21/10 (4, 2 of them already trained).
        var months = await MonthEnds(activities.Services, activities.Units, Computation.TrainedShareCommune, 2026);
        Assert.Equal([.. Enumerable.Repeat((0m, (decimal?)14), 5), .. Enumerable.Repeat((7m, (decimal?)14), 4), .. Enumerable.Repeat((9m, (decimal?)14), 3)],
            months);
    }

    [Theory]
    [InlineData(Computation.TrainedShareCity)]
    [InlineData(Computation.TrainedShareCommune)]
    [InlineData(Computation.ModelCommuneCount)]
    [InlineData(Computation.ModelCommuneShare)]
    [InlineData(Computation.HealthyCommuneShare)]
    public void These_computations_have_months_and_previous_years_and_a_plans_results_keep_their_one_statement(Computation c)
    {
        var keys = OutlookKeys.For(c, new(2026, 1, 1), new(2026, 12, 31), 2026, new(2026, 5, 15));
        Assert.Equal(5, keys.Months.Count);
        Assert.Equal(OutlookKeys.PreviousYears, keys.Previous.Count);
        var year = new FigureKey(c, new(2026, 1, 1), new(2026, 12, 31));
        List<FigureKey> results = [year, year with { From = new(2025, 1, 1), To = new(2025, 12, 31) }];
        Assert.Empty(CommuneSeries.Foldable(results).Concat(TrainedShareSeries.Foldable(results)));
    }
}
