using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Demo;
using Pcmd.Web.Features.OrgUnits;

namespace Pcmd.Web.Features.Commendations;

/// <summary>The demo's commendations for 2024 (the city's review of its yearly plan), 2025 and 2026: collectives and individuals at
/// city and ward level. The names of people are invented. Seeded, written through the context (names are encrypted).</summary>
public sealed class CommendationsDemoStep(PcmdDbContext db, OrgUnitTree tree) : IDemoStep
{
    public int Order => 355;

    public async Task Load(CancellationToken ct)
    {
        if (await db.Commendations.AnyAsync(ct)) return;
        var city = (await tree.Resolve(DemoFacts.Province, DemoFacts.Today))?.Id;
        var phuLam = (await tree.Resolve("09568", new DateOnly(2024, 12, 1)))?.Id;
        var phuLuong = (await tree.Resolve("09568", DemoFacts.Today))?.Id;
        if (city is null || phuLam is null || phuLuong is null) return;
        var plan2024 = await db.Plans.Where(p => p.Key == "hn-2024").Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
        var plan2026 = await db.Plans.Where(p => p.Key == "hn-2026-2030").Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
        Commendation C(int unit, Recipient r, string name, string? workplace, CommendationLevel level, CommendationForm form, string number, DateOnly date,
            int year, int? plan, string achievement) => new()
        {
            OrgUnitId = unit, Recipient = r, Name = name, Workplace = workplace, Level = level, Form = form, DecisionNumber = number, DecisionDate = date,
            Year = year, PlanId = plan, Achievement = achievement,
        };
        db.Commendations.AddRange(
            C(city.Value, Recipient.Collective, "Phòng Cảnh sát hình sự, Công an Thành phố", "Công an Thành phố Hà Nội", CommendationLevel.Province,
                CommendationForm.CertificateOfMerit, "512/QĐ-UBND", new DateOnly(2025, 1, 20), 2024, plan2024,
                "Thành tích xuất sắc trong đấu tranh, triệt phá các đường dây, ổ nhóm mại dâm năm 2024"),
            C(city.Value, Recipient.Collective, "Đội kiểm tra liên ngành 178 Thành phố", "Sở Lao động - Thương binh và Xã hội", CommendationLevel.Province,
                CommendationForm.CertificateOfMerit, "512/QĐ-UBND", new DateOnly(2025, 1, 20), 2024, plan2024, "Hoàn thành vượt chỉ tiêu kiểm tra năm 2024"),
            C(city.Value, Recipient.Individual, "Trần Thị Thu Hà", "Chuyên viên Phòng Phòng, chống tệ nạn xã hội", CommendationLevel.Province,
                CommendationForm.CertificateOfMerit, "512/QĐ-UBND", new DateOnly(2025, 1, 20), 2024, plan2024, "Tham mưu tổng kết công tác phòng, chống mại dâm"),
            C(phuLam.Value, Recipient.Collective, "Đội công tác xã hội tình nguyện phường Phú Lãm", "UBND phường Phú Lãm", CommendationLevel.District,
                CommendationForm.Letter, "88/QĐ-UBND", new DateOnly(2024, 12, 26), 2024, null, "Duy trì mô hình phòng, chống mại dâm cấp xã"),
            C(phuLam.Value, Recipient.Individual, "Nguyễn Văn Bình", "Công an phường Phú Lãm", CommendationLevel.District,
                CommendationForm.Letter, "88/QĐ-UBND", new DateOnly(2024, 12, 26), 2024, null, "Phát hiện, xử lý cơ sở vi phạm"),
            C(city.Value, Recipient.Collective, "Chi cục Dân số, Trẻ em và Phòng, chống tệ nạn xã hội", "Sở Y tế", CommendationLevel.Province,
                CommendationForm.CertificateOfMerit, "4120/QĐ-UBND", new DateOnly(2026, 11, 25), 2026, plan2026,
                "Tham mưu triển khai Kế hoạch phòng, chống mại dâm giai đoạn 2026 - 2030 năm đầu tiên"),
            C(phuLuong.Value, Recipient.Individual, "Lê Minh Tuấn", "Tổ trưởng tổ dân phố số 5", CommendationLevel.Commune,
                CommendationForm.Letter, "15/QĐ-UBND", new DateOnly(2025, 12, 18), 2025, null, "Tích cực tuyên truyền, tố giác tụ điểm"));
        await db.SaveChangesAsync(ct);
    }
}
