namespace Pcmd.Web.Features.CommuneModel;

public sealed record ModelCommuneInput(int? OrgUnitId, int? Year, ModelStatus? Status, int? PlanId, string? Note, int Version = 0);

public sealed record ModelCommuneDto(int Id, int OrgUnitId, string OrgUnitName, int Year, ModelStatus Status, int? PlanId, string? Note,
    int Version, bool CanEdit);

/// <summary>A year's list with its counts as the appendix prints them: maintained, new, total.</summary>
public sealed record ModelCommuneList(int Year, int Maintained, int New, List<ModelCommuneDto> Items);

public sealed record CriterionInput(string? Code, string? Text, int? MaxScore, bool? Required, int? Position, bool? Active, int Version = 0);

public sealed record CriterionDto(int Id, string Code, string Text, int MaxScore, bool Required, int Position, bool Active, int Version);

public sealed record HealthyRuleDto(int PassPercent, int Version);

public sealed record HealthyRuleInput(int? PassPercent, int Version = 0);

public sealed record ScoreInput(int? CriterionId, int? Score);

public sealed record AssessmentInput(int? OrgUnitId, int? Year, List<ScoreInput>? Scores, string? Note, int Version = 0);

/// <summary>A decision on a submitted assessment (confirm or return), or the ward's submission, at the version seen.</summary>
public sealed record AssessmentAction(int Version, string? Note = null);

public sealed record ScoreDto(int CriterionId, string Code, string Text, int MaxScore, bool Required, int Score);

public sealed record AssessmentDto(int Id, int OrgUnitId, string OrgUnitName, int Year, AssessmentStatus Status, int TotalScore, int MaxScore,
    int PassPercent, bool? Healthy, string? Note, string? ReviewNote, List<ScoreDto> Scores, int Version, bool CanEdit, bool CanReview);

public sealed record AssessmentList(int Year, int Confirmed, int Healthy, List<AssessmentDto> Items);

public sealed record Saved(int Id, int Version);
