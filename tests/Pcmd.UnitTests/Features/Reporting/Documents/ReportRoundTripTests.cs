using System.Text.RegularExpressions;
using Pcmd.Web.Features.Reporting.Documents;

namespace Pcmd.UnitTests.Features.Reporting.Documents;

/// <summary>The documents as a reader sees them: LibreOffice opens and prints them (to PDF), and the printed text holds
/// the national title, the subject, the indicator rows and their vi-VN figures. The files are kept in the temporary
/// folder named in a failure, to be opened by hand.</summary>
public sealed class ReportRoundTripTests : IDisposable
{
    readonly string _dir = Directory.CreateTempSubdirectory("pcmd-report-").FullName;
    bool _passed;

    public void Dispose()
    {
        if (_passed) Directory.Delete(_dir, recursive: true);
    }

    /// <summary>pdftotext -layout spreads columns and justified lines with runs of spaces and breaks long cells; one space
    /// per gap keeps the checks about words, not layout.</summary>
    static string Words(string text) => Regex.Replace(text, @"\s+", " ");

    void AssertContains(string expected, string text) =>
        Assert.True(text.Contains(expected, StringComparison.Ordinal), $"'{expected}' is not in the text (files in {_dir}):\n{text}");

    [Fact]
    public void LibreOffice_prints_the_report_with_its_header_subject_and_appendix()
    {
        var file = Path.Combine(_dir, "bao-cao.docx");
        using (var s = File.Create(file)) ReportDocx.Write(ReportSamples.Document(ReportSamples.Appendix(repeat: 20)), s);
        var pdf = Assert.Single(LibreOffice.Convert(file, "pdf", _dir));
        var raw = LibreOffice.PdfText(pdf);
        var text = Words(raw);

        AssertContains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", text);
        AssertContains("Độc lập - Tự do - Hạnh phúc", text);
        AssertContains("Hà Nội, ngày 05 tháng 01 năm 2026", text);
        AssertContains("BÁO CÁO", text);
        AssertContains(ReportSamples.Subject, text);
        AssertContains("- Lưu: VT.", text);
        AssertContains("Nguyễn Văn An", text);
        AssertContains("Thực hiện Đánh giá Ghi chú", text); // the narrower header cells wrap, these do not
        AssertContains(ReportSamples.IndicatorText, text);
        AssertContains("1.500 1.620 108 %", text);

        // The 41-row appendix runs over two landscape pages, and the header row is printed again on the second.
        var pages = raw.Split('\f').Where(p => p.Trim().Length > 0).ToList();
        var appendixPages = pages.Where(p => p.Contains(ReportSamples.IndicatorText)).ToList();
        Assert.True(appendixPages.Count >= 2, $"the appendix fits on {appendixPages.Count} page(s) (files in {_dir})");
        Assert.All(appendixPages, p => AssertContains("STT", p));
        _passed = true;
    }

    [Fact]
    public void LibreOffice_shows_the_workbook_figures_in_vi_VN_and_the_dates_of_the_second_sheet()
    {
        var file = Path.Combine(_dir, "chi-tieu.xlsx");
        using (var s = File.Create(file)) ReportXlsx.Write(ReportSamples.Workbook(), s);

        // Only the first sheet is printed to PDF.
        var text = Words(LibreOffice.PdfText(Assert.Single(LibreOffice.Convert(file, "pdf", _dir))));
        AssertContains("Kết quả thực hiện chỉ tiêu phòng, chống mại dâm", text);
        AssertContains("Phường Phú Lương", text);
        AssertContains(ReportSamples.IndicatorText, text);
        AssertContains("1.200 420 1.620", text); // numbers grouped the Vietnamese way whatever LibreOffice's locale
        AssertContains("92,5", text);

        // The second sheet as CSV (UTF-8, cells as shown), selected by the 12th token of the filter options.
        var csv = Assert.Single(LibreOffice.Convert(file, "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,2", _dir));
        var lines = File.ReadAllLines(csv);
        AssertContains("STT,Đơn vị,Tình trạng,Hạn nộp,Ngày nộp,Số ngày chậm", lines[0]);
        AssertContains("1,Phường Phú Lương,Đã chấp nhận,20/06/2026,18/06/2026,0", lines[1]);
        AssertContains("2,Phường Hà Đông,Đã nộp,20/06/2026,25/06/2026,5", lines[2]);
        AssertContains("3,Phường Kiến Hưng,Chưa nộp,20/06/2026,,", lines[3]);
        _passed = true;
    }
}
