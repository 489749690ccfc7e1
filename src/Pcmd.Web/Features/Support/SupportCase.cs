using Pcmd.Web.Data;
using Pcmd.Web.Features.OrgUnits;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.Support;

/// <summary>Who a case serves (issue 12; seed 001 §4: người bán dâm, người có nguy cơ cao, nạn nhân bị mua bán).</summary>
public enum TargetGroup { SexWorker, AtRisk, TraffickingVictim, Other }

public enum ClosureReason { Reintegrated, Moved, Unreachable, Other }

/// <summary>A confidential support case under a pseudonymous code the system generates. The identifying fields are kept only
/// while the person's consent to being recorded stands (Luật BVDLCN 91/2025/QH15 art. 9–12: consent, its withdrawal; data on
/// sexual life and offences is sensitive) and are encrypted at rest. Only the assigned case workers and the case's supervisor
/// see the case (<see cref="CaseAccess"/>).</summary>
[Data.CountedInItsUnit]
public class SupportCase : IVersioned
{
    public int Id { get; set; }
    public string Code { get; set; } = "";
    public int OrgUnitId { get; set; }
    public OrgUnit? OrgUnit { get; set; }
    public TargetGroup TargetGroup { get; set; }
    public DateOnly OpenedOn { get; set; }
    public DateOnly? ClosedOn { get; set; }
    public ClosureReason? ClosureReason { get; set; }
    /// <summary>The user (role CaseSupervisor) who supervises the case.</summary>
    public string SupervisorId { get; set; } = "";

    // Identifying fields: encrypted (PersonalData), null without consent to being recorded.
    public string? Name { get; set; }
    public string? BirthYear { get; set; }
    public string? Phone { get; set; }
    public string? Residence { get; set; }

    public int Version { get; set; }
    public List<CaseWorkerAssignment> Workers { get; set; } = [];
    public List<Consent> Consents { get; set; } = [];
    public List<CaseNeed> Needs { get; set; } = [];
    public List<CaseNote> Notes { get; set; } = [];

    public bool IsClosed => ClosedOn is not null;
}

/// <summary>A case worker assigned to a case.</summary>
[Data.CountedInItsUnit]
public class CaseWorkerAssignment
{
    public int Id { get; set; }
    public int CaseId { get; set; }
    public string UserId { get; set; } = "";
}

public enum ConsentKind
{
    /// <summary>Being recorded: the identifying fields may be kept.</summary>
    Recorded,
    /// <summary>Being referred: to any service of the directory, which receives the case code only.</summary>
    Referral,
    /// <summary>Sharing with one named provider of the directory.</summary>
    ShareWithProvider,
}

public enum ConsentMethod { Verbal, Written, Electronic }

/// <summary>What the person agreed to, when and how, and its withdrawal (after which what it covered is no longer shown or shared).</summary>
[Data.CountedInItsUnit]
public class Consent
{
    public int Id { get; set; }
    public int CaseId { get; set; }
    public ConsentKind Kind { get; set; }
    /// <summary>The provider named by a <see cref="ConsentKind.ShareWithProvider"/> consent.</summary>
    public int? ProviderId { get; set; }
    public DateOnly GivenOn { get; set; }
    public ConsentMethod Method { get; set; }
    public DateOnly? WithdrawnOn { get; set; }

    public bool IsActive => WithdrawnOn is null;
}

/// <summary>A kind of need of the screening checklist; an administrator adds kinds (data, not code).</summary>
public class NeedKind
{
    public int Id { get; set; }
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public int SortOrder { get; set; }
    public bool Active { get; set; } = true;
}

/// <summary>A need found at screening and whether the person is eligible for the service that meets it.</summary>
[Data.CountedInItsUnit]
public class CaseNeed
{
    public int Id { get; set; }
    public int CaseId { get; set; }
    public int NeedKindId { get; set; }
    public DateOnly ScreenedOn { get; set; }
    public bool Eligible { get; set; }
}

public enum CaseNoteKind { Goal, Note, Review }

/// <summary>The case plan: goals, notes and reviews, the text encrypted at rest.</summary>
[Data.CountedInItsUnit]
public class CaseNote
{
    public int Id { get; set; }
    public int CaseId { get; set; }
    public CaseNoteKind Kind { get; set; }
    public DateOnly Date { get; set; }
    [MultiLine] public string Text { get; set; } = "";
    public string Author { get; set; } = "";
}

public enum ContactChannel { InPerson, Hotline, Online, MobileCounselling, PeerGroup }

/// <summary>What was given at a contact (several at once).</summary>
[Flags]
public enum ContactGiven { None = 0, Information = 1, Condoms = 2, Counselling = 4, Testing = 8, Referral = 16, Other = 32 }

/// <summary>An outreach contact (lượt tiếp cận): for a known case, or an anonymous count of people who gave nothing.</summary>
[Data.CountedInItsUnit]
public class OutreachContact
{
    public int Id { get; set; }
    public int? CaseId { get; set; }
    public int OrgUnitId { get; set; }
    public int? EstablishmentId { get; set; }
    public DateOnly Date { get; set; }
    public ContactChannel Channel { get; set; }
    public ContactGiven Given { get; set; }
    /// <summary>People reached (1 for a case's contact).</summary>
    public int People { get; set; } = 1;
    public string RecordedBy { get; set; } = "";
}
