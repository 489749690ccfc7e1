using Pcmd.Web.Shared;
using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Pcmd.Web.Features.Reporting.Documents;

/// <summary>Writes a <see cref="ReportWorkbook"/> as .xlsx: "Chỉ tiêu theo đơn vị" (indicators × units) and "Tính kịp
/// thời" (one row per unit). Figures are numeric cells and dates are day numbers, so the reader can sum and sort them;
/// a period has a few dozen indicators and units, so the sheets are built in memory (unlike the registry export).</summary>
public static class ReportXlsx
{
    public const string IndicatorSheet = "Chỉ tiêu theo đơn vị", TimelinessSheet = "Tính kịp thời";

    /// <summary>Rows above the indicator table: title, period, a blank row; the header is row 4.</summary>
    public const int IndicatorHeaderRow = 4;

    // Việt Nam has had UTC+7 without daylight saving since 1975: a submission at 23:30 UTC is the next day's.

    /// <summary>The period's model, worded (<see cref="ReportWording.Workbook"/>) and laid out.</summary>
    public static void Write(PeriodWorkbookModel model, Stream output) => Write(ReportWording.Workbook(model), output);

    public static void Write(ReportWorkbook wb, Stream output)
    {
        using var doc = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var book = doc.AddWorkbookPart();
        book.AddNewPart<WorkbookStylesPart>().Stylesheet = XlsxStyles.Create();
        var sheets = new Sheets();
        AddSheet(book, sheets, IndicatorSheet, IndicatorWorksheet(wb));
        AddSheet(book, sheets, TimelinessSheet, TimelinessWorksheet(wb));
        // A yearly period's workbook: one more sheet per part (the budget, the commendations), named by its title.
        foreach (var part in wb.Parts ?? []) AddSheet(book, sheets, SheetName(part.Title), PartWorksheet(part));
        book.Workbook = new Workbook(new BookViews(new WorkbookView { ActiveTab = 0 }), sheets);
        book.Workbook.Save();
    }

    static void AddSheet(WorkbookPart book, Sheets sheets, string name, Worksheet sheet)
    {
        var part = book.AddNewPart<WorksheetPart>();
        part.Worksheet = sheet;
        sheets.Append(new Sheet { Name = name, SheetId = (uint)sheets.ChildElements.Count + 1, Id = book.GetIdOfPart(part) });
    }

    static Worksheet IndicatorWorksheet(ReportWorkbook wb)
    {
        string[] header = ["STT", "Chỉ tiêu", "Đơn vị tính", "Chỉ tiêu kế hoạch", .. wb.Units, "Tổng cộng"];
        double[] widths = [6, 50, 12, 18, .. wb.Units.Select(_ => 14.0), 14];
        var data = new SheetData();
        data.Append(NewRow(1, Text(1, 0, wb.Title, XlsxStyles.Title)));
        data.Append(NewRow(2, Text(2, 0, wb.PeriodText, XlsxStyles.Period)));
        data.Append(HeaderRow(IndicatorHeaderRow, header, widths));
        var r = IndicatorHeaderRow;
        foreach (var ind in wb.Indicators)
        {
            r++;
            var row = NewRow(r, Text(r, 0, ind.Number, XlsxStyles.Centered), Text(r, 1, ind.Text, XlsxStyles.Text),
                Text(r, 2, ind.UnitOfMeasure, XlsxStyles.Centered), Text(r, 3, ind.TargetText, XlsxStyles.Centered));
            Fit(row, Lines(ind.Text, widths[1]), Lines(ind.UnitOfMeasure, widths[2]), Lines(ind.TargetText, widths[3]));
            for (var u = 0; u < wb.Units.Count; u++)
                row.Append(Number(r, 4 + u, u < ind.Values.Count ? ind.Values[u] : null));
            row.Append(Number(r, 4 + wb.Units.Count, ind.Total));
            data.Append(row);
        }
        var last = Column(header.Length - 1);
        return Sheet(widths, IndicatorHeaderRow, data, new MergeCells(
            new MergeCell { Reference = $"A1:{last}1" }, new MergeCell { Reference = $"A2:{last}2" }) { Count = 2 });
    }

    static Worksheet TimelinessWorksheet(ReportWorkbook wb)
    {
        double[] widths = [6, 40, 20, 14, 14, 14];
        var data = new SheetData(HeaderRow(1, ["STT", "Đơn vị", "Tình trạng", "Hạn nộp", "Ngày nộp", "Số ngày chậm"], widths));
        var r = 1;
        foreach (var t in wb.Timeliness)
        {
            r++;
            var submitted = t.SubmittedAt is { } at ? VietnamTime.Day(at) : (DateOnly?)null;
            var row = NewRow(r,
                Text(r, 0, (r - 1).ToString(CultureInfo.InvariantCulture), XlsxStyles.Centered), Text(r, 1, t.Unit, XlsxStyles.Text),
                Text(r, 2, t.Status, XlsxStyles.Text), DateCell(r, 3, t.Due), DateCell(r, 4, submitted), Number(r, 5, t.DaysLate));
            Fit(row, Lines(t.Unit, widths[1]), Lines(t.Status, widths[2]));
            data.Append(row);
        }
        return Sheet(widths, 1, data, null);
    }

    /// <summary>A sheet name: at most 31 characters, none of []:*?/\.</summary>
    static string SheetName(string title)
    {
        var name = new string(title.Where(c => "[]:*?/\\".IndexOf(c) < 0).ToArray()).Trim();
        return name.Length <= 31 ? name : name[..31].TrimEnd();
    }

    static Worksheet PartWorksheet(ReportDocumentPart part)
    {
        // Each column as wide as its longest text (up to 50 characters, then wrapped), numbers 16.
        double[] widths = [.. part.Columns.Select((c, i) => i == 0 ? 6.0 : Math.Clamp(part.Rows.Select(r => i < r.Count ? r[i] : null)
            .Select(v => v is string t ? t.Length : 14).Append(c.Length / 2).Max() + 2, 10, 50))];
        var data = new SheetData(HeaderRow(1, part.Columns, widths));
        var r = 1;
        foreach (var cells in part.Rows)
        {
            r++;
            var row = NewRow(r);
            for (var c = 0; c < part.Columns.Count; c++)
            {
                var v = c < cells.Count ? cells[c] : null;
                row.Append(v switch
                {
                    long n => Number(r, c, n),
                    int n => Number(r, c, n),
                    decimal d => Number(r, c, d),
                    _ => Text(r, c, v?.ToString(), c == 0 ? XlsxStyles.Centered : XlsxStyles.Text),
                });
            }
            Fit(row, cells.Select((v, c) => v is string t && c < widths.Length ? Lines(t, widths[c]) : 1).Append(1).ToArray());
            data.Append(row);
        }
        return Sheet(widths, 1, data, null);
    }

    /// <summary>Children in the order CT_Worksheet requires: sheetViews, cols, sheetData, mergeCells, pageMargins, pageSetup.</summary>
    static Worksheet Sheet(double[] widths, int frozenRows, SheetData data, MergeCells? merges)
    {
        var pane = new Pane
        {
            VerticalSplit = frozenRows, TopLeftCell = $"A{frozenRows + 1}", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen,
        };
        var view = new SheetView(pane, new Selection { Pane = PaneValues.BottomLeft, ActiveCell = $"A{frozenRows + 1}",
            SequenceOfReferences = new ListValue<StringValue> { InnerText = $"A{frozenRows + 1}" } }) { WorkbookViewId = 0 };
        var ws = new Worksheet(new SheetViews(view),
            new Columns(widths.Select((w, i) => new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = w, CustomWidth = true })),
            data);
        if (merges is not null) ws.Append(merges);
        ws.Append(new PageMargins { Left = 0.59, Right = 0.39, Top = 0.79, Bottom = 0.79, Header = 0.3, Footer = 0.3 });
        ws.Append(new PageSetup { PaperSize = 9, Orientation = OrientationValues.Landscape });
        return ws;
    }

    static Row HeaderRow(int r, IReadOnlyList<string> texts, double[] widths)
    {
        var row = NewRow(r);
        for (var i = 0; i < texts.Count; i++) row.Append(Text(r, i, texts[i], XlsxStyles.Header));
        Fit(row, texts.Select((t, i) => Lines(t, widths[i])).ToArray());
        return row;
    }

    /// <summary>LibreOffice does not fit the height of rows to wrapped text when it opens an .xlsx (Excel does), so
    /// a row with a long indicator or unit name gets its height written; the line count is an estimate from the width.</summary>
    static void Fit(Row row, params int[] lines)
    {
        var n = lines.Max();
        if (n <= 1) return;
        row.Height = n * 15.75; // a 12-point line
        row.CustomHeight = true;
    }

    static int Lines(string? text, double width) =>
        string.IsNullOrEmpty(text) ? 1 : (int)Math.Ceiling(text.Length / Math.Max(1, width - 2));

    static Row NewRow(int r, params Cell[] cells)
    {
        var row = new Row { RowIndex = (uint)r };
        row.Append(cells);
        return row;
    }

    static string Ref(int row, int col) => Column(col) + row.ToString(CultureInfo.InvariantCulture);

    static string Column(int index)
    {
        var s = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26) s = (char)('A' + (n - 1) % 26) + s;
        return s;
    }

    /// <summary>An inline string (no shared-string table to keep); an empty text still gets its cell for the border.</summary>
    static Cell Text(int r, int c, string? text, uint style)
    {
        var cell = new Cell { CellReference = Ref(r, c), StyleIndex = style };
        if (string.IsNullOrEmpty(text)) return cell;
        cell.DataType = CellValues.InlineString;
        cell.Append(new InlineString(new Text(DocxParts.Clean(text)) { Space = SpaceProcessingModeValues.Preserve }));
        return cell;
    }

    static Cell Number(int r, int c, decimal? value)
    {
        if (value is not { } v) return new Cell { CellReference = Ref(r, c), StyleIndex = XlsxStyles.Integer };
        var style = v == decimal.Truncate(v) ? XlsxStyles.Integer : XlsxStyles.Decimal;
        return new Cell(new CellValue(v.ToString(CultureInfo.InvariantCulture))) { CellReference = Ref(r, c), StyleIndex = style };
    }

    static Cell DateCell(int r, int c, DateOnly? d)
    {
        var cell = new Cell { CellReference = Ref(r, c), StyleIndex = XlsxStyles.Date };
        if (d is { } day)
            cell.Append(new CellValue(day.ToDateTime(TimeOnly.MinValue).ToOADate().ToString(CultureInfo.InvariantCulture)));
        return cell;
    }
}
