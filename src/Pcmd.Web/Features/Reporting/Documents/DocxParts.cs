using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Pcmd.Web.Features.Reporting.Documents;

/// <summary>The building blocks of <see cref="ReportDocx"/>: runs, paragraphs, tables and page settings in the
/// measures of Nghị định 30/2020/NĐ-CP. Child elements are appended in schema order because Word (unlike LibreOffice)
/// asks to repair a file whose pPr/rPr/sectPr children are out of order.</summary>
static class DocxParts
{
    public const string FontName = "Times New Roman";

    // Twips (1/1440 inch): A4 is 210 × 297 mm; margins of the decree (Phụ lục I, mục II.2).
    public const int A4Short = 11906, A4Long = 16838;
    public const int MarginTop = 1134, MarginBottom = 1134, MarginLeft = 1701, MarginRight = 850; // 20, 20, 30, 15 mm
    public const int PortraitWidth = A4Short - MarginLeft - MarginRight, LandscapeWidth = A4Long - MarginLeft - MarginRight;
    public const int FirstLineIndent = 567; // 1 cm

    [Flags]
    public enum Look { None = 0, Bold = 1, Italic = 2, Underline = 4 }

    public static RunProperties RunProps(int points, Look look = Look.None)
    {
        var rp = new RunProperties(new RunFonts { Ascii = FontName, HighAnsi = FontName, ComplexScript = FontName, EastAsia = FontName });
        if (look.HasFlag(Look.Bold)) rp.Append(new Bold(), new BoldComplexScript());
        if (look.HasFlag(Look.Italic)) rp.Append(new Italic(), new ItalicComplexScript());
        rp.Append(new Color { Val = "000000" });
        var half = (points * 2).ToString(CultureInfo.InvariantCulture);
        rp.Append(new FontSize { Val = half }, new FontSizeComplexScript { Val = half });
        if (look.HasFlag(Look.Underline)) rp.Append(new Underline { Val = UnderlineValues.Single });
        rp.Append(new Languages { Val = "vi-VN" });
        return rp;
    }

    public static Run Run(string text, int points, Look look = Look.None) =>
        new(RunProps(points, look), new Text(Clean(text)) { Space = SpaceProcessingModeValues.Preserve });

    /// <summary>Paragraph settings in schema order: spacing, indentation, justification.</summary>
    public static ParagraphProperties ParaProps(JustificationValues align, int after = 0, int line = 240, int firstLine = 0,
        int before = 0, bool keepNext = false)
    {
        var pp = new ParagraphProperties();
        if (keepNext) pp.Append(new KeepNext());
        pp.Append(new SpacingBetweenLines
        {
            Before = before.ToString(CultureInfo.InvariantCulture), After = after.ToString(CultureInfo.InvariantCulture),
            Line = line.ToString(CultureInfo.InvariantCulture), LineRule = LineSpacingRuleValues.Auto,
        });
        if (firstLine > 0) pp.Append(new Indentation { FirstLine = firstLine.ToString(CultureInfo.InvariantCulture) });
        pp.Append(new Justification { Val = align });
        return pp;
    }

    public static Paragraph Para(string text, int points, Look look = Look.None, JustificationValues? align = null, int after = 0,
        int line = 240, int firstLine = 0, int before = 0, bool keepNext = false) =>
        new(ParaProps(align ?? JustificationValues.Center, after, line, firstLine, before, keepNext), Run(text, points, look));

    /// <summary>An empty paragraph (its mark carries the font too, so its height is that of the text around it).</summary>
    public static Paragraph Blank(int points)
    {
        var pp = ParaProps(JustificationValues.Center);
        pp.Append(new ParagraphMarkRunProperties(RunProps(points).ChildElements.Select(c => c.CloneNode(true))));
        return new Paragraph(pp);
    }

    /// <summary>The short solid rule under the issuing body and under the subject: a bottom border on an empty,
    /// one-point paragraph, indented so the line is about a third of the column and centred.</summary>
    public static Paragraph ShortRule(int columnWidth, int lineWidth)
    {
        var side = Math.Max(0, (columnWidth - lineWidth) / 2).ToString(CultureInfo.InvariantCulture);
        var pp = new ParagraphProperties(
            new ParagraphBorders(new BottomBorder { Val = BorderValues.Single, Size = 6, Space = 1, Color = "000000" }),
            new SpacingBetweenLines { Before = "0", After = "0", Line = "40", LineRule = LineSpacingRuleValues.Exact },
            new Indentation { Left = side, Right = side },
            new Justification { Val = JustificationValues.Center });
        return new Paragraph(pp);
    }

    /// <summary>A table laid out at fixed widths; <paramref name="borders"/> false gives the header and signature
    /// blocks, which are tables only to put two columns side by side.</summary>
    public static Table Table(int[] widths, bool borders)
    {
        BorderType Line<T>() where T : BorderType, new() => borders
            ? new T { Val = BorderValues.Single, Size = 4, Space = 0, Color = "000000" }
            : new T { Val = BorderValues.Nil };
        var props = new TableProperties(
            new TableWidth { Width = widths.Sum().ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
            new TableBorders(Line<TopBorder>(), Line<LeftBorder>(), Line<BottomBorder>(), Line<RightBorder>(),
                Line<InsideHorizontalBorder>(), Line<InsideVerticalBorder>()),
            new TableLayout { Type = TableLayoutValues.Fixed },
            new TableCellMarginDefault(
                new TopMargin { Width = borders ? "40" : "0", Type = TableWidthUnitValues.Dxa },
                new TableCellLeftMargin { Width = (short)(borders ? 85 : 0), Type = TableWidthValues.Dxa },
                new BottomMargin { Width = borders ? "40" : "0", Type = TableWidthUnitValues.Dxa },
                new TableCellRightMargin { Width = (short)(borders ? 85 : 0), Type = TableWidthValues.Dxa }),
            new TableLook { Val = "0000", FirstRow = false, LastRow = false, FirstColumn = false, LastColumn = false, NoHorizontalBand = true, NoVerticalBand = true });
        var grid = new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(CultureInfo.InvariantCulture) }));
        return new Table(props, grid);
    }

    /// <summary>A cell; a cell must end with a paragraph, so an empty list gets one.</summary>
    public static TableCell Cell(int width, IEnumerable<Paragraph> paragraphs, int span = 1, bool middle = false)
    {
        var props = new TableCellProperties(new TableCellWidth { Width = width.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa });
        if (span > 1) props.Append(new GridSpan { Val = span });
        if (middle) props.Append(new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center });
        var cell = new TableCell(props);
        cell.Append(paragraphs);
        if (!cell.Elements<Paragraph>().Any()) cell.Append(new Paragraph());
        return cell;
    }

    /// <summary>Page size and margins; <paramref name="headerIds"/> (first-page, other pages) hang the page number
    /// on every page but the first, as the decree asks.</summary>
    public static SectionProperties Section(bool landscape, (string First, string Default)? headerIds = null)
    {
        var sp = new SectionProperties();
        if (headerIds is { } h)
            sp.Append(new HeaderReference { Type = HeaderFooterValues.Default, Id = h.Default },
                new HeaderReference { Type = HeaderFooterValues.First, Id = h.First });
        if (landscape) sp.Append(new SectionType { Val = SectionMarkValues.NextPage });
        sp.Append(new PageSize { Width = (UInt32Value)(uint)(landscape ? A4Long : A4Short), Height = (UInt32Value)(uint)(landscape ? A4Short : A4Long),
            Orient = landscape ? PageOrientationValues.Landscape : PageOrientationValues.Portrait });
        sp.Append(new PageMargin { Top = MarginTop, Bottom = MarginBottom, Left = MarginLeft, Right = MarginRight,
            Header = 567, Footer = 567, Gutter = 0 });
        sp.Append(new Columns { Space = "720" });
        if (headerIds is not null) sp.Append(new TitlePage());
        sp.Append(new DocGrid { LinePitch = 360 });
        return sp;
    }

    /// <summary>XML cannot carry most control characters; one pasted into a report text must not break the file.</summary>
    public static string Clean(string s) => s.Any(c => c < 0x20 && c is not '\t')
        ? new string(s.Where(c => c >= 0x20 || c == '\t').ToArray()) : s;
}
