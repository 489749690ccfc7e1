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
