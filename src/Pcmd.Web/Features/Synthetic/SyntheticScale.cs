namespace Pcmd.Web.Features.Synthetic;

/// <summary>How much synthetic data to make and where (docs/synthetic-data.md). The records run from 1 January of
/// <see cref="FirstYear"/> to <see cref="Until"/>, a fixed day so that a seed gives the same data whenever it runs.</summary>
public sealed record SyntheticScale(
    string Name, IReadOnlyList<string> Provinces, int Establishments, int Inspections, int Hotspots, int FirstYear, DateOnly Until)
{
    public static readonly DateOnly DefaultUntil = new(2026, 10, 31);

    /// <summary>Tips through their workflow and enforcement records (issue 11, item 7). None at the demo scale: the demo's
    /// tips and enforcement records are the hand-written ones of TipDemoStep and EnforcementDemoStep.</summary>
    public int Tips { get; init; }
    public int CriminalCases { get; init; }
    public int AdministrativeSanctions { get; init; }

    /// <summary>Confidential support cases and their outreach contacts (issue 12, item 9); none at the demo scale (SupportDemoStep's).</summary>
    public int SupportCases { get; init; }
    public int SupportContacts { get; init; }

    /// <summary>Communication events, the staff roster and training courses (issue 13, item 8): none at the demo scale
    /// (TrainingDemoStep's and CommunicationDemoStep's), per commune and quarter at the others (<see cref="ActivityFaker"/>).</summary>
    public bool Activities { get; init; }

    /// <summary>What <c>dotnet run</c> loads on its first start: small enough for a few seconds on SQLite.</summary>
    public static readonly SyntheticScale Demo = new("demo", ["01"], 3_000, 15_000, 60, 2021, DefaultUntil);

    /// <summary>Hà Nội: its 126 communes and wards and the old units before 1/7/2025.</summary>
    public static readonly SyntheticScale City = new("city", ["01"], 30_000, 150_000, 300, 2022, DefaultUntil)
    {
        Tips = 50_000, CriminalCases = 5_000, AdministrativeSanctions = 20_000, SupportCases = 5_000, SupportContacts = 200_000, Activities = true,
    };

    /// <summary>All 34 provinces (≈ 3.321 communes and their ≈ 10.000 predecessors).</summary>
    public static readonly SyntheticScale Country = new("country", AllProvinces, 300_000, 1_500_000, 3_000, 2022, DefaultUntil)
    {
        Tips = 500_000, CriminalCases = 50_000, AdministrativeSanctions = 200_000, SupportCases = 60_000, SupportContacts = 5_000_000,
        Activities = true,
    };

    public static IReadOnlyList<string> AllProvinces =>
    [
        "01", "04", "08", "11", "12", "14", "15", "19", "20", "22", "24", "25", "31", "33", "37", "38", "40",
        "42", "44", "46", "48", "51", "52", "56", "66", "68", "75", "79", "80", "82", "86", "91", "92", "96",
    ];

    public static SyntheticScale Parse(string name) => name.Trim().ToLowerInvariant() switch
    {
        "demo" => Demo,
        "city" => City,
        "country" => Country,
        _ => throw new ArgumentException($"Unknown scale '{name}': use demo, city or country.", nameof(name)),
    };

    /// <summary>The same shape with other counts (the unit tests use a few hundred records).</summary>
    public SyntheticScale WithCounts(int establishments, int inspections, int hotspots) =>
        this with { Establishments = establishments, Inspections = inspections, Hotspots = hotspots };
}

/// <param name="TipsAndCasesOnly">Only the tips and enforcement records (on a database whose units are loaded): what the tips
/// benchmark needs, without the registries' hours of writing at country scale.</param>
/// <param name="SupportOnly">Only the support records (on a database whose units are loaded): what the support benchmark needs.</param>
/// <param name="ActivitiesOnly">Only communication, roster and training (on a database whose units are loaded).</param>
public sealed record SyntheticOptions(SyntheticScale Scale, int Seed = 42, bool Append = false, bool TipsAndCasesOnly = false, bool SupportOnly = false,
    bool ActivitiesOnly = false);

public sealed record SyntheticResult(
    string Scale, int Seed, int Communes, int OldCommunes, int Establishments, int Teams, int TeamMembers, int Inspections,
    int InspectionMembers, int Violations, int Sanctions, int Hotspots, int HotspotEvents, TimeSpan Generating, TimeSpan Writing)
{
    public TipsAndCases Enforcement { get; init; } = new(0, 0, 0, 0, 0);
    public SupportMade Support { get; init; } = new(0, 0, 0, 0);
    public ActivitiesMade Activities { get; init; } = new(0, 0, 0, 0, 0, 0, 0);

    public TimeSpan Total => Generating + Writing;

    public override string ToString() =>
        $"scale {Scale}, seed {Seed}: {Communes} communes (+{OldCommunes} old), {Establishments} establishments, {Teams} teams " +
        $"({TeamMembers} members), {Inspections} inspections ({InspectionMembers} members present, {Violations} violations, " +
        $"{Sanctions} sanctions), {Hotspots} hotspots ({HotspotEvents} events), {Enforcement}, {Support}, {Activities}; generated in {Generating.TotalSeconds:0.0} s, " +
        $"written in {Writing.TotalSeconds:0.0} s";
}

/// <summary>What the tips and enforcement part of the generator made.</summary>
public sealed record TipsAndCases(int Tips, int TipSteps, int Extensions, int CriminalCases, int AdministrativeSanctions)
{
    public override string ToString() =>
        $"{Tips} tips ({TipSteps} steps, {Extensions} extensions), {CriminalCases} criminal cases, {AdministrativeSanctions} administrative sanctions";
}
