using Pcmd.Web.Features.OrgUnits;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Establishments;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.Inspections;

public enum InspectionKind { Planned, Unannounced }

/// <summary>Why an unannounced inspection took place (TT 05/2006): a tip or complaint, an agency's request,
/// or signs of violation.</summary>
public enum UnannouncedReason { Tip, Request, Signs }

/// <summary>An inspection visit and its biên bản.</summary>
[Data.CountedInItsUnit]
public class Inspection : IVersioned, IHeldByUnit
{
    int IHeldByUnit.HeldByUnitId => OrgUnitId;
    DateOnly? IHeldByUnit.HeldOn => Date;
    public int Id { get; set; }
    public int EstablishmentId { get; set; }
    public Establishment? Establishment { get; set; }
    /// <summary>The establishment's commune at the time of the visit; scope and roll-ups read it.</summary>
    public int OrgUnitId { get; set; }
    public int TeamId { get; set; }
    public InspectionTeam? Team { get; set; }
    public DateOnly Date { get; set; }
    public InspectionKind Kind { get; set; }
    public UnannouncedReason? Reason { get; set; }
    [MultiLine] public string? ReasonNote { get; set; }
    public int? InspectionPlanItemId { get; set; }
    [MultiLine] public string? Findings { get; set; }
    /// <summary>Owners and workers informed about the law during the visit (counts of people).</summary>
    public int OwnersInformed { get; set; }
    public int WorkersInformed { get; set; }
    public int? FollowUpOfId { get; set; }
    public int Version { get; set; }
    public List<InspectionMember> Members { get; set; } = [];
    public List<InspectionViolation> Violations { get; set; } = [];
    public List<Sanction> Sanctions { get; set; } = [];
}

[Data.CountedInItsUnit]
public class InspectionMember
{
    public int Id { get; set; }
    public int InspectionId { get; set; }
    public int TeamMemberId { get; set; }
    public TeamMember? TeamMember { get; set; }
}

[Data.CountedInItsUnit]
public class InspectionViolation
{
    public int Id { get; set; }
    public int InspectionId { get; set; }
    public int ViolationTypeId { get; set; }
    public ViolationType? ViolationType { get; set; }
    [MultiLine] public string? Note { get; set; }
}

public enum SanctionKind { Warning, Fine, Other }

/// <summary>A sanction as recorded: its amount and legal basis are kept as they were on the day, whatever
/// later decrees say.</summary>
[Data.CountedInItsUnit]
public class Sanction
{
    public int Id { get; set; }
    public int InspectionId { get; set; }
    public SanctionKind Kind { get; set; }
    public decimal? Amount { get; set; }
    public int? DecreeId { get; set; }
    public Decree? Decree { get; set; }
    /// <summary>Article and clause as written in the decision ("Điều 25, khoản 1").</summary>
    [MultiLine] public string? LegalBasis { get; set; }
    [MultiLine] public string? Measures { get; set; }
}
