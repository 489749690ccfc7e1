using Pcmd.Web.Features.Establishments;
using Pcmd.Web.Features.Establishments.Import;
using Pcmd.Web.Security;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.Enforcement.Import;

/// <summary>One data row of an enforcement file and its problems, each named by row (as Excel shows it) and column header.
/// The readers use the establishments' cell rules (dates as day numbers or dd/MM/yyyy, vi-VN numbers, codes Excel turned
/// into numbers) and report a value once: unreadable, not again as missing.</summary>
public sealed class SheetRow(int row, Func<ImportColumn, XlsxCell> cell)
{
    public int Row => row;
    public List<ImportIssue> Issues { get; } = [];
    public bool IsValid => Issues.Count == 0;

    public void Add(ImportColumn column, string message) => Issues.Add(new ImportIssue(row, column.Header, message));

    /// <summary>Trimmed, in NFC, within <paramref name="max"/> characters; text the save would refuse (control, bidirectional or
    /// zero-width characters) is reported here, by row and column.</summary>
    public string? Text(ImportColumn c, int max, bool multiLine = false)
    {
        var s = EstablishmentRowParser.Text(cell(c));
        if (s is null) { if (c.Required) Add(c, $"Thiếu {c.Header.ToLowerInvariant()}."); return null; }
        if (SafeText.Problem(s, multiLine) is { } problem) { Add(c, problem); return null; }
        s = SafeText.Normalize(s);
        if (s.Length > max) { Add(c, $"{c.Header} dài quá {ViFormat.Number(max)} ký tự."); return null; }
        return s;
    }

    /// <summary>The form's rules' errors by field, reported against the column of that field — unless the column has a problem
    /// already (a value that could not be read is reported once).</summary>
    public void Add(ErrorList errors, IReadOnlyList<ImportColumn> columns)
    {
        var reported = Issues.Select(i => i.Column).ToHashSet();
        foreach (var (path, message) in errors.All)
        {
            var column = columns.FirstOrDefault(c => c.Field == path);
            if (column is null) Issues.Add(new ImportIssue(row, null, message));
            else if (!reported.Contains(column.Header)) Add(column, message);
        }
    }

    public string? Code(ImportColumn c) => EstablishmentRowParser.Code(cell(c));

    public DateOnly? Date(ImportColumn c)
    {
        var x = cell(c);
        if (x.IsEmpty) { if (c.Required) Add(c, $"Thiếu {c.Header.ToLowerInvariant()}."); return null; }
        if (EstablishmentRowParser.TryDate(x, out var d, out var error)) return d;
        Add(c, error!);
        return null;
    }

    public int Integer(ImportColumn c)
    {
        var x = cell(c);
        if (x.IsEmpty) return 0;
        if (EstablishmentRowParser.TryInteger(x, out var n, out var error)) return n;
        Add(c, error!);
        return 0;
    }

    public decimal? Money(ImportColumn c)
    {
        var x = cell(c);
        if (x.IsEmpty) return null;
        if (x.Number is { } n && n is >= 0 and < 1e15) return (decimal)n;
        // 1.500.000 and 1 500 000 are vi-VN groupings of 1500000 đồng.
        var t = x.Text?.Trim() ?? "";
        if (System.Text.RegularExpressions.Regex.IsMatch(t, @"^[0-9]{1,3}([. \u00A0][0-9]{3})+$")) t = System.Text.RegularExpressions.Regex.Replace(t, @"[. \u00A0]", "");
        if (System.Text.RegularExpressions.Regex.IsMatch(t, "^[0-9]{1,15}$")) return decimal.Parse(t, System.Globalization.CultureInfo.InvariantCulture);
        Add(c, $"'{EstablishmentRowParser.Text(x)}' không phải số tiền (đồng, ví dụ 1.500.000).");
        return null;
    }

    public bool YesNo(ImportColumn c)
    {
        var x = cell(c);
        if (x.IsEmpty) return false;
        if (EstablishmentRowParser.TryYesNo(x, out var b, out var error)) return b;
        Add(c, error!);
        return false;
    }

    /// <summary>One of <paramref name="words"/> (folded: case, spacing and Unicode form do not matter).</summary>
    public TEnum? Choice<TEnum>(ImportColumn c, IReadOnlyDictionary<string, TEnum> words) where TEnum : struct, Enum
    {
        var s = EstablishmentRowParser.Text(cell(c));
        if (s is null) { if (c.Required) Add(c, $"Thiếu {c.Header.ToLowerInvariant()}."); return null; }
        if (words.TryGetValue(EstablishmentLabels.Fold(s), out var v)) return v;
        Add(c, $"'{s}' không phải {c.Header.ToLowerInvariant()} hợp lệ ({c.Help}).");
        return null;
    }
}
