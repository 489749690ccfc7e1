using Pcmd.Web.Features.Plans;
using Pcmd.Web.Security;

namespace Pcmd.Web.Features.Reporting;

/// <summary>The rules a report's content must meet: figures when saved, completeness when submitted.</summary>
public static class ReportRules
{
    public static void CheckValue(Indicator i, decimal? value, decimal? denominator, string path, ErrorList errors, decimal? percent = null)
    {
        if (percent is { } pc)
        {
            // A per cent stands for a share whose parts the unit does not know: never beside them, never for a count.
            if (!ReportFigures.IsShare(i)) errors.Add($"{path}.percent", $"Chỉ tiêu {i.Number} là số lượng, không nhập tỷ lệ phần trăm.");
            else if (value is not null || denominator is not null)
                errors.Add($"{path}.percent", $"Chỉ tiêu {i.Number}: nhập tử số và mẫu số, hoặc chỉ nhập tỷ lệ phần trăm, không nhập cả hai.");
            if (pc is < 0 or > 100) errors.Add($"{path}.percent", $"Chỉ tiêu {i.Number}: tỷ lệ phần trăm phải từ 0 đến 100.");
        }
        if (value is < 0) errors.Add($"{path}.value", $"Chỉ tiêu {i.Number}: số liệu không được âm.");
        if (denominator is < 0) errors.Add($"{path}.denominator", $"Chỉ tiêu {i.Number}: mẫu số không được âm.");
        if (value is > 1_000_000_000_000m || denominator is > 1_000_000_000_000m) errors.Add($"{path}.value", $"Chỉ tiêu {i.Number}: số liệu quá lớn.");
        if (ReportFigures.IsShare(i))
        {
            if (value is { } v && denominator is { } d && v > d)
                errors.Add($"{path}.value", $"Chỉ tiêu {i.Number}: tử số ({ReportLabels.Number(v)}) không được lớn hơn mẫu số ({ReportLabels.Number(d)}).");
        }
        else if (denominator is not null)
            errors.Add($"{path}.denominator", $"Chỉ tiêu {i.Number} là số lượng, không có mẫu số.");
        // Counts of cases, people, establishments are whole numbers; a share's parts too.
        if (value is { } w && w != decimal.Truncate(w) && i.TargetKind != Targets.TargetKind.Change)
            errors.Add($"{path}.value", $"Chỉ tiêu {i.Number}: nhập số nguyên.");
    }

    /// <summary>What a report still lacks before it can be submitted, each as a path and a Vietnamese sentence.</summary>
    public static ErrorList Missing(ReportForm form)
    {
        var errors = new ErrorList();
        foreach (var (t, n) in form.Tasks.Select((t, n) => (t, n)))
        {
            if (t.Progress is null) errors.Add($"tasks[{n}].progress", $"Nhiệm vụ {t.Number}: chọn tình hình thực hiện.");
            if (string.IsNullOrWhiteSpace(t.Narrative) && !form.IsConsolidated)
                errors.Add($"tasks[{n}].narrative", $"Nhiệm vụ {t.Number}: nhập kết quả thực hiện.");
        }
        foreach (var (v, n) in form.Indicators.Select((v, n) => (v, n)))
        {
            if (v.Value is null && v.Percent is null) errors.Add($"values[{n}].value", $"Chỉ tiêu {v.Number}: nhập số liệu.");
            else if (v.IsShare && v.Value is not null && v.Denominator is null) errors.Add($"values[{n}].denominator", $"Chỉ tiêu {v.Number}: nhập mẫu số.");
            var reference = form.IsConsolidated ? v.UnitsSum ?? v.Computed : v.Computed;
            var refDen = form.IsConsolidated ? v.UnitsSumDenominator ?? v.ComputedDenominator : v.ComputedDenominator;
            if (v.Value is not null && reference is not null && (v.Value != reference || (v.IsShare && v.Denominator != refDen))
                && string.IsNullOrWhiteSpace(v.Note))
                errors.Add($"values[{n}].note", $"Chỉ tiêu {v.Number}: số liệu khác số liệu tính từ hệ thống ({ReportLabels.Number(reference)}), hãy ghi chú lý do.");
            // A typed per cent is compared with the records' rate to one decimal, as it is typed.
            if (v.Value is null && v.Percent is { } typed && reference is { } r && refDen is > 0 && Math.Round(100m * r / refDen.Value, 1) != typed
                && string.IsNullOrWhiteSpace(v.Note))
                errors.Add($"values[{n}].note", $"Chỉ tiêu {v.Number}: tỷ lệ {ReportLabels.Number(typed)} % khác tỷ lệ tính từ hệ thống ({ReportLabels.Number(Math.Round(100m * r / refDen.Value, 1))} %), hãy ghi chú lý do.");
        }
        foreach (var q in form.Questions.Where(q => string.IsNullOrWhiteSpace(q.Answer)))
            errors.Add($"answers[{q.Index}]", $"Trả lời câu hỏi {q.Index + 1}.");
        if (string.IsNullOrWhiteSpace(form.Difficulties)) errors.Add("difficulties", "Nhập mục Khó khăn, vướng mắc (ghi \"Không\" nếu không có).");
        if (string.IsNullOrWhiteSpace(form.Proposals)) errors.Add("proposals", "Nhập mục Đề xuất, kiến nghị (ghi \"Không\" nếu không có).");
        return errors;
    }
}
