namespace Pcmd.Web.Features.Plans;

/// <summary>A feature that keeps records about a plan's parts (reports on its tasks and indicators) says here which
/// changes of the plan would lose them. Each check throws a ConflictException with the reason; Plans knows none of them.</summary>
public interface IPlanPartGuard
{
    /// <summary>Before the plan is replaced from its file or deleted.</summary>
    Task CheckPlanReplaceable(int planId, CancellationToken ct);

    Task CheckTaskDeletable(int taskId, CancellationToken ct);

    Task CheckIndicatorDeletable(int indicatorId, CancellationToken ct);
}

/// <summary>A feature that hangs settings on an indicator (the binding to a computation): it removes them with the
/// indicator, and carries them over by the indicator's number when the plan is replaced from its file (which recreates
/// the indicators).</summary>
public interface IIndicatorDependents
{
    /// <summary>Marks the settings of an indicator about to be deleted for removal in the same save (tracked, so the
    /// audit trail records it, rather than left to the database's cascade).</summary>
    Task RemoveWith(int indicatorId, CancellationToken ct);

    /// <summary>Runs inside the replacing transaction before the old indicators are deleted; the step it returns runs
    /// after the new indicators are saved and have ids.</summary>
    Task<Func<IReadOnlyCollection<Indicator>, CancellationToken, Task>> Capture(int planId, CancellationToken ct);
}

/// <summary>A section another feature adds to the plan's page (the results of its indicators), with its anchor in the
/// page's contents. The component receives the plan's id as its <c>PlanId</c> parameter.</summary>
public sealed record PlanPageSection(string Anchor, string TitleKey, Type Component);
