namespace Pcmd.Web.Features.Enforcement;

/// <summary>The stages of a criminal case follow one another (pure): a later stage needs the earlier ones, on or after them.</summary>
public static class CaseRules
{
    public sealed record Problem(string Field, string Message);

    public static IEnumerable<Problem> Stages(CriminalCaseInput c, DateOnly today)
    {
        var stages = new (string Field, string Name, DateOnly? Date)[]
        {
            ("detectedOn", "phát hiện", c.DetectedOn), ("institutedOn", "khởi tố", c.InstitutedOn),
            ("indictedOn", "truy tố", c.IndictedOn), ("triedOn", "xét xử", c.TriedOn),
        };
        for (var i = 0; i < stages.Length; i++)
        {
            var (field, name, date) = stages[i];
            if (date is not { } d) continue;
            if (d > today) yield return new(field, $"Ngày {name} không thể ở tương lai.");
            for (var j = i - 1; j >= 0; j--)
            {
                if (stages[j].Date is not { } earlier) { yield return new(field, $"Chưa có ngày {stages[j].Name} thì chưa thể ghi ngày {name}."); break; }
                if (earlier > d) { yield return new(field, $"Ngày {name} không thể trước ngày {stages[j].Name}."); break; }
                break;
            }
        }
        if (c.MobileTrial && c.TriedOn is null) yield return new("mobileTrial", "Chỉ vụ án đã xét xử mới ghi là xét xử lưu động.");
        if (c.AccusedCount < 0) yield return new("accusedCount", "Số bị can không được âm.");
        if (c.DefendantsCount < 0) yield return new("defendantsCount", "Số bị cáo không được âm.");
        if (c.AccusedCount > 0 && c.InstitutedOn is null) yield return new("accusedCount", "Chỉ có bị can sau khi khởi tố.");
        if (c.DefendantsCount > 0 && c.TriedOn is null) yield return new("defendantsCount", "Chỉ có bị cáo khi vụ án được xét xử.");
        if (c.AccusedCount > 10_000 || c.DefendantsCount > 10_000) yield return new("accusedCount", "Số người quá lớn.");
    }
}
