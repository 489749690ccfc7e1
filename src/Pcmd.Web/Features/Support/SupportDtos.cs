namespace Pcmd.Web.Features.Support;

/// <summary>A row of the caseload: the code, never a name.</summary>
public sealed record CaseSummary(int Id, string Code, TargetGroup TargetGroup, int OrgUnitId, string OrgUnitName, DateOnly OpenedOn,
    DateOnly? ClosedOn, CaseRole MyRole, int Needs, int Version);

public sealed record StaffRef(string Id, string FullName);

public sealed record ConsentDto(int Id, ConsentKind Kind, int? ProviderId, string? ProviderName, DateOnly GivenOn, ConsentMethod Method,
    DateOnly? WithdrawnOn);

public sealed record CaseNeedDto(int NeedKindId, string Code, string Name, DateOnly ScreenedOn, bool Eligible);

public sealed record CaseNoteDto(int Id, CaseNoteKind Kind, DateOnly Date, string Text, string Author);

public sealed record ContactDto(int Id, DateOnly Date, int OrgUnitId, string OrgUnitName, int? EstablishmentId, ContactChannel Channel,
    List<ContactGiven> Given, int People);

/// <summary>A case as its workers and supervisor see it, without the identifying fields (a separate, audited read).</summary>
public sealed record CaseDetail(int Id, string Code, TargetGroup TargetGroup, int OrgUnitId, string OrgUnitName, DateOnly OpenedOn,
    DateOnly? ClosedOn, ClosureReason? ClosureReason, StaffRef Supervisor, List<StaffRef> Workers, CaseRole MyRole, bool HasIdentity,
    bool MayRecordIdentity, int Version, List<ConsentDto> Consents, List<CaseNeedDto> Needs, List<CaseNoteDto> Notes, List<ContactDto> Contacts);

/// <summary>The identifying fields, given only where consent to being recorded stands.</summary>
public sealed record CaseIdentity(int Id, string Code, string? Name, string? BirthYear, string? Phone, string? Residence, bool Consented);

public sealed record IdentityInput(string? Name, string? BirthYear, string? Phone, string? Residence, int Version = 0);

public sealed record ConsentInput(ConsentKind? Kind, DateOnly? GivenOn, ConsentMethod? Method, int? ProviderId = null, int Version = 0);

/// <summary>Opening a case: no name is needed. Consent to being recorded, given here, lets the identifying fields be kept at once.</summary>
public sealed record OpenCaseInput(int? OrgUnitId, TargetGroup? TargetGroup, DateOnly? OpenedOn, string? SupervisorId = null,
    ConsentInput? RecordedConsent = null, IdentityInput? Identity = null);

public sealed record CaseInput(TargetGroup? TargetGroup, int Version = 0);

public sealed record AssignInput(List<string>? WorkerIds, string? SupervisorId, int Version = 0);

public sealed record WithdrawInput(DateOnly? On, int Version = 0);

public sealed record NeedMark(int NeedKindId, bool Eligible);

public sealed record ScreeningInput(DateOnly? ScreenedOn, List<NeedMark>? Needs, int Version = 0);

public sealed record NoteInput(CaseNoteKind? Kind, DateOnly? Date, string? Text, int Version = 0);

public sealed record CloseInput(DateOnly? On, ClosureReason? Reason, int Version = 0);

public sealed record BreakGlassInput(string? Reason);

public sealed record ContactInput(DateOnly? Date, ContactChannel? Channel, List<ContactGiven>? Given, int? OrgUnitId = null,
    int? EstablishmentId = null, int? People = null);

public sealed record AccessLogEntry(DateTime AtUtc, string? UserName, string What, string? Reason);

public sealed record NeedKindDto(int Id, string Code, string Name, int SortOrder, bool Active);

public sealed record NeedKindInput(string? Code, string? Name, int? SortOrder, bool? Active);

public sealed record CaseSaved(int Id, string Code, int Version);
