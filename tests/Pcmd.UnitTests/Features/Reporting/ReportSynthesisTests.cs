using Pcmd.Web.Features.Reporting;

namespace Pcmd.UnitTests.Features.Reporting;

/// <summary>Issue 15 item 5: the consolidated draft reads like one text — each point once with the units that reported it,
/// each unit once per point — and titles are never cut inside a word.</summary>
public class ReportSynthesisTests
{
    [Fact]
    public void Duplicates_are_merged_and_each_unit_is_named_once_per_point()
    {
        var draft = ReportSynthesis.Draft([
            ("Phường Hà Đông", "Đã tổ chức 3 buổi tuyên truyền. Kiểm tra 12 cơ sở."),
            ("Phường Phú Lương", "- đã tổ chức 3 buổi  tuyên truyền.\n- Kiểm tra 12 cơ sở\n- Đã tổ chức 3 buổi tuyên truyền"),
            ("Phường Kiến Hưng", "Phạt 1.500.000 đồng một cơ sở karaoke; v.v. theo kế hoạch."),
        ]);
        Assert.Equal(
            "- Đã tổ chức 3 buổi tuyên truyền (Phường Hà Đông, Phường Phú Lương).\n"
            + "- Kiểm tra 12 cơ sở (Phường Hà Đông, Phường Phú Lương).\n"
            + "- Phạt 1.500.000 đồng một cơ sở karaoke; v.v. theo kế hoạch (Phường Kiến Hưng).", draft);
    }

    [Fact]
    public void Nothing_written_drafts_nothing()
    {
        Assert.Null(ReportSynthesis.Draft([]));
        Assert.Null(ReportSynthesis.Draft([("Phường Hà Đông", " \n - \n")]));
    }

    [Theory]
    [InlineData("Tăng cường kiểm tra cơ sở kinh doanh dịch vụ", 30, "Tăng cường kiểm tra cơ sở…")]
    [InlineData("Ngắn", 30, "Ngắn")]
    [InlineData("Mộtchữrấtdàikhôngcókhoảngtrắngnàocả", 10, "Mộtchữrất…")]
    public void Titles_are_cut_at_a_word_end(string title, int max, string expected)
    {
        var cut = ReportSynthesis.Shortened(title, max);
        Assert.Equal(expected, cut);
        Assert.True(cut.Length <= max);
    }
}
