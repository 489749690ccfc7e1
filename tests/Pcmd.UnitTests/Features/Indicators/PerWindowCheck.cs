using Microsoft.Extensions.DependencyInjection;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Indicators;

namespace Pcmd.UnitTests.Features.Indicators;

/// <summary>The one check of every folded series (WindowSeries, DocumentSeries, CommuneSeries, TrainedShareSeries…): each key's
/// figures, per unit and in total, equal the same key computed one query per window (<see cref="IndicatorComputations.PerWindow"/>),
/// in each named area and the whole country.</summary>
static class PerWindowCheck
{
    public static async Task AssertFoldedEqualsPerWindow(ServiceProvider services, Dictionary<string, int> units, IEnumerable<string> areaNames,
        Computation c, List<FigureKey> keys)
    {
        foreach (var name in areaNames.Append("country"))
        {
            using var scope = services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<PcmdDbContext>();
            int? area = name == "country" ? null : await scope.ServiceProvider.GetRequiredService<IndicatorAreas>().ForQuery(units[name]);
            var perWindow = new IndicatorComputations(db) { PerWindow = true };
            var folded = new IndicatorComputations(db);
            var (expected, actual) = (await perWindow.ComputeByUnit(keys, area), await folded.ComputeByUnit(keys, area));
            var (expectedTotals, actualTotals) = (await perWindow.Compute(keys, area), await folded.Compute(keys, area));
            foreach (var k in keys)
            {
                Assert.True(expected[k].OrderBy(x => x.Key).SequenceEqual(actual[k].OrderBy(x => x.Key)),
                    $"{c} {name} {k.From}–{k.To}: per window {Show(expected[k])}, folded {Show(actual[k])}");
                Assert.Equal((expectedTotals[k].Value, expectedTotals[k].Denominator), (actualTotals[k].Value, actualTotals[k].Denominator));
            }
        }
    }

    static string Show(Dictionary<int, (int Num, int Den)> d) => string.Join(", ", d.OrderBy(x => x.Key).Select(x => $"{x.Key}:{x.Value.Num}/{x.Value.Den}"));
}
