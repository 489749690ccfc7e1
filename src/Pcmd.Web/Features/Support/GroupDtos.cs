namespace Pcmd.Web.Features.Support;

public sealed record GroupSummary(int Id, string Name, GroupKind Kind, int OrgUnitId, string OrgUnitName, DateOnly StartedOn, DateOnly? ClosedOn,
    int Members, int Version);

/// <summary>A member as the viewer sees it: the case code (never a name), only for a case the viewer may open.</summary>
public sealed record GroupMemberDto(int Id, int CaseId, string CaseCode, DateOnly JoinedOn, DateOnly? LeftOn);

/// <summary>A meeting: the members present the viewer may see by code, the others as a count, and the anonymous attendees.</summary>
public sealed record GroupMeetingDto(int Id, DateOnly Date, int OrgUnitId, string OrgUnitName, string Topic, List<string> AttendeeCodes,
    int OtherAttendees, int AnonymousAttendees);

/// <summary>A group: <see cref="OtherMembers"/> counts the current members whose case the viewer may not open (no code shown).</summary>
public sealed record GroupDetail(int Id, string Name, GroupKind Kind, int OrgUnitId, string OrgUnitName, int? FacilitatorAgencyId,
    string? FacilitatorName, DateOnly StartedOn, DateOnly? ClosedOn, int Version, List<GroupMemberDto> Members, int OtherMembers,
    List<GroupMeetingDto> Meetings);

public sealed record GroupInput(string? Name, GroupKind? Kind, int? OrgUnitId, DateOnly? StartedOn, int? FacilitatorAgencyId = null,
    DateOnly? ClosedOn = null, int Version = 0);

public sealed record MemberInput(string? CaseCode, DateOnly? JoinedOn, int Version = 0);

public sealed record LeaveInput(DateOnly? On, int Version = 0);

public sealed record MeetingInput(DateOnly? Date, int? OrgUnitId, string? Topic, List<string>? AttendeeCodes = null, int? AnonymousAttendees = null,
    int Version = 0);

public sealed record GroupSaved(int Id, int Version);
