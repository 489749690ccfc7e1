using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Demo;
using Pcmd.Web.Features.OrgUnits;
using Pcmd.Web.Security;

namespace Pcmd.Web.Features.ServiceDirectory;

/// <summary>A small directory for the demo city: a national hotline, city-wide centres and a few places in the demo
/// wards. Only the hotline number 111 (Tổng đài quốc gia bảo vệ trẻ em, which also takes trafficking calls) is real;
/// the other names, addresses and numbers are illustrations. Saved through the directory's own rules.</summary>
public sealed class ServiceDirectoryDemoStep(PcmdDbContext db, SupportServiceDirectory directory, OrgUnitTree tree,
    ILogger<ServiceDirectoryDemoStep> log) : IDemoStep
{
    public int Order => 50;

    static readonly (string Unit, string Name, SupportServiceKind Kind, string Address, string? Hours, string? Phone, string? Description)[] Services =
    [
        (DemoFacts.Province, "Tổng đài quốc gia bảo vệ trẻ em 111", SupportServiceKind.Hotline, "Gọi miễn phí từ mọi mạng điện thoại", "24/7", "111",
            "Tiếp nhận tin báo về xâm hại, mua bán người và kết nối hỗ trợ khẩn cấp."),
        (DemoFacts.Province, "Trung tâm Công tác xã hội Thành phố (minh họa)", SupportServiceKind.SocialWork, "Số 1 phố Minh Họa, phường Hà Đông",
            "Thứ Hai – Thứ Sáu, 7:30–17:00", "024 3000 0001", "Quản lý trường hợp, tư vấn, chuyển gửi dịch vụ; tạm lánh khi cần."),
        (DemoFacts.Province, "Trung tâm Trợ giúp pháp lý nhà nước Thành phố (minh họa)", SupportServiceKind.LegalAid, "Số 2 phố Minh Họa, phường Hà Đông",
            "Thứ Hai – Thứ Sáu, 8:00–17:00", "024 3000 0002", "Trợ giúp pháp lý miễn phí cho người thuộc diện được trợ giúp."),
        (DemoFacts.Province, "Phòng khám ngoại trú điều trị HIV/ARV và Methadone (minh họa)", SupportServiceKind.Health, "Số 3 phố Minh Họa, phường Hà Đông",
            "Hằng ngày, 7:00–19:00", "024 3000 0003", "Xét nghiệm, điều trị STI, HIV/ARV; điều trị nghiện bằng Methadone. Giữ bí mật thông tin."),
        ("09556", "Trung tâm Dịch vụ việc làm – điểm giao dịch Hà Đông (minh họa)", SupportServiceKind.Employment, "Số 10 đường Ví Dụ, phường Hà Đông",
            "Thứ Hai – Thứ Bảy, 8:00–16:30", "024 3000 0010", null),
        ("09556", "Cơ sở dạy nghề Hà Đông (minh họa)", SupportServiceKind.VocationalTraining, "Số 12 đường Ví Dụ, phường Hà Đông",
            "Thứ Hai – Thứ Sáu", "024 3000 0012", "Các khóa may, nấu ăn, làm đẹp ngắn hạn; miễn học phí cho người thuộc diện hỗ trợ."),
        ("09568", "Trạm Y tế phường Phú Lương (minh họa)", SupportServiceKind.Health, "Tổ dân phố 5, phường Phú Lương",
            "Hằng ngày, 7:00–17:00", "024 3000 0020", "Tư vấn sức khỏe sinh sản, phát bao cao su, giới thiệu xét nghiệm HIV."),
        ("09568", "Phòng giao dịch Ngân hàng Chính sách xã hội – điểm phường Phú Lương (minh họa)", SupportServiceKind.Loans,
            "Nhà văn hóa tổ dân phố 3, phường Phú Lương", "Ngày 15 hằng tháng", "024 3000 0021", "Vay vốn tạo việc làm theo chương trình của NHCSXH."),
        ("09568", "Điểm tư vấn tâm lý cộng đồng Phú Lương (minh họa)", SupportServiceKind.Psychological, "Nhà văn hóa tổ dân phố 7, phường Phú Lương",
            "Tối thứ Tư, 18:00–20:00", null, "Nhóm tự lực và tư vấn tâm lý miễn phí."),
    ];

    public async Task Load(CancellationToken ct)
    {
        if (await db.SupportServices.AnyAsync(ct)) return;
        foreach (var s in Services)
        {
            var unit = await tree.Resolve(s.Unit, DemoFacts.Today);
            if (unit is null) { log.LogWarning("Demo unit {Code} missing: service {Name} skipped", s.Unit, s.Name); continue; }
            await directory.Create(UserScope.System, new SupportServiceInput(s.Name, s.Kind, unit.Id, s.Address, s.Hours, s.Phone, s.Description, true, 0), ct);
        }
    }
}
