using Microsoft.Extensions.DependencyInjection;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Indicators;
using Pcmd.Web.Features.Monitoring;

namespace Pcmd.UnitTests.Features.Indicators;

/// <summary>The windows folded from one grouped query (<see cref="WindowSeries"/>) equal the same windows computed one query each,
/// per unit and in total, for every computation it folds, on the hand-counted records of the fixtures: the registry (establishments,
/// inspections, hotspots; support cases), the activities (communication, training) and the enforcement records, with Phú Lãm and
/// Vạn Phúc merged into Phú Lương and Hà Đông on 1/7/2025 — windows before, across and after the merger, and for the old ward itself.</summary>
public sealed class WindowSeriesTests(RegistryFixture registry, ActivityFixture activities, TipFactsFixture enforcement)
    : IClassFixture<RegistryFixture>, IClassFixture<ActivityFixture>, IClassFixture<TipFactsFixture>
{
    static readonly string[] UnitNames = ["city", "phuLuong", "phuLam", "vanPhuc", "haDong"];

    /// <summary>The windows a dashboard asks about one figure (its window, the year to each month's end, three previous years to the
    /// same day and whole, the period before the year), for a year window and a period window, on a day in the middle of a month;
    /// and windows of odd starts and ends.</summary>
    static List<FigureKey> Windows(Computation c)
    {
        var keys = new List<FigureKey>();
        foreach (var (from, to, year, today) in new[]
        {
            (new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31), 2025, new DateOnly(2025, 8, 15)),
            (new DateOnly(2024, 1, 1), new DateOnly(2025, 12, 31), 2025, new DateOnly(2025, 8, 15)),
            (new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31), 2024, new DateOnly(2025, 8, 15)),
            (new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), 2026, new DateOnly(2026, 3, 1)),
        })
            keys.AddRange(OutlookKeys.For(c, from, to, year, today).All);
        keys.Add(new FigureKey(c, new DateOnly(2024, 3, 5), new DateOnly(2025, 2, 10)));
        keys.Add(new FigureKey(c, new DateOnly(2024, 3, 5), new DateOnly(2024, 3, 5)));
        keys.Add(new FigureKey(c, new DateOnly(2025, 7, 1), new DateOnly(2026, 6, 30)));
        return keys.Distinct().ToList();
    }

    static async Task AssertSame(ServiceProvider services, Dictionary<string, int> units, Computation c, bool folds = true)
    {
        var keys = Windows(c);
        if (folds) Assert.True(WindowSeries.Plan(keys).Batches.Count > 0, $"{c}: not folded");
        await PerWindowCheck.AssertFoldedEqualsPerWindow(services, units, UnitNames, c, keys);
    }

    [Theory]
    [InlineData(Computation.InspectedShare)]
    [InlineData(Computation.HighRiskInspectedShare)]
    [InlineData(Computation.EstablishmentsInspected)]
    [InlineData(Computation.CommitmentShare)]
    [InlineData(Computation.CommitmentCount)]
    [InlineData(Computation.InspectionCount)]
    [InlineData(Computation.PeopleInformed)]
    [InlineData(Computation.HotspotsEliminated)]
    [InlineData(Computation.HotspotsReEmerged)]
    [InlineData(Computation.NewHotspots)]
    [InlineData(Computation.SupportReachedShare)]
    [InlineData(Computation.PeopleReferred)]
    [InlineData(Computation.OutreachContacts)]
    public async Task Registry_and_support_windows_fold_to_the_per_window_figures(Computation c)
    {
        using (var scope = registry.Services.CreateScope())
            await SupportComputationsTests.Seed(scope.ServiceProvider.GetRequiredService<PcmdDbContext>(), registry.Units);
        await AssertSame(registry.Services, registry.Units, c);
    }

    [Theory]
    [InlineData(Computation.ReachedResidents)]
    [InlineData(Computation.ReachedMigrantWorkers)]
    [InlineData(Computation.ReachedHighSchoolStudents)]
    [InlineData(Computation.ReachedUniversityStudents)]
    [InlineData(Computation.ReachedVocationalStudents)]
    [InlineData(Computation.ReachedEstablishmentOwners)]
    [InlineData(Computation.ReachedEstablishmentWorkers)]
    [InlineData(Computation.TrainedCityStaff)]
    [InlineData(Computation.TrainedLocalStaff)]
    public Task Activity_windows_fold_to_the_per_window_figures(Computation c) => AssertSame(activities.Services, activities.Units, c);

    [Theory]
    [InlineData(null)]
    [InlineData(2)]
    public async Task Communes_meeting_the_communication_rule_every_quarter_fold_to_the_per_window_figures(int? eventsPerQuarter)
    {
        activities.SetRule(eventsPerQuarter);
        try
        {
            Assert.True(Windows(Computation.CommunicationMaintainedShare).Count(MaintainedSeries.Folds) > 2);
            await AssertSame(activities.Services, activities.Units, Computation.CommunicationMaintainedShare, folds: false);
        }
        finally { activities.SetRule(null); }
    }

    [Theory]
    [InlineData(Computation.CriminalCasesDetected)]
    [InlineData(Computation.CriminalCasesTried)]
    [InlineData(Computation.DefendantsTried)]
    [InlineData(Computation.TriedShareOfIndicted)]
    [InlineData(Computation.PeopleSanctioned)]
    [InlineData(Computation.SellersSanctioned)]
    [InlineData(Computation.FinesTotal)]
    public Task Enforcement_windows_fold_to_the_per_window_figures(Computation c) => AssertSame(enforcement.Services, enforcement.Units, c);

    [Fact]
    public void A_single_window_and_the_states_of_a_day_stay_per_window()
    {
        // A single window of a computation, and the states of a day, keep their own query.
        Assert.Empty(WindowSeries.Plan([new FigureKey(Computation.InspectedShare, new(2025, 1, 1), new(2025, 12, 31))]).Batches);
        Assert.Empty(WindowSeries.Plan(Windows(Computation.CommunePlanShare)).Batches);
    }

    /// <summary>Tips by the Vietnamese day they were received (one at 23:30 on 31/12/2024), and on time until an open tip's next
    /// deadline passes a window's end — or today, for a window still running.</summary>
    [Theory]
    [InlineData(Computation.TipsReceived)]
    [InlineData(Computation.TipsHandledOnTimeShare)]
    public Task Tip_windows_fold_to_the_per_window_figures(Computation c) => AssertSame(enforcement.Services, enforcement.Units, c);

    [Fact]
    public void A_numerator_held_until_a_day_counts_in_the_windows_judged_by_then()
    {
        // An open tip received in period 0 whose next deadline falls in period 2: on time in windows judged in periods up to 2.
        PeriodFact[] rows = [new() { UnitId = 1, On = 0, NumOn = 0, Until = 2, Num = 1, Den = 1 }];
        Assert.Equal((1, 1), WindowSeries.Fold(rows, 0, 2, share: true, cut: 2)[1]);
        Assert.Equal((1, 1), WindowSeries.Fold(rows, 0, 5, share: true, cut: 2)[1]); // a running window judged today
        Assert.Equal((0, 1), WindowSeries.Fold(rows, 0, 3, share: true, cut: 3)[1]);
    }

    [Fact]
    public void Folding_counts_a_share_from_its_entry_and_its_numerator_once_both_days_are_reached()
    {
        // Periods: an establishment managed in period 0, first inspected in period 2; another entered in period 3, never inspected.
        PeriodFact[] rows = [new() { UnitId = 1, On = 0, NumOn = 2, Num = 1, Den = 1 }, new() { UnitId = 1, On = 3, NumOn = -1, Num = 1, Den = 1 }];
        Assert.Equal((0, 1), WindowSeries.Fold(rows, 0, 2, share: true)[1]);
        Assert.Equal((1, 1), WindowSeries.Fold(rows, 0, 3, share: true)[1]);
        Assert.Equal((1, 2), WindowSeries.Fold(rows, 0, 4, share: true)[1]);
        // A count lists a unit only when something is counted, as a query per window does.
        Assert.Empty(WindowSeries.Fold(rows, 0, 2, share: false));
    }
}
