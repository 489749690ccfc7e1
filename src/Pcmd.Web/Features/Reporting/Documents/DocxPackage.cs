using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using static Pcmd.Web.Features.Reporting.Documents.DocxParts;

namespace Pcmd.Web.Features.Reporting.Documents;

/// <summary>The parts around the body: styles (Times New Roman 14, black, Vietnamese as the language, so Word neither
/// falls back to Calibri nor marks every word as misspelt), settings, and the page-number headers.</summary>
static class DocxPackage
{
    public static void AddStyles(MainDocumentPart main)
    {
        var defaults = new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = FontName, HighAnsi = FontName, ComplexScript = FontName, EastAsia = FontName },
                new Color { Val = "000000" },
                new FontSize { Val = "28" }, new FontSizeComplexScript { Val = "28" },
                new Languages { Val = "vi-VN", EastAsia = "vi-VN", Bidi = "ar-SA" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                new SpacingBetweenLines { After = "0", Line = "240", LineRule = LineSpacingRuleValues.Auto })));
        var normal = new Style(new StyleName { Val = "Normal" }, new PrimaryStyle())
        { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true };
        var paragraphFont = new Style(new StyleName { Val = "Default Paragraph Font" }, new UIPriority { Val = 1 },
            new SemiHidden(), new UnhideWhenUsed())
        { Type = StyleValues.Character, StyleId = "DefaultParagraphFont", Default = true };
        var table = new Style(new StyleName { Val = "Normal Table" }, new UIPriority { Val = 99 }, new SemiHidden(), new UnhideWhenUsed(),
            new StyleTableProperties(new TableIndentation { Width = 0, Type = TableWidthUnitValues.Dxa },
                new TableCellMarginDefault(
                    new TopMargin { Width = "0", Type = TableWidthUnitValues.Dxa },
                    new TableCellLeftMargin { Width = 108, Type = TableWidthValues.Dxa },
                    new BottomMargin { Width = "0", Type = TableWidthUnitValues.Dxa },
                    new TableCellRightMargin { Width = 108, Type = TableWidthValues.Dxa })))
        { Type = StyleValues.Table, StyleId = "TableNormal", Default = true };
        var noList = new Style(new StyleName { Val = "No List" }, new UIPriority { Val = 99 }, new SemiHidden(), new UnhideWhenUsed())
        { Type = StyleValues.Numbering, StyleId = "NoList", Default = true };
        main.AddNewPart<StyleDefinitionsPart>().Styles = new Styles(defaults, normal, paragraphFont, table, noList);
    }

    public static void AddSettings(MainDocumentPart main) =>
        main.AddNewPart<DocumentSettingsPart>().Settings = new Settings(
            new Zoom { Percent = "100" },
            new DefaultTabStop { Val = 720 },
            new CharacterSpacingControl { Val = CharacterSpacingValues.DoNotCompress },
            new Compatibility(new CompatibilitySetting
            {
                Name = CompatSettingNameValues.CompatibilityMode, Uri = "http://schemas.microsoft.com/office/word", Val = "14",
            }),
            new ThemeFontLanguages { Val = "vi-VN" });

    /// <summary>An empty first-page header and a centred PAGE field for the others (Nghị định 30: the page number
    /// is at the top centre, from the second page).</summary>
    public static (string First, string Default) AddPageNumberHeaders(MainDocumentPart main)
    {
        var first = main.AddNewPart<HeaderPart>();
        first.Header = new Header(new Paragraph());
        var other = main.AddNewPart<HeaderPart>();
        var field = new SimpleField(Run("2", 13)) { Instruction = " PAGE " };
        other.Header = new Header(new Paragraph(ParaProps(JustificationValues.Center), field));
        return (main.GetIdOfPart(first), main.GetIdOfPart(other));
    }
}
