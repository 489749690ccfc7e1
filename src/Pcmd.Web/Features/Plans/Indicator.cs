using Pcmd.Web.Features.OrgUnits;
using Pcmd.Web.Features.Targets;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.Plans;

public enum MeasurementWindow { Year, Period }

/// <summary>A Chỉ tiêu. A heading row (as in Phụ lục I of the 2024 plan) has no target.</summary>
public class Indicator
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public int Position { get; set; }
    public string Number { get; set; } = "";
    [MultiLine] public string Text { get; set; } = "";
    public string? UnitOfMeasure { get; set; }
    public TargetKind? TargetKind { get; set; }
    public decimal? TargetValue { get; set; }
    public decimal? TargetMin { get; set; }
    public decimal? TargetMax { get; set; }
    public string? Numerator { get; set; }
    public string? Denominator { get; set; }
    public MeasurementWindow Window { get; set; }
    /// <summary>Whether the plan file stated the window: a heading row has none, and exporting must not add one.</summary>
    public bool WindowStated { get; set; } = true;
    [MultiLine] public string? Note { get; set; }
    /// <summary>The yearly schedule and the targets split per unit (giao chỉ tiêu).</summary>
    public List<IndicatorTarget> Targets { get; set; } = [];
    public List<Assignment> Assignments { get; set; } = [];

    /// <summary>The target for a year (and unit): the most specific row wins.</summary>
    public Target? TargetFor(int year, int? orgUnitId = null)
    {
        if (TargetKind is null) return null;
        var row = Targets.FirstOrDefault(t => t.OrgUnitId == orgUnitId && t.OrgUnitId != null && t.Year == year)
            ?? Targets.FirstOrDefault(t => t.OrgUnitId == orgUnitId && t.OrgUnitId != null && t.Year == null)
            ?? (orgUnitId is null ? Targets.FirstOrDefault(t => t.OrgUnitId == null && t.Year == year) : null);
        if (row is not null) return new Target(TargetKind.Value, row.Value, row.Min, row.Max);
        return orgUnitId is null ? new Target(TargetKind.Value, TargetValue, TargetMin, TargetMax) : null;
    }
}

public class IndicatorTarget
{
    public int Id { get; set; }
    public int IndicatorId { get; set; }
    public int? Year { get; set; }
    public int? OrgUnitId { get; set; }
    public OrgUnit? OrgUnit { get; set; }
    public decimal? Value { get; set; }
    public decimal? Min { get; set; }
    public decimal? Max { get; set; }
}
