using Microsoft.Extensions.DependencyInjection;
using Pcmd.Web.Data;
using Pcmd.Web.Features.CommuneModel;
using Pcmd.Web.Features.Indicators;
using Pcmd.Web.Features.OrgUnits;
using Pcmd.Web.Features.Targets;

namespace Pcmd.UnitTests.Features.Indicators;

/// <summary>The commune model and the healthy-commune rating added to the small registry of <see cref="RegistryFixture"/>
/// (Phú Lãm and Vạn Phúc until 30/6/2025; from 1/7/2025 Phú Lương took in Phú Lãm and part of Vạn Phúc, Hà Đông the rest).
///
/// Model communes (unit, year, status): Phú Lãm 2024 kept · Vạn Phúc 2024 new · Phú Lãm 2025 kept · Hà Đông 2025 new ·
///   Phú Lương 2026 kept.
/// Ratings (checklist: C1 max 30 required, C2 max 70; pass mark 80 %) — unit, year, status, healthy:
///   Phú Lãm 2024 confirmed yes · Vạn Phúc 2024 confirmed no · Phú Lãm 2025 confirmed yes · Vạn Phúc 2025 confirmed no ·
///   Hà Đông 2025 confirmed yes · Phú Lương 2025 submitted (not yet confirmed) · Phú Lương 2026 draft.</summary>
public sealed class CommuneFixture : IDisposable
{
    readonly RegistryFixture _registry = new();
    public ServiceProvider Services => _registry.Services;
    public Dictionary<string, int> Units => _registry.Units;

    public CommuneFixture()
    {
        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PcmdDbContext>();
        void M(string unit, int year, ModelStatus status) => db.ModelCommunes.Add(new ModelCommune { OrgUnitId = Units[unit], Year = year, Status = status });
        M("phuLam", 2024, ModelStatus.Maintained); M("vanPhuc", 2024, ModelStatus.New); M("phuLam", 2025, ModelStatus.Maintained);
        M("haDong", 2025, ModelStatus.New); M("phuLuong", 2026, ModelStatus.Maintained);
        var c1 = new HealthyCriterion { Code = "1", Text = "Không có tụ điểm", MaxScore = 30, Required = true };
        var c2 = new HealthyCriterion { Code = "2", Text = "Các tiêu chí khác", MaxScore = 70 };
        db.HealthyCriteria.AddRange(c1, c2);
        db.SaveChanges();
        void A(string unit, int year, AssessmentStatus status, int s1, int s2) => db.CommuneAssessments.Add(new CommuneAssessment
        {
            OrgUnitId = Units[unit], Year = year, Status = status, TotalScore = s1 + s2, MaxScore = 100, PassPercent = 80,
            Healthy = status == AssessmentStatus.Confirmed ? HealthyRatingService.IsHealthy(s1 + s2, 100, 80, s1 == 30) : null,
            Scores = [new AssessmentScore { CriterionId = c1.Id, Score = s1 }, new AssessmentScore { CriterionId = c2.Id, Score = s2 }],
        });
        A("phuLam", 2024, AssessmentStatus.Confirmed, 30, 60);
        A("vanPhuc", 2024, AssessmentStatus.Confirmed, 30, 40);
        A("phuLam", 2025, AssessmentStatus.Confirmed, 30, 55);
        A("vanPhuc", 2025, AssessmentStatus.Confirmed, 0, 70);
        A("haDong", 2025, AssessmentStatus.Confirmed, 30, 50);
        A("phuLuong", 2025, AssessmentStatus.Submitted, 30, 70);
        A("phuLuong", 2026, AssessmentStatus.Draft, 30, 70);
        db.SaveChanges();
    }

    public void Dispose() => _registry.Dispose();
}

/// <summary>The model count and share and the healthy share against figures counted by hand from <see cref="CommuneFixture"/>.</summary>
public sealed class CommuneComputationsTests(CommuneFixture data) : IClassFixture<CommuneFixture>
{
    async Task<Actual> Compute(Computation c, string unit, string from, string to)
    {
        using var scope = data.Services.CreateScope();
        var areas = scope.ServiceProvider.GetRequiredService<IndicatorAreas>();
        var computations = scope.ServiceProvider.GetRequiredService<IndicatorComputations>();
        return await computations.Compute(c, await areas.ForQuery(data.Units[unit]), DateOnly.Parse(from), DateOnly.Parse(to));
    }

    [Theory]
    // 2024: the communes of 31/12/2024 are Phú Lãm and Vạn Phúc, both applying the model.
    [InlineData("city", "2024-01-01", "2024-12-31", 2)]
    [InlineData("district", "2024-01-01", "2024-12-31", 2)]
    [InlineData("vanPhuc", "2024-01-01", "2024-12-31", 1)]
    // The first half of 2025: the old wards still exist; Phú Lãm kept the model, Vạn Phúc has no row for 2025 (Hà Đông's row
    // is of a ward that did not exist yet).
    [InlineData("city", "2025-01-01", "2025-06-30", 1)]
    // The whole of 2025: the new wards. Phú Lương applies it through the old Phú Lãm merged into it; Hà Đông by its own row.
    [InlineData("city", "2025-01-01", "2025-12-31", 2)]
    [InlineData("phuLuong", "2025-01-01", "2025-12-31", 1)]
    [InlineData("city", "2026-01-01", "2026-12-31", 1)]
    [InlineData("haDong", "2026-01-01", "2026-12-31", 0)]
    // A window over several years counts the year of its last day.
    [InlineData("city", "2024-01-01", "2026-12-31", 1)]
    [InlineData("country", "2014-01-01", "2014-12-31", 0)]
    public async Task Communes_applying_the_model(string unit, string from, string to, int expected)
    {
        var a = await Compute(Computation.ModelCommuneCount, unit, from, to);
        Assert.Equal(expected, a.Value);
        Assert.Null(a.Denominator);
    }

    [Theory]
    [InlineData("city", "2024-01-01", "2024-12-31", 2, 2)]
    [InlineData("city", "2025-01-01", "2025-06-30", 1, 2)]
    [InlineData("city", "2025-01-01", "2025-12-31", 2, 2)]
    [InlineData("city", "2026-01-01", "2026-12-31", 1, 2)]
    [InlineData("haDong", "2026-01-01", "2026-12-31", 0, 1)]
    public async Task Share_of_communes_applying_the_model(string unit, string from, string to, int num, int den)
    {
        var a = await Compute(Computation.ModelCommuneShare, unit, from, to);
        Assert.Equal((num, (decimal?)den), (a.Value, a.Denominator));
    }

    [Theory]
    // 2024: Phú Lãm healthy (90/100), Vạn Phúc not (70/100 < 80 %).
    [InlineData("city", "2024-01-01", "2024-12-31", 1, 2)]
    [InlineData("phuLam", "2024-01-01", "2024-12-31", 1, 1)]
    [InlineData("vanPhuc", "2024-01-01", "2024-12-31", 0, 1)]
    // First half of 2025: Phú Lãm healthy; Vạn Phúc 70/100 and its required criterion at 0: not healthy.
    [InlineData("city", "2025-01-01", "2025-06-30", 1, 2)]
    // 2025: Hà Đông by its own confirmed rating (80/100, exactly the pass mark) although its old part Vạn Phúc was not healthy;
    // Phú Lương's own rating is only submitted, so its old parts decide: Phú Lãm healthy, Vạn Phúc not — not healthy.
    [InlineData("city", "2025-01-01", "2025-12-31", 1, 2)]
    [InlineData("haDong", "2025-01-01", "2025-12-31", 1, 1)]
    [InlineData("phuLuong", "2025-01-01", "2025-12-31", 0, 1)]
    // 2026: a draft counts for nothing.
    [InlineData("city", "2026-01-01", "2026-12-31", 0, 2)]
    public async Task Share_of_communes_confirmed_healthy(string unit, string from, string to, int num, int den)
    {
        var a = await Compute(Computation.HealthyCommuneShare, unit, from, to);
        Assert.Equal((num, (decimal?)den), (a.Value, a.Denominator));
    }

    [Theory]
    [InlineData(80, 100, 80, true, true)]
    [InlineData(79, 100, 80, true, false)]
    [InlineData(100, 100, 80, false, false)]
    [InlineData(0, 0, 80, true, false)]
    [InlineData(57, 70, 80, true, true)]   // 81.4 %
    [InlineData(55, 70, 80, true, false)]  // 78.6 %
    public void Healthy_means_the_pass_mark_of_the_maximum_and_every_required_criterion_in_full(int total, int max, int pass, bool required, bool expected) =>
        Assert.Equal(expected, HealthyRatingService.IsHealthy(total, max, pass, required));

    [Fact]
    public void Model_and_rating_figures_are_shares_or_counts_as_their_targets()
    {
        Assert.False(IndicatorComputations.IsShare(Computation.ModelCommuneCount));
        Assert.True(IndicatorComputations.IsShare(Computation.ModelCommuneShare));
        Assert.True(IndicatorComputations.IsShare(Computation.HealthyCommuneShare));
    }
}
