namespace Pcmd.Web.Features.Training;

/// <summary>With <paramref name="StaffMemberId"/>: one named person of the roster (count 1, their unit and agency).</summary>
public sealed record ParticipantInput(int? OrgUnitId, int? AgencyId, string? Role, int? Count, int? AlreadyTrained = 0, int? StaffMemberId = null);

public sealed record TrainingCourseInput(string? Title, TrainingLevel? Level, DateOnly? StartDate, DateOnly? EndDate, int? OrgUnitId,
    string? Organiser, decimal? Hours, string? Note, List<ParticipantInput>? Participants, int Version = 0);

public sealed record ParticipantDto(int OrgUnitId, string OrgUnitName, int? AgencyId, string? AgencyName, string Role, int Count, int AlreadyTrained,
    int? StaffMemberId = null);

public sealed record TrainingCourseDto(int Id, string Title, TrainingLevel Level, DateOnly StartDate, DateOnly EndDate, int OrgUnitId,
    string OrgUnitName, string Organiser, decimal Hours, string? Note, int ParticipantCount, List<ParticipantDto> Participants, int Version,
    bool CanEdit);

public sealed record TrainingCoursePage(int Total, int Page, int PageSize, List<TrainingCourseDto> Items);

public sealed record TrainingFilter(int? OrgUnitId = null, DateOnly? From = null, DateOnly? To = null, TrainingLevel? Level = null,
    int Page = 1, int PageSize = 50);

public sealed record StaffRosterInput(int? OrgUnitId, int? AgencyId, DateOnly? AsOf, int? Headcount, string? Note, int Version = 0);

public sealed record StaffRosterDto(int Id, int OrgUnitId, string OrgUnitName, int? AgencyId, string? AgencyName, DateOnly AsOf, int Headcount,
    string? Note, int Version, bool CanEdit);

public sealed record TrainingSaved(int Id, int Version);

public sealed record StaffMemberInput(int? OrgUnitId, int? AgencyId, string? FullName, string? Position, string? Phone, DateOnly? FromDate,
    DateOnly? ToDate, int Version = 0);

/// <summary>A line of the named roster: initials, never the name (the record is the audited read).</summary>
public sealed record StaffMemberListItem(int Id, int OrgUnitId, string OrgUnitName, int? AgencyId, string? AgencyName, TrainingLevel Level,
    string Initials, string Position, DateOnly FromDate, DateOnly? ToDate, int Courses, int Version, bool CanEdit);

public sealed record StaffMemberDto(int Id, int OrgUnitId, string OrgUnitName, int? AgencyId, string? AgencyName, TrainingLevel Level,
    string FullName, string Position, string? Phone, DateOnly FromDate, DateOnly? ToDate, int Version, bool CanEdit);

public sealed record StaffChoice(int Id, string Label, int OrgUnitId, int? AgencyId);
