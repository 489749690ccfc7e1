using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Primitives;
using Pcmd.Web.Features.Agencies;
using Pcmd.Web.Features.Plans.Files;
using Pcmd.Web.Features.Targets;
using Pcmd.Web.Security;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.Plans.Pages;

/// <summary>An agency the editors offer, by code (the plan file's reference).</summary>
public sealed record AgencyOption(string Code, string Name, string Group, bool UsuallyRequested);

/// <summary>The agencies of a task or an indicator as the form posts them: two multi-selects and the "đề nghị" checkboxes.</summary>
public sealed class AgencyChoice
{
    public List<string> Lead { get; set; } = [];
    public List<string> Cooperating { get; set; } = [];
    public HashSet<string> Requested { get; set; } = [];

    public static AgencyChoice From(List<AssignmentDto>? lead, List<AssignmentDto>? cooperating) => new()
    {
        Lead = (lead ?? []).Select(a => a.Agency ?? "").ToList(),
        Cooperating = (cooperating ?? []).Select(a => a.Agency ?? "").ToList(),
        Requested = (lead ?? []).Concat(cooperating ?? []).Where(a => a.Requested == true).Select(a => a.Agency ?? "").ToHashSet(),
    };

    /// <summary>A multi-select posts in the order of its options; agencies already assigned keep their order in the plan.</summary>
    public static AgencyChoice FromForm(IFormCollection form, AgencyChoice before) => new()
    {
        Lead = KeepOrder(form["Lead"], before.Lead),
        Cooperating = KeepOrder(form["Cooperating"], before.Cooperating),
        Requested = form["Requested"].Where(v => !string.IsNullOrEmpty(v)).Select(v => v!).ToHashSet(),
    };

    static List<string> KeepOrder(StringValues posted, List<string> before)
    {
        var chosen = posted.Where(v => !string.IsNullOrEmpty(v)).Select(v => v!).Distinct().ToList();
        return before.Where(chosen.Contains).Concat(chosen.Where(c => !before.Contains(c))).ToList();
    }

    public List<AssignmentDto>? LeadDto() => Dto(Lead);
    public List<AssignmentDto>? CooperatingDto() => Dto(Cooperating);

    List<AssignmentDto>? Dto(List<string> codes) => codes.Count == 0 ? null
        : codes.Select(c => new AssignmentDto { Agency = c, Requested = Requested.Contains(c) ? true : null }).ToList();
}

public static class PartForm
{
    static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>The agencies in the user's scope, plus any the part already names (so saving never drops them).</summary>
    public static async Task<List<AgencyOption>> Agencies(AgencyService agencies, UserScope scope, Plan plan)
    {
        static bool Requested(AgencyKind k) => k is AgencyKind.Court or AgencyKind.Procuracy or AgencyKind.MassOrganisation;
        var list = (await agencies.List(scope)).Select(a => new AgencyOption(a.Code, a.Name, a.OrgUnitName, Requested(a.Kind))).ToList();
        var known = list.Select(o => o.Code).ToHashSet();
        var named = plan.Tasks.SelectMany(t => t.Assignments).Concat(plan.Indicators.SelectMany(i => i.Assignments))
            .Select(a => a.Agency!).Where(a => !known.Contains(a.Code)).DistinctBy(a => a.Code)
            .Select(a => new AgencyOption(a.Code, a.Name, "", Requested(a.Kind)));   // "" is the group "Các cơ quan khác"
        return list.Concat(named).ToList();
    }

    public static string? Field(IFormCollection form, string name) =>
        form[name].FirstOrDefault() is { } v && !string.IsNullOrWhiteSpace(v) ? v.Replace("\r\n", "\n") : null;

    public static int Version(IFormCollection form) => int.TryParse(form["Version"], NumberStyles.None, Inv, out var v) ? v : -1;

    public static bool IsPostOf(HttpContext? http, string formName) =>
        http is not null && HttpMethods.IsPost(http.Request.Method) && http.Request.HasFormContentType && http.Request.Form["_handler"] == formName;

    /// <summary>Rows for a textarea so that the text shows whole on a phone (about 40 characters a line).</summary>
    public static int Rows(string? text, int min, int max = 14) =>
        Math.Clamp((text ?? "").Split('\n').Sum(l => 1 + l.Length / 40) + 1, min, max);

    public static string Number(decimal? v) => v?.ToString("0.##", Inv) ?? "";

    /// <summary>"12,5" or "12.5"; a bad value is reported at <paramref name="path"/>.</summary>
    public static decimal? Decimal(string? text, string path, ErrorList errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var t = text.Trim().TrimEnd('%').Trim().Replace(',', '.');
        if (decimal.TryParse(t, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, Inv, out var d)) return d;
        errors.Add(path, $"Giá trị '{text.Trim()}' không phải là số.");
        return null;
    }

    static readonly Regex YearLine = new(@"^(\d{4})\s*[:=]\s*(.+)$");
    static readonly Regex UnitLine = new(@"^(\S+?)(?:\s+(\d{4}))?\s*[:=]\s*(.+)$");

    /// <summary>The targets per unit (giao chỉ tiêu), one line each: "09568: 12", "09568 2026: 12", "01.HADONG: 80–100"
    /// (issue 16, item 9). The codes and years are checked by the plan file's reader.</summary>
    public static string Units(List<UnitTargetDto>? rows) => string.Join("\n", (rows ?? []).Select(r =>
        $"{r.Unit}{(r.Year is { } y ? " " + y.ToString(Inv) : "")}: " + (r.Value is not null ? Number(r.Value) : r.Max is null ? Number(r.Min) : $"{Number(r.Min)} – {Number(r.Max)}")));

    public static List<UnitTargetDto>? Units(string? text, TargetKind? kind, ErrorList errors)
    {
        var rows = new List<UnitTargetDto>();
        var lines = (text ?? "").Split('\n').Select(l => l.Trim()).ToList();
        for (var n = 0; n < lines.Count; n++)
        {
            if (lines[n].Length == 0) continue;
            var m = UnitLine.Match(lines[n]);
            if (!m.Success || Amount(m.Groups[3].Value, kind, "target.byUnit", errors) is not { } a)
            {
                errors.Add("target.byUnit", $"Dòng {n + 1} ('{lines[n]}') không đúng dạng \"mã đơn vị: giá trị\" hoặc \"mã đơn vị năm: giá trị\", ví dụ \"09568: 12\".");
                continue;
            }
            rows.Add(new UnitTargetDto { Unit = m.Groups[1].Value, Year = m.Groups[2].Success ? int.Parse(m.Groups[2].Value, Inv) : null,
                Value = a.Value, Min = a.Min, Max = a.Max });
        }
        return rows.Count == 0 ? null : rows;
    }

    /// <summary>"60", "60 %" or "80–100": a value, or a range (min, max); a single number of a range kind is its minimum.</summary>
    static (decimal? Value, decimal? Min, decimal? Max)? Amount(string text, TargetKind? kind, string path, ErrorList errors)
    {
        var value = text.Trim().TrimEnd('%').Trim();
        var range = RangeText.Match(value);
        if (range.Success) return (null, Decimal(range.Groups[1].Value, path, errors), Decimal(range.Groups[2].Value, path, errors));
        if (!decimal.TryParse(value.Replace(',', '.'), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, Inv, out var d)) return null;
        return kind is { } k && FileCodes.HasRange(k) ? (null, d, null) : (d, null, null);
    }
    static readonly Regex RangeText = new(@"^(-?\d+(?:[.,]\d+)?)\s*(?:–|—|-|đến)\s*(-?\d+(?:[.,]\d+)?)$");

    /// <summary>The yearly schedule, one line per year: "2026: 60", or "2026: 80–100" for a range.</summary>
    public static string Schedule(List<YearTargetDto>? rows) => string.Join("\n", (rows ?? []).Select(r =>
        $"{r.Year}: " + (r.Value is not null ? Number(r.Value) : r.Max is null ? Number(r.Min) : $"{Number(r.Min)} – {Number(r.Max)}")));

    public static List<YearTargetDto>? Schedule(string? text, TargetKind? kind, ErrorList errors)
    {
        var rows = new List<YearTargetDto>();
        var lines = (text ?? "").Split('\n').Select(l => l.Trim()).ToList();
        for (var n = 0; n < lines.Count; n++)
        {
            if (lines[n].Length == 0) continue;
            var bad = $"Dòng {n + 1} ('{lines[n]}') không đúng dạng \"năm: giá trị\", ví dụ \"2026: 60\" hoặc \"2026: 80–100\".";
            var m = YearLine.Match(lines[n]);
            if (!m.Success) { errors.Add("target.byYear", bad); continue; }
            if (Amount(m.Groups[2].Value, kind, "target.byYear", errors) is not { } a) { errors.Add("target.byYear", bad); continue; }
            rows.Add(new YearTargetDto { Year = int.Parse(m.Groups[1].Value, Inv), Value = a.Value, Min = a.Min, Max = a.Max });
        }
        return rows.Count == 0 ? null : rows;
    }

    public const string ChooseKindFirst = "Hãy chọn loại chỉ tiêu trước khi nhập giá trị hoặc lộ trình.";

    /// <summary>Sections already used in the plan, offered while typing.</summary>
    public static List<string> Sections(Plan plan) =>
        plan.Tasks.OrderBy(t => t.Position).Select(t => t.Section).OfType<string>().Distinct().ToList();

    public static IEnumerable<IGrouping<string, AgencyOption>> Grouped(IEnumerable<AgencyOption> options) =>
        options.GroupBy(o => o.Group).OrderBy(g => g.Key.Length == 0).ThenBy(g => g.Key, VietnameseText.Comparer);
}
