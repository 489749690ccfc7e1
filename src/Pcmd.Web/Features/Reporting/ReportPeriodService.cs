using Pcmd.Web.Shared;
using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Plans;
using Pcmd.Web.Security;

namespace Pcmd.Web.Features.Reporting;

public sealed record AdhocRequest(string? Title, DateOnly? DataFrom, DateOnly? DataTo, DateOnly? DueOn, DateOnly? ConsolidationDueOn,
    List<string>? Questions);

public sealed record PeriodDates(int Version, DateOnly? DataFrom, DateOnly? DataTo, DateOnly? DueOn, DateOnly? ConsolidationDueOn);

/// <summary>Opens report periods from the plans' schedules (on start and every hour), ad hoc requests by hand, and assigns
/// a report to every reporting unit plus the consolidating agency's own.</summary>
public sealed class ReportPeriodService(PcmdDbContext db, ReportingUnits units, TimeProvider clock, ILogger<ReportPeriodService> log)
{
    DateOnly Today => VietnamTime.Today(clock);
    DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Opens every due period of the plans that run this year or later: a period opens on the first day of its
    /// data window. Plans that ended earlier open periods only when asked (<see cref="OpenYear"/>).</summary>
    public async Task<int> EnsurePeriods(CancellationToken ct = default)
    {
        var year = Today.Year;
        var planIds = await db.Plans.Where(p => p.PeriodTo >= year && p.PeriodFrom <= year + 1).Select(p => p.Id).ToListAsync(ct);
        var opened = 0;
        foreach (var id in planIds)
            for (var y = year; y <= year + 1; y++) opened += await Open(id, y, onlyStarted: true, null, ct);
        if (opened > 0) log.LogInformation("Opened {Count} report periods", opened);
        return opened;
    }

    /// <summary>Opens the periods of one year of a plan, also in the past (a coordinator catching up on 2024).</summary>
    public async Task<List<PeriodRow>> OpenYear(UserScope scope, int planId, int year, CancellationToken ct)
    {
        var plan = await ReportAccess.PlanForConsolidation(db, scope, planId, ct);
        if (year < plan.PeriodFrom || year > plan.PeriodTo)
            throw ValidationException.One("year", $"Năm {year} nằm ngoài thời kỳ của kế hoạch ({plan.PeriodFrom}–{plan.PeriodTo}).");
        await Open(planId, year, onlyStarted: false, scope.UserName, ct);
        return await ReportQueries.Periods(db, planId, ct);
    }

    async Task<int> Open(int planId, int year, bool onlyStarted, string? by, CancellationToken ct)
    {
        var plan = await db.Plans.AsNoTracking().Include(p => p.ReportSchedule).FirstAsync(p => p.Id == planId, ct);
        if (year < plan.PeriodFrom || year > plan.PeriodTo) return 0;
        var existing = await db.ReportPeriods.Where(p => p.PlanId == planId && p.Year == year)
            .Select(p => new { p.Kind, p.Sequence }).ToListAsync(ct);
        var opened = 0;
        foreach (var entry in plan.ReportSchedule.OrderBy(e => e.Position))
            foreach (var spec in ReportCalendar.PeriodsOf(entry, year, plan.PeriodFrom, plan.PeriodTo))
            {
                if (onlyStarted && !ReportCalendar.Opens(spec, Today)) continue;
                if (existing.Any(e => e.Kind == spec.Kind && e.Sequence == spec.Sequence)) continue;
                existing.Add(new { spec.Kind, spec.Sequence });
                await Create(plan, spec, [], by, ct);
                opened++;
            }
        return opened;
    }

    /// <summary>An ad hoc request (báo cáo đột xuất) with its own window, deadline and questions.</summary>
    public async Task<PeriodRow> OpenAdhoc(UserScope scope, int planId, AdhocRequest input, CancellationToken ct)
    {
        var plan = await ReportAccess.PlanForConsolidation(db, scope, planId, ct);
        var errors = new ErrorList();
        if (string.IsNullOrWhiteSpace(input.Title)) errors.Add("title", "Nhập tên của yêu cầu báo cáo.");
        else if (input.Title.Length > 500) errors.Add("title", "Tên yêu cầu báo cáo dài quá 500 ký tự.");
        CheckDates(input.DataFrom, input.DataTo, input.DueOn, input.ConsolidationDueOn, errors);
        var questions = (input.Questions ?? []).Select(q => q?.Trim() ?? "").Where(q => q.Length > 0).ToList();
        if (questions.Any(q => q.Length > 2000)) errors.Add("questions", "Mỗi câu hỏi dài tối đa 2.000 ký tự.");
        if (questions.Count > 50) errors.Add("questions", "Tối đa 50 câu hỏi.");
        errors.ThrowIfAny();
        var year = input.DueOn!.Value.Year;
        var seq = 1 + await db.ReportPeriods.Where(p => p.PlanId == planId && p.Kind == ReportKind.Adhoc && p.Year == year)
            .Select(p => (int?)p.Sequence).MaxAsync(ct) ?? 1;
        var spec = new PeriodSpec(ReportKind.Adhoc, year, seq, input.Title!.Trim(), input.DataFrom!.Value, input.DataTo!.Value, input.DueOn.Value,
            input.ConsolidationDueOn);
        var period = await Create(plan, spec, questions, scope.UserName, ct);
        return (await ReportQueries.Periods(db, planId, ct)).Single(p => p.Id == period.Id);
    }

    /// <summary>A plan may set its own cut-off or deadline: the coordinator changes a period's dates (guarded by its version).</summary>
    public async Task<PeriodRow> UpdateDates(UserScope scope, int periodId, PeriodDates input, CancellationToken ct)
    {
        var period = await db.ReportPeriods.FirstOrDefaultAsync(p => p.Id == periodId, ct) ?? throw new NotFoundException();
        await ReportAccess.PlanForConsolidation(db, scope, period.PlanId, ct);
        if (period.Version != input.Version) throw new ConflictException();
        var errors = new ErrorList();
        CheckDates(input.DataFrom, input.DataTo, input.DueOn, input.ConsolidationDueOn, errors);
        errors.ThrowIfAny();
        (period.DataFrom, period.DataTo, period.DueOn, period.ConsolidationDueOn) =
            (input.DataFrom!.Value, input.DataTo!.Value, input.DueOn!.Value, input.ConsolidationDueOn);
        db.Entry(period).Property(p => p.Version).OriginalValue = input.Version;
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { throw new ConflictException(); }
        return (await ReportQueries.Periods(db, period.PlanId, ct)).Single(p => p.Id == period.Id);
    }

    static void CheckDates(DateOnly? from, DateOnly? to, DateOnly? due, DateOnly? consolidation, ErrorList errors)
    {
        if (from is null) errors.Add("dataFrom", "Nhập ngày bắt đầu lấy số liệu.");
        if (to is null) errors.Add("dataTo", "Nhập ngày chốt số liệu.");
        if (due is null) errors.Add("dueOn", "Nhập hạn nộp báo cáo.");
        if (from is { } f && to is { } t && t < f) errors.Add("dataTo", "Ngày chốt số liệu phải sau ngày bắt đầu.");
        if (to is { } t2 && due is { } d && d < t2) errors.Add("dueOn", "Hạn nộp không được trước ngày chốt số liệu.");
        if (due is { } d2 && consolidation is { } c && c < d2) errors.Add("consolidationDueOn", "Hạn gửi báo cáo tổng hợp không được trước hạn các đơn vị nộp.");
    }

    async Task<ReportPeriod> Create(Plan plan, PeriodSpec spec, List<string> questions, string? by, CancellationToken ct)
    {
        var period = new ReportPeriod
        {
            PlanId = plan.Id, Kind = spec.Kind, Year = spec.Year, Sequence = spec.Sequence, Title = spec.Title,
            DataFrom = spec.DataFrom, DataTo = spec.DataTo, DueOn = spec.DueOn, ConsolidationDueOn = spec.ConsolidationDueOn,
            Questions = questions, OpenedAt = Now, OpenedBy = by,
        };
        foreach (var a in await units.For(plan.Id, spec.DueOn, ct))
            period.Reports.Add(new Report { AgencyId = a.Id, OrgUnitId = a.OrgUnitId, Status = ReportStatus.Draft });
        var consolidator = plan.ConsolidatorId;
        if (consolidator is { } cid)
        {
            var unit = await db.Agencies.Where(a => a.Id == cid).Select(a => a.OrgUnitId).FirstAsync(ct);
            period.Reports.Add(new Report { AgencyId = cid, OrgUnitId = unit, IsConsolidated = true, Status = ReportStatus.Draft });
        }
        db.Add(period);
        await db.SaveChangesAsync(ct);
        return period;
    }
}
