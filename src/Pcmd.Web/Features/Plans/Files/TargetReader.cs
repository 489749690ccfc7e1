using Pcmd.Web.Features.Targets;
using Pcmd.Web.Security;

namespace Pcmd.Web.Features.Plans.Files;

/// <summary>Checks a target against the rules of its kind (docs/plan-file.md) and fills the indicator.</summary>
static class TargetReader
{
    public static async Task Read(TargetDto t, Indicator ind, string path, ErrorList e, Func<int, bool> inPeriod,
        Func<string?, string, Task<int?>> unit)
    {
        if (string.IsNullOrEmpty(t.Kind)) { e.Add(path + ".kind", "Thiếu loại chỉ tiêu."); return; }
        if (!FileCodes.TryParse<TargetKind>(t.Kind, out var kind))
        {
            e.Add(path + ".kind", $"Loại chỉ tiêu '{t.Kind}' không hợp lệ; chỉ nhận: {FileCodes.Allowed<TargetKind>()}.");
            return;
        }
        ind.TargetKind = kind;
        ind.TargetValue = t.Value;
        ind.TargetMin = t.Min;
        ind.TargetMax = t.Max;
        ind.Numerator = t.Numerator;
        ind.Denominator = t.Denominator;
        var hasSchedule = t.ByYear is { Count: > 0 } || t.ByUnit is { Count: > 0 };
        CheckValues(kind, t.Value, t.Min, t.Max, path, e, requireSome: !hasSchedule);

        var years = new HashSet<int>();
        foreach (var (y, i) in (t.ByYear ?? []).Select((y, i) => (y, i)))
        {
            var yp = $"{path}.byYear[{i}]";
            if (y.Year is null) e.Add(yp + ".year", "Thiếu năm.");
            else if (!inPeriod(y.Year.Value)) e.Add(yp + ".year", $"Năm {y.Year} nằm ngoài thời kỳ của kế hoạch.");
            else if (!years.Add(y.Year.Value)) e.Add(yp + ".year", $"Năm {y.Year} bị lặp lại.");
            CheckValues(kind, y.Value, y.Min, y.Max, yp, e, requireSome: true);
            ind.Targets.Add(new IndicatorTarget { Year = y.Year, Value = y.Value, Min = y.Min, Max = y.Max });
        }
        foreach (var (u, i) in (t.ByUnit ?? []).Select((u, i) => (u, i)))
        {
            var up = $"{path}.byUnit[{i}]";
            var unitId = await unit(u.Unit, up + ".unit");
            if (u.Year is { } year && !inPeriod(year)) e.Add(up + ".year", $"Năm {year} nằm ngoài thời kỳ của kế hoạch.");
            CheckValues(kind, u.Value, u.Min, u.Max, up, e, requireSome: true);
            ind.Targets.Add(new IndicatorTarget { OrgUnitId = unitId, Year = u.Year, Value = u.Value, Min = u.Min, Max = u.Max });
        }
    }

    static void CheckValues(TargetKind kind, decimal? value, decimal? min, decimal? max, string path, ErrorList e, bool requireSome)
    {
        if (kind == TargetKind.Zero)
        {
            if (value is not null and not 0) e.Add(path + ".value", "Chỉ tiêu \"không có\" chỉ nhận giá trị 0.");
            return;
        }
        if (FileCodes.HasValue(kind))
        {
            if (value is null && requireSome && kind != TargetKind.AtLeastOnce) e.Add(path + ".value", "Thiếu giá trị chỉ tiêu.");
            if (value < 0) e.Add(path + ".value", "Giá trị chỉ tiêu không được âm.");
            if (FileCodes.IsShare(kind) && value > 100) e.Add(path + ".value", $"Tỷ lệ {value} % vượt quá 100 %.");
            if (min is not null || max is not null) e.Add(path + ".min", "Loại chỉ tiêu này dùng 'value', không dùng khoảng min–max.");
            return;
        }
        if (min is null && requireSome) e.Add(path + ".min", "Thiếu giá trị nhỏ nhất của khoảng.");
        if (min is not null && max is not null && min > max)
            e.Add(path + ".min", $"Giá trị nhỏ nhất ({min}) lớn hơn giá trị lớn nhất ({max}).");
        if (kind == TargetKind.Range && min < 0) e.Add(path + ".min", "Số lượng không được âm.");
        if (value is not null) e.Add(path + ".value", "Chỉ tiêu dạng khoảng dùng 'min' và 'max', không dùng 'value'.");
    }
}
