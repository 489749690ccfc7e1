using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Indicators;
using Pcmd.Web.Features.OrgUnits;
using Pcmd.Web.Features.Synthetic;
using Xunit.Abstractions;

namespace Pcmd.UnitTests.Features.Demo;

/// <summary>The activities part of the generator (issue 13, item 8) on Hà Nội's real units at the city scale: the same seed gives
/// the same records, and the 2026–2030 plan's 3.1.1 (communes: no plan is loaded here), 3.1.2, 3.2.1, 3.2.3.a and 3.2.3.b read believable
/// figures — above zero, below 100 %.</summary>
public sealed class SyntheticActivitiesTests(ITestOutputHelper output)
{
    static async Task<SyntheticFixture.Database> Make(int seed)
    {
        var database = await SyntheticFixture.Make(null);
        using var scope = database.Scope();
        database.Result = await scope.ServiceProvider.GetRequiredService<SyntheticData>()
            .Generate(new SyntheticOptions(SyntheticScale.City, seed, ActivitiesOnly: true));
        return database;
    }

    /// <summary>The healthy-commune ratings follow the criteria the administrator defined (none: none made), confirmed ones
    /// judged as the coordinator's confirmation judges them, and the rating share is believable; with the city's 2026–2030 plan
    /// loaded, each Hà Nội commune has its budget line of 2026, spending above the allocation always explained.</summary>
    [Fact]
    public async Task Healthy_commune_ratings_follow_the_defined_criteria_and_budget_lines_the_plan()
    {
        using var database = await SyntheticFixture.Make(null);
        using (var scope = database.Scope())
        {
            var db = database.Db(scope);
            db.HealthyCriteria.AddRange(
                new Pcmd.Web.Features.CommuneModel.HealthyCriterion { Code = "TC1", Text = "Không có tụ điểm mại dâm", MaxScore = 40, Required = true, Position = 1 },
                new Pcmd.Web.Features.CommuneModel.HealthyCriterion { Code = "TC2", Text = "Tuyên truyền thường xuyên", MaxScore = 30, Position = 2 },
                new Pcmd.Web.Features.CommuneModel.HealthyCriterion { Code = "TC3", Text = "Quản lý cơ sở kinh doanh", MaxScore = 30, Position = 3 });
            var city = await db.OrgUnits.Where(u => u.Code == "01" && u.Level == OrgUnitLevel.Province).Select(u => u.Id).SingleAsync();
            db.Plans.Add(new Pcmd.Web.Features.Plans.Plan { Key = "hn-2026-2030", Title = "Kế hoạch phòng, chống mại dâm 2026–2030", IssuingUnitId = city,
                Level = Pcmd.Web.Features.Plans.PlanLevel.City, PeriodFrom = 2026, PeriodTo = 2030 });
            await db.SaveChangesAsync();
            database.Result = await scope.ServiceProvider.GetRequiredService<SyntheticData>()
                .Generate(new SyntheticOptions(SyntheticScale.City, 7, ActivitiesOnly: true));
        }
        using (var scope = database.Scope())
        {
            var db = database.Db(scope);
            var ratings = await db.CommuneAssessments.AsNoTracking().Include(a => a.Scores).ThenInclude(x => x.Criterion).ToListAsync();
            Assert.Equal(ratings.Count, database.Result.Activities.Assessments);
            var communes = database.Result.Communes;
            // 2025 is the only finished year from 2025 to the fixture's today (22/11/2026): nine communes in ten.
            Assert.InRange(ratings.Count, communes * 8 / 10, communes);
            Assert.All(ratings, a =>
            {
                Assert.Equal(3, a.Scores.Count);
                Assert.Equal(a.Scores.Sum(x => x.Score), a.TotalScore);
                Assert.Equal(100, a.MaxScore);
                var requiredMet = a.Scores.Where(x => x.Criterion!.Required).All(x => x.Score >= x.Criterion!.MaxScore);
                Assert.Equal(a.Status == Pcmd.Web.Features.CommuneModel.AssessmentStatus.Confirmed
                    ? Pcmd.Web.Features.CommuneModel.HealthyRatingService.IsHealthy(a.TotalScore, a.MaxScore, a.PassPercent, requiredMet) : null, a.Healthy);
            });
            var confirmed = ratings.Count(a => a.Healthy is not null);
            Assert.InRange(ratings.Count(a => a.Healthy == true), confirmed / 2, confirmed - 1);

            var budget = await db.BudgetLines.AsNoTracking().ToListAsync();
            Assert.Equal(budget.Count, database.Result.Activities.BudgetLines);
            Assert.Equal(communes, budget.Count);
            Assert.All(budget, b =>
            {
                Assert.Equal(2026, b.Year);
                Assert.InRange(b.Allocated!.Value, 1, b.Estimate!.Value);
                Assert.Equal(b.Spent > b.Allocated, b.OverspendNote is not null);
            });
            Assert.Equal(communes, budget.Select(b => b.OrgUnitId).Distinct().Count());
        }
    }

    [Fact]
    public async Task A_city_run_gives_the_same_records_for_a_seed_and_figures_between_zero_and_all()
    {
        using var first = await Make(5);
        using var second = await Make(5);
        using (var a = first.Scope())
        using (var b = second.Scope())
        {
            var events = await first.Db(a).CommunicationEvents.AsNoTracking().OrderBy(e => e.Id).Select(e => new { e.Date, e.OrgUnitId, e.Kind }).ToListAsync();
            var again = await second.Db(b).CommunicationEvents.AsNoTracking().OrderBy(e => e.Id).Select(e => new { e.Date, e.OrgUnitId, e.Kind }).ToListAsync();
            Assert.Equal(events, again);
            var communes = first.Result.Communes;
            // About six events a commune a year from 2022 to 22/11/2026 (the fixture's today).
            Assert.InRange(events.Count, communes * 4 * 4, communes * 8 * 5);
            Assert.Equal(events.Count, first.Result.Activities.Events);
            Assert.True(await first.Db(a).TrainingParticipants.AnyAsync());
            // The model: kept once taken up, a third to most of the communes by 2026.
            var models = await first.Db(a).ModelCommunes.AsNoTracking().ToListAsync();
            Assert.All(models.GroupBy(m => m.OrgUnitId), g => Assert.Equal(g.OrderBy(m => m.Year).Skip(1).Count(), g.Count(m => m.Status == Pcmd.Web.Features.CommuneModel.ModelStatus.Maintained)));
            Assert.InRange(models.Count(m => m.Year == 2026), communes / 3, communes - 1);
        }

        using var services = new ServiceCollection()
            .AddDbContext<PcmdDbContext>(o => o.UseSqlite(first.Connection))
            .AddSingleton<OrgUnitTree>()
            .AddScoped<IndicatorAreas>()
            .AddScoped<IndicatorComputations>()
            .BuildServiceProvider();
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PcmdDbContext>();
        var city = await db.OrgUnits.Where(u => u.Code == "01" && u.Level == OrgUnitLevel.Province).Select(u => u.Id).SingleAsync();
        var areas = scope.ServiceProvider.GetRequiredService<IndicatorAreas>();
        var computations = scope.ServiceProvider.GetRequiredService<IndicatorComputations>();
        foreach (var c in new[] { Computation.CommunicationMaintainedShare, Computation.TrainedShareCity, Computation.TrainedShareCommune,
            Computation.AssignedPlanShare, Computation.CommuneDocumentShare })
        {
            var figure = await computations.Compute(c, await areas.ForQuery(city), new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31));
            Assert.True(figure.Denominator > 0, c.ToString());
            var share = figure.Value / figure.Denominator;
            output.WriteLine($"{c}: {figure.Value} / {figure.Denominator} = {share:P1}");
            Assert.InRange(share!.Value, 0.3m, 0.99m);
        }
    }
}
