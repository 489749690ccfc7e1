using Xunit;

namespace Pcmd.UnitTests.Architecture;

/// <summary>Features may use each other only one way: a feature that must hear about another's records declares an
/// interface (like IDemoStep or IPlanPartGuard) and the other implements it. A new cycle fails here with the path.</summary>
public class FeatureDependencyTests
{
    static readonly Dictionary<string, Dictionary<string, string>> Graph = FeatureGraph.Build(typeof(Program).Assembly);

    [Fact]
    public void No_feature_folder_depends_on_itself_through_others()
    {
        var cycles = FeatureGraph.Cycles(Graph);
        Assert.True(cycles.Count == 0, "Cycles between feature folders:\n" + string.Join("\n", cycles));
    }

    [Fact]
    public void The_graph_sees_references_from_code_and_pages()
    {
        // Guards the reader itself: known one-way uses, one from a service's body, one from a Razor page's markup.
        Assert.Contains("OrgUnits", Graph["Establishments"].Keys);
        Assert.Contains("Plans", Graph["Reporting"].Keys);
        Assert.Contains("Agencies", Graph["Inspections"].Keys);
        Assert.DoesNotContain("Reporting", Graph["OrgUnits"].Keys);
    }

    [Fact]
    public void A_cycle_is_reported_with_its_path()
    {
        var graph = new Dictionary<string, Dictionary<string, string>>
        {
            ["A"] = new() { ["B"] = "A.X uses B.Y" },
            ["B"] = new() { ["C"] = "B.Y uses C.Z" },
            ["C"] = new() { ["A"] = "C.Z uses A.X" },
            ["D"] = new() { ["A"] = "D.W uses A.X" },
        };
        var cycle = Assert.Single(FeatureGraph.Cycles(graph));
        Assert.StartsWith("A → B (A.X uses B.Y); B → C", cycle);
        Assert.EndsWith("C → A (C.Z uses A.X)", cycle);
    }
}
