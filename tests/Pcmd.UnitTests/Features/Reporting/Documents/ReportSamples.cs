using Pcmd.Web.Features.Reporting.Documents;

namespace Pcmd.UnitTests.Features.Reporting.Documents;

/// <summary>A ward's six-month report and a city workbook, worded as the reporting service will word them.</summary>
static class ReportSamples
{
    public const string Subject = "Kết quả thực hiện công tác phòng, chống mại dâm 6 tháng đầu năm 2026";
    public const string IndicatorText = "Số cơ sở kinh doanh dịch vụ được kiểm tra";

    public static ReportDocument Document(IndicatorAppendix? appendix = null, bool withAppendix = true) => new(
        SuperiorBody: "UBND THÀNH PHỐ HÀ NỘI",
        IssuingBody: "Sở Y tế",
        NumberSymbol: "Số:       /BC-SYT",
        Place: "Hà Nội",
        Date: new DateOnly(2026, 1, 5),
        Kind: "BÁO CÁO",
        Subject: Subject,
        Sections:
        [
            new("I. KẾT QUẢ THỰC HIỆN",
                ["Thực hiện Kế hoạch số 123/KH-UBND ngày 15 tháng 02 năm 2026 của UBND Thành phố, Sở Y tế báo cáo kết quả như sau:"],
                [
                    new("Nhiệm vụ 1.a: Tuyên truyền, giáo dục",
                        ["Tổ chức 12 buổi tuyên truyền cho 1.500 lượt người tham dự.", "Phát hành 2.000 tờ rơi tại các cơ sở kinh doanh dịch vụ."]),
                    new("Nhiệm vụ 1.b: Kiểm tra cơ sở kinh doanh", ["Kiểm tra 1.620 cơ sở, xử phạt 14 cơ sở vi phạm."]),
                ]),
            new("II. PHƯƠNG HƯỚNG, NHIỆM VỤ 6 THÁNG CUỐI NĂM", ["Tiếp tục triển khai các nhiệm vụ của Kế hoạch."]),
        ],
        Recipients: ["UBND Thành phố (để b/c)", "- Bộ Y tế;", "Công an Thành phố"],
        SigningAuthority: "KT. GIÁM ĐỐC",
        SignerTitle: "PHÓ GIÁM ĐỐC",
        SignerName: "Nguyễn Văn An",
        Appendix: withAppendix ? appendix ?? Appendix() : null);

    public static IndicatorAppendix Appendix(int repeat = 1) => new("PHỤ LỤC",
        "Kết quả thực hiện các chỉ tiêu 6 tháng đầu năm 2026 (kèm theo Báo cáo số      /BC-SYT)",
        [
            new("I", "Chỉ tiêu về kiểm tra, xử lý", true, "", "", "", "", null),
            .. Enumerable.Range(0, repeat).SelectMany(i => new AppendixRow[]
            {
                new("1", IndicatorText, false, "1.500", "1.620", "108 %", "Vượt chỉ tiêu", null),
                new("2", "Tỷ lệ xã, phường không phát sinh tụ điểm", false, "95 %", "92,5 %", "97,4 %", "Có nguy cơ không đạt", "Theo tiến độ"),
            }),
        ]);

    public static ReportWorkbook Workbook() => new(
        "Kết quả thực hiện chỉ tiêu phòng, chống mại dâm", "6 tháng đầu năm 2026",
        ["Phường Phú Lương", "Phường Hà Đông"],
        [
            new("1", IndicatorText, "cơ sở", "1.500", [1200m, 420m], 1620m),
            new("2", "Tỷ lệ xã, phường không phát sinh tụ điểm", "%", "95 %", [92.5m, null], 92.5m),
        ],
        [
            new("Phường Phú Lương", "Đã chấp nhận", new DateOnly(2026, 6, 20), new DateTimeOffset(2026, 6, 18, 9, 30, 0, TimeSpan.Zero), 0),
            // 23:30 UTC on 24/6 is 06:30 on 25/6 in Việt Nam.
            new("Phường Hà Đông", "Đã nộp", new DateOnly(2026, 6, 20), new DateTimeOffset(2026, 6, 24, 23, 30, 0, TimeSpan.Zero), 5),
            new("Phường Kiến Hưng", "Chưa nộp", new DateOnly(2026, 6, 20), null, null),
        ]);
}
