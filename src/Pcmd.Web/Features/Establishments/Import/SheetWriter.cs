using System.Globalization;
using System.Xml;

namespace Pcmd.Web.Features.Establishments.Import;

/// <summary>One worksheet of an <see cref="XlsxWriter"/>, written row by row straight into its zip entry.</summary>
public sealed class SheetWriter : IDisposable
{
    const string Main = XlsxWriter.Main;

    readonly XmlWriter _w;
    int _row, _col;

    internal bool IsOpen { get; private set; } = true;

    internal SheetWriter(XmlWriter w, IReadOnlyList<double>? widths)
    {
        _w = w;
        _w.WriteStartDocument(true);
        _w.WriteStartElement("worksheet", Main);
        if (widths is { Count: > 0 })
        {
            _w.WriteStartElement("cols", Main);
            for (var i = 0; i < widths.Count; i++)
            {
                var n = (i + 1).ToString(CultureInfo.InvariantCulture);
                _w.WriteStartElement("col", Main);
                _w.WriteAttributeString("min", n);
                _w.WriteAttributeString("max", n);
                _w.WriteAttributeString("width", widths[i].ToString("R", CultureInfo.InvariantCulture));
                _w.WriteAttributeString("customWidth", "1");
                _w.WriteEndElement();
            }
            _w.WriteEndElement();
        }
        _w.WriteStartElement("sheetData", Main);
    }

    public SheetWriter BeginRow()
    {
        _row++;
        _col = 0;
        _w.WriteStartElement("row", Main);
        _w.WriteAttributeString("r", _row.ToString(CultureInfo.InvariantCulture));
        return this;
    }

    public void EndRow() => _w.WriteEndElement();

    string Ref() => ImportColumns.Letter(_col++) + _row.ToString(CultureInfo.InvariantCulture);

    void StartCell(string reference, string? type, uint style)
    {
        _w.WriteStartElement("c", Main);
        _w.WriteAttributeString("r", reference);
        if (style != 0) _w.WriteAttributeString("s", style.ToString(CultureInfo.InvariantCulture));
        if (type is not null) _w.WriteAttributeString("t", type);
    }

    /// <summary>Always a text cell (an inline string), whatever it looks like: "=1+1" stays the text "=1+1".</summary>
    public SheetWriter Text(string? text, uint style = 0)
    {
        var r = Ref();
        if (string.IsNullOrEmpty(text)) return this;
        StartCell(r, "inlineStr", style);
        _w.WriteStartElement("is", Main);
        _w.WriteStartElement("t", Main);
        _w.WriteAttributeString("xml", "space", null, "preserve");
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
        StartCell(r, null, style);
        _w.WriteElementString("v", Main, v.ToString("R", CultureInfo.InvariantCulture));
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

    /// <summary>XML cannot carry most control characters, U+FFFE/U+FFFF or half a surrogate pair; a pasted one must not
    /// break the file (the XmlWriter would throw in the middle of a download).</summary>
    static string Clean(string s)
    {
        try { return XmlConvert.VerifyXmlChars(s); }
        catch (XmlException)
        {
            var b = new System.Text.StringBuilder(s.Length);
            for (var i = 0; i < s.Length; i++)
            {
                if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) { b.Append(s, i++, 2); continue; }
                if (XmlConvert.IsXmlChar(s[i])) b.Append(s[i]);
            }
            return b.ToString();
        }
    }

    public void Dispose()
    {
        if (!IsOpen) return;
        IsOpen = false;
        _w.WriteEndElement(); // sheetData
        _w.WriteEndElement(); // worksheet
        _w.Dispose();
    }
}
