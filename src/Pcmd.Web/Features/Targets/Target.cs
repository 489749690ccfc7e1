namespace Pcmd.Web.Features.Targets;

/// <summary>The kinds of target the seed plans use (see docs/plan-file.md).</summary>
public enum TargetKind
{
    /// <summary>"180 vụ": at least this many.</summary>
    Count,
    /// <summary>"80 % cán bộ được tập huấn"; "100 % of X" is 100.</summary>
    Percentage,
    /// <summary>"80–100 vụ": at least the minimum; above the maximum is exceeded, not missed.</summary>
    Range,
    /// <summary>"tăng 5–8 %" against the previous year; a fall is a negative range.</summary>
    Change,
    /// <summary>"không để phát sinh tụ điểm mới": none at all.</summary>
    Zero,
    /// <summary>"kiểm tra ít nhất một lần trong giai đoạn": share of items reached at least once in the window.</summary>
    AtLeastOnce,
}

/// <summary>What one target asks for one year (after applying the yearly schedule).</summary>
public sealed record Target(TargetKind Kind, decimal? Value = null, decimal? Min = null, decimal? Max = null);

/// <summary>A measured value. Percentages and shares carry numerator and denominator; a change
/// carries the previous period's value.</summary>
public sealed record Actual(decimal Value, decimal? Denominator = null, decimal? Previous = null)
{
    public static Actual Ratio(decimal numerator, decimal denominator) => new(numerator, denominator);
    public static Actual ChangeFrom(decimal previous, decimal current) => new(current, null, previous);
}

public enum TargetStatus
{
    /// <summary>Nothing to compare (no target, or no data such as a zero denominator).</summary>
    NotMeasurable,
    Achieved,
    /// <summary>Achieved and above the top of a range.</summary>
    Exceeded,
    Missed,
    /// <summary>Current year, not yet achieved, but at or above the pace the elapsed part of the window asks for.</summary>
    OnTrack,
    /// <summary>Current year, behind the pace the elapsed part of the window asks for.</summary>
    AtRisk,
    /// <summary>A year that has not begun.</summary>
    NotStarted,
}

public sealed record TargetEvaluation(TargetStatus Status, decimal? ActualMeasure, decimal? PercentOfTarget);
