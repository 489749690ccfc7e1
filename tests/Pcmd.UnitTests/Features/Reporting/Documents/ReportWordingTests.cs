using Pcmd.Web.Features.Reporting;
using Pcmd.Web.Features.Reporting.Documents;

namespace Pcmd.UnitTests.Features.Reporting.Documents;

/// <summary>The wording of a report from its model alone (no database): the header and signer of the agency's kind,
/// where the report goes, the indicators in section II and in the appendix.</summary>
public class ReportWordingTests
{
    static ReportDocumentModel Ward(bool consolidated = false, string? reportTo = "UBND thành phố Hà Nội") => new(
        new DocumentIssuer("UBND phường Phú Lương", null, "UBND", IsPeoplesCommittee: true, "Phường Phú Lương", "Hà Nội"),
        new DocumentPlan("Kế hoạch phòng, chống mại dâm năm 2026", "45/KH-UBND"),
        new DocumentPeriod("Báo cáo 6 tháng đầu năm 2026", new DateOnly(2026, 1, 1), new DateOnly(2026, 6, 15)),
        consolidated, new DateOnly(2026, 6, 17),
        [new DocumentTask("1.a", "Tuyên truyền", TaskProgress.Done, "Đã tổ chức 3 buổi.\n\nPhát 200 tờ rơi.", [("Phường Hà Đông", "Đã tổ chức 1 buổi.")])],
        [
            new DocumentIndicator("I", "Chỉ tiêu về tụ điểm", true, "", "", "", "", null),
            new DocumentIndicator("I.1", "Số tụ điểm mới phát sinh", false, "10 điểm", "2", "20 %", "Đạt", null),
        ],
        [new DocumentQuestion("Số lớp tập huấn?", null)],
        null, "Tăng kinh phí.", reportTo, new DocumentSigner("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", null));

    [Fact]
    public void A_committee_reports_without_a_superior_body_and_signs_for_the_committee()
    {
        var doc = ReportWording.Document(Ward());
        Assert.Null(doc.SuperiorBody);
        Assert.Equal("ỦY BAN NHÂN DÂN PHƯỜNG PHÚ LƯƠNG", doc.IssuingBody);
        Assert.Equal("Số:        /BC-UBND", doc.NumberSymbol);
        Assert.Equal("Kết quả thực hiện Kế hoạch phòng, chống mại dâm năm 2026 — 6 tháng đầu năm 2026", doc.Subject);
        Assert.Equal(["UBND thành phố Hà Nội", "Lãnh đạo UBND phường Phú Lương"], doc.Recipients);
        Assert.Equal(("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"), (doc.SigningAuthority, doc.SignerTitle));
        Assert.StartsWith("Thực hiện Kế hoạch số 45/KH-UBND kế hoạch phòng, chống mại dâm năm 2026, UBND phường Phú Lương báo cáo", doc.Sections[0].Paragraphs[0]);
    }

    [Fact]
    public void Section_two_lists_the_figures_and_the_appendix_keeps_the_plans_headings()
    {
        var doc = ReportWording.Document(Ward());
        var figures = doc.Sections.Single(s => s.Heading.StartsWith("II.", StringComparison.Ordinal)).Paragraphs;
        Assert.Equal(["Kết quả thực hiện 1 chỉ tiêu chi tiết tại Phụ lục kèm theo Báo cáo này.",
            "- Chỉ tiêu I.1: 2 (kế hoạch: 10 điểm; đạt 20 %)."], figures);
        Assert.Equal([("I", true), ("I.1", false)], doc.Appendix!.Rows.Select(r => (r.Number, r.IsHeading)));
        var task = Assert.Single(doc.Sections[1].Subsections!);
        Assert.Equal(["Tình hình thực hiện: " + ReportLabels.Progress(TaskProgress.Done) + ".", "Đã tổ chức 3 buổi.", "Phát 200 tờ rơi.",
            "- Phường Hà Đông: Đã tổ chức 1 buổi."], task.Paragraphs);
        // A question not answered and no difficulty read "Không."; the numbering moves past section III.
        Assert.Equal(["Không."], doc.Sections.Single(s => s.Heading == "IV. KHÓ KHĂN, VƯỚNG MẮC").Paragraphs);
        Assert.Equal(["Tăng kinh phí."], doc.Sections.Single(s => s.Heading.EndsWith(". ĐỀ XUẤT, KIẾN NGHỊ", StringComparison.Ordinal)).Paragraphs);
    }

    [Fact]
    public void The_consolidated_report_also_goes_to_the_member_agencies()
    {
        Assert.Equal(["Các cơ quan, đơn vị thành viên", "Lãnh đạo UBND phường Phú Lương"],
            ReportWording.Document(Ward(consolidated: true, reportTo: null)).Recipients);
    }
}
