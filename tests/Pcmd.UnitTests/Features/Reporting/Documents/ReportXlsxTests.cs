using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using Pcmd.Web.Features.Reporting.Documents;

namespace Pcmd.UnitTests.Features.Reporting.Documents;

/// <summary>The period's workbook: valid, numbers as numbers, dates as dates, headers frozen.</summary>
public class ReportXlsxTests
{
    static SpreadsheetDocument Open()
    {
        var ms = new MemoryStream();
        ReportXlsx.Write(ReportSamples.Workbook(), ms);
        ms.Position = 0;
        return SpreadsheetDocument.Open(ms, false);
    }

    static Worksheet Sheet(SpreadsheetDocument x, string name)
    {
        var sheet = x.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == name);
        return ((WorksheetPart)x.WorkbookPart.GetPartById(sheet.Id!)).Worksheet;
    }

    static Cell Cell(Worksheet ws, string reference) =>
        ws.Descendants<Cell>().Single(c => c.CellReference == reference);

    static string? TextOf(Cell c) => c.DataType?.Value == CellValues.InlineString ? c.InlineString!.Text!.Text : null;

    /// <summary>The number format code a cell is shown with.</summary>
    static string FormatOf(SpreadsheetDocument x, Cell c)
    {
        var styles = x.WorkbookPart!.WorkbookStylesPart!.Stylesheet;
        var xf = styles.CellFormats!.Elements<CellFormat>().ElementAt((int)c.StyleIndex!.Value);
        return styles.NumberingFormats!.Elements<NumberingFormat>().Single(f => f.NumberFormatId!.Value == xf.NumberFormatId!.Value).FormatCode!;
    }

    [Fact]
    public void Is_valid_for_Office_2010()
    {
        using var x = Open();
        var errors = new OpenXmlValidator(FileFormatVersions.Office2010).Validate(x)
            .Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        Assert.Equal(["Chỉ tiêu theo đơn vị", "Tính kịp thời"], x.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value));
    }

    [Fact]
    public void The_indicator_sheet_has_one_column_per_unit_and_numeric_figures()
    {
        using var x = Open();
        var ws = Sheet(x, ReportXlsx.IndicatorSheet);
        Assert.Equal("Kết quả thực hiện chỉ tiêu phòng, chống mại dâm", TextOf(Cell(ws, "A1")));
        Assert.Equal("6 tháng đầu năm 2026", TextOf(Cell(ws, "A2")));
        var headerRow = ws.Descendants<Row>().Single(r => r.RowIndex!.Value == 4);
        Assert.Equal(["STT", "Chỉ tiêu", "Đơn vị tính", "Chỉ tiêu kế hoạch", "Phường Phú Lương", "Phường Hà Đông", "Tổng cộng"],
            headerRow.Elements<Cell>().Select(TextOf));
        // Unit names wrap in their 14-character columns; LibreOffice only shows both lines if the height is written.
        Assert.True(headerRow.CustomHeight?.Value == true && headerRow.Height!.Value >= 31.5);

        Assert.Equal(ReportSamples.IndicatorText, TextOf(Cell(ws, "B5")));
        var phuLuong = Cell(ws, "E5");
        Assert.Null(phuLuong.DataType); // a number, not text
        Assert.Equal("1200", phuLuong.CellValue!.Text);
        Assert.Equal("[$-42A]#,##0", FormatOf(x, phuLuong));
        Assert.Equal("1620", Cell(ws, "G5").CellValue!.Text);

        var share = Cell(ws, "E6");
        Assert.Equal(("92.5", "[$-42A]#,##0.##"), (share.CellValue!.Text, FormatOf(x, share)));
        Assert.Null(Cell(ws, "F6").CellValue); // no figure: an empty cell, not 0

        var pane = ws.Descendants<Pane>().Single();
        Assert.Equal((PaneStateValues.Frozen, 4.0, "A5"), (pane.State!.Value, pane.VerticalSplit!.Value, pane.TopLeftCell!.Value));
        Assert.Equal(7, ws.GetFirstChild<Columns>()!.Elements<Column>().Count(c => c.CustomWidth?.Value == true));
    }

    [Fact]
    public void The_timeliness_sheet_has_real_dates_in_Vietnam_time()
    {
        using var x = Open();
        var ws = Sheet(x, ReportXlsx.TimelinessSheet);
        Assert.Equal(["STT", "Đơn vị", "Tình trạng", "Hạn nộp", "Ngày nộp", "Số ngày chậm"],
            ws.Descendants<Row>().First().Elements<Cell>().Select(TextOf));
        var due = Cell(ws, "D2");
        Assert.Equal(new DateTime(2026, 6, 20), DateTime.FromOADate(double.Parse(due.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal("dd/mm/yyyy", FormatOf(x, due));
        var late = Cell(ws, "E3");
        Assert.Equal(new DateTime(2026, 6, 25), DateTime.FromOADate(double.Parse(late.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal("5", Cell(ws, "F3").CellValue!.Text);
        Assert.Null(Cell(ws, "E4").CellValue); // not submitted
        Assert.Null(Cell(ws, "F4").CellValue);
        Assert.Equal("Chưa nộp", TextOf(Cell(ws, "C4")));
        Assert.Equal(PaneStateValues.Frozen, ws.Descendants<Pane>().Single().State!.Value);
    }
}
