using Pcmd.Web.Shared;
namespace Pcmd.Web.Features.Tips.Pages;

/// <summary>What the new-tip form posts.</summary>
public sealed class TipForm
{
    public TipChannel? Channel { get; set; } = TipChannel.Hotline;
    public TipCategory? Category { get; set; }
    public int? OrgUnitId { get; set; }
    public string? Place { get; set; }
    public string? OccurredOn { get; set; }
    public string? Description { get; set; }
    public string? PassedOnBy { get; set; }
    public string? ReporterName { get; set; }
    public string? ReporterContact { get; set; }
    public string? IdentifyingDetails { get; set; }

    public TipInput ToInput() => new(Channel, null, Category, OrgUnitId, Place, null, null, DateInput.OptionalOrThrow(OccurredOn, "occurredOn"), Description, PassedOnBy,
        string.IsNullOrWhiteSpace(ReporterName) && string.IsNullOrWhiteSpace(ReporterContact), ReporterName, ReporterContact, IdentifyingDetails);
}

/// <summary>What the step form posts: the step and whatever it needs.</summary>
public sealed class TipStepForm
{
    public TipState? State { get; set; }
    public int Version { get; set; }
    public string? Note { get; set; }
    public string? MessageToReporter { get; set; }
    public TipKind? Kind { get; set; }
    public TipRelevance? Relevance { get; set; }
    public string? DuplicateOfCode { get; set; }
    public int? AssignedUnitId { get; set; }
    public TipOutcome? Outcome { get; set; }
    public string? PublicResult { get; set; }
    public int? InspectionId { get; set; }
}

public sealed class TipExtensionForm
{
    public int? Days { get; set; }
    public string? Reason { get; set; }
    public int Version { get; set; }
}
