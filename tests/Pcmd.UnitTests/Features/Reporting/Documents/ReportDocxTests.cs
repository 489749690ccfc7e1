using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Pcmd.Web.Features.Reporting.Documents;

namespace Pcmd.UnitTests.Features.Reporting.Documents;

/// <summary>The .docx of a report: valid Open XML (so Word opens it without a repair prompt) and the layout of
/// Nghị định 30/2020/NĐ-CP.</summary>
public class ReportDocxTests
{
    static byte[] Write(ReportDocument doc)
    {
        using var ms = new MemoryStream();
        ReportDocx.Write(doc, ms);
        return ms.ToArray();
    }

    static WordprocessingDocument Open(byte[] bytes) => WordprocessingDocument.Open(new MemoryStream(bytes), false);

    static string TextOf(OpenXmlElement e) => string.Concat(e.Descendants<Text>().Select(t => t.Text));

    static Paragraph Find(OpenXmlElement root, string text) =>
        root.Descendants<Paragraph>().Single(p => TextOf(p) == text);

    static RunProperties RunOf(Paragraph p) => p.Descendants<Run>().Single().RunProperties!;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Is_valid_for_Office_2010(bool withAppendix)
    {
        // A control character pasted into a text must not make the file invalid.
        var doc = ReportSamples.Document(withAppendix: withAppendix) with { Subject = ReportSamples.Subject + "\u0001" };
        using var word = Open(Write(doc));
        var errors = new OpenXmlValidator(FileFormatVersions.Office2010).Validate(word)
            .Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        Assert.NotNull(word.MainDocumentPart!.StyleDefinitionsPart);
        Assert.NotNull(word.MainDocumentPart.DocumentSettingsPart);
    }

    [Fact]
    public void Pages_are_A4_portrait_with_the_decree_margins_then_landscape_for_the_appendix()
    {
        using var word = Open(Write(ReportSamples.Document()));
        var body = word.MainDocumentPart!.Document.Body!;
        var sections = body.Descendants<SectionProperties>().ToList();
        Assert.Equal(2, sections.Count);
        Assert.IsType<Body>(sections[1].Parent); // the last section's sectPr closes the body
        Assert.Same(body.LastChild, sections[1]);

        var portrait = sections[0].GetFirstChild<PageSize>()!;
        Assert.Equal((11906u, 16838u), (portrait.Width!.Value, portrait.Height!.Value));
        var landscape = sections[1].GetFirstChild<PageSize>()!;
        Assert.Equal((16838u, 11906u, PageOrientationValues.Landscape), (landscape.Width!.Value, landscape.Height!.Value, landscape.Orient!.Value));
        foreach (var s in sections)
        {
            var m = s.GetFirstChild<PageMargin>()!;
            Assert.Equal((1134, 1134, 1701u, 850u), (m.Top!.Value, m.Bottom!.Value, m.Left!.Value, m.Right!.Value));
        }
        // The appendix begins after the portrait section: its title follows the paragraph that carries the break.
        var breakPara = (Paragraph)sections[0].Parent!.Parent!;
        Assert.Equal("PHỤ LỤC", TextOf(breakPara.ElementsAfter().OfType<Paragraph>().First()));
        // Page numbers from the second page: a first-page header without one.
        Assert.NotNull(sections[0].GetFirstChild<TitlePage>());
        var numbered = sections[0].Elements<HeaderReference>().Single(h => h.Type!.Value == HeaderFooterValues.Default);
        var header = (HeaderPart)word.MainDocumentPart.GetPartById(numbered.Id!);
        Assert.Contains("PAGE", header.Header.Descendants<SimpleField>().Single().Instruction!.Value);
    }

    [Fact]
    public void Without_an_appendix_there_is_one_portrait_section()
    {
        using var word = Open(Write(ReportSamples.Document(withAppendix: false)));
        var body = word.MainDocumentPart!.Document.Body!;
        var section = Assert.Single(body.Descendants<SectionProperties>());
        Assert.Same(body.LastChild, section);
        Assert.Equal(11906u, section.GetFirstChild<PageSize>()!.Width!.Value);
        Assert.DoesNotContain(body.Descendants<Paragraph>(), p => TextOf(p) == "PHỤ LỤC");
    }

    [Fact]
    public void Every_run_is_Times_New_Roman_in_black()
    {
        using var word = Open(Write(ReportSamples.Document()));
        var main = word.MainDocumentPart!;
        var defaults = main.StyleDefinitionsPart!.Styles!.DocDefaults!.Descendants<RunFonts>().Single();
        Assert.Equal(["Times New Roman"], new[] { defaults.Ascii!.Value, defaults.HighAnsi!.Value, defaults.ComplexScript!.Value, defaults.EastAsia!.Value }.Distinct());
        var runs = main.Document.Descendants<Run>().Concat(main.HeaderParts.SelectMany(h => h.Header.Descendants<Run>())).ToList();
        Assert.True(runs.Count > 30);
        foreach (var run in runs)
        {
            var f = run.RunProperties!.RunFonts!;
            Assert.Equal(["Times New Roman"], new[] { f.Ascii!.Value, f.HighAnsi!.Value, f.ComplexScript!.Value, f.EastAsia!.Value }.Distinct());
            Assert.Equal("000000", run.RunProperties.Color!.Val!.Value);
        }
    }

    [Fact]
    public void The_header_block_has_the_issuer_the_national_title_number_and_date()
    {
        using var word = Open(Write(ReportSamples.Document()));
        var body = word.MainDocumentPart!.Document.Body!;
        var header = body.Elements<Table>().First();
        Assert.Equal(BorderValues.Nil, header.GetFirstChild<TableProperties>()!.TableBorders!.TopBorder!.Val!.Value);
        var cells = header.Elements<TableRow>().First().Elements<TableCell>().ToList();
        Assert.Equal(2, cells.Count);

        var superior = RunOf(Find(cells[0], "UBND THÀNH PHỐ HÀ NỘI"));
        Assert.Equal(("26", false), (superior.FontSize!.Val!.Value, superior.Bold is not null));
        var issuer = RunOf(Find(cells[0], "SỞ Y TẾ")); // upper-cased by the writer
        Assert.Equal(("26", true), (issuer.FontSize!.Val!.Value, issuer.Bold is not null));
        Assert.NotNull(cells[0].Descendants<ParagraphBorders>().Single().BottomBorder); // the short rule under the issuer

        var nation = RunOf(Find(cells[1], "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"));
        Assert.Equal(("26", true), (nation.FontSize!.Val!.Value, nation.Bold is not null));
        var motto = RunOf(Find(cells[1], "Độc lập - Tự do - Hạnh phúc"));
        Assert.Equal(("28", true, UnderlineValues.Single), (motto.FontSize!.Val!.Value, motto.Bold is not null, motto.Underline!.Val!.Value));

        Assert.NotNull(Find(header, "Số:       /BC-SYT"));
        var date = RunOf(Find(header, "Hà Nội, ngày 05 tháng 01 năm 2026"));
        Assert.Equal(("28", true), (date.FontSize!.Val!.Value, date.Italic is not null));

        var kind = Find(body, "BÁO CÁO");
        Assert.Equal(JustificationValues.Center, kind.ParagraphProperties!.Justification!.Val!.Value);
        Assert.Equal(("28", true), (RunOf(kind).FontSize!.Val!.Value, RunOf(kind).Bold is not null));
        Assert.Same(kind.NextSibling(), Find(body, ReportSamples.Subject));
    }

    [Fact]
    public void The_body_is_justified_size_14_with_indent_and_spacing_and_bold_headings()
    {
        using var word = Open(Write(ReportSamples.Document()));
        var body = word.MainDocumentPart!.Document.Body!;
        var para = Find(body, "Kiểm tra 1.620 cơ sở, xử phạt 14 cơ sở vi phạm.");
        var pp = para.ParagraphProperties!;
        Assert.Equal(JustificationValues.Both, pp.Justification!.Val!.Value);
        Assert.Equal("567", pp.Indentation!.FirstLine!.Value);
        Assert.True(int.Parse(pp.SpacingBetweenLines!.Line!.Value!) >= 276);
        Assert.True(int.Parse(pp.SpacingBetweenLines.After!.Value!) >= 120);
        Assert.Equal(("28", false), (RunOf(para).FontSize!.Val!.Value, RunOf(para).Bold is not null));

        var section = RunOf(Find(body, "I. KẾT QUẢ THỰC HIỆN"));
        Assert.Equal((true, false), (section.Bold is not null, section.Italic is not null));
        var task = RunOf(Find(body, "Nhiệm vụ 1.a: Tuyên truyền, giáo dục"));
        Assert.Equal((true, true), (task.Bold is not null, task.Italic is not null));
    }

    [Fact]
    public void The_closing_block_lists_recipients_ending_with_Luu_VT_and_the_signer()
    {
        using var word = Open(Write(ReportSamples.Document()));
        var closing = word.MainDocumentPart!.Document.Body!.Elements<Table>().ElementAt(1);
        var cells = closing.Descendants<TableCell>().ToList();
        var left = cells[0].Elements<Paragraph>().ToList();
        Assert.Equal(["Nơi nhận:", "- UBND Thành phố (để b/c);", "- Bộ Y tế;", "- Công an Thành phố;", "- Lưu: VT."], left.Select(TextOf));
        var title = RunOf(left[0]);
        Assert.Equal(("24", true, true), (title.FontSize!.Val!.Value, title.Bold is not null, title.Italic is not null));
        Assert.All(left.Skip(1), p => Assert.Equal("22", RunOf(p).FontSize!.Val!.Value));

        var right = cells[1].Elements<Paragraph>().Select(TextOf).Where(t => t != "").ToList();
        Assert.Equal(["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Nguyễn Văn An"], right);
        Assert.All(cells[1].Descendants<Run>(), r => Assert.NotNull(r.RunProperties!.Bold));
        Assert.True(cells[1].Elements<Paragraph>().Count(p => TextOf(p) == "") >= 3); // room to sign
    }

    [Fact]
    public void The_appendix_table_repeats_its_header_and_spans_group_headings()
    {
        using var word = Open(Write(ReportSamples.Document()));
        var table = word.MainDocumentPart!.Document.Body!.Elements<Table>().Last();
        Assert.Equal(BorderValues.Single, table.GetFirstChild<TableProperties>()!.TableBorders!.InsideHorizontalBorder!.Val!.Value);
        var rows = table.Elements<TableRow>().ToList();
        Assert.NotNull(rows[0].TableRowProperties!.GetFirstChild<TableHeader>());
        Assert.Equal(["STT", "Chỉ tiêu", "Chỉ tiêu kế hoạch", "Thực hiện", "Tỷ lệ so với kế hoạch", "Đánh giá", "Ghi chú"],
            rows[0].Elements<TableCell>().Select(TextOf));

        var group = rows[1].Elements<TableCell>().ToList();
        Assert.Equal(2, group.Count);
        Assert.Equal(6, group[1].TableCellProperties!.GridSpan!.Val!.Value);
        Assert.NotNull(RunOf(group[1].Elements<Paragraph>().Single()).Bold);

        Assert.Equal(["1", ReportSamples.IndicatorText, "1.500", "1.620", "108 %", "Vượt chỉ tiêu", ""], rows[2].Elements<TableCell>().Select(TextOf));
        Assert.Null(rows[2].Descendants<Run>().First().RunProperties!.Bold);
    }

    [Theory]
    [InlineData(2026, 1, 5, "ngày 05 tháng 01 năm 2026")]
    [InlineData(2026, 2, 28, "ngày 28 tháng 02 năm 2026")]
    [InlineData(2026, 6, 17, "ngày 17 tháng 6 năm 2026")]
    [InlineData(2026, 12, 1, "ngày 01 tháng 12 năm 2026")]
    [InlineData(2026, 10, 10, "ngày 10 tháng 10 năm 2026")]
    public void Dates_are_written_as_the_decree_writes_them(int y, int m, int d, string expected) =>
        Assert.Equal(expected, ReportDocx.DateText(new DateOnly(y, m, d)));
}
