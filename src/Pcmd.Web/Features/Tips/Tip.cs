using Pcmd.Web.Features.OrgUnits;
using Pcmd.Web.Data;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.Tips;

/// <summary>How a tip came in (issue 11: public portal, hotline, mailbox, letter, in person, passed on by an agency or the press).</summary>
public enum TipChannel { PublicPortal, Hotline, Mailbox, Letter, InPerson, Agency, Press }

/// <summary>What the reporter says happened: the portal's category list.</summary>
public enum TipCategory { Soliciting, Brokering, Premises, MinorInvolved, Trafficking, Other }

/// <summary>The legal kind, set at classification; it chooses the deadlines (see <see cref="TipDeadlines"/>).</summary>
public enum TipKind
{
    /// <summary>Tin báo, phản ánh vi phạm hành chính.</summary>
    ViolationReport,
    /// <summary>Tố giác, tin báo về tội phạm (Bộ luật Tố tụng hình sự 2015, art. 144–147).</summary>
    CrimeReport,
    /// <summary>Tố cáo (Luật Tố cáo 2018).</summary>
    Denunciation,
    /// <summary>Khiếu nại (Luật Khiếu nại 2011).</summary>
    Complaint,
    /// <summary>Phản ánh, kiến nghị.</summary>
    Feedback,
}

public enum TipRelevance { Relevant, NotRelevant, Duplicate }

/// <summary>received → verifying → classified → assigned → handled → closed; a tip classified as not relevant or as a
/// duplicate may be closed straight after classification.</summary>
public enum TipState { Received, Verifying, Classified, Assigned, Handled, Closed }

public enum TipOutcome { Inspected, PassedToPolice, Sanctioned, Unfounded }

/// <summary>A tin báo, tố giác, khiếu nại or phản ánh from a citizen or an agency. The source (who reported and how to
/// reach them) is encrypted at rest and read only by the intake officers of the receiving unit, through an audited read
/// (<see cref="TipSourceRead"/>); everyone else who may see the tip sees its substance.</summary>
[Data.CountedInItsUnit]
public class Tip : IVersioned, IHeldByUnit
{
    int IHeldByUnit.HeldByUnitId => OrgUnitId;
    DateOnly? IHeldByUnit.HeldOn => OccurredOn ?? Shared.VietnamTime.Day(ReceivedAt);
    public int Id { get; set; }
    /// <summary>The follow-up code given to the reporter (also the tip's number for staff).</summary>
    public string Code { get; set; } = "";
    /// <summary>SHA-256 of the secret shown once to a portal reporter; the secret itself is never stored.</summary>
    public string? SecretHash { get; set; }
    public TipChannel Channel { get; set; }
    /// <summary>When it came in (UTC). A portal tip keeps only the hour.</summary>
    public DateTime ReceivedAt { get; set; }
    /// <summary>The staff member who took it in; none for the portal.</summary>
    public string? ReceivedBy { get; set; }
    /// <summary>The unit (and agency) that took it in: its intake officers alone may read the source.</summary>
    public int ReceivingUnitId { get; set; }
    public int? ReceivingAgencyId { get; set; }
    /// <summary>The agency that passed it on, for the Agency and Press channels (free text: a newspaper is no agency of PCMD).</summary>
    public string? PassedOnBy { get; set; }

    public TipCategory Category { get; set; }
    /// <summary>The commune where it happened.</summary>
    public int OrgUnitId { get; set; }
    public string? Place { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public DateOnly? OccurredOn { get; set; }
    [MultiLine] public string Description { get; set; } = "";

    public bool Anonymous { get; set; }
    /// <summary>Reporter's name (encrypted).</summary>
    public string? ReporterName { get; set; }
    /// <summary>How to reach the reporter: phone, e-mail, address (encrypted).</summary>
    public string? ReporterContact { get; set; }
    /// <summary>The parts of the report the intake officer marked as identifying, moved out of the description (encrypted).</summary>
    [MultiLine] public string? IdentifyingDetails { get; set; }

    public TipKind? Kind { get; set; }
    public TipRelevance? Relevance { get; set; }
    public int? DuplicateOfId { get; set; }
    public int? AssignedUnitId { get; set; }
    public int? AssignedAgencyId { get; set; }
    public TipOutcome? Outcome { get; set; }
    /// <summary>The short result the reporter sees on the portal.</summary>
    public string? PublicResult { get; set; }
    public int? EstablishmentId { get; set; }
    public int? HotspotId { get; set; }
    public int? InspectionId { get; set; }

    public TipState State { get; set; }
    /// <summary>The deadline of the next step (null when closed), kept for the due-soon and overdue lists.</summary>
    public DateOnly? NextDueOn { get; set; }
    public int Version { get; set; }
    public List<TipStep> Steps { get; set; } = [];
    public List<TipExtension> Extensions { get; set; } = [];
}

/// <summary>One step of a tip's workflow: who moved it to which state, when, whether within the step's deadline, and an
/// optional message shown to the reporter on the portal.</summary>
[Data.CountedInItsUnit]
public class TipStep
{
    public int Id { get; set; }
    public int TipId { get; set; }
    public TipState State { get; set; }
    public DateTime At { get; set; }
    public string? By { get; set; }
    public DateOnly? DueOn { get; set; }
    public bool OnTime { get; set; } = true;
    [MultiLine] public string? Note { get; set; }
    [MultiLine] public string? MessageToReporter { get; set; }
}

/// <summary>A step's deadline extended, with the reason (e.g. BLTTHS 2015 art. 147(2): a complex crime report).</summary>
[Data.CountedInItsUnit]
public class TipExtension
{
    public int Id { get; set; }
    public int TipId { get; set; }
    public TipState State { get; set; }
    public int Days { get; set; }
    [MultiLine] public string Reason { get; set; } = "";
    public string? By { get; set; }
    public DateTime At { get; set; }
}

/// <summary>A reporter's answer to a question staff asked through a step's message; kept to the hour like the rest of the public side.</summary>
[Data.CountedInItsUnit]
public class TipReply
{
    public int Id { get; set; }
    public int TipId { get; set; }
    public DateTime At { get; set; }
    [MultiLine] public string Text { get; set; } = "";
}

/// <summary>Who read a tip's source, when: shown on the tip ("who saw the source") beside the audit trail's record.</summary>
[Data.CountedInItsUnit]
public class TipSourceRead
{
    public int Id { get; set; }
    public int TipId { get; set; }
    public string UserName { get; set; } = "";
    public DateTime At { get; set; }
}

/// <summary>The portal's guidance text, one row an administrator edits.</summary>
public class PortalGuidance : IVersioned
{
    public int Id { get; set; }
    [MultiLine] public string Text { get; set; } = "";
    public int Version { get; set; }
}
