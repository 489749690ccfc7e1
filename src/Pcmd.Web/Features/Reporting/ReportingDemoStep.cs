using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Agencies;
using Pcmd.Web.Features.Demo;
using Pcmd.Web.Features.OrgUnits;
using Pcmd.Web.Security;

namespace Pcmd.Web.Features.Reporting;

/// <summary>Gives every current commune of the city its People's Committee (so "UBND các xã, phường" reports as 126
/// units), opens the 2026 periods of the 2026–2030 plan and plays the six-monthly report through: a mix of accepted,
/// submitted, returned, late and missing reports. Phường Phú Lương's is left missing, for the demo account to fill in.</summary>
public sealed class ReportingDemoStep(PcmdDbContext db, ReportPeriodService periods, ReportFigures figures, ReportingUnits units,
    OrgUnitTree tree) : IDemoStep
{
    public int Order => 600;
    public const string PlanKey = "hn-2026-2030";
    const string Coordinator = "dieuphoi";

    static readonly string[] Narratives =
    [
        "Đã ban hành kế hoạch triển khai trên địa bàn; phân công cán bộ phụ trách, lồng ghép vào chương trình công tác của đơn vị.",
        "Tổ chức tuyên truyền tại các tổ dân phố, phát tờ rơi và đăng tin trên hệ thống loa truyền thanh; kiểm tra các cơ sở kinh doanh dịch vụ theo kế hoạch.",
        "Phối hợp với Công an và Đội kiểm tra liên ngành rà soát, phân loại cơ sở; ký cam kết với chủ cơ sở mới đưa vào quản lý.",
        "Thực hiện thường xuyên; chưa phát sinh vụ việc phức tạp trong kỳ.",
    ];

    public async Task Load(CancellationToken ct)
    {
        await EnsureCommuneCommittees(ct);
        var plan = await db.Plans.AsNoTracking().Include(p => p.Indicators).FirstOrDefaultAsync(p => p.Key == PlanKey, ct);
        if (plan is null) return;
        await periods.OpenYear(UserScope.System, plan.Id, 2026, ct);
        var period = await db.ReportPeriods.FirstOrDefaultAsync(p => p.PlanId == plan.Id && p.Kind == Plans.ReportKind.Semiannual && p.Year == 2026, ct);
        if (period is null || await db.Reports.AnyAsync(r => r.PeriodId == period.Id && r.Status != ReportStatus.Draft, ct)) return;
        var reports = await db.Reports.Include(r => r.Agency).Where(r => r.PeriodId == period.Id && !r.IsConsolidated)
            .OrderBy(r => r.Id).ToListAsync(ct);
        var rnd = new Random(2026);
        var phuLuong = await tree.Resolve("09568", new DateOnly(2026, 1, 1));
        foreach (var (r, n) in reports.Select((r, n) => (r, n)))
        {
            // Phú Lương (for the demo account) and one in seven units have not reported.
            if (r.OrgUnitId == phuLuong?.Id || n % 7 == 3) continue;
            await Fill(r, period, plan, rnd, ct);
            var late = n % 5 == 1 ? rnd.Next(1, 20) : 0;
            // Office hours in Hà Nội (UTC+7), stored in UTC.
            var at = DateTime.SpecifyKind(period.DueOn.AddDays(late == 0 ? -rnd.Next(0, 6) : late)
                .ToDateTime(new TimeOnly(9 + rnd.Next(0, 8), rnd.Next(0, 60))).AddHours(-7), DateTimeKind.Utc);
            r.SubmittedAt = at;
            r.SubmittedBy = "demo";
            r.Events.Add(new ReportEvent { Kind = ReportEventKind.Submitted, At = at, By = "demo", DaysLate = late });
            r.Status = (n % 9) switch { 2 => ReportStatus.Returned, 4 or 8 => ReportStatus.Submitted, _ => ReportStatus.Accepted };
            if (r.Status == ReportStatus.Submitted) continue;
            r.ReviewedAt = at.AddDays(3);
            r.ReviewedBy = Coordinator;
            if (r.Status == ReportStatus.Returned)
                r.ReturnComment = "Đề nghị bổ sung số liệu chỉ tiêu và làm rõ kết quả kiểm tra cơ sở kinh doanh dịch vụ trong kỳ.";
            r.Events.Add(new ReportEvent
            {
                Kind = r.Status == ReportStatus.Accepted ? ReportEventKind.Accepted : ReportEventKind.Returned, At = at.AddDays(3), By = Coordinator,
                Comment = r.ReturnComment,
            });
        }
        await db.SaveChangesAsync(ct);
    }

    async Task Fill(Report r, ReportPeriod period, Plans.Plan plan, Random rnd, CancellationToken ct)
    {
        var assigned = await units.Assigned(plan.Id, r.AgencyId, false, ct);
        foreach (var taskId in assigned.TaskIds.Order())
            r.Tasks.Add(new ReportTaskEntry
            {
                TaskId = taskId, Progress = (TaskProgress)rnd.Next(1, 4), Narrative = Narratives[rnd.Next(Narratives.Length)],
            });
        var indicators = plan.Indicators.Where(i => assigned.IndicatorIds.Contains(i.Id) && i.TargetKind != null).ToList();
        var computed = await figures.Compute(r, period, plan, indicators.Select(i => i.Id), ct);
        foreach (var i in indicators)
        {
            var c = computed.GetValueOrDefault(i.Id);
            var share = ReportFigures.IsShare(i);
            var den = share ? c?.Denominator ?? rnd.Next(5, 40) : (decimal?)null;
            var value = c?.Value ?? (share ? Math.Round(den!.Value * (decimal)(0.6 + 0.4 * rnd.NextDouble())) : rnd.Next(0, 12));
            r.Values.Add(new ReportIndicatorValue
            {
                IndicatorId = i.Id, Value = value, Denominator = den, Computed = c?.Value, ComputedDenominator = c?.Denominator, Source = c?.Source,
            });
        }
        r.Difficulties = "Lực lượng cán bộ kiêm nhiệm, kinh phí cho công tác phòng, chống mại dâm còn hạn chế.";
        r.Proposals = "Đề nghị Thành phố tổ chức tập huấn nghiệp vụ cho cán bộ cấp xã và bố trí kinh phí hỗ trợ hoạt động của Đội kiểm tra liên ngành.";
    }

    /// <summary>The address package gives the communes; their People's Committees are agencies of the catalogue.</summary>
    async Task EnsureCommuneCommittees(CancellationToken ct)
    {
        var city = await tree.Resolve("01", new DateOnly(2026, 1, 1));
        var collective = await db.Agencies.Include(a => a.Members).FirstOrDefaultAsync(a => a.Code == "UBND-XA", ct);
        if (city is null || collective is null) return;
        var communes = await db.OrgUnits.AsNoTracking()
            .Where(u => u.ParentId == city.Id && u.Level == OrgUnitLevel.Commune && u.ValidTo == null).ToListAsync(ct);
        var have = await db.Agencies.Where(a => a.Kind == AgencyKind.PeoplesCommittee && a.ValidTo == null).Select(a => a.OrgUnitId).ToListAsync(ct);
        foreach (var u in communes.Where(u => !have.Contains(u.Id)))
        {
            var agency = new Agency
            {
                Code = $"UBND-{u.Code}", Name = "Ủy ban nhân dân " + LowerKind(u.Name), ShortName = "UBND", Kind = AgencyKind.PeoplesCommittee,
                OrgUnitId = u.Id, ValidFrom = u.ValidFrom,
            };
            db.Agencies.Add(agency);
            collective.Members.Add(new AgencyMembership { Member = agency });
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>"Phường Ba Đình" → "phường Ba Đình", as agency names write it.</summary>
    static string LowerKind(string name) => name.Length > 0 ? char.ToLowerInvariant(name[0]) + name[1..] : name;
}
