using System.IO.Compression;
using System.Text;

namespace Pcmd.UnitTests.Shared;

/// <summary>Hostile Office files, made by streaming: the zipped bytes are small whatever the unzipped size, and the
/// test never holds the unzipped content (a 1 GiB entry is written from one 1 MiB buffer).</summary>
public static class ArchiveBombs
{
    const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    /// <summary>A minimal .xlsx whose data sheet and shared strings are written by the given callbacks (the XML between
    /// the root element's tags), plus <paramref name="extraEntries"/> tiny entries.</summary>
    public static byte[] Xlsx(Action<Stream>? sheetData = null, Action<Stream>? sharedStrings = null, int extraEntries = 0, string? dimension = null)
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            Text(zip, "[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>""");
            Text(zip, "_rels/.rels", """<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
            Text(zip, "xl/workbook.xml", $"""<workbook xmlns="{Main}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Cơ sở kinh doanh" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            Text(zip, "xl/_rels/workbook.xml.rels", """<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>""");
            Part(zip, "xl/worksheets/sheet1.xml", $"""<worksheet xmlns="{Main}">{(dimension is null ? "" : $"<dimension ref=\"{dimension}\"/>")}<sheetData>""", sheetData ?? (s => Write(s, """<row r="1"><c r="A1" t="s"><v>0</v></c></row>""")), "</sheetData></worksheet>");
            Part(zip, "xl/sharedStrings.xml", $"""<sst xmlns="{Main}">""", sharedStrings ?? (s => Write(s, "<si><t>Tên cơ sở</t></si>")), "</sst>");
            for (var i = 0; i < extraEntries; i++) zip.CreateEntry($"customXml/item{i}.bin", CompressionLevel.NoCompression).Open().Dispose();
        }
        return ms.ToArray();
    }

    /// <summary>A .docx-like zip (what a report attachment is checked as) with one entry of <paramref name="size"/> spaces.</summary>
    public static byte[] Docx(long size)
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            Text(zip, "[Content_Types].xml", """<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>""");
            Part(zip, "word/document.xml", "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>",
                s => Repeat(s, (byte)' ', size), "</w:t></w:r></w:p></w:body></w:document>");
        }
        return ms.ToArray();
    }

    /// <summary>One shared string of <paramref name="chars"/> letters 'a' (the 0.5 MB file of 512 MiB of the report).</summary>
    public static Action<Stream> HugeSharedString(long chars) => s => { Write(s, "<si><t>"); Repeat(s, (byte)'a', chars); Write(s, "</t></si>"); };

    /// <summary>Whitespace between the rows (the 1 MB file of 1 GiB of whitespace of the report).</summary>
    public static Action<Stream> Whitespace(long bytes) => s => { Write(s, """<row r="1"><c r="A1" t="s"><v>0</v></c></row>"""); Repeat(s, (byte)' ', bytes); };

    public static void Write(Stream s, string text) => s.Write(Encoding.UTF8.GetBytes(text));

    public static void Repeat(Stream s, byte b, long count)
    {
        var block = new byte[1024 * 1024];
        Array.Fill(block, b);
        for (var left = count; left > 0; left -= block.Length) s.Write(block, 0, (int)Math.Min(left, block.Length));
    }

    static void Text(ZipArchive zip, string name, string text)
    {
        using var s = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        Write(s, text);
    }

    static void Part(ZipArchive zip, string name, string start, Action<Stream> body, string end)
    {
        // The strongest compression, as an attacker would use: 512 MiB of one letter fit in half a megabyte.
        using var s = zip.CreateEntry(name, CompressionLevel.SmallestSize).Open();
        Write(s, start);
        body(s);
        Write(s, end);
    }
}
