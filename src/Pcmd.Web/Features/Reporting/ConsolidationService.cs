using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Notifications;
using Pcmd.Web.Features.Plans;
using Pcmd.Web.Security;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.Reporting;

public sealed record MatrixCell(int ReportId, ReportStatus Status, string StatusText, DateTime? SubmittedAt, int? DaysLate, bool Overdue);

public sealed record MatrixUnit(int AgencyId, string Name, int OrgUnitId, List<MatrixCell?> Cells);

/// <summary>Completeness (reports submitted of those expected) and timeliness (submitted by the deadline), as DHIS2's
/// "reporting rate" and "reporting rate on time", in per cent.</summary>
public sealed record PeriodRates(int PeriodId, string Title, DateOnly DueOn, int Expected, int Submitted, int OnTime, int Accepted,
    decimal Completeness, decimal Timeliness, int? ConsolidatedReportId, ReportStatus? ConsolidatedStatus);

public sealed record ReportMatrix(int PlanId, string PlanTitle, List<PeriodRates> Periods, List<MatrixUnit> Units);

/// <summary>The consolidating agency's view of a plan's reporting: who has reported what, how late, and reminders.</summary>
public sealed class ConsolidationService(PcmdDbContext db, Notifier notifier, TimeProvider clock)
{
    DateOnly Today => VietnamTime.Today(clock);

    /// <summary>Units × periods, newest period first. <paramref name="periodId"/> narrows it to one period.</summary>
    public async Task<ReportMatrix> Matrix(UserScope scope, int planId, int? periodId, CancellationToken ct)
    {
        var plan = await db.Plans.AsNoTracking().ReadableOr404(scope, planId, ct);
        if (!ReportAccess.CanConsolidate(scope, plan) && !ReportAccess.ReadsArea(scope)) throw new ForbiddenException();
        var periods = await db.ReportPeriods.AsNoTracking().Where(p => p.PlanId == planId && (periodId == null || p.Id == periodId))
            .OrderByDescending(p => p.DueOn).ThenBy(p => p.Kind).Select(p => new { p.Id, p.Title, p.DueOn, p.ConsolidationDueOn }).ToListAsync(ct);
        if (periodId is not null && periods.Count == 0) throw new NotFoundException();
        var ids = periods.Select(p => p.Id).ToList();
        var reports = await db.Reports.AsNoTracking().Where(r => ids.Contains(r.PeriodId))
            .Select(r => new
            {
                r.Id, r.PeriodId, r.AgencyId, AgencyName = r.Agency!.Name, r.OrgUnitId, r.IsConsolidated, r.Status, r.SubmittedAt,
                DaysLate = r.Events.Where(e => e.Kind == ReportEventKind.Submitted).OrderBy(e => e.At).Select(e => e.DaysLate).FirstOrDefault(),
            }).ToListAsync(ct);
        // A leader sees the units of the area their scope reaches.
        if (!ReportAccess.CanConsolidate(scope, plan)) reports = reports.Where(r => r.IsConsolidated || scope.CanReadUnit(r.OrgUnitId)).ToList();

        var rates = periods.Select(p =>
        {
            var of = reports.Where(r => r.PeriodId == p.Id && !r.IsConsolidated).ToList();
            // A report is in when submitted or accepted; a returned one is not, until it comes back.
            var inHand = of.Where(r => r.Status is ReportStatus.Submitted or ReportStatus.Accepted).ToList();
            var submitted = inHand.Count;
            var onTime = inHand.Count(r => r.DaysLate == 0);
            var cons = reports.FirstOrDefault(r => r.PeriodId == p.Id && r.IsConsolidated);
            return new PeriodRates(p.Id, p.Title, p.DueOn, of.Count, submitted, onTime, of.Count(r => r.Status == ReportStatus.Accepted),
                Rate(submitted, of.Count), Rate(onTime, of.Count), cons?.Id, cons?.Status);
        }).ToList();
        var units = reports.Where(r => !r.IsConsolidated).GroupBy(r => r.AgencyId)
            .Select(g => new MatrixUnit(g.Key, g.First().AgencyName, g.First().OrgUnitId, periods.Select(p =>
            {
                var r = g.FirstOrDefault(x => x.PeriodId == p.Id);
                if (r is null) return null;
                var open = r.Status is ReportStatus.Draft or ReportStatus.Returned;
                var late = r.SubmittedAt is null ? (Today > p.DueOn ? ReportCalendar.DaysLate(p.DueOn, Today) : (int?)null) : r.DaysLate;
                return new MatrixCell(r.Id, r.Status, ReportLabels.Status(r.Status, r.SubmittedAt is not null), r.SubmittedAt, late, open && Today > p.DueOn);
            }).ToList()))
            .OrderBy(u => u.Name, VietnameseText.Comparer).ToList();
        return new ReportMatrix(plan.Id, plan.Title, rates, units);
    }

    static decimal Rate(int part, int whole) => whole == 0 ? 0 : Math.Round(100m * part / whole, 1);

    /// <summary>The matrix of one period of its plan.</summary>
    public async Task<ReportMatrix> PeriodMatrix(UserScope scope, int periodId, CancellationToken ct)
    {
        var planId = await db.ReportPeriods.Where(p => p.Id == periodId).Select(p => (int?)p.PlanId).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException();
        return await Matrix(scope, planId, periodId, ct);
    }

    /// <summary>Reminds every unit whose report of the period is not in (draft or returned). One reminder per unit per
    /// day, however often the button is pressed.</summary>
    public async Task<int> Remind(UserScope scope, int periodId, CancellationToken ct)
    {
        var period = await db.ReportPeriods.AsNoTracking().Include(p => p.Plan).FirstOrDefaultAsync(p => p.Id == periodId, ct)
            ?? throw new NotFoundException();
        await ReportAccess.PlanForConsolidation(db, scope, period.PlanId, ct);
        var open = await db.Reports.AsNoTracking()
            .Where(r => r.PeriodId == periodId && !r.IsConsolidated && (r.Status == ReportStatus.Draft || r.Status == ReportStatus.Returned))
            .Select(r => new { r.Id, r.AgencyId }).ToListAsync(ct);
        var sent = 0;
        foreach (var r in open)
            sent += await notifier.NotifyAgency(r.AgencyId, $"Nhắc nộp {period.Title}", ReportReminders.Text(period.Title, period.DueOn, Today),
                $"/reports/{r.Id}", $"report-{r.Id}-remind-{Today:yyyyMMdd}", ct);
        await db.SaveChangesAsync(ct);
        return sent;
    }
}
