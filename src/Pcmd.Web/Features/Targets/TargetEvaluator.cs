namespace Pcmd.Web.Features.Targets;

/// <summary>Compares an actual value with a target of any kind. Pure: the unit tests pin each rule.</summary>
public static class TargetEvaluator
{
    public static TargetEvaluation Evaluate(Target target, Actual actual) => target.Kind switch
    {
        TargetKind.Count => AtLeast(actual.Value, target.Value),
        TargetKind.Percentage or TargetKind.AtLeastOnce => Share(target, actual),
        TargetKind.Range => InRange(actual.Value, target.Min, target.Max),
        TargetKind.Change => ChangeAgainstPrevious(target, actual),
        TargetKind.Zero => actual.Value == 0
            ? new(TargetStatus.Achieved, 0, null)
            : new(TargetStatus.Missed, actual.Value, null),
        _ => new(TargetStatus.NotMeasurable, null, null),
    };

    /// <summary>The measure the target is expressed in: a share in per cent, a change in per cent, or the count.</summary>
    public static decimal? Measure(TargetKind kind, Actual actual) => kind switch
    {
        TargetKind.Percentage or TargetKind.AtLeastOnce => actual.Denominator is > 0
            ? Math.Round(actual.Value * 100m / actual.Denominator.Value, 2)
            : null,
        TargetKind.Change => actual.Previous is > 0
            ? Math.Round((actual.Value - actual.Previous.Value) * 100m / actual.Previous.Value, 2)
            : null,
        _ => actual.Value,
    };

    static TargetEvaluation AtLeast(decimal measure, decimal? wanted)
    {
        if (wanted is null) return new(TargetStatus.NotMeasurable, measure, null);
        var percent = wanted == 0 ? (decimal?)null : Math.Round(measure * 100m / wanted.Value, 1);
        return new(measure >= wanted ? TargetStatus.Achieved : TargetStatus.Missed, measure, percent);
    }

    static TargetEvaluation Share(Target target, Actual actual)
    {
        var measure = Measure(target.Kind, actual);
        if (measure is null) return new(TargetStatus.NotMeasurable, null, null);
        // "ít nhất một lần" with no share written means every item (100 %).
        var wanted = target.Value ?? (target.Kind == TargetKind.AtLeastOnce ? 100m : null);
        return AtLeast(measure.Value, wanted);
    }

    static TargetEvaluation InRange(decimal measure, decimal? min, decimal? max)
    {
        if (min is null) return new(TargetStatus.NotMeasurable, measure, null);
        var percent = min == 0 ? (decimal?)null : Math.Round(measure * 100m / min.Value, 1);
        var status = measure < min ? TargetStatus.Missed
            : max is not null && measure > max ? TargetStatus.Exceeded
            : TargetStatus.Achieved;
        return new(status, measure, percent);
    }

    static TargetEvaluation ChangeAgainstPrevious(Target target, Actual actual)
    {
        var change = Measure(TargetKind.Change, actual);
        if (change is null || target.Min is null) return new(TargetStatus.NotMeasurable, change, null);
        var fall = target.Min < 0 || target.Max is < 0;
        if (fall)
        {
            // "giảm 5–10 %" is stored as min -10, max -5: a fall of at least 5 % is achieved.
            var needed = target.Max ?? target.Min.Value;
            return new(change <= needed ? TargetStatus.Achieved : TargetStatus.Missed, change,
                needed == 0 ? null : Math.Round(change.Value * 100m / needed, 1));
        }
        var status = change < target.Min ? TargetStatus.Missed
            : target.Max is not null && change > target.Max ? TargetStatus.Exceeded
            : TargetStatus.Achieved;
        return new(status, change, target.Min == 0 ? null : Math.Round(change.Value * 100m / target.Min.Value, 1));
    }
}
