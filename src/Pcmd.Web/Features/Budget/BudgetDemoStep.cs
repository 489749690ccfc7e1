using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Demo;
using Pcmd.Web.Features.OrgUnits;

namespace Pcmd.Web.Features.Budget;

/// <summary>The demo budgets. The 2026–2030 plan (§III) and the 2024 plan (§V.1) name their sources in words only: their
/// plan files carry those words (Kinh phí, docs/plan-file.md). The 2026 lines and the 2024 plan's here are invented amounts for the coordinating agency and the agencies the plan assigns (provincial budget),
/// related programmes, a donor and one ward (its own budget, a socialised contribution) — one line spent above its allocation,
/// with the note that explains it. Seeded.</summary>
public sealed class BudgetDemoStep(PcmdDbContext db, OrgUnitTree tree) : IDemoStep
{
    public int Order => 350;

    public async Task Load(CancellationToken ct)
    {
        // The plans' own Kinh phí came with their files (the sources in words); the invented figures are added once.
        if (await db.BudgetLines.AnyAsync(l => l.Spent != null, ct)) return;
        var random = new Random(47);
        var lines = new List<BudgetLine>();
        foreach (var (key, year) in new[] { ("hn-2026-2030", 2026), ("hn-2024", 2024) })
        {
            var plan = await db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.Key == key, ct);
            if (plan is null) continue;
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
