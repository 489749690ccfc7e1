using Pcmd.Web.Features.Indicators;
using Pcmd.Web.Features.Plans;
using Pcmd.Web.Features.Targets;

namespace Pcmd.UnitTests.Features.Indicators;

/// <summary>Issue 16, item 7: an indicator is bound only to a computation whose measure fits its target.</summary>
public class ComputationMeasuresTests
{
    [Theory]
    [InlineData(TargetKind.Percentage, "%", Computation.InspectedShare, true)]
    [InlineData(TargetKind.Percentage, "%", Computation.InspectionCount, false)]
    [InlineData(TargetKind.AtLeastOnce, "%", Computation.HighRiskInspectedShare, true)]
    [InlineData(TargetKind.Count, "vụ án", Computation.CriminalCasesDetected, true)]
    [InlineData(TargetKind.Range, "vụ án", Computation.CriminalCasesTried, true)]
    [InlineData(TargetKind.Count, "vụ án", Computation.PeopleSanctioned, false)]
    [InlineData(TargetKind.Count, "vụ án", Computation.TriedShareOfIndicted, false)]
    [InlineData(TargetKind.Count, "bị cáo", Computation.DefendantsTried, true)]
    [InlineData(TargetKind.Count, "bị cáo", Computation.CriminalCasesTried, false)]
    [InlineData(TargetKind.Count, "lượt người", Computation.OutreachContacts, true)]
    [InlineData(TargetKind.Count, "học sinh, sinh viên", Computation.ReachedVocationalStudents, true)]
    [InlineData(TargetKind.Count, "cơ sở", Computation.EstablishmentsInspected, true)]
    [InlineData(TargetKind.Count, "cơ sở", Computation.HotspotsEliminated, false)]
    [InlineData(TargetKind.Zero, "điểm, tụ điểm", Computation.NewHotspots, true)]
    [InlineData(TargetKind.Zero, "điểm", Computation.TipsReceived, false)]
    [InlineData(TargetKind.Count, "lượt", Computation.InspectionCount, true)]
    [InlineData(TargetKind.Count, "đội", Computation.InspectionCount, true)]      // a unit PCMD does not know is not judged
    [InlineData(TargetKind.Count, null, Computation.FinesTotal, true)]
    public void A_computation_fits_a_target_of_its_kind_and_counted_thing(TargetKind kind, string? unit, Computation c, bool fits) =>
        Assert.Equal(fits, ComputationMeasures.Fits(kind, unit, c));

    [Fact]
    public void The_refusal_lists_the_computations_that_fit()
    {
        var ind = new Indicator { Number = "3.1.5.a", TargetKind = TargetKind.Range, UnitOfMeasure = "vụ án" };
        Assert.Null(ComputationMeasures.Refusal(ind, Computation.CriminalCasesDetected));
        var message = ComputationMeasures.Refusal(ind, Computation.PeopleSanctioned)!;
        Assert.StartsWith("Cách tính peopleSanctioned (", message);
        Assert.Contains("không đo được chỉ tiêu 3.1.5.a", message);
        Assert.Contains("criminalCasesDetected (", message);
        Assert.Contains("criminalCasesTried (", message);
        Assert.DoesNotContain("defendantsTried", message);
        Assert.DoesNotContain("inspectedShare", message);
    }
}
