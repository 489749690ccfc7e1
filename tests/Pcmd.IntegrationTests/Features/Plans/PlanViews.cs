namespace Pcmd.IntegrationTests.Features.Plans;

// What the plan endpoints answer, as the tests read it; kinds, roles and dates stay the strings on the wire.

/// <summary>A plan as GET /api/v1/plans/{id} answers it.</summary>
public sealed record PlanView(int Id, int Version, string Key, string Title, PlanRef IssuingUnit, PlanRef? Parent,
    List<PlanIndicatorView> Indicators, List<PlanTaskView> Tasks, List<PlanAppendixView> Appendices, List<PlanScheduleView> ReportSchedule)
{
    public PlanTaskView Task(string number) => Tasks.Single(t => t.Number == number);
    public PlanIndicatorView Indicator(string number) => Indicators.Single(i => i.Number == number);
}

public sealed record PlanRef(int Id, string Code, string Name);

public sealed record PlanIndicatorView(int Id, string Number, string Text, decimal? Value, string Window, List<PlanTargetView> Targets);

public sealed record PlanTargetView(int? Year, decimal? Value);

public sealed record PlanTaskView(int Id, string Number, string Text, string? Frequency, string? DueDate, List<PlanAssignmentView> Assignments);

public sealed record PlanAssignmentView(string AgencyCode, string Role, bool Requested);

public sealed record PlanAppendixView(string Number, string Kind, List<WithIdItem> Items);

public sealed record WithIdItem(int Id);

public sealed record PlanScheduleView(string Kind, int? DueDay, int? DueMonth);

/// <summary>The answer of a task or an indicator saved, added or deleted: the part's id and the plan's new version.</summary>
public sealed record PartSaved(int? Id, int PlanVersion);

/// <summary>One part (task or indicator) as GET /api/v1/plans/{id}/tasks/{taskId} answers it: the plan file's form.</summary>
public sealed record PartView<T>(int Id, int PlanVersion, T Part);

public sealed record TaskPart(TimingPart Timing);

public sealed record TimingPart(string? Text);

/// <summary>A plan in the list.</summary>
public sealed record PlanRow(int Id, string Key, int Version);

/// <summary>An administrative unit (GET /api/v1/org-units…); <see cref="ChildCount"/> counts the children the user may see.</summary>
public sealed record OrgUnitRow(int Id, string Code, string Name, int ChildCount);

public sealed record AgencyRow(int Id, string Code, string Name, int OrgUnitId, int Version);

/// <summary>A task or an indicator assigned to the user's agency (GET /api/v1/my-tasks).</summary>
public sealed record MyTaskRow(string AgencyName, string PlanTitle, string Kind);
