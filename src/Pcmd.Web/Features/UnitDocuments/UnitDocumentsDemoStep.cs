using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Demo;
using Pcmd.Web.Features.OrgUnits;

namespace Pcmd.Web.Features.UnitDocuments;

/// <summary>The documents the communes issued: in 2026, about nine communes in ten recorded their plan implementing the city's
/// 2026–2030 plan and most of them a decision (a steering board, an inspection team); in 2024 most old communes and districts
/// recorded their yearly plan; most agencies the 2026–2030 plan assigns recorded theirs. Seeded; written in bulk (generated data, no audit rows); the dates stay before 1 December 2026.</summary>
public sealed class UnitDocumentsDemoStep(PcmdDbContext db, OrgUnitTree tree) : IDemoStep
{
    public int Order => 340;

    public async Task Load(CancellationToken ct)
    {
        if (await db.UnitDocuments.AnyAsync(ct)) return;
        var city = await db.Plans.Where(p => p.Key == "hn-2026-2030").Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
        var city2024 = await db.Plans.Where(p => p.Key == "hn-2024").Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
        var random = new Random(31);
        var docs = new List<UnitDocument>();
        foreach (var n in (await tree.All()).Where(n => n.Level is OrgUnitLevel.Commune or OrgUnitLevel.District).OrderBy(n => n.Id))
        {
            var seq = 1 + random.Next(200);
            UnitDocument Doc(DocumentKind kind, DateOnly day, string suffix, string subject, int? plan) => new()
            {
                OrgUnitId = n.Id, Kind = kind, Number = $"{seq++}/{suffix}-UBND", IssuedOn = day, Year = day.Year,
                Signer = "Chủ tịch UBND " + n.Name, Subject = subject, PlanId = plan,
            };
            if (n.ValidTo is null && n.Level == OrgUnitLevel.Commune)
            {
                if (random.Next(10) < 9)
                    docs.Add(Doc(DocumentKind.Plan, new DateOnly(2026, 5 + random.Next(3), 1 + random.Next(28)), "KH",
                        "Kế hoạch thực hiện Chương trình phòng, chống mại dâm giai đoạn 2026 - 2030 trên địa bàn " + n.Name, city));
                if (random.Next(10) < 7)
                    docs.Add(Doc(DocumentKind.Decision, new DateOnly(2026, 8 + random.Next(3), 1 + random.Next(28)), "QĐ",
                        "Quyết định kiện toàn Đội kiểm tra liên ngành phòng, chống tệ nạn xã hội " + n.Name, null));
            }
            else if (n.ValidTo is { Year: 2025 } && random.Next(10) < 8)
                docs.Add(Doc(DocumentKind.Plan, new DateOnly(2024, 2 + random.Next(2), 1 + random.Next(28)), "KH",
                    "Kế hoạch phòng, chống mại dâm năm 2024 của " + n.Name, city2024));
        }
        // Most agencies the city's plan assigns recorded their own plan implementing it (3.1.1 counts them beside the communes);
        // a few had not by December 2026, as the cascade section shows.
        if (city is { } planId)
            foreach (var a in await PlanCascade.AssignedAgencies(db, planId).OrderBy(a => a.Id).Select(a => new { a.Id, a.Code, a.Name, a.OrgUnitId }).ToListAsync(ct))
            {
                if (random.Next(10) >= 8) continue;
                var day = new DateOnly(2026, 3 + random.Next(3), 1 + random.Next(28));
                docs.Add(new UnitDocument
                {
                    OrgUnitId = a.OrgUnitId, AgencyId = a.Id, Kind = DocumentKind.Plan, Number = $"{1 + random.Next(300)}/KH-{a.Code}",
                    IssuedOn = day, Year = day.Year, Signer = "Thủ trưởng " + a.Name, PlanId = planId,
                    Subject = "Kế hoạch thực hiện Chương trình phòng, chống mại dâm giai đoạn 2026 - 2030 của " + a.Name,
                });
            }
        await using var w = await BulkWriter.Open(db, ct);
        var id = await w.NextId<UnitDocument>(ct);
        foreach (var d in docs) d.Id = id++;
        await w.Write(docs, ct);
        await w.CommitAsync(ct);
    }
}
