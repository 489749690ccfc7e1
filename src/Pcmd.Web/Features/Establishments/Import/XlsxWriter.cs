using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Pcmd.Web.Features.Establishments.Import;

/// <summary>Writes an .xlsx forward only: a <see cref="ZipArchive"/> in Create mode (which needs neither a seekable stream
/// nor memory for what it has written) and one <see cref="XmlWriter"/> per sheet, so an export of 300,000 rows goes out as
/// it is read. The OpenXml SDK's package was not used for this: over a seekable stream it opens the zip in Update mode, which
/// keeps every part uncompressed in memory until the end (the 1 GB of issue 10). Text cells are inline strings (no
/// shared-string table to keep); dates are day numbers formatted dd/mm/yyyy, so Excel and LibreOffice see real dates.
/// The parts that name the sheets (workbook, relationships, content types) are written last, when the sheets are known.</summary>
public sealed class XlsxWriter : IDisposable
{
    public const uint HeaderStyle = 1, DateStyle = 2, WrapStyle = 3;

    internal const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    const string Rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    const string PackageRel = "http://schemas.openxmlformats.org/package/2006/relationships";
    const string Types = "http://schemas.openxmlformats.org/package/2006/content-types";
    const string Ml = "application/vnd.openxmlformats-officedocument.spreadsheetml.";

    static readonly XmlWriterSettings Xml = new() { Encoding = new UTF8Encoding(false), CloseOutput = true };

    readonly ZipArchive _zip;
    readonly List<string> _sheets = [];
    SheetWriter? _open;

    public XlsxWriter(Stream output)
    {
        _zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        using var styles = new StreamWriter(_zip.CreateEntry("xl/styles.xml").Open(), new UTF8Encoding(false));
        styles.Write(Styles.Value);
    }

    /// <summary>Starts a sheet; dispose the returned writer before starting the next one.</summary>
    public SheetWriter AddSheet(string name, IReadOnlyList<double>? widths = null)
    {
        if (_open is { IsOpen: true }) throw new InvalidOperationException("Dispose the previous sheet first.");
        _sheets.Add(name);
        return _open = new SheetWriter(XmlWriter.Create(_zip.CreateEntry($"xl/worksheets/sheet{_sheets.Count}.xml").Open(), Xml), widths);
    }

    public void Dispose()
    {
        _open?.Dispose();
        Part("xl/workbook.xml", w =>
        {
            w.WriteStartElement("workbook", Main);
            w.WriteAttributeString("xmlns", "r", null, Rel);
            w.WriteStartElement("sheets", Main);
            for (var i = 0; i < _sheets.Count; i++)
            {
                w.WriteStartElement("sheet", Main);
                w.WriteAttributeString("name", _sheets[i]);
                w.WriteAttributeString("sheetId", (i + 1).ToString(CultureInfo.InvariantCulture));
                w.WriteAttributeString("id", Rel, $"rId{i + 1}");
                w.WriteEndElement();
            }
            w.WriteEndElement();
            w.WriteEndElement();
        });
        Part("xl/_rels/workbook.xml.rels", w =>
        {
            w.WriteStartElement("Relationships", PackageRel);
            for (var i = 0; i < _sheets.Count; i++) Relationship(w, $"rId{i + 1}", Rel + "/worksheet", $"worksheets/sheet{i + 1}.xml");
            Relationship(w, "rIdStyles", Rel + "/styles", "styles.xml");
            w.WriteEndElement();
        });
        Part("_rels/.rels", w =>
        {
            w.WriteStartElement("Relationships", PackageRel);
            Relationship(w, "rId1", Rel + "/officeDocument", "xl/workbook.xml");
            w.WriteEndElement();
        });
        Part("[Content_Types].xml", w =>
        {
            w.WriteStartElement("Types", Types);
            Content(w, "Default", "Extension", "rels", "application/vnd.openxmlformats-package.relationships+xml");
            Content(w, "Default", "Extension", "xml", "application/xml");
            Content(w, "Override", "PartName", "/xl/workbook.xml", Ml + "sheet.main+xml");
            Content(w, "Override", "PartName", "/xl/styles.xml", Ml + "styles+xml");
            for (var i = 0; i < _sheets.Count; i++) Content(w, "Override", "PartName", $"/xl/worksheets/sheet{i + 1}.xml", Ml + "worksheet+xml");
            w.WriteEndElement();
        });
        _zip.Dispose();
    }

    void Part(string name, Action<XmlWriter> write)
    {
        using var w = XmlWriter.Create(_zip.CreateEntry(name).Open(), Xml);
        w.WriteStartDocument(true);
        write(w);
    }

    static void Relationship(XmlWriter w, string id, string type, string target)
    {
        w.WriteStartElement("Relationship", PackageRel);
        w.WriteAttributeString("Id", id);
        w.WriteAttributeString("Type", type);
        w.WriteAttributeString("Target", target);
        w.WriteEndElement();
    }

    static void Content(XmlWriter w, string element, string key, string value, string type)
    {
        w.WriteStartElement(element, Types);
        w.WriteAttributeString(key, value);
        w.WriteAttributeString("ContentType", type);
        w.WriteEndElement();
    }

    /// <summary>Normal, bold header, dd/mm/yyyy date, wrapped text: the styles the sheets refer to by number.</summary>
    static readonly Lazy<string> Styles = new(() => new Stylesheet(
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
        { Count = 4 }).OuterXml);
}
