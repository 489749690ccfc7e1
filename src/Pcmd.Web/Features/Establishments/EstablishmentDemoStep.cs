using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Demo;
using Pcmd.Web.Features.OrgUnits;
using Pcmd.Web.Security;

namespace Pcmd.Web.Features.Establishments;

/// <summary>Demo: a few dozen at-risk establishments in Phường Phú Lương (09568, which took in Phú Lãm), Phường Hà
/// Đông (09556) and five central wards, recorded through the service and its rules. Names, owners, phones and licence
/// numbers are invented; streets are real streets of those wards.</summary>
public sealed class EstablishmentDemoStep(PcmdDbContext db, OrgUnitTree tree, EstablishmentService service, ILogger<EstablishmentDemoStep> log) : IDemoStep
{
    public int Order => 100;

    // commune | type | name | address | lat,lng | owner | phone | licence | licence date | workers | risk L/M/H | status U/N/C | managed from | to | commitment date
    static readonly string[] Rows =
    [
        "09568|KARAOKE|Karaoke Hoàng Gia|Số 18 Quốc lộ 21B, tổ dân phố số 2|20.9489,105.7672|Nguyễn Văn Thành|0912345601|01H8000101|2019-04-12|12|H|U|2020-03-01||2024-03-15",
        "09568|NHA-NGHI|Nhà nghỉ Phú Lương|Số 7 phố Phú Lương, tổ dân phố số 1|20.9521,105.7705|Trần Thị Hạnh|0912345602|01H8000102|2017-09-05|4|M|U|2019-06-01||2024-03-15",
        "09568|MASSAGE|Massage Thanh Xuân Spa|Số 45 đường Phúc Lâm|20.9455,105.7640|Lê Văn Khải|0912345603|01H8000103|2021-02-20|8|H|U|2021-05-10||2024-04-02",
        "09568|NHA-NGHI|Nhà nghỉ Sông Nhuệ|Số 112 Quốc lộ 21B|20.9437,105.7618|Phạm Thị Lụa|0912345604|01H8000104|2016-11-30|3|M|U|2018-01-15||2024-04-02",
        "09568|GOI-DAU|Gội đầu thư giãn Minh Anh|Số 3 ngõ 15 phố Phú Lãm|20.9502,105.7689|Đỗ Thị Minh Anh|0912345605|01H8000105|2022-07-01|3|M|U|2022-09-01||2024-05-20",
        "09568|KARAOKE|Karaoke Ánh Sao|Số 66 đường Tố Hữu (đoạn Phú Lương)|20.9568,105.7731|Hoàng Văn Bình|0912345606|01H8000106|2018-05-22|9|M|U|2019-01-10||2024-05-20",
        "09568|KHACH-SAN|Khách sạn Phú Lãm Garden|Số 2 đường Phú Lãm|20.9530,105.7660|Vũ Thị Thu|0912345607|01H8000107|2015-03-18|15|L|U|2017-07-01||2023-12-12",
        "09568|TAM-QUAT|Tẩm quất người mù Thiện Tâm|Số 21 phố Văn Phú|20.9584,105.7668|Nguyễn Văn Tâm|0912345608|01H8000108|2020-10-10|6|L|U|2021-01-01||2024-06-18",
        "09568|CA-PHE-DEN-MO|Cà phê Góc Phố|Số 9 ngõ 4 Quốc lộ 21B|20.9470,105.7655|Bùi Văn Hưng|0912345609|01H8000109|2023-01-16|4|H|U|2023-03-01||",
        "09568|NHA-TRO|Nhà trọ Hưng Phát|Ngõ 32 phố Phú Lương|20.9512,105.7717|Đặng Thị Hoa|0912345610|01H8000110|2019-08-08|2|L|N|||",
        "09568|SPA|Spa Hương Sen|Số 14 khu đô thị Văn Phú|20.9603,105.7645|Lý Thị Sen|0912345611|01H8000111|2024-02-27|7|M|U|2024-04-01||2024-06-18",
        "09568|KARAOKE|Karaoke Hoa Mai|Số 81 Quốc lộ 21B|20.9451,105.7629|Trịnh Văn Lực|0912345612|01H8000112|2014-06-02|5|M|C|2016-02-01|2024-12-31|2022-03-10",
        "09556|KHACH-SAN|Khách sạn Hà Đông Center|Số 88 phố Quang Trung|20.9712,105.7788|Nguyễn Thị Lan|0912345621|01H8000201|2012-08-14|28|L|U|2016-01-01||2024-02-26",
        "09556|KARAOKE|Karaoke Nice|Số 150 phố Trần Phú|20.9788,105.7876|Trần Văn Dũng|0912345622|01H8000202|2018-12-01|14|H|U|2019-03-01||2024-02-26",
        "09556|VU-TRUONG|Vũ trường Galaxy|Số 5 phố Tô Hiệu|20.9697,105.7762|Lê Minh Quân|0912345623|01H8000203|2017-04-20|22|H|U|2017-10-01||2023-11-30",
        "09556|MASSAGE|Massage Thái Lan Hà Đông|Số 36 phố Lê Lợi|20.9680,105.7748|Phạm Văn Toàn|0912345624|01H8000204|2020-06-30|10|H|U|2020-09-15||2024-07-05",
        "09556|NHA-NGHI|Nhà nghỉ Bình Minh|Số 12 ngõ 2 phố Bà Triệu|20.9705,105.7734|Hoàng Thị Yến|0912345625|01H8000205|2016-02-11|3|M|U|2018-05-01||2024-07-05",
        "09556|QUAN-BAR|Bar Skyline|Tầng 9, số 102 phố Trần Phú|20.9795,105.7889|Đinh Văn Nam|0912345626|01H8000206|2022-10-05|11|M|U|2023-01-01||",
        "09556|TAM-HOI|Xông hơi Thảo Mộc|Số 27 phố Nguyễn Viết Xuân|20.9666,105.7800|Ngô Thị Thảo|0912345627|01H8000207|2019-11-19|5|M|U|2020-02-01||2024-08-12",
        "09556|BIEU-DIEN-BAR|Cà phê nhạc sống Phố Cổ Hà Đông|Số 4 phố Cầu Đơ|20.9723,105.7771|Vũ Văn Hải|0912345628|01H8000208|2021-03-09|6|L|U|2021-06-01||2024-08-12",
        "09556|CAN-HO-CHO-THUE|Căn hộ dịch vụ Mường Thanh Hà Đông|Tòa CT1, phố Quang Trung|20.9740,105.7810|Lê Thị Hằng|0912345629|01H8000209|2023-05-15|4|L|N|||",
        "09556|GOI-DAU|Gội đầu dưỡng sinh Thu Trang|Số 61 phố Ngô Thì Nhậm|20.9650,105.7821|Trần Thu Trang|0912345630|01H8000210|2020-01-06|2|M|C|2020-03-01|2025-06-30|2022-09-14",
        "00070|KHACH-SAN|Khách sạn Phố Cổ Hàng Bạc|Số 31 phố Hàng Bạc|21.0342,105.8523|Nguyễn Hữu Phúc|0912345641|01H8000301|2011-05-09|18|L|U|2015-01-01||2023-10-20",
        "00070|QUAN-BAR|Bar Tạ Hiện Corner|Số 12 phố Tạ Hiện|21.0355,105.8520|Đỗ Quang Huy|0912345642|01H8000302|2019-07-25|9|H|U|2019-10-01||2024-01-09",
        "00070|MASSAGE|Massage Hồ Gươm|Số 8 phố Hàng Bè|21.0330,105.8540|Phan Thị Ngọc|0912345643|01H8000303|2021-09-13|12|M|U|2021-12-01||2024-01-09",
        "00235|KARAOKE|Karaoke Khâm Thiên|Số 210 phố Khâm Thiên|21.0190,105.8330|Lương Văn Tiến|0912345651|01H8000401|2016-10-17|13|H|U|2017-02-01||2023-09-05",
        "00235|NHA-NGHI|Nhà nghỉ Tôn Đức Thắng|Số 77 phố Tôn Đức Thắng|21.0218,105.8352|Mai Thị Hòa|0912345652|01H8000402|2013-03-03|3|M|U|2016-06-01||2023-09-05",
        "00235|SPA|Spa Ngọc Trai|Số 15 phố Hoàng Cầu|21.0167,105.8236|Tạ Thị Ngọc|0912345653|01H8000403|2023-08-21|6|L|U|2023-10-01||",
        "00166|KARAOKE|Karaoke Dịch Vọng|Số 40 phố Trần Thái Tông|21.0350,105.7900|Đào Văn Sơn|0912345661|01H8000501|2018-02-28|10|M|U|2018-06-01||2024-02-14",
        "00166|VAT-LY-TRI-LIEU|Vật lý trị liệu Cầu Giấy|Số 6 phố Dịch Vọng Hậu|21.0301,105.7845|Cao Thị Mai|0912345662|01H8000502|2020-12-12|5|L|U|2021-02-01||2024-02-14",
        "00166|NHA-NGHI|Nhà nghỉ Trung Kính|Số 19 phố Trung Kính|21.0190,105.7975|Kiều Văn Lâm|0912345663|01H8000503|2015-07-07|3|M|U|2016-09-01||",
        "00103|QUAN-BAR|Bar Xuân Diệu|Số 25 đường Xuân Diệu|21.0640,105.8290|Nguyễn Thế Anh|0912345671|01H8000601|2019-05-05|15|H|U|2019-08-01||2023-12-01",
        "00103|KHACH-SAN|Khách sạn Hồ Tây View|Số 3 phố Quảng An|21.0660,105.8260|Trần Thị Quyên|0912345672|01H8000602|2014-09-18|24|L|U|2016-01-01||2023-12-01",
        "00103|TAM-NONG-LANH|Tắm nóng lạnh Nghi Tàm|Số 50 phố Nghi Tàm|21.0590,105.8360|Phùng Văn Mạnh|0912345673|01H8000603|2017-01-23|4|M|N|||",
        "00367|MASSAGE|Massage Nguyễn Tuân|Số 68 phố Nguyễn Tuân|20.9990,105.8040|Lại Thị Thanh|0912345681|01H8000701|2020-04-04|9|H|U|2020-07-01||2024-03-28",
        "00367|KARAOKE|Karaoke Khuất Duy Tiến|Số 132 phố Khuất Duy Tiến|20.9960,105.7990|Dương Văn Kiên|0912345682|01H8000702|2018-08-30|11|M|U|2018-12-01||2024-03-28",
        "00367|CA-PHE-DEN-MO|Cà phê Mộc Thanh Xuân|Ngõ 102 phố Vũ Trọng Phụng|21.0000,105.8090|Hà Văn Chung|0912345683|01H8000703|2022-11-11|3|H|U|2023-02-01||",
    ];

    public async Task Load(CancellationToken ct)
    {
        if (await db.Establishments.AnyAsync(ct)) return;
        var today = new DateOnly(2026, 1, 1);
        var types = await db.EstablishmentTypes.AsNoTracking().ToDictionaryAsync(t => t.Code, t => t.Id, ct);
        var added = 0;
        foreach (var line in Rows)
        {
            var f = line.Split('|');
            var unit = await tree.Resolve(f[0], today);
            if (unit is null || !types.TryGetValue(f[1], out var typeId)) { log.LogWarning("Demo establishment skipped: {Line}", line); continue; }
            var ll = f[4].Split(',');
            static DateOnly? D(string s) => s.Length == 0 ? null : DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            await service.Create(UserScope.System, new EstablishmentInput(
                f[2], f[3], typeId, unit.Id, double.Parse(ll[0], CultureInfo.InvariantCulture), double.Parse(ll[1], CultureInfo.InvariantCulture),
                f[5], f[6], f[7], D(f[8]), int.Parse(f[9], CultureInfo.InvariantCulture),
                f[10] switch { "H" => RiskClass.High, "M" => RiskClass.Medium, _ => RiskClass.Low },
                f[11] switch { "N" => ManagementStatus.NotUnderManagement, "C" => ManagementStatus.Closed, _ => ManagementStatus.UnderManagement },
                D(f[12]), D(f[13]), f[14].Length > 0, D(f[14])), ct);
            added++;
        }
        log.LogInformation("Demo establishments: {Count}", added);
    }
}
