namespace Pcmd.Web.Features.Training;

public sealed record ParticipantInput(int? OrgUnitId, int? AgencyId, string? Role, int? Count, int? AlreadyTrained = 0);

public sealed record TrainingCourseInput(string? Title, TrainingLevel? Level, DateOnly? StartDate, DateOnly? EndDate, int? OrgUnitId,
    string? Organiser, decimal? Hours, string? Note, List<ParticipantInput>? Participants, int Version = 0);

public sealed record ParticipantDto(int OrgUnitId, string OrgUnitName, int? AgencyId, string? AgencyName, string Role, int Count, int AlreadyTrained);

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
