using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Pcmd.Web.Features.Establishments.Import;

/// <summary>Writes an .xlsx sheet by sheet with the streaming <see cref="OpenXmlWriter"/>: an export of 300,000 rows
/// is written as it is read, never held as a DOM. Text cells are inline strings (no shared-string table to keep);
/// dates are day numbers formatted dd/mm/yyyy, so Excel and LibreOffice see real dates.</summary>
public sealed class XlsxWriter : IDisposable
{
    public const uint HeaderStyle = 1, DateStyle = 2, WrapStyle = 3;

    readonly SpreadsheetDocument _doc;
    readonly WorkbookPart _wb;
    readonly List<(string Name, string Id)> _sheets = [];

    public XlsxWriter(Stream output)
    {
        _doc = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        _wb = _doc.AddWorkbookPart();
        _wb.AddNewPart<WorkbookStylesPart>().Stylesheet = new Stylesheet(
            new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "dd/mm/yyyy" }) { Count = 1 },
            new Fonts(new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
                new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" })) { Count = 2 },
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
            new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
            new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
            new CellFormats(
                new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 },
                new CellFormat { NumberFormatId = 0, FontId = 1, FillId = 0, BorderId = 0, FormatId = 0, ApplyFont = true },
                new CellFormat { NumberFormatId = 164, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true },
                new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }) { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyAlignment = true })
            { Count = 4 });
    }

    /// <summary>Starts a sheet; dispose the returned writer before starting the next one.</summary>
    public SheetWriter AddSheet(string name, IReadOnlyList<double>? widths = null)
    {
        var part = _wb.AddNewPart<WorksheetPart>();
        _sheets.Add((name, _wb.GetIdOfPart(part)));
        return new SheetWriter(OpenXmlWriter.Create(part), widths);
    }

    public void Dispose()
    {
        _wb.Workbook = new Workbook(new Sheets(_sheets.Select((s, i) => new Sheet { Name = s.Name, SheetId = (uint)(i + 1), Id = s.Id })));
        _wb.Workbook.Save();
        _doc.Dispose();
    }
}

public sealed class SheetWriter : IDisposable
{
    static readonly Row RowEl = new();
    static readonly Cell CellEl = new();
    static readonly CellValue ValueEl = new();
    static readonly InlineString InlineEl = new();
    static readonly Text TextEl = new();
    static readonly OpenXmlAttribute[] Preserve = [new("xml", "space", "http://www.w3.org/XML/1998/namespace", "preserve")];

    readonly OpenXmlWriter _w;
    int _row, _col;

    internal SheetWriter(OpenXmlWriter w, IReadOnlyList<double>? widths)
    {
        _w = w;
        _w.WriteStartElement(new Worksheet());
        if (widths is { Count: > 0 })
        {
            _w.WriteStartElement(new Columns());
            for (var i = 0; i < widths.Count; i++)
                _w.WriteElement(new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = widths[i], CustomWidth = true });
            _w.WriteEndElement();
        }
        _w.WriteStartElement(new SheetData());
    }

    public SheetWriter BeginRow()
    {
        _row++;
        _col = 0;
        _w.WriteStartElement(RowEl, [new OpenXmlAttribute("r", "", _row.ToString(CultureInfo.InvariantCulture))]);
        return this;
    }

    public void EndRow() => _w.WriteEndElement();

    string Ref() => ImportColumns.Letter(_col++) + _row.ToString(CultureInfo.InvariantCulture);

    public SheetWriter Text(string? text, uint style = 0)
    {
        var r = Ref();
        if (string.IsNullOrEmpty(text)) return this;
        List<OpenXmlAttribute> attrs = [new("r", "", r), new("t", "", "inlineStr")];
        if (style != 0) attrs.Add(new("s", "", style.ToString(CultureInfo.InvariantCulture)));
        _w.WriteStartElement(CellEl, attrs);
        _w.WriteStartElement(InlineEl);
        _w.WriteStartElement(TextEl, Preserve);
        _w.WriteString(Clean(text));
        _w.WriteEndElement();
        _w.WriteEndElement();
        _w.WriteEndElement();
        return this;
    }

    public SheetWriter Number(double? value, uint style = 0)
    {
        var r = Ref();
        if (value is not { } v) return this;
        List<OpenXmlAttribute> attrs = [new("r", "", r)];
        if (style != 0) attrs.Add(new("s", "", style.ToString(CultureInfo.InvariantCulture)));
        _w.WriteStartElement(CellEl, attrs);
        _w.WriteStartElement(ValueEl);
        _w.WriteString(v.ToString("R", CultureInfo.InvariantCulture));
        _w.WriteEndElement();
        _w.WriteEndElement();
        return this;
    }

    public SheetWriter Date(DateOnly? d) => Number(d?.ToDateTime(TimeOnly.MinValue).ToOADate(), XlsxWriter.DateStyle);

    public SheetWriter Row(IEnumerable<string?> texts, uint style = 0)
    {
        BeginRow();
        foreach (var t in texts) Text(t, style);
        EndRow();
        return this;
    }

    /// <summary>XML cannot carry most control characters; a pasted one must not break the file.</summary>
    static string Clean(string s) => s.Any(c => c < 0x20 && c is not ('\t' or '\n' or '\r'))
        ? new string(s.Where(c => c >= 0x20 || c is '\t' or '\n' or '\r').ToArray()) : s;

    public void Dispose()
    {
        _w.WriteEndElement(); // sheetData
        _w.WriteEndElement(); // worksheet
        _w.Close();
    }
}
