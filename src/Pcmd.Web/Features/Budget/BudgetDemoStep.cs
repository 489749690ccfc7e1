using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Demo;
using Pcmd.Web.Features.OrgUnits;

namespace Pcmd.Web.Features.Budget;

/// <summary>The demo budgets. The 2026–2030 plan names its sources in words only (§III): they are kept as such; its 2026 lines
/// and the 2024 plan's are invented amounts for the coordinating agency and the agencies the plan assigns (provincial budget),
/// related programmes, a donor and one ward (its own budget, a socialised contribution) — one line spent above its allocation,
/// with the note that explains it. Seeded.</summary>
public sealed class BudgetDemoStep(PcmdDbContext db, OrgUnitTree tree) : IDemoStep
{
    public int Order => 350;

    public const string StateBudgetText = "Nguồn kinh phí thực hiện Kế hoạch được bố trí trong dự toán chi thường xuyên của các Sở, ban, ngành, đoàn thể, "
        + "Ủy ban nhân dân các xã, phường theo phân cấp ngân sách nhà nước; trong các chương trình, đề án, kế hoạch có liên quan trong lĩnh vực y tế, "
        + "bình đẳng giới, phòng, chống HIV/AIDS, giảm nghèo, an sinh xã hội và phòng, chống tệ nạn xã hội khác.";

    public const string OtherSourcesText = "Các Sở, ban, ngành, đoàn thể, Ủy ban nhân dân các xã, phường tranh thủ các nguồn tài trợ, viện trợ của các tổ chức, "
        + "cá nhân trong và ngoài nước, các nguồn hợp pháp khác theo quy định của pháp luật.";

    public async Task Load(CancellationToken ct)
    {
        if (await db.BudgetLines.AnyAsync(ct)) return;
        var random = new Random(47);
        var lines = new List<BudgetLine>();
        foreach (var (key, year) in new[] { ("hn-2026-2030", 2026), ("hn-2024", 2024) })
        {
            var plan = await db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.Key == key, ct);
            if (plan is null) continue;
            if (key == "hn-2026-2030")
            {
                lines.Add(new BudgetLine { PlanId = plan.Id, SourceText = StateBudgetText });
                lines.Add(new BudgetLine { PlanId = plan.Id, SourceText = OtherSourcesText });
            }
            var agencies = await db.Assignments.Where(a => a.PlanId == plan.Id && !a.Requested).Select(a => a.AgencyId).Distinct().OrderBy(a => a).Take(6).ToListAsync(ct);
            if (plan.CoordinatingAgencyId is { } coord && !agencies.Contains(coord)) agencies.Insert(0, coord);
            long M(int min, int max) => (min + random.Next(max - min + 1)) * 1_000_000L;
            foreach (var agency in agencies)
            {
                var estimate = M(150, 900);
                var allocated = estimate / 10 * (8 + random.Next(3));
                lines.Add(new BudgetLine
                {
                    PlanId = plan.Id, Year = year, AgencyId = agency, Source = FundingSource.ProvincialBudget, Purpose = "Hoạt động phòng, chống mại dâm năm " + year,
                    Estimate = estimate, Allocated = allocated, Spent = allocated / 10 * (6 + random.Next(4)),
                });
            }
            if (plan.CoordinatingAgencyId is { } c)
            {
                lines.Add(new BudgetLine { PlanId = plan.Id, Year = year, AgencyId = c, Source = FundingSource.ProgrammeFunds,
                    Purpose = "Lồng ghép Chương trình phòng, chống HIV/AIDS: truyền thông nhóm nguy cơ cao", Estimate = M(100, 200), Allocated = 120_000_000, Spent = 131_500_000,
                    OverspendNote = "Chi thêm in tài liệu tuyên truyền cho các phường mới sau sắp xếp; đã báo cáo Sở Tài chính bổ sung dự toán." });
                lines.Add(new BudgetLine { PlanId = plan.Id, Year = year, AgencyId = c, Source = FundingSource.Donors,
                    Purpose = "Dự án hỗ trợ hòa nhập cộng đồng cho người bán dâm (tổ chức phi chính phủ tài trợ)", Estimate = M(200, 400), Allocated = 250_000_000, Spent = 180_000_000 });
            }
            var ward = (await tree.Resolve("09568", new DateOnly(year, 12, 1)))?.Id;
            if (ward is { } w)
            {
                lines.Add(new BudgetLine { PlanId = plan.Id, Year = year, OrgUnitId = w, Source = FundingSource.CommuneBudget,
                    Purpose = "Đội kiểm tra liên ngành 178 và Đội công tác xã hội tình nguyện phường", Estimate = 60_000_000, Allocated = 50_000_000, Spent = 42_300_000 });
                lines.Add(new BudgetLine { PlanId = plan.Id, Year = year, OrgUnitId = w, Source = FundingSource.Socialised,
                    Purpose = "Pano, áp phích tuyên truyền do doanh nghiệp trên địa bàn đóng góp", Estimate = 15_000_000, Allocated = 15_000_000, Spent = 15_000_000 });
            }
        }
        db.BudgetLines.AddRange(lines);
        await db.SaveChangesAsync(ct);
    }
}
