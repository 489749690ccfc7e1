using System.Globalization;
using System.Resources;
using Pcmd.Web.Features.Targets;

namespace Pcmd.Web.Features.Plans;

/// <summary>How plan parts read, the way the printed plans say them. The words come from the UI strings
/// (keys "Plans.*" in Resources/strings.tsv): the overloads without a culture give Vietnamese, as the plans
/// are written; pages pass <see cref="CultureInfo.CurrentCulture"/> so that English shows English, with the
/// culture's numbers (1.500 / 1,500) and short dates (17/06/2026 / 6/17/2026).</summary>
public static class PlanLabels
{
    static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>The same resources as <c>IStringLocalizer&lt;SharedResource&gt;</c>; Vietnamese is the neutral culture.</summary>
    static readonly ResourceManager Strings = new("Pcmd.Web.Resources.SharedResource", typeof(SharedResource).Assembly);

    static string T(string key, CultureInfo c) => Strings.GetString(key, c) ?? Strings.GetString(key, CultureInfo.InvariantCulture) ?? key;

    static string F(CultureInfo c, string key, params object?[] args) => string.Format(c, T(key, c), args);

    public static string Level(PlanLevel l) => Level(l, Vi);

    /// <summary>The level as the issuing unit is called: a province is a "Tỉnh"; only Hà Nội and the other centrally-run
    /// cities are "Thành phố" (issue 16, item 5).</summary>
    public static string Level(PlanLevel l, string issuingUnitName, CultureInfo culture) =>
        l != PlanLevel.City ? Level(l, culture)
        : issuingUnitName.StartsWith("Tỉnh ", StringComparison.Ordinal) ? T("Plans.Level.Province", culture)
        : issuingUnitName.StartsWith("Thành phố ", StringComparison.Ordinal) ? T("Plans.Level.CentralCity", culture)
        : Level(l, culture);

    public static string Level(PlanLevel l, CultureInfo culture) => T(l switch
    {
        PlanLevel.National => "Plans.Level.National",
        PlanLevel.City => "Plans.Level.City",
        PlanLevel.District => "Plans.Level.District",
        PlanLevel.Commune => "Plans.Level.Commune",
        _ => "Plans.Level.Agency",
    }, culture);

    public static string Report(ReportKind k) => Report(k, Vi);

    public static string Report(ReportKind k, CultureInfo culture) => T(k switch
    {
        ReportKind.Semiannual => "Plans.Report.Semiannual",
        ReportKind.Annual => "Plans.Report.Annual",
        ReportKind.Quarterly => "Plans.Report.Quarterly",
        ReportKind.Monthly => "Plans.Report.Monthly",
        ReportKind.Adhoc => "Plans.Report.Adhoc",
        _ => "Plans.Report.Final",
    }, culture);

    public static string Complexity(ComplexityLevel? c) => Complexity(c, Vi);

    public static string Complexity(ComplexityLevel? c, CultureInfo culture) => c switch
    {
        ComplexityLevel.Complex => T("Plans.Complexity.Complex", culture),
        ComplexityLevel.Active => T("Plans.Complexity.Active", culture),
        ComplexityLevel.Low => T("Plans.Complexity.Low", culture),
        ComplexityLevel.Inactive => T("Plans.Complexity.Inactive", culture),
        _ => "",
    };

    public static string AppendixStatus(string? s) => AppendixStatus(s, Vi);

    public static string AppendixStatus(string? s, CultureInfo culture) => s switch
    {
        "maintain" => T("Plans.AppendixStatus.Maintain", culture),
        "new" => T("Plans.AppendixStatus.New", culture),
        null => "",
        _ => s,
    };

    public static string Timing(TaskView t) => Timing(t, Vi);

    /// <summary>The plan's own words when it has them (they stay as written), else the kind of timing.</summary>
    public static string Timing(TaskView t, CultureInfo culture)
    {
        if (!string.IsNullOrWhiteSpace(t.TimingText)) return t.TimingText;
        return t.TimingKind switch
        {
            TimingKind.Recurring => T(t.Frequency switch
            {
                Frequency.Monthly => "Plans.Timing.Monthly",
                Frequency.Quarterly => "Plans.Timing.Quarterly",
                Frequency.Semiannual => "Plans.Timing.Semiannual",
                Frequency.Yearly => "Plans.Timing.Yearly",
                _ => "Plans.Timing.Ongoing",
            }, culture),
            TimingKind.Due => t.DueDate is { } d ? F(culture, "Plans.Timing.DueBy", Date(d, culture)) : "",
            TimingKind.Period => T("Plans.Timing.Period", culture),
            _ => "",
        };
    }

    /// <summary>The culture's short date: 17/06/2026 (vi-VN), 6/17/2026 (en-US).</summary>
    public static string Date(DateOnly d, CultureInfo culture) => d.ToString("d", culture);

    /// <summary>An issue date to its precision: 05/02/2024, 05/2021 or 2021.</summary>
    public static string Issued(DateOnly d, DatePrecision? precision, CultureInfo culture) => precision switch
    {
        DatePrecision.Year => d.Year.ToString(CultureInfo.InvariantCulture),
        DatePrecision.Month => d.ToString("MM/yyyy", CultureInfo.InvariantCulture),
        _ => Date(d, culture),
    };

    public static string Number(decimal? v) => Number(v, Vi);

    public static string Number(decimal? v, CultureInfo culture) => v is null ? "" : v.Value.ToString("#,##0.##", culture);

    /// <summary>"95 %", "80–100 vụ", "tăng 5–8 %", "Không có (0)".</summary>
    public static string Target(TargetKind? kind, decimal? value, decimal? min, decimal? max, string? unit) => Target(kind, value, min, max, unit, Vi);

    /// <summary>"95 %", "80–100 vụ", "tăng 5–8 %" / "increase 5–8 %"; the unit of measure is the plan's own word.</summary>
    public static string Target(TargetKind? kind, decimal? value, decimal? min, decimal? max, string? unit, CultureInfo culture)
    {
        var u = string.IsNullOrWhiteSpace(unit) || unit == "%" ? "" : " " + unit;
        string N(decimal? v) => Number(v, culture);
        return kind switch
        {
            null => "",
            TargetKind.Zero => T("Plans.Target.Zero", culture),
            TargetKind.Percentage => F(culture, "Plans.Target.Percentage", N(value)),
            TargetKind.AtLeastOnce => F(culture, "Plans.Target.AtLeastOnce", N(value ?? 100)),
            TargetKind.Count => $"{N(value)}{u}",
            TargetKind.Range => max is null ? F(culture, "Plans.Target.From", N(min), u) : $"{N(min)}–{N(max)}{u}",
            TargetKind.Change => (min < 0 || max < 0)
                ? F(culture, "Plans.Target.Decrease", N(-(max ?? min)), N(-min))
                : max is null ? F(culture, "Plans.Target.IncreaseAtLeast", N(min)) : F(culture, "Plans.Target.Increase", N(min), N(max)),
            _ => "",
        };
    }

    public static string Target(IndicatorView i) => Target(i, Vi);

    public static string Target(IndicatorView i, CultureInfo culture) => Target(i.TargetKind, i.Value, i.Min, i.Max, i.UnitOfMeasure, culture);

    /// <summary>One row of a schedule or a unit's share: "95 %" (the kind is already said on the indicator).</summary>
    public static string Target(IndicatorView i, TargetRow r) => Target(i, r, Vi);

    public static string Target(IndicatorView i, TargetRow r, CultureInfo culture) => Target(i.TargetKind == TargetKind.AtLeastOnce ? TargetKind.Percentage : i.TargetKind,
        r.Value ?? (r.Min is null ? i.Value : null), r.Min, r.Max, i.UnitOfMeasure, culture);

    /// <summary>Depth of a row number ("3", "3.2", "3.2.b") for indenting the indicator table.</summary>
    public static int Depth(string number) => Math.Min(2, number.Count(c => c == '.'));
}
