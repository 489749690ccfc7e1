using Microsoft.Extensions.DependencyInjection;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Agencies;
using Pcmd.Web.Features.Indicators;
using Pcmd.Web.Features.OrgUnits;
using Pcmd.Web.Features.Plans;
using Pcmd.Web.Features.Targets;
using Pcmd.Web.Features.UnitDocuments;

namespace Pcmd.UnitTests.Features.Indicators;

/// <summary>The plan of <see cref="AssignedPlanFactsTests"/> over the small registry of <see cref="RegistryFixture"/> (Phú Lãm and
/// Vạn Phúc until 30/6/2025; Phú Lương, which took in Phú Lãm, and Hà Đông from 1/7/2025).
/// Plan P: city, 2025–2030. Assignments: A1 (police) leads an indicator, A2 (a department) cooperates on a task, the collective
/// "UBND các xã, phường" leads an indicator, A4 (a department dissolved on 28/2/2026) cooperates; A3 is not assigned.
/// Implementing P: Phú Lãm's plan document 1/3/2025 · Hà Đông's plan document 10/2/2026 · A1's plan document 5/1/2026 · A2's own
/// plan (parent P) for 2027–2030 · A3's plan document 2026 (not assigned) · A4's plan document 10/1/2026.
/// Not implementing P: Hà Đông's plan document of 1/6/2025 naming no plan · Phú Lương's decision naming P in 2026.</summary>
public sealed class AssignedPlanFixture : IDisposable
{
    readonly RegistryFixture _registry = new();
    public ServiceProvider Services => _registry.Services;
    public Dictionary<string, int> Units => _registry.Units;
    public int PlanId { get; }

    public AssignedPlanFixture()
    {
        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PcmdDbContext>();
        int U(string k) => Units[k];
        Agency A(string code, AgencyKind kind, DateOnly? validTo = null) =>
            new() { Code = code, Name = code, Kind = kind, OrgUnitId = U("city"), ValidTo = validTo };
        var (a1, a2, a3, a4, communes) = (A("A1", AgencyKind.Police), A("A2", AgencyKind.Department), A("A3", AgencyKind.Department),
            A("A4", AgencyKind.Department, new DateOnly(2026, 2, 28)), A("UBND-XA", AgencyKind.Collective));
        db.AddRange(a1, a2, a3, a4, communes);
        var p = new Plan { Key = "p", Title = "P", Level = PlanLevel.City, IssuingUnitId = U("city"), PeriodFrom = 2025, PeriodTo = 2030 };
        db.Plans.Add(p);
        db.SaveChanges();
        PlanId = p.Id;
        var task = new PlanTask { PlanId = p.Id, Number = "1", Text = "Nhiệm vụ" };
        db.Add(task);
        db.SaveChanges();
        var indicator = new Indicator { PlanId = p.Id, Number = "3.1.1", Text = "100 %" };
        db.Add(indicator);
        db.SaveChanges();
        db.Assignments.AddRange(
            new Assignment { PlanId = p.Id, IndicatorId = indicator.Id, AgencyId = a1.Id, Role = AssignmentRole.Lead },
            new Assignment { PlanId = p.Id, IndicatorId = indicator.Id, AgencyId = communes.Id, Role = AssignmentRole.Lead },
            new Assignment { PlanId = p.Id, TaskId = task.Id, AgencyId = a2.Id, Role = AssignmentRole.Cooperating },
            new Assignment { PlanId = p.Id, TaskId = task.Id, AgencyId = a1.Id, Role = AssignmentRole.Cooperating },
            new Assignment { PlanId = p.Id, TaskId = task.Id, AgencyId = a4.Id, Role = AssignmentRole.Cooperating });
        db.Plans.Add(new Plan { Key = "a2", Title = "A2", Level = PlanLevel.City, IssuingUnitId = U("city"), IssuingAgencyId = a2.Id,
            PeriodFrom = 2027, PeriodTo = 2030, ParentId = p.Id });
        var n = 0;
        void Doc(string unit, Agency? agency, DocumentKind kind, string date, int? plan) => db.UnitDocuments.Add(new UnitDocument
        {
            OrgUnitId = U(unit), AgencyId = agency?.Id, Kind = kind, Number = $"{++n}/KH", IssuedOn = DateOnly.Parse(date),
            Year = DateOnly.Parse(date).Year, Signer = "Chủ tịch", Subject = "Văn bản", PlanId = plan,
        });
        Doc("phuLam", null, DocumentKind.Plan, "2025-03-01", p.Id);
        Doc("haDong", null, DocumentKind.Plan, "2026-02-10", p.Id);
        Doc("city", a1, DocumentKind.Plan, "2026-01-05", p.Id);
        Doc("city", a3, DocumentKind.Plan, "2026-03-01", p.Id);
        Doc("city", a4, DocumentKind.Plan, "2026-01-10", p.Id);
        Doc("haDong", null, DocumentKind.Plan, "2025-06-01", null);
        Doc("phuLuong", null, DocumentKind.Decision, "2026-04-01", p.Id);
        db.SaveChanges();
    }

    public void Dispose() => _registry.Dispose();
}

/// <summary>3.1.1 of the 2026–2030 plan: the agencies the plan assigns and the communes, each with a plan implementing THIS plan in
/// the window, counted by hand from <see cref="AssignedPlanFixture"/>.</summary>
public sealed class AssignedPlanFactsTests(AssignedPlanFixture data) : IClassFixture<AssignedPlanFixture>
{
    async Task<Actual> Compute(string unit, int year, int? plan)
    {
        using var scope = data.Services.CreateScope();
        var areas = scope.ServiceProvider.GetRequiredService<IndicatorAreas>();
        var computations = scope.ServiceProvider.GetRequiredService<IndicatorComputations>();
        var key = FigureKey.Of(Computation.AssignedPlanShare, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), plan);
        return (await computations.Compute([key], await areas.ForQuery(data.Units[unit])))[key];
    }

    [Theory]
    // 2025: communes on 31/12 are Phú Lương and Hà Đông; agencies assigned and existing then A1, A2, A4 (the collective is not
    // one body, A3 is not assigned). Phú Lương has Phú Lãm's document of March (merged on 1/7/2025); Hà Đông's plan names no plan.
    [InlineData("city", 2025, 1, 5)]
    [InlineData("phuLuong", 2025, 1, 1)]
    [InlineData("haDong", 2025, 0, 1)]
    // 2026: A4 was dissolved on 28/2 (not on 31/12); Hà Đông's and A1's documents count; Phú Lương's decision is not a plan.
    [InlineData("city", 2026, 2, 4)]
    [InlineData("haDong", 2026, 1, 1)]
    [InlineData("phuLuong", 2026, 0, 1)]
    // 2027 and after: A2's own plan implementing P is in force; the documents of 2026 are not in the window.
    [InlineData("city", 2027, 1, 4)]
    [InlineData("city", 2030, 1, 4)]
    public async Task Assigned_agencies_and_communes_with_a_plan_implementing_the_plan(string unit, int year, int num, int den)
    {
        var a = await Compute(unit, year, data.PlanId);
        Assert.Equal((num, (decimal?)den), (a.Value, a.Denominator));
    }

    [Fact]
    public async Task Without_a_plan_no_agency_is_assigned_and_any_plan_of_a_commune_counts()
    {
        // 2025: Phú Lương (Phú Lãm's document) and Hà Đông (its plan of June naming no plan).
        var a = await Compute("city", 2025, null);
        Assert.Equal((2m, (decimal?)2), (a.Value, a.Denominator));
    }

    [Fact]
    public void Only_the_computation_that_reads_its_plan_keeps_the_plan_in_its_key()
    {
        var day = new DateOnly(2026, 1, 1);
        Assert.Equal(data.PlanId, FigureKey.Of(Computation.AssignedPlanShare, day, day, data.PlanId).PlanId);
        Assert.Null(FigureKey.Of(Computation.CommunePlanShare, day, day, data.PlanId).PlanId);
    }

    [Fact]
    public async Task Per_unit_the_agencies_count_at_their_own_unit()
    {
        using var scope = data.Services.CreateScope();
        var computations = scope.ServiceProvider.GetRequiredService<IndicatorComputations>();
        var areas = scope.ServiceProvider.GetRequiredService<IndicatorAreas>();
        var key = FigureKey.Of(Computation.AssignedPlanShare, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), data.PlanId);
        var byUnit = (await computations.ComputeByUnit([key], await areas.ForQuery(data.Units["city"])))[key];
        Assert.Equal((1, 2), byUnit[data.Units["city"]]);
        Assert.Equal((1, 1), byUnit[data.Units["haDong"]]);
        Assert.Equal((0, 1), byUnit[data.Units["phuLuong"]]);
        Assert.False(byUnit.ContainsKey(data.Units["phuLam"]));
    }
}
