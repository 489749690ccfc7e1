using Microsoft.Extensions.DependencyInjection;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Indicators;
using Pcmd.Web.Features.Monitoring;

namespace Pcmd.UnitTests.Features.Indicators;

/// <summary>The shares of units with a plan or documents folded over many windows (<see cref="DocumentSeries"/>) equal the same
/// windows computed one query each, per unit and in total, in every area: on the plans and documents of <see cref="ActivityFixture"/>
/// (3.1.1 communes and districts, 3.2.1) and of <see cref="AssignedPlanFixture"/> (3.1.1 of a plan: its agencies, one dissolved on
/// 28/2/2026), with Phú Lãm merged into Phú Lương on 1/7/2025 — a dashboard's windows of this year and the three before, and windows
/// ending the day before, on and after each document, the merger and the agency's end.</summary>
public sealed class DocumentSeriesTests(ActivityFixture activities, AssignedPlanFixture assigned)
    : IClassFixture<ActivityFixture>, IClassFixture<AssignedPlanFixture>
{
    static readonly string[] UnitNames = ["city", "district", "phuLuong", "phuLam", "vanPhuc", "haDong"];

    /// <summary>The days of the fixtures' documents, the merger (1/7/2025) and the dissolved agency's last day.</summary>
    static readonly DateOnly[] Days = [.. new[]
    {
        "2023-12-20", "2024-03-01", "2025-02-01", "2025-03-01", "2025-06-01", "2025-06-30", "2026-01-05", "2026-01-10", "2026-02-10",
        "2026-02-28", "2026-03-01", "2026-04-01", "2026-06-01", "2026-09-01",
    }.Select(DateOnly.Parse)];

    static List<FigureKey> Windows(Computation c, int? planId)
    {
        var keys = new List<FigureKey>();
        foreach (var (from, to, year, today) in new[]
        {
            (new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31), 2025, new DateOnly(2025, 8, 15)),
            (new DateOnly(2024, 1, 1), new DateOnly(2025, 12, 31), 2025, new DateOnly(2025, 8, 15)),
            (new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), 2026, new DateOnly(2026, 10, 15)),
            (new DateOnly(2026, 1, 1), new DateOnly(2030, 12, 31), 2027, new DateOnly(2027, 2, 1)),
        })
            keys.AddRange(OutlookKeys.For(c, from, to, year, today, planId).All);
        foreach (var d in Days)
        {
            var (start, end) = (new DateOnly(d.Year, 1, 1), new DateOnly(d.Year, 12, 31));
            keys.AddRange([FigureKey.Of(c, start, d.AddDays(-1), planId), FigureKey.Of(c, start, d, planId), FigureKey.Of(c, start, d.AddDays(1), planId),
                FigureKey.Of(c, d, end, planId), FigureKey.Of(c, d.AddDays(1), end, planId), FigureKey.Of(c, d, d, planId)]);
        }
        return [.. keys.Where(k => k.From <= k.To).Distinct()];
    }

    static async Task AssertSame(ServiceProvider services, Dictionary<string, int> units, Computation c, int? planId)
    {
        var keys = Windows(c, planId);
        Assert.Equal(keys.Count, DocumentSeries.Foldable(keys).Count);
        await PerWindowCheck.AssertFoldedEqualsPerWindow(services, units, UnitNames, c, keys);
    }

    [Theory]
    [InlineData(Computation.CommunePlanShare)]
    [InlineData(Computation.DistrictPlanShare)]
    [InlineData(Computation.CommuneDocumentShare)]
    [InlineData(Computation.AssignedPlanShare)]
    public Task Shares_of_units_with_plans_or_documents_fold_to_the_per_window_figures(Computation c) =>
        AssertSame(activities.Services, activities.Units, c, null);

    [Fact]
    public Task The_agencies_and_communes_implementing_a_plan_fold_to_the_per_window_figures() =>
        AssertSame(assigned.Services, assigned.Units, Computation.AssignedPlanShare, assigned.PlanId);

    [Fact]
    public async Task A_document_counts_from_its_day_in_the_folded_windows()
    {
        // 3.2.1 in 2026 (hand-counted): Phú Lương and Hà Đông exist; Hà Đông's plan of 1/6/2026 is its first measure (Phú Lương only
        // wrote an official letter). The folded month ends and the day before and on the document.
        using var scope = activities.Services.CreateScope();
        var computations = new IndicatorComputations(scope.ServiceProvider.GetRequiredService<PcmdDbContext>());
        var start = new DateOnly(2026, 1, 1);
        FigureKey K(int month, int day) => new(Computation.CommuneDocumentShare, start, new DateOnly(2026, month, day));
        var keys = new[] { K(4, 30), K(5, 31), K(6, 1), K(12, 31) };
        var figures = await computations.Compute(keys, await scope.ServiceProvider.GetRequiredService<IndicatorAreas>().ForQuery(activities.Units["city"]));
        Assert.Equal([(0m, (decimal?)2), (0m, 2), (1m, 2), (1m, 2)], keys.Select(k => (figures[k].Value, figures[k].Denominator)));
    }

    [Fact]
    public void A_plans_results_keep_their_one_statement_and_every_outlook_key_keeps_the_plan()
    {
        var year = new FigureKey(Computation.CommuneDocumentShare, new(2026, 1, 1), new(2026, 12, 31));
        Assert.Empty(DocumentSeries.Foldable([year, year with { From = new(2025, 1, 1), To = new(2025, 12, 31) }]));
        var keys = OutlookKeys.For(Computation.AssignedPlanShare, new(2026, 1, 1), new(2026, 12, 31), 2026, new(2026, 5, 15), 7);
        Assert.NotEmpty(keys.Months);
        Assert.All(keys.All, k => Assert.Equal(7, k.PlanId));
    }
}
