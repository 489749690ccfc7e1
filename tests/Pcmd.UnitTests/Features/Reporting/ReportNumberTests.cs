using Pcmd.Web.Features.Reporting.Pages;

namespace Pcmd.UnitTests.Features.Reporting;

/// <summary>Figures typed in the report form the Vietnamese way (the same rules are in wwwroot/js/report-form.js).</summary>
public class ReportNumberTests
{
    [Theory]
    [InlineData("1.500", 1500)]
    [InlineData("1.234.567", 1234567)]
    [InlineData("12,5", 12.5)]
    [InlineData("1.500,75", 1500.75)]
    [InlineData("12.5", 12.5)] // an English keyboard's decimal point: "5" cannot be a group of thousands
    [InlineData(" 2 460 ", 2460)]
    [InlineData("-3", -3)] // read; the report rules refuse it with their own message
    public void Reads_numbers_as_vi_VN_writes_them(string text, double expected)
    {
        Assert.True(ReportPageText.TryParseNumber(text, out var v));
        Assert.Equal((decimal)expected, v);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void An_empty_box_is_no_figure(string? text)
    {
        Assert.True(ReportPageText.TryParseNumber(text, out var v));
        Assert.Null(v);
    }

    [Theory]
    [InlineData("mười")]
    [InlineData("1,2,3")]
    [InlineData("1.2.3")]
    [InlineData("12%")]
    public void Anything_else_is_refused(string text) => Assert.False(ReportPageText.TryParseNumber(text, out _));

    [Theory]
    [InlineData(1500, "1.500")]
    [InlineData(12.5, "12,5")]
    public void Writes_back_what_it_reads(double value, string text)
    {
        Assert.Equal(text, ReportPageText.Input((decimal)value));
        Assert.True(ReportPageText.TryParseNumber(text, out var back));
        Assert.Equal((decimal)value, back);
    }
}
