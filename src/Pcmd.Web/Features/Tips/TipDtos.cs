namespace Pcmd.Web.Features.Tips;

/// <summary>A tip taken in by staff (hotline, mailbox, letter, in person, an agency, the press). ReceivedAt defaults to now.</summary>
public sealed record TipInput(TipChannel? Channel, DateTimeOffset? ReceivedAt, TipCategory? Category, int? OrgUnitId, string? Place,
    double? Latitude, double? Longitude, DateOnly? OccurredOn, string? Description, string? PassedOnBy = null, bool Anonymous = true,
    string? ReporterName = null, string? ReporterContact = null, string? IdentifyingDetails = null,
    int? EstablishmentId = null, int? HotspotId = null);

/// <summary>One step forward. What each step needs: classified — kind and relevance (and the original for a duplicate);
/// assigned — the unit (and agency); handled — the outcome (and the inspection when one was made).</summary>
public sealed record TipStepInput(TipState? State, int Version, string? Note = null, string? MessageToReporter = null,
    TipKind? Kind = null, TipRelevance? Relevance = null, int? DuplicateOfId = null, int? AssignedUnitId = null, int? AssignedAgencyId = null,
    TipOutcome? Outcome = null, string? PublicResult = null, int? InspectionId = null, int? EstablishmentId = null, int? HotspotId = null);

public sealed record TipExtensionInput(TipState? State, int? Days, string? Reason, int Version);

public sealed record TipSaved(int Id, string Code, int Version, TipState State, DateOnly? NextDueOn);

public sealed record TipSummary(int Id, string Code, TipChannel Channel, DateTime ReceivedAt, TipCategory Category, int OrgUnitId,
    string OrgUnitName, TipKind? Kind, TipState State, DateOnly? NextDueOn, bool Overdue, int? AssignedUnitId, int Version);

public sealed record TipPage(int Total, int Page, int PageSize, List<TipSummary> Items);

public sealed record TipFilter(int? OrgUnitId = null, TipState? State = null, TipChannel? Channel = null, TipKind? Kind = null,
    bool? Overdue = null, string? Search = null, int Page = 1, int PageSize = 50);

public sealed record TipStepDto(TipState State, DateTime At, string? By, DateOnly? DueOn, bool OnTime, string? Note, string? MessageToReporter);

public sealed record TipExtensionDto(TipState State, int Days, string Reason, string? By, DateTime At);

public sealed record TipReplyDto(DateTime At, string Text);

public sealed record TipSourceReadDto(string UserName, DateTime At);

public sealed record DeadlineDto(TipState Step, DateOnly DueOn, bool Overdue, string Source, int MaxExtensionDays, int ExtendedDays);

/// <summary>A tip's substance: never its source. <see cref="CanReadSource"/> says whether the user may open it (an audited read).</summary>
public sealed record TipDetail(int Id, string Code, TipChannel Channel, DateTime ReceivedAt, string? ReceivedBy, int ReceivingUnitId,
    string ReceivingUnitName, string? PassedOnBy, TipCategory Category, int OrgUnitId, string OrgUnitName, string? Place, double? Latitude,
    double? Longitude, DateOnly? OccurredOn, string Description, bool Anonymous, TipKind? Kind, TipRelevance? Relevance, int? DuplicateOfId,
    string? DuplicateOfCode, int? AssignedUnitId, string? AssignedUnitName, int? AssignedAgencyId, string? AssignedAgencyName,
    TipOutcome? Outcome, string? PublicResult, int? EstablishmentId, int? HotspotId, int? InspectionId, TipState State,
    DeadlineDto? NextDeadline, int Version, bool CanReadSource, List<TipState> NextSteps, bool CanAct,
    List<TipStepDto> Steps, List<TipExtensionDto> Extensions, List<TipReplyDto> Replies, List<TipSourceReadDto> SourceReads);

/// <summary>Who reported and how to reach them; shown only to the intake officers of the receiving unit, each read recorded.</summary>
public sealed record TipSource(int Id, bool Anonymous, string? ReporterName, string? ReporterContact, string? IdentifyingDetails);

/// <summary>Tips of a unit whose next deadline has passed or falls within <see cref="TipDeadlines.DueSoonDays"/> days.</summary>
public sealed record TipDueLists(DateOnly Today, List<TipSummary> Overdue, List<TipSummary> DueSoon);
