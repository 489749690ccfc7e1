using System.Globalization;
using System.IO.Packaging;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Pcmd.Web.Features.Establishments.Import;

namespace Pcmd.Bench;

/// <summary>The app's former hand-written reader (until 12/2026, replaced by ExcelDataReader in <see cref="XlsxSheetReader"/>), kept
/// here only so that `readers` can compare with it. Reads one worksheet of an .xlsx row by row with the SAX-like <see cref="OpenXmlReader"/>, so that a file
/// of 100,000 rows never becomes a DOM: only the shared-string table is held in memory.</summary>
public sealed class OpenXmlSaxSheetReader : IDisposable
{
    readonly SpreadsheetDocument _doc;
    readonly WorksheetPart _sheet;
    readonly List<string> _shared;

    /// <summary>The last row the sheet declares (its dimension), when it declares one: the progress total.</summary>
    public int? DeclaredLastRow { get; private set; }

    OpenXmlSaxSheetReader(SpreadsheetDocument doc, WorksheetPart sheet, List<string> shared) => (_doc, _sheet, _shared) = (doc, sheet, shared);

    public const string NotXlsx = "Tệp không phải bảng tính Excel (.xlsx). Hãy tải mẫu nhập và lưu dữ liệu theo mẫu dưới dạng .xlsx.";

    /// <summary>Opens the sheet named <paramref name="sheetName"/>, or the first sheet. The stream must be seekable.</summary>
    public static OpenXmlSaxSheetReader Open(Stream stream, string sheetName)
    {
        var doc = OpenPackage(stream);
        try
        {
            var part = FindSheet(doc, sheetName);
            return new OpenXmlSaxSheetReader(doc, part, ReadSharedStrings(doc.WorkbookPart!.SharedStringTablePart));
        }
        catch
        {
            doc.Dispose();
            throw;
        }
    }

    /// <summary>Refuses at once what is not an .xlsx with a data sheet, without reading its rows.</summary>
    public static void Check(Stream stream, string sheetName = ImportColumns.DataSheet)
    {
        using var doc = OpenPackage(stream);
        FindSheet(doc, sheetName);
    }

    static SpreadsheetDocument OpenPackage(Stream stream)
    {
        Span<byte> head = stackalloc byte[4];
        stream.Position = 0;
        var n = stream.ReadAtLeast(head, 4, throwOnEndOfStream: false);
        stream.Position = 0;
        if (n == 4 && head[0] == 0xD0 && head[1] == 0xCF && head[2] == 0x11 && head[3] == 0xE0)
            throw new NotASpreadsheetException("Tệp là bảng tính Excel 97–2003 (.xls), chưa được hỗ trợ. Hãy mở bằng Excel hoặc LibreOffice và lưu thành .xlsx.");
        if (n < 4 || head[0] != (byte)'P' || head[1] != (byte)'K' || head[2] != 3 || head[3] != 4) throw new NotASpreadsheetException(NotXlsx);
        try { return SpreadsheetDocument.Open(stream, false); }
        catch (Exception e) when (e is OpenXmlPackageException or FileFormatException or InvalidDataException or IOException or ArgumentException or InvalidOperationException)
        {
            throw new NotASpreadsheetException(NotXlsx);
        }
    }

    static WorksheetPart FindSheet(SpreadsheetDocument doc, string sheetName)
    {
        var wb = doc.WorkbookPart ?? throw new NotASpreadsheetException(NotXlsx);
        List<Sheet> sheets;
        try { sheets = wb.Workbook?.Sheets?.Elements<Sheet>().ToList() ?? []; }
        catch (System.Xml.XmlException) { throw new NotASpreadsheetException(NotXlsx); }
        var sheet = sheets.FirstOrDefault(s => s.Name?.Value == sheetName) ?? sheets.FirstOrDefault()
            ?? throw new NotASpreadsheetException("Tệp Excel không có trang tính nào.");
        if (sheet.Id?.Value is not { } rid || !wb.TryGetPartById(rid, out var p) || p is not WorksheetPart part)
            throw new NotASpreadsheetException($"Trang tính '{sheet.Name}' không phải bảng dữ liệu.");
        return part;
    }

    static List<string> ReadSharedStrings(SharedStringTablePart? part)
    {
        var list = new List<string>();
        if (part is null) return list;
        using var r = OpenXmlReader.Create(part);
        var sb = new StringBuilder();
        var phonetic = false;
        while (r.Read())
        {
            var t = r.ElementType;
            if (t == typeof(SharedStringItem))
            {
                if (r.IsStartElement) sb.Clear();
                else list.Add(sb.ToString());
            }
            else if (t == typeof(Text) && r.IsStartElement && !phonetic) sb.Append(r.GetText());
            // Phonetic guides (furigana) are not part of the value.
            else if (t == typeof(PhoneticRun)) phonetic = r.IsStartElement;
        }
        return list;
    }

    /// <summary>The rows in order, each with its 1-based row number and its cells by zero-based column (missing cells
    /// are <see cref="XlsxCell.Empty"/>). Rows without any cell are skipped.</summary>
    public IEnumerable<(int Row, XlsxCell[] Cells)> Rows()
    {
        using var r = OpenXmlReader.Create(_sheet);
        var cells = new List<(int Col, XlsxCell Cell)>();
        var inline = new StringBuilder();
        int rowNumber = 0, col = 0, nextCol = 0;
        string? type = null, value = null;
        bool phonetic = false, inInline = false;
        while (r.Read())
        {
            var t = r.ElementType;
            if (t == typeof(Cell))
            {
                if (r.IsStartElement)
                {
                    type = value = null;
                    col = nextCol;
                    inline.Clear();
                    foreach (var a in r.Attributes)
                    {
                        if (a.LocalName == "r") col = ColumnOf(a.Value) ?? nextCol;
                        else if (a.LocalName == "t") type = a.Value;
                    }
                }
                else
                {
                    cells.Add((col, Make(type, value, inline)));
                    nextCol = col + 1;
                }
            }
            else if (t == typeof(CellValue)) { if (r.IsStartElement) value = r.GetText(); }
            else if (t == typeof(InlineString)) inInline = r.IsStartElement;
            else if (t == typeof(Text)) { if (r.IsStartElement && inInline && !phonetic) inline.Append(r.GetText()); }
            else if (t == typeof(PhoneticRun)) phonetic = r.IsStartElement;
            else if (t == typeof(Row))
            {
                if (r.IsStartElement)
                {
                    cells.Clear();
                    nextCol = 0;
                    var number = rowNumber + 1;
                    foreach (var a in r.Attributes)
                        if (a.LocalName == "r" && int.TryParse(a.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var rn)) number = rn;
                    rowNumber = number;
                }
                else if (cells.Count > 0)
                {
                    var dense = new XlsxCell[cells.Max(c => c.Col) + 1];
                    foreach (var (c, cell) in cells) dense[c] = cell;
                    yield return (rowNumber, dense);
                }
            }
            else if (t == typeof(SheetDimension) && r.IsStartElement)
            {
                foreach (var a in r.Attributes)
                    if (a.LocalName == "ref" && a.Value is { } rf && RowOf(rf.Split(':')[^1]) is { } last) DeclaredLastRow = last;
            }
        }
    }

    XlsxCell Make(string? type, string? value, StringBuilder inline) => type switch
    {
        "s" => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i >= 0 && i < _shared.Count ? XlsxCell.Of(_shared[i]) : XlsxCell.Empty,
        "inlineStr" => XlsxCell.Of(inline.ToString()),
        "b" => XlsxCell.Of(value == "1" ? "TRUE" : "FALSE"),
        "str" or "e" or "d" => XlsxCell.Of(value),
        _ => value is null ? XlsxCell.Empty
            : double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? new XlsxCell(value, d) : XlsxCell.Of(value),
    };

    /// <summary>"AB12" → 27.</summary>
    public static int? ColumnOf(string? reference)
    {
        if (string.IsNullOrEmpty(reference)) return null;
        var n = 0;
        var i = 0;
        for (; i < reference.Length && char.IsAsciiLetter(reference[i]); i++) n = n * 26 + (char.ToUpperInvariant(reference[i]) - 'A' + 1);
        return i == 0 || n > 16384 ? null : n - 1;
    }

    static int? RowOf(string reference)
    {
        var digits = new string(reference.SkipWhile(char.IsAsciiLetter).ToArray());
        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : null;
    }

    public void Dispose() => _doc.Dispose();
}
