using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Demo;
using Pcmd.Web.Security;

namespace Pcmd.Web.Features.Inspections;

/// <summary>Demo: the Đội kiểm tra liên ngành 178 of Phường Phú Lương and of the city with invented members, and about a
/// dozen inspections of the demo establishments (made by the establishments' step, Order 10), recorded through the same
/// service and rules as a user's. Names are invented; legal articles are left blank (not confirmed for 282/2025).</summary>
public sealed class InspectionDemoStep(PcmdDbContext db, TeamService teams, InspectionService inspections, InspectionAccess access,
    ILogger<InspectionDemoStep> log) : IDemoStep
{
    public int Order => 200;

    sealed record Person(string Name, TeamRole Role, string AgencyCode, string Card);

    static readonly Person[] WardTeam =
    [
        new("Nguyễn Văn Thắng", TeamRole.Leader, "UBND-PHULUONG", "178-PL-01"),
        new("Trần Quốc Khánh", TeamRole.Deputy, "CA-PHULUONG", "178-PL-02"),
        new("Đỗ Văn Hùng", TeamRole.Deputy, "VHXH-PHULUONG", "178-PL-03"),
        new("Lê Thị Thu Hà", TeamRole.Member, "VHXH-PHULUONG", "178-PL-04"),
        new("Phạm Minh Tuấn", TeamRole.Member, "CA-PHULUONG", "178-PL-05"),
    ];

    // Since 1/7/2025 the health sector (Chi cục DS, TE và PCTNXH of Sở Y tế) leads the work.
    static readonly Person[] CityTeam =
    [
        new("Ngô Thị Bích Ngọc", TeamRole.Leader, "CC-DSTE-PCTNXH", "178-HN-01"),
        new("Vũ Đức Long", TeamRole.Deputy, "CA-TP", "178-HN-02"),
        new("Hoàng Thị Thanh Tâm", TeamRole.Deputy, "SVHTT", "178-HN-03"),
        new("Bùi Văn Dũng", TeamRole.Member, "SYT", "178-HN-04"),
        new("Trịnh Minh Quân", TeamRole.Member, "CA-TP", "178-HN-05"),
    ];

    static readonly DateOnly[] Days =
    [
        new(2025, 3, 12), new(2025, 5, 20), new(2025, 8, 7), new(2025, 10, 15), new(2025, 12, 18), new(2026, 1, 9),
        new(2026, 2, 24), new(2026, 4, 16), new(2026, 6, 11), new(2026, 8, 20), new(2026, 9, 17), new(2026, 10, 22),
    ];

    static readonly string[] ReasonNotes =
    [
        "Tin báo của người dân qua đường dây nóng của phường.",
        "Theo đề nghị của Công an phường.",
        "Tổ dân phố phản ánh cơ sở hoạt động khuya, nhiều khách ra vào.",
    ];

    public async Task Load(CancellationToken ct)
    {
        var ward = await Team("DOI178-PHULUONG", "Đội kiểm tra liên ngành 178 phường Phú Lương", WardTeam, ct);
        var city = await Team("DOI178-TP", "Đội Kiểm tra liên ngành 178 Thành phố", CityTeam, ct);
        if (ward is null || await db.Inspections.AnyAsync(ct)) return;
        var wardArea = await access.Area(ward.OrgUnitId);
        var all = await db.Establishments.AsNoTracking().OrderBy(e => e.Id).Select(e => new { e.Id, e.OrgUnitId, e.WorkerCount }).ToListAsync(ct);
        if (all.Count == 0)
        {
            log.LogInformation("No demo establishments: no demo inspections");
            return;
        }
        var local = all.Where(e => wardArea.Contains(e.OrgUnitId)).Take(city is null ? 11 : 7).Select(e => (e.Id, e.WorkerCount, Team: ward)).ToList();
        if (city is not null) local.AddRange(all.Where(e => !wardArea.Contains(e.OrgUnitId)).Take(11 - local.Count).Select(e => (e.Id, e.WorkerCount, Team: city)));
        var decrees = await db.Decrees.AsNoTracking().ToListAsync(ct);
        var types = await db.ViolationTypes.AsNoTracking().ToDictionaryAsync(v => v.Code, v => v.Id, ct);
        var today = access.Today();
        var first = new Dictionary<int, int>();
        for (var i = 0; i < Days.Length && local.Count > 0; i++)
        {
            var day = Days[i];
            if (day > today) break;
            // Every establishment is visited once in turn; then those found in violation (every fourth, from the second) are re-inspected.
            var (establishmentId, workers, team) = local[i < local.Count ? i : ((i - local.Count) * 4 + 1) % local.Count];
            var members = team.Members.Where(m => m.IsActive).OrderBy(m => m.Role).ThenBy(m => m.Id).ToList();
            if (members.Count < InspectionRules.MinMembers + 2) continue;
            var present = new[] { members[0], members[1 + i % 2], members[3 + i % Math.Max(1, members.Count - 3)] }.Select(m => m.Id).Distinct().ToList();
            var unannounced = i % 3 == 2;
            var decree = decrees.FirstOrDefault(d => d.InForceOn(day));
            var (violations, sanctions, findings) = (i % 4, decree) switch
            {
                (1, { } d) when types.ContainsKey("KHONG-DANG-KY-LUU-TRU") => (
                    new List<ViolationInput> { new(types["KHONG-DANG-KY-LUU-TRU"], "Không ghi sổ 2 lượt khách lưu trú trong ngày.") },
                    new List<SanctionInput> { i == 1
                        ? new(SanctionKind.Warning, null, d.Id, null, "Yêu cầu cập nhật đầy đủ sổ khách lưu trú.")
                        : new(SanctionKind.Fine, 1_000_000m, d.Id, null, "Yêu cầu thông báo lưu trú đúng quy định.") },
                    "Cơ sở hoạt động đúng ngành nghề; sổ khách lưu trú ghi thiếu."),
                (3, _) when types.ContainsKey("KHONG-HOP-DONG-LD") => (
                    new List<ViolationInput> { new(types["KHONG-HOP-DONG-LD"], "Hai nhân viên chưa ký hợp đồng lao động; chuyển cơ quan có thẩm quyền xử lý.") },
                    new List<SanctionInput>(),
                    "Không phát hiện hoạt động mại dâm; cơ sở chưa đủ hợp đồng lao động."),
                _ => (new List<ViolationInput>(), new List<SanctionInput>(), "Không phát hiện vi phạm. Đã nhắc chủ cơ sở thực hiện cam kết."),
            };
            var input = new InspectionInput(establishmentId, team.Id, day, unannounced ? InspectionKind.Unannounced : InspectionKind.Planned,
                unannounced ? (UnannouncedReason)(i / 3 % 3) : null, unannounced ? ReasonNotes[i / 3 % 3] : null,
                findings, 1, Math.Min(Math.Max(workers, 1), 2 + i % 5), first.GetValueOrDefault(establishmentId) is var prior && prior > 0 ? prior : null,
                null, present, violations, sanctions);
            var saved = await inspections.Create(UserScope.System, input, ct);
            first.TryAdd(establishmentId, saved.Id);
        }
    }

    async Task<InspectionTeam?> Team(string agencyCode, string name, Person[] people, CancellationToken ct)
    {
        var agency = await db.Agencies.AsNoTracking().Where(a => a.Code == agencyCode).Select(a => new { a.Id, a.OrgUnitId }).FirstOrDefaultAsync(ct);
        if (agency is null) return null;
        var existing = await db.InspectionTeams.Include(t => t.Members).FirstOrDefaultAsync(t => t.AgencyId == agency.Id, ct);
        if (existing is not null) return existing;
        var codes = people.Select(p => p.AgencyCode).ToList();
        var agencies = await db.Agencies.AsNoTracking().Where(a => codes.Contains(a.Code)).ToDictionaryAsync(a => a.Code, a => a.Id, ct);
        var members = people.Select(p => new TeamMemberInput(p.Name, p.Role, agencies.TryGetValue(p.AgencyCode, out var id) ? id : null, p.Card)).ToList();
        return await teams.Create(UserScope.System, new TeamInput(name, TeamKind.Interagency178, agency.OrgUnitId, agency.Id, true, members), ct);
    }
}
