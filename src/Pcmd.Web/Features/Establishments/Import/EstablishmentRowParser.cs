using System.Globalization;
using System.Text.RegularExpressions;

namespace Pcmd.Web.Features.Establishments.Import;

/// <summary>A problem of the file, with the row (1-based, as Excel shows it; null for the whole file) and the column
/// header it concerns.</summary>
public sealed record ImportIssue(int? Row, string? Column, string Message);

/// <summary>One data row read and checked on its own: values, the codes still to resolve, and its problems.</summary>
public sealed class ParsedRow
{
    public int Row { get; init; }
    public EstablishmentValues Values { get; } = new();
    public string? TypeCode { get; set; }
    public string? CommuneCode { get; set; }
    public List<ImportIssue> Issues { get; } = [];
    public bool IsValid => Issues.Count == 0;

    public void Add(ImportColumn column, string message) => Issues.Add(new ImportIssue(Row, column.Header, message));
}

/// <summary>Reads the cells of one row into establishment values: dates as numbers (Excel day numbers) or text
/// dd/MM/yyyy, numbers with either decimal mark, integers with vi-VN grouping (1.500), codes that Excel turned into
/// numbers (09568 → 9568). Then the record rules (<see cref="EstablishmentRules"/>) run on what could be read.</summary>
public static partial class EstablishmentRowParser
{
    public static ParsedRow Parse(int row, Func<ImportColumn, XlsxCell> cell, DateOnly today)
    {
        var p = new ParsedRow { Row = row };
        var v = p.Values;
        var unreadable = new HashSet<string>();
        T? Read<T>(ImportColumn c, TryRead<T> read) where T : struct
        {
            var x = cell(c);
            if (x.IsEmpty) return null;
            if (read(x, out var value, out var error)) return value;
            p.Add(c, error!);
            unreadable.Add(c.Field);
            return null;
        }
        v.Name = Text(cell(ImportColumns.Name));
        v.Address = Text(cell(ImportColumns.Address));
        p.TypeCode = Text(cell(ImportColumns.Type))?.ToUpperInvariant();
        if (p.TypeCode is null) p.Add(ImportColumns.Type, "Thiếu mã loại hình.");
        p.CommuneCode = Code(cell(ImportColumns.Commune));
        if (p.CommuneCode is null) p.Add(ImportColumns.Commune, "Thiếu mã xã/phường.");
        v.Latitude = Read<double>(ImportColumns.Latitude, TryNumber);
        v.Longitude = Read<double>(ImportColumns.Longitude, TryNumber);
        v.OwnerName = Text(cell(ImportColumns.Owner));
        v.OwnerPhone = Phone(cell(ImportColumns.Phone));
        v.LicenceNumber = Text(cell(ImportColumns.Licence));
        v.LicenceDate = Read<DateOnly>(ImportColumns.LicenceDate, TryDate);
        v.WorkerCount = Read<int>(ImportColumns.Workers, TryInteger) ?? 0;
        v.RiskClass = Read<RiskClass>(ImportColumns.Risk, TryRisk) ?? RiskClass.Low;
        v.Status = Read<ManagementStatus>(ImportColumns.Status, TryStatus) ?? ManagementStatus.UnderManagement;
        v.ManagedFrom = Read<DateOnly>(ImportColumns.ManagedFrom, TryDate);
        v.ManagedTo = Read<DateOnly>(ImportColumns.ManagedTo, TryDate);
        v.CommitmentSigned = Read<bool>(ImportColumns.Signed, TryYesNo) ?? false;
        v.CommitmentDate = Read<DateOnly>(ImportColumns.CommitmentDate, TryDate);
        v.Note = Text(cell(ImportColumns.Note));
        EstablishmentRules.Check(v, today, (field, message) =>
        {
            // A value that could not be read is reported once, as unreadable, not again as missing.
            if (unreadable.Contains(field) || (field == "commitmentDate" && unreadable.Contains("commitmentSigned"))) return;
            if (ImportColumns.ForField(field) is { } c) p.Add(c, message);
            else p.Issues.Add(new ImportIssue(row, null, message));
        });
        return p;
    }

    public delegate bool TryRead<T>(XlsxCell cell, out T value, out string? error);

    /// <summary>The cell as text: numbers without a trailing ".0" (a licence number typed as a number).</summary>
    public static string? Text(XlsxCell c)
    {
        if (c.Number is { } n) return n == Math.Floor(n) && Math.Abs(n) < 1e15 ? ((long)n).ToString(CultureInfo.InvariantCulture) : n.ToString("R", CultureInfo.InvariantCulture);
        return EstablishmentValues.Clean(c.Text);
    }

    /// <summary>Unit codes have five digits (Quyết định 19/2025/QĐ-TTg); Excel drops the leading zeros of 09568.</summary>
    public static string? Code(XlsxCell c)
    {
        var s = Text(c);
        // "01" typed as text is meant as written (a province); 9568 lost its zero.
        return s is { Length: < 5 } && s.All(char.IsAsciiDigit) && (c.Number is not null || s[0] != '0') ? s.PadLeft(5, '0') : s;
    }

    /// <summary>Vietnamese phone numbers have ten digits starting with 0; Excel keeps 0912345678 as 912345678.</summary>
    public static string? Phone(XlsxCell c)
    {
        var s = Text(c);
        return c.Number is not null && s is { Length: 9 } && s.All(char.IsAsciiDigit) ? "0" + s : s;
    }

    static readonly string[] DateFormats = ["d/M/yyyy", "d-M-yyyy", "d.M.yyyy", "yyyy-MM-dd", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ss.FFFFFFF", "yyyy-MM-ddTHH:mm:ssZ"];

    public static bool TryDate(XlsxCell c, out DateOnly value, out string? error)
    {
        value = default;
        error = null;
        if (c.Number is { } n)
        {
            // Excel's day numbers: 1 = 01/01/1900 … 2958465 = 31/12/9999.
            if (n >= 1 && n < 2958466)
            {
                value = DateOnly.FromDateTime(DateTime.FromOADate(Math.Floor(n)));
                return true;
            }
            error = $"{Text(c)} không phải ngày hợp lệ (nhập dạng dd/MM/yyyy).";
            return false;
        }
        var s = c.Text?.Trim() ?? "";
        if (DateTime.TryParseExact(s, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AdjustToUniversal, out var d))
        {
            value = DateOnly.FromDateTime(d);
            return true;
        }
        error = $"'{s}' không phải ngày hợp lệ (nhập dạng dd/MM/yyyy, ví dụ 15/03/2021).";
        return false;
    }

    public static bool TryNumber(XlsxCell c, out double value, out string? error)
    {
        error = null;
        if (c.Number is { } n) { value = n; return true; }
        var s = (c.Text ?? "").Trim().Replace(" ", "");
        // Either decimal mark: 21.0285 and 21,0285 (vi-VN); with both, the last one is the decimal mark.
        var lastDot = s.LastIndexOf('.');
        var lastComma = s.LastIndexOf(',');
        if (lastComma > lastDot) s = s.Replace(".", "").Replace(',', '.');
        else if (lastComma >= 0) s = s.Replace(",", "");
        if (NumberText().IsMatch(s) && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out value)) return true;
        value = 0;
        error = $"'{c.Text?.Trim()}' không phải số.";
        return false;
    }

    public static bool TryInteger(XlsxCell c, out int value, out string? error)
    {
        error = null;
        value = 0;
        if (c.Number is { } n)
        {
            if (n == Math.Floor(n) && n is >= int.MinValue and <= int.MaxValue) { value = (int)n; return true; }
            error = $"{Text(c)} không phải số nguyên.";
            return false;
        }
        var s = (c.Text ?? "").Trim();
        // 1.500 and 1 500 are vi-VN groupings of 1500.
        if (Grouped().IsMatch(s)) s = s.Replace(".", "").Replace(",", "").Replace(" ", "").Replace("\u00A0", "");
        if (Regex.IsMatch(s, "^-?[0-9]{1,9}$") && int.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value)) return true;
        error = $"'{c.Text?.Trim()}' không phải số nguyên.";
        return false;
    }

    public static bool TryRisk(XlsxCell c, out RiskClass value, out string? error)
    {
        error = EstablishmentLabels.TryRisk(Text(c) ?? "", out value) ? null : $"'{Text(c)}' không phải mức độ rủi ro (Thấp, Trung bình hoặc Cao).";
        return error is null;
    }

    public static bool TryStatus(XlsxCell c, out ManagementStatus value, out string? error)
    {
        error = EstablishmentLabels.TryStatus(Text(c) ?? "", out value) ? null
            : $"'{Text(c)}' không phải tình trạng quản lý (Đang quản lý, Không thuộc diện quản lý hoặc Đã ngừng kinh doanh).";
        return error is null;
    }

    public static bool TryYesNo(XlsxCell c, out bool value, out string? error)
    {
        error = EstablishmentLabels.TryYesNo(Text(c) ?? "", out value) ? null : $"'{Text(c)}' không phải Có hoặc Không.";
        return error is null;
    }

    [GeneratedRegex(@"^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$")]
    private static partial Regex NumberText();

    [GeneratedRegex(@"^-?[0-9]{1,3}([., \u00A0][0-9]{3})+$")]
    private static partial Regex Grouped();
}
