using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Pcmd.IntegrationTests.Features.Establishments;

/// <summary>Builds .xlsx files for the import tests as a user's spreadsheet would hold them: text as shared strings
/// (or inline strings), numbers, dates as Excel day numbers. Rows are written with OpenXmlWriter, so a file of
/// 100,000 rows is quick to make.</summary>
public static class XlsxBuilder
{
    public static readonly string[] Headers =
    [
        "Tên cơ sở", "Mã loại hình", "Địa chỉ", "Mã xã/phường", "Vĩ độ", "Kinh độ", "Chủ cơ sở", "Điện thoại chủ cơ sở",
        "Số giấy phép kinh doanh", "Ngày cấp giấy phép", "Số người lao động", "Mức độ rủi ro", "Tình trạng quản lý",
        "Ngày đưa vào quản lý", "Ngày thôi quản lý", "Đã ký cam kết", "Ngày ký cam kết", "Ghi chú",
    ];

    /// <summary>A row of the template with sensible values; change what a test needs.</summary>
    public static object?[] Row(string name, string licence, string commune = "09568", string type = "KARAOKE") =>
    [
        name, type, "Số 1 phố Phú Lương", commune, 20.95, 105.77, "Nguyễn Văn Thử", "0912345678", licence, new DateOnly(2020, 5, 4),
        7, "Cao", "Đang quản lý", new DateOnly(2021, 1, 1), null, "Có", new DateOnly(2024, 3, 15), "Ghi chú thử",
    ];

    public static byte[] Build(IEnumerable<object?[]> rows, string[]? headers = null, bool sharedStrings = true, string sheet = "Cơ sở kinh doanh")
    {
        using var ms = new MemoryStream();
        using (var doc = SpreadsheetDocument.Create(ms, SpreadsheetDocumentType.Workbook))
        {
            var wb = doc.AddWorkbookPart();
            var shared = new Dictionary<string, int>();
            var ws = wb.AddNewPart<WorksheetPart>();
            using (var w = OpenXmlWriter.Create(ws))
            {
                w.WriteStartElement(new Worksheet());
                w.WriteStartElement(new SheetData());
                var r = 0;
                foreach (var values in new[] { (headers ?? Headers).Cast<object?>().ToArray() }.Concat(rows))
                {
                    r++;
                    w.WriteStartElement(new Row { RowIndex = (uint)r });
                    for (var c = 0; c < values.Length; c++)
                    {
                        var cell = CellOf(values[c], shared, sharedStrings);
                        if (cell is null) continue;
                        cell.CellReference = Letter(c) + r;
                        w.WriteElement(cell);
                    }
                    w.WriteEndElement();
                }
                w.WriteEndElement();
                w.WriteEndElement();
            }
            if (shared.Count > 0)
            {
                var sst = wb.AddNewPart<SharedStringTablePart>();
                sst.SharedStringTable = new SharedStringTable(shared.OrderBy(kv => kv.Value).Select(kv => new SharedStringItem(new Text(kv.Key) { Space = SpaceProcessingModeValues.Preserve })));
            }
            wb.Workbook = new Workbook(new Sheets(new Sheet { Name = sheet, SheetId = 1, Id = wb.GetIdOfPart(ws) }));
        }
        return ms.ToArray();
    }

    static Cell? CellOf(object? v, Dictionary<string, int> shared, bool useShared) => v switch
    {
        null => null,
        string s when useShared => new Cell { DataType = CellValues.SharedString, CellValue = new CellValue(Index(shared, s).ToString(CultureInfo.InvariantCulture)) },
        string s => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(s)) },
        DateOnly d => new Cell { CellValue = new CellValue(d.ToDateTime(TimeOnly.MinValue).ToOADate().ToString(CultureInfo.InvariantCulture)) },
        double n => new Cell { CellValue = new CellValue(n.ToString("R", CultureInfo.InvariantCulture)) },
        int i => new Cell { CellValue = new CellValue(i.ToString(CultureInfo.InvariantCulture)) },
        _ => throw new ArgumentException($"Unsupported cell value {v.GetType()}"),
    };

    static int Index(Dictionary<string, int> shared, string s)
    {
        if (!shared.TryGetValue(s, out var i)) shared[s] = i = shared.Count;
        return i;
    }

    public static string Letter(int index)
    {
        var s = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26) s = (char)('A' + (n - 1) % 26) + s;
        return s;
    }

    /// <summary>Reads the first sheet back as text (shared and inline strings) or numbers, row by row (DOM: small files only).</summary>
    public static List<object?[]> Read(byte[] xlsx, string? sheetName = null)
    {
        using var doc = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var wb = doc.WorkbookPart!;
        var sheet = wb.Workbook.Sheets!.Elements<Sheet>().First(s => sheetName is null || s.Name == sheetName);
        var part = (WorksheetPart)wb.GetPartById(sheet.Id!);
        var sst = wb.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];
        var result = new List<object?[]>();
        foreach (var row in part.Worksheet.Descendants<Row>())
        {
            var cells = row.Elements<Cell>().ToList();
            var width = cells.Count == 0 ? 0 : cells.Max(c => Column(c.CellReference!)) + 1;
            var values = new object?[width];
            foreach (var c in cells)
            {
                var i = Column(c.CellReference!);
                values[i] = c.DataType?.Value switch
                {
                    var t when t == CellValues.SharedString => sst[int.Parse(c.CellValue!.Text)],
                    var t when t == CellValues.InlineString => c.InlineString!.InnerText,
                    var t when t == CellValues.String => c.CellValue?.Text,
                    _ => c.CellValue is null ? null : double.Parse(c.CellValue.Text, CultureInfo.InvariantCulture),
                };
            }
            result.Add(values);
        }
        return result;
    }

    /// <summary>The Open XML SDK's schema validation: what Excel would call a damaged file.</summary>
    public static List<string> Validate(byte[] xlsx)
    {
        using var doc = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        return new DocumentFormat.OpenXml.Validation.OpenXmlValidator(FileFormatVersions.Office2010).Validate(doc)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();
    }

    static int Column(string reference)
    {
        var n = 0;
        foreach (var ch in reference.TakeWhile(char.IsAsciiLetter)) n = n * 26 + (ch - 'A' + 1);
        return n - 1;
    }
}
