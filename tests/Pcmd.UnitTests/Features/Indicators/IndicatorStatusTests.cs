using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Indicators;
using Pcmd.Web.Features.OrgUnits;
using Pcmd.Web.Features.Plans;
using Pcmd.Web.Features.Targets;
using Pcmd.Web.Security;

namespace Pcmd.UnitTests.Features.Indicators;

/// <summary>A clock stopped at one moment (UTC), so that "this year" and the elapsed share of a window are known.</summary>
sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
}

/// <summary>Windows and statuses: past years are judged, the current year by pace, a year not begun is not started, a
/// "zero" is missed at the first case; and the same through the results of a plan on the registry of <see cref="RegistryFixture"/>.</summary>
public sealed class IndicatorStatusTests(RegistryFixture data) : IClassFixture<RegistryFixture>
{
    static readonly DateOnly MidJuly2025 = new(2025, 7, 2);   // day 183 of 365: a little over half of the year has passed

    [Fact]
    public void A_yearly_window_is_the_year_and_a_period_window_runs_from_the_plans_first_year()
    {
        Assert.Equal(new MeasureWindow(new(2027, 1, 1), new(2027, 12, 31)), MeasureWindow.For(MeasurementWindow.Year, 2026, 2027));
        Assert.Equal(new MeasureWindow(new(2026, 1, 1), new(2028, 12, 31)), MeasureWindow.For(MeasurementWindow.Period, 2026, 2028));
        Assert.Equal(new MeasureWindow(new(2026, 1, 1), new(2026, 12, 31)), MeasureWindow.For(MeasurementWindow.Period, 2026, 2026));
    }

    static TargetStatus Judge(Target? t, Actual? a, int year, MeasurementWindow w = MeasurementWindow.Year, int planFrom = 2025) =>
        IndicatorStatus.Judge(t, a, year, MeasureWindow.For(w, planFrom, year), MidJuly2025).Status;

    [Theory]
    [InlineData(35, TargetStatus.OnTrack)]    // 35 % ≥ 60 % × 0,50
    [InlineData(25, TargetStatus.AtRisk)]     // 25 % < 30,1 %
    [InlineData(61, TargetStatus.Achieved)]   // already above the year's target
    public void The_current_year_is_judged_by_pace(int inspected, TargetStatus expected) =>
        Assert.Equal(expected, Judge(new Target(TargetKind.AtLeastOnce, 60), Actual.Ratio(inspected, 100), 2025));

    [Fact]
    public void Pace_over_a_period_window_counts_from_the_start_of_the_period()
    {
        // 1/1/2024 – 31/12/2025, 548 of 731 days gone: 70 % × 0,75 = 52,5 %.
        var t = new Target(TargetKind.AtLeastOnce, 70);
        Assert.Equal(TargetStatus.OnTrack, Judge(t, Actual.Ratio(53, 100), 2025, MeasurementWindow.Period, 2024));
        Assert.Equal(TargetStatus.AtRisk, Judge(t, Actual.Ratio(52, 100), 2025, MeasurementWindow.Period, 2024));
    }

    [Fact]
    public void Counts_and_ranges_are_paced_too()
    {
        Assert.Equal(TargetStatus.OnTrack, Judge(new Target(TargetKind.Count, 2460), new Actual(1300), 2025));
        Assert.Equal(TargetStatus.AtRisk, Judge(new Target(TargetKind.Count, 2460), new Actual(1200), 2025));
        Assert.Equal(TargetStatus.OnTrack, Judge(new Target(TargetKind.Range, null, 80, 100), new Actual(41), 2025));
        Assert.Equal(TargetStatus.AtRisk, Judge(new Target(TargetKind.Range, null, 80, 100), new Actual(39), 2025));
    }

    [Fact]
    public void Past_years_are_achieved_exceeded_or_missed_and_future_years_not_started()
    {
        Assert.Equal(TargetStatus.Missed, Judge(new Target(TargetKind.AtLeastOnce, 60), Actual.Ratio(55, 100), 2024));
        Assert.Equal(TargetStatus.Achieved, Judge(new Target(TargetKind.AtLeastOnce, 60), Actual.Ratio(60, 100), 2024));
        Assert.Equal(TargetStatus.Exceeded, Judge(new Target(TargetKind.Range, null, 80, 100), new Actual(120), 2024));
        Assert.Equal(TargetStatus.NotStarted, Judge(new Target(TargetKind.AtLeastOnce, 70), null, 2026));
        Assert.Equal(TargetStatus.NotStarted, Judge(new Target(TargetKind.Zero), new Actual(0), 2026));
    }

    [Fact]
    public void A_zero_target_holds_while_nothing_happens_and_is_missed_at_the_first_case_even_this_year()
    {
        Assert.Equal(TargetStatus.Achieved, Judge(new Target(TargetKind.Zero), new Actual(0), 2025));
        Assert.Equal(TargetStatus.Missed, Judge(new Target(TargetKind.Zero), new Actual(1), 2025));
        Assert.Equal(TargetStatus.Missed, Judge(new Target(TargetKind.Zero), new Actual(2), 2024));
    }

    [Fact]
    public void Without_a_target_or_a_computation_nothing_is_measured()
    {
        Assert.Equal(TargetStatus.NotMeasurable, Judge(null, new Actual(5), 2024));
        Assert.Equal(TargetStatus.NotMeasurable, Judge(new Target(TargetKind.Count, 5), null, 2025));
        Assert.Equal(TargetStatus.NotMeasurable, Judge(new Target(TargetKind.Percentage, 100), Actual.Ratio(0, 0), 2024));
    }

    [Fact]
    public void A_change_is_paced_against_last_years_whole_figure()
    {
        // "tăng 5–8 %" on 200 last year: by early July about 105 are due (210 × 0,50).
        var t = new Target(TargetKind.Change, null, 5, 8);
        Assert.Equal(TargetStatus.OnTrack, Judge(t, Actual.ChangeFrom(200, 110), 2025));
        Assert.Equal(TargetStatus.AtRisk, Judge(t, Actual.ChangeFrom(200, 90), 2025));
    }

    // ---- through the plan's results, with the clock at 2/7/2025

    async Task<PlanResults> Results(int year, string? unit = null)
    {
        var services = new ServiceCollection()
            .AddDbContext<PcmdDbContext>(o => o.UseSqlite(data.Connection))
            .AddSingleton(data.Services.GetRequiredService<OrgUnitTree>())
            .AddSingleton<TimeProvider>(new FixedClock(new DateTimeOffset(2025, 7, 2, 8, 0, 0, TimeSpan.Zero)))
            .AddScoped<IndicatorAreas>().AddScoped<IndicatorComputations>().AddScoped<IndicatorFigures>().AddScoped<IndicatorResultsService>()
            .BuildServiceProvider();
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PcmdDbContext>();
        var plan = await db.Plans.FirstOrDefaultAsync(p => p.Key == "status-test") ?? await AddPlan(db);
        return await scope.ServiceProvider.GetRequiredService<IndicatorResultsService>()
            .ForPlan(UserScope.System, plan.Id, year, unit is null ? null : data.Units[unit]);
    }

    async Task<Plan> AddPlan(PcmdDbContext db)
    {
        Indicator I(int pos, string number, TargetKind? kind, decimal? value, MeasurementWindow w = MeasurementWindow.Year, params (int Year, decimal Value)[] byYear) =>
            new() { Position = pos, Number = number, Text = "Chỉ tiêu " + number, TargetKind = kind, TargetValue = value, Window = w,
                Targets = byYear.Select(t => new IndicatorTarget { Year = t.Year, Value = t.Value }).ToList() };
        var plan = new Plan
        {
            Key = "status-test", Title = "Kế hoạch thử trạng thái", Level = PlanLevel.City, IssuingUnitId = data.Units["city"], PeriodFrom = 2024, PeriodTo = 2026,
            Indicators =
            [
                I(0, "1", null, null),
                I(1, "1.1", TargetKind.AtLeastOnce, 80, MeasurementWindow.Period, (2024, 50), (2025, 60), (2026, 80)),
                I(2, "1.2", TargetKind.Zero, null),
                I(3, "1.3", TargetKind.Count, 5),
                I(4, "1.4", TargetKind.Count, 20),
                I(5, "1.5", TargetKind.Percentage, 100),
            ],
        };
        db.Plans.Add(plan);
        await db.SaveChangesAsync();
        var ids = plan.Indicators.ToDictionary(i => i.Number, i => i.Id);
        db.IndicatorBindings.AddRange(
            new IndicatorBinding { IndicatorId = ids["1.1"], Computation = Computation.InspectedShare },
            new IndicatorBinding { IndicatorId = ids["1.2"], Computation = Computation.NewHotspots },
            new IndicatorBinding { IndicatorId = ids["1.3"], Computation = Computation.InspectionCount },
            new IndicatorBinding { IndicatorId = ids["1.4"], Computation = Computation.PeopleInformed });
        await db.SaveChangesAsync();
        return plan;
    }

    static IndicatorResult Row(PlanResults r, string number) => r.Indicators.Single(i => i.Number == number);

    [Fact]
    public async Task A_past_year_of_the_plan_is_judged_on_its_figures()
    {
        var r = await Results(2024);
        Assert.True(Row(r, "1").IsHeading);
        Assert.Equal((TargetStatus.Achieved, 75m, "75 %"), (Row(r, "1.1").Status, Row(r, "1.1").Measure, Row(r, "1.1").ActualText));   // 3/4 ≥ 50 %
        Assert.Equal("50 %", Row(r, "1.1").TargetText);
        Assert.Equal(150m, Row(r, "1.1").PercentOfTarget);
        Assert.Equal(TargetStatus.Missed, Row(r, "1.2").Status);                 // H4 appeared in 2024
        Assert.Equal((TargetStatus.Missed, 3m), (Row(r, "1.3").Status, Row(r, "1.3").Measure));
        Assert.Equal(TargetStatus.NotMeasurable, Row(r, "1.5").Status);          // no computation bound
    }

    [Fact]
    public async Task This_year_is_judged_by_pace_and_a_zero_is_missed_at_once()
    {
        var r = await Results(2025);
        Assert.Equal(TargetStatus.Achieved, Row(r, "1.1").Status);   // 1/1/2024 – 31/12/2025: E1, E2, E6, E7 of 6 = 66,67 % ≥ 60 %
        Assert.Equal(66.67m, Row(r, "1.1").Measure);
        Assert.Equal(TargetStatus.Missed, Row(r, "1.2").Status);     // H2, found in August
        Assert.Equal(TargetStatus.OnTrack, Row(r, "1.3").Status);    // 3 inspections ≥ 5 × 0,50
        Assert.Equal(TargetStatus.AtRisk, Row(r, "1.4").Status);     // 5 people < 20 × 0,50
        Assert.Contains("Cuộc kiểm tra: 3", Row(r, "1.3").Source);
    }

    [Fact]
    public async Task A_ward_below_takes_the_plans_share_and_zero_targets_but_not_its_counts()
    {
        var r = await Results(2025, "haDong");
        Assert.Equal("Phường Hà Đông", r.Unit.Name);
        Assert.Equal(TargetStatus.Achieved, Row(r, "1.2").Status);   // no new hotspot in Hà Đông or Vạn Phúc in 2025
        Assert.Null(Row(r, "1.3").Target);
        Assert.Equal(TargetStatus.NotMeasurable, Row(r, "1.3").Status);
        Assert.Equal(0m, Row(r, "1.3").Actual!.Value);               // I4 and I7 (Vạn Phúc) were in 2024; none in 2025
    }

    [Fact]
    public async Task A_year_not_begun_is_not_started()
    {
        var r = await Results(2026);
        Assert.All(r.Indicators.Where(i => !i.IsHeading), i => Assert.Equal(TargetStatus.NotStarted, i.Status));
        Assert.Equal(["Phường Hà Đông", "Phường Phú Lương"], r.Units.Select(u => u.Name));
    }
}
