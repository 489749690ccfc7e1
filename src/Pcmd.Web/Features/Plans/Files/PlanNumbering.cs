using System.Text.RegularExpressions;

namespace Pcmd.Web.Features.Plans.Files;

/// <summary>The plan's own name for the part a JSON path points at (issue 16, item 8): a person fixing a file looks for
/// "chỉ tiêu 3.2" or "nhiệm vụ V.1.c" in the plan as printed, not for the 14th element of an array.</summary>
public static partial class PlanNumbering
{
    [GeneratedRegex(@"^\$?\.?(?:plan\.)?(indicators|tasks|appendices|reportSchedule|budget)\[(\d+)\](?:\.items\[(\d+)\])?")]
    private static partial Regex PartPath();

    [GeneratedRegex(@"^items\[(\d+)\]")]
    private static partial Regex ItemPath();

    /// <summary>A row of one appendix edited on its own: "Dòng 3".</summary>
    public static string? RowOf(string path) =>
        ItemPath().Match(path) is { Success: true } m ? $"Dòng {int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) + 1}" : null;

    public static string? LabelOf(PlanFileDto plan, string path)
    {
        var m = PartPath().Match(path);
        if (!m.Success) return null;
        var i = int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
        string? Number<T>(List<T>? list, Func<T, string?> number) =>
            list is not null && i < list.Count && number(list[i]) is { Length: > 0 } n ? n.Trim() : null;
        switch (m.Groups[1].Value)
        {
            case "indicators": return Number(plan.Indicators, x => x.Number) is { } ind ? $"Chỉ tiêu {ind}" : $"Chỉ tiêu thứ {i + 1}";
            case "tasks": return Number(plan.Tasks, x => x.Number) is { } task ? $"Nhiệm vụ {task}" : $"Nhiệm vụ thứ {i + 1}";
            case "reportSchedule": return $"Lịch báo cáo, dòng {i + 1}";
            case "budget": return $"Kinh phí, dòng {i + 1}";
            default:
                var app = Number(plan.Appendices, x => x.Number) is { } a ? $"Phụ lục {a}" : $"Phụ lục thứ {i + 1}";
                return m.Groups[3].Success ? $"{app}, dòng {int.Parse(m.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture) + 1}" : app;
        }
    }
}
