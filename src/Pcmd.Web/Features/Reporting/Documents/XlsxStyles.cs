using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Pcmd.Web.Features.Reporting.Documents;

/// <summary>The stylesheet of <see cref="ReportXlsx"/>; the constants are indexes into its cellXfs.</summary>
static class XlsxStyles
{
    public const uint Title = 1, Period = 2, Header = 3, Text = 4, Centered = 5, Integer = 6, Decimal = 7, Date = 8;

    // [$-42A] is the Vietnamese locale: LibreOffice then shows 1.500 and 72,5 whatever its own locale; Excel keeps the
    // reader's separators. Whole numbers get a format of their own, since "#,##0.##" would print "1.500," for them.
    const uint IntegerFormat = 164, DecimalFormat = 165, DateFormat = 166;

    public static Stylesheet Create() => new(
        new NumberingFormats(
            new NumberingFormat { NumberFormatId = IntegerFormat, FormatCode = "[$-42A]#,##0" },
            new NumberingFormat { NumberFormatId = DecimalFormat, FormatCode = "[$-42A]#,##0.##" },
            new NumberingFormat { NumberFormatId = DateFormat, FormatCode = "dd/mm/yyyy" }) { Count = 3 },
        new Fonts(
            Font(12), Font(14, bold: true), Font(12, italic: true), Font(12, bold: true)) { Count = 4 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(
            new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()),
            new Border(Thin<LeftBorder>(), Thin<RightBorder>(), Thin<TopBorder>(), Thin<BottomBorder>(), new DiagonalBorder())) { Count = 2 },
        new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
        new CellFormats(
            Xf(0, 0, 0),
            Xf(0, 1, 0, Align(HorizontalAlignmentValues.Left, wrap: false)),
            Xf(0, 2, 0, Align(HorizontalAlignmentValues.Left, wrap: false)),
            Xf(0, 3, 1, Align(HorizontalAlignmentValues.Center, wrap: true, VerticalAlignmentValues.Center)),
            Xf(0, 0, 1, Align(HorizontalAlignmentValues.Left, wrap: true)),
            Xf(0, 0, 1, Align(HorizontalAlignmentValues.Center, wrap: true)),
            Xf(IntegerFormat, 0, 1, Align(HorizontalAlignmentValues.Right, wrap: false)),
            Xf(DecimalFormat, 0, 1, Align(HorizontalAlignmentValues.Right, wrap: false)),
            Xf(DateFormat, 0, 1, Align(HorizontalAlignmentValues.Center, wrap: false))) { Count = 9 },
        new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });

    static Font Font(double size, bool bold = false, bool italic = false)
    {
        var f = new Font();
        if (bold) f.Append(new Bold());
        if (italic) f.Append(new Italic());
        f.Append(new FontSize { Val = size }, new Color { Rgb = "FF000000" }, new FontName { Val = "Times New Roman" },
            new FontFamilyNumbering { Val = 1 });
        return f;
    }

    static T Thin<T>() where T : BorderPropertiesType, new() =>
        new() { Style = BorderStyleValues.Thin, Color = new Color { Indexed = 64 } };

    static Alignment Align(HorizontalAlignmentValues h, bool wrap, VerticalAlignmentValues? v = null) =>
        new() { Horizontal = h, Vertical = v ?? VerticalAlignmentValues.Top, WrapText = wrap };

    static CellFormat Xf(uint numberFormat, uint font, uint border, Alignment? align = null)
    {
        var xf = new CellFormat
        {
            NumberFormatId = numberFormat, FontId = font, FillId = 0, BorderId = border, FormatId = 0,
            ApplyNumberFormat = numberFormat != 0, ApplyFont = font != 0, ApplyBorder = border != 0, ApplyAlignment = align is not null,
        };
        if (align is not null) xf.Append(align);
        return xf;
    }
}
