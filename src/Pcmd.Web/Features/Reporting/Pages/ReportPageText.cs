using System.Globalization;
using Pcmd.Web.Security;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.Reporting.Pages;

/// <summary>Formatting and form reading shared by the reporting pages.</summary>
public static class ReportPageText
{
    static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");

    /// <summary>"1.500" for a count; "25/46 (54,35 %)" for a share; "85,5 %" for a share typed as its per cent (as typed).</summary>
    public static string Figure(decimal? value, decimal? denominator, bool share, decimal? percent = null)
    {
        if (value is null && share && percent is { } typed) return Input(typed) + " %";
        if (value is not { } v) return "—";
        if (!share) return ReportLabels.Number(v);
        if (denominator is not { } d) return ReportLabels.Number(v) + "/—";
        var pc = d == 0 ? "" : $" ({Math.Round(100m * v / d, 2).ToString("#,##0.##", Vi)} %)";
        return $"{ReportLabels.Number(v)}/{ReportLabels.Number(d)}{pc}";
    }

    /// <summary>The value of a number box: "1.500", "12,5" — as vi-VN writes it, and as <see cref="ParseNumber"/> reads it back.</summary>
    public static string Input(decimal? v) => v is { } x ? x.ToString("#,##0.####", Vi) : "";

    /// <summary>Reads a number typed the Vietnamese way ("1.500" = one thousand five hundred, "12,5" = twelve and a half),
    /// and tolerates "12.5" where the dot cannot be a thousands separator. The same rules are in wwwroot/js/report-form.js.</summary>
    /// <summary>A per cent as typed: "85", "85 %", "85,5", "85,5%".</summary>
    public static bool TryParsePercent(string? text, out decimal? value) =>
        TryParseNumber((text ?? "").Trim().TrimEnd('%'), out value);

    /// <summary>Whether a typed figure is a per cent ("85 %").</summary>
    public static bool IsPercent(string? text) => (text ?? "").Trim().EndsWith('%');

    public static bool TryParseNumber(string? text, out decimal? value)
    {
        value = null;
        var t = (text ?? "").Trim().Replace(" ", "").Replace("\u00a0", "");
        if (t.Length == 0) return true;
        if (t.Contains(','))
        {
            if (t.Count(c => c == ',') > 1) return false;
            t = t.Replace(".", "").Replace(',', '.');
        }
        else if (t.Contains('.'))
        {
            var groups = t.TrimStart('-').Split('.');
            // "1.500" and "1.234.567": thousands separators; "12.5": a decimal point typed on an English keyboard.
            if (groups.Skip(1).All(g => g.Length == 3) && groups[0].Length is >= 1 and <= 3) t = t.Replace(".", "");
            else if (groups.Length > 2) return false;
        }
        if (!decimal.TryParse(t, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d))
            return false;
        value = d;
        return true;
    }

    public static string? Field(IFormCollection form, string name) =>
        form[name].FirstOrDefault() is { } v && v.Length > 0 ? v.Replace("\r\n", "\n") : null;

    public static int Version(IFormCollection form) =>
        int.TryParse(form["Version"], NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : -1;

    /// <summary>Whether this request is the POST of the named form (Blazor posts the name as _handler).</summary>
    public static bool IsPostOf(HttpContext? http, string formName) =>
        http is not null && HttpMethods.IsPost(http.Request.Method) && http.Request.HasFormContentType && http.Request.Form["_handler"] == formName;

    /// <summary>What the report form posted, as the draft the services take. Field names are the paths the services report
    /// problems at (tasks[0].progress, values[2].denominator …), so a problem marks its own field.</summary>
    public static ReportDraft Draft(IFormCollection f, ReportForm form)
    {
        var errors = new ErrorList();
        var tasks = new List<TaskInput>();
        for (var n = 0; int.TryParse(f[$"tasks[{n}].taskId"], out var taskId); n++)
        {
            TaskProgress? progress = Enum.TryParse<TaskProgress>(f[$"tasks[{n}].progress"], true, out var p) && Enum.IsDefined(p) ? p : null;
            tasks.Add(new TaskInput(taskId, progress, Field(f, $"tasks[{n}].narrative")));
        }
        var values = new List<ValueInput>();
        for (var n = 0; int.TryParse(f[$"values[{n}].indicatorId"], out var indicatorId); n++)
        {
            var row = form.Indicators.FirstOrDefault(i => i.IndicatorId == indicatorId);
            var number = row?.Number ?? "";
            var (p, typed) = ($"values[{n}]", f[$"values[{n}].value"].FirstOrDefault());
            var denominatorTyped = !string.IsNullOrWhiteSpace(f[$"{p}.denominator"].FirstOrDefault());
            // A share's rate typed without its parts: in the per cent box, or as "85 %" in the numerator's box.
            if (row is { IsShare: true } && !denominatorTyped && (IsPercent(typed) || string.IsNullOrWhiteSpace(typed)))
            {
                var percentText = IsPercent(typed) ? typed : f[$"{p}.percent"].FirstOrDefault();
                values.Add(new ValueInput(indicatorId, null, null, Field(f, $"{p}.note"), Percent(percentText, $"{p}.percent", number, errors)));
                continue;
            }
            values.Add(new ValueInput(indicatorId, Number(f, $"{p}.value", number, errors), Number(f, $"{p}.denominator", number, errors),
                Field(f, $"{p}.note")));
        }
        var answers = form.Questions.Select(q => Field(f, $"answers[{q.Index}]")).ToList();
        errors.ThrowIfAny();
        return new ReportDraft(Version(f), Field(f, "difficulties") ?? "", Field(f, "proposals") ?? "", answers, tasks, values);
    }

    static decimal? Number(IFormCollection f, string name, string indicator, ErrorList errors)
    {
        var text = f[name].FirstOrDefault();
        if (TryParseNumber(text, out var v)) return v;
        errors.Add(name, UiText.T("Reporting.NotANumber", CultureInfo.CurrentUICulture).Replace("{0}", indicator).Replace("{1}", text!.Trim()));
        return null;
    }

    static decimal? Percent(string? text, string name, string indicator, ErrorList errors)
    {
        if (TryParsePercent(text, out var v)) return v;
        errors.Add(name, UiText.T("Reporting.NotAPercent", CultureInfo.CurrentUICulture).Replace("{0}", indicator).Replace("{1}", text!.Trim()));
        return null;
    }

    /// <summary>The text shown before a long task is unfolded.</summary>
    public static string Short(string s, int max = 220) => s.Length <= max ? s : s[..(max - 1)].TrimEnd() + "…";


    public static string Camel<T>(T e) where T : struct, Enum => JsonNamingPolicyCamel(e.ToString());
    static string JsonNamingPolicyCamel(string s) => s.Length == 0 ? s : char.ToLowerInvariant(s[0]) + s[1..];

    public static string Percent(decimal v) => v.ToString("#,##0.#", Vi) + " %";
}
