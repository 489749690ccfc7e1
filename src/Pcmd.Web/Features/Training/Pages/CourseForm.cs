using Pcmd.Web.Shared;
namespace Pcmd.Web.Features.Training.Pages;

/// <summary>What the course form posts: the course and its participant rows (blank rows are left out).</summary>
public sealed class CourseForm
{
    public const int BlankRows = 4;

    public string? Title { get; set; }
    public TrainingLevel? Level { get; set; } = TrainingLevel.Commune;
    public string? StartDate { get; set; }
    public string? EndDate { get; set; }
    public int? OrgUnitId { get; set; }
    public string? Organiser { get; set; }
    public decimal? Hours { get; set; }
    public string? Note { get; set; }
    public List<ParticipantRow> Participants { get; set; } = [];
    public int Version { get; set; }

    public TrainingCourseInput ToInput() => new(Title, Level, DateInput.OptionalOrThrow(StartDate, "startDate"), DateInput.OptionalOrThrow(EndDate, "endDate"), OrgUnitId, Organiser, Hours, Note,
        Participants.Where(p => !p.IsBlank).Select(p => new ParticipantInput(p.OrgUnitId, p.AgencyId, p.Role, p.Count, p.AlreadyTrained ?? 0, p.StaffMemberId)).ToList(),
        Version);

    public static CourseForm From(TrainingCourseDto c) => new()
    {
        Title = c.Title, Level = c.Level, StartDate = DateInput.Text(c.StartDate), EndDate = DateInput.Text(c.EndDate), OrgUnitId = c.OrgUnitId, Organiser = c.Organiser,
        Hours = c.Hours, Note = c.Note, Version = c.Version,
        Participants = c.Participants.Select(p => new ParticipantRow
            { OrgUnitId = p.OrgUnitId, AgencyId = p.AgencyId, Role = p.Role, Count = p.Count, AlreadyTrained = p.AlreadyTrained, StaffMemberId = p.StaffMemberId }).ToList(),
    };

    /// <summary>A row that names a person takes their unit and agency when left empty, and counts one.</summary>
    public void FillNamed(IReadOnlyList<StaffChoice> people)
    {
        foreach (var p in Participants)
            if (p.StaffMemberId is { } id && people.FirstOrDefault(x => x.Id == id) is { } person)
            {
                p.OrgUnitId ??= person.OrgUnitId;
                p.AgencyId = person.AgencyId;   // not on the form: always the person's
                p.Count ??= 1;
            }
    }

    /// <summary>Room for new rows after the recorded ones.</summary>
    public void AddBlankRows()
    {
        while (Participants.Count(p => p.IsBlank) < BlankRows) Participants.Add(new ParticipantRow());
    }
}

public sealed class ParticipantRow
{
    public int? OrgUnitId { get; set; }
    public int? AgencyId { get; set; }
    public string? Role { get; set; }
    public int? Count { get; set; }
    public int? AlreadyTrained { get; set; }
    /// <summary>A named person of the roster: the row is that one person, in their unit and agency.</summary>
    public int? StaffMemberId { get; set; }

    public bool IsBlank => OrgUnitId is null && string.IsNullOrWhiteSpace(Role) && Count is null && StaffMemberId is null;
}
