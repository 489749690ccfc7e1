using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Agencies;
using Pcmd.Web.Features.Plans;
using Pcmd.Web.Security;

namespace Pcmd.Web.Features.Reporting;

public sealed record PeriodRow(int Id, int PlanId, ReportKind Kind, string KindText, int Year, int Sequence, string Title, DateOnly DataFrom,
    DateOnly DataTo, DateOnly DueOn, DateOnly? ConsolidationDueOn, List<string> Questions, int Version, int Expected, int Submitted,
    int Accepted, int OnTime);

/// <summary>A report in a list: the user's own (to do) or a period's (the matrix).</summary>
public sealed record ReportRow(int Id, int PeriodId, string PeriodTitle, int PlanId, string PlanTitle, int AgencyId, string AgencyName,
    int OrgUnitId, bool IsConsolidated, ReportStatus Status, string StatusText, DateOnly DueOn, DateTime? SubmittedAt, int? DaysLate,
    bool Overdue, int Version);

public static class ReportQueries
{
    public static async Task<List<PeriodRow>> Periods(PcmdDbContext db, int planId, CancellationToken ct)
    {
        var rows = await db.ReportPeriods.AsNoTracking().Where(p => p.PlanId == planId)
            .OrderByDescending(p => p.DueOn).ThenBy(p => p.Kind)
            .Select(p => new
            {
                p.Id, p.Kind, p.Year, p.Sequence, p.Title, p.DataFrom, p.DataTo, p.DueOn, p.ConsolidationDueOn, p.Questions, p.Version,
                Expected = p.Reports.Count(r => !r.IsConsolidated),
                Submitted = p.Reports.Count(r => !r.IsConsolidated && (r.Status == ReportStatus.Submitted || r.Status == ReportStatus.Accepted)),
                Accepted = p.Reports.Count(r => !r.IsConsolidated && r.Status == ReportStatus.Accepted),
                // On time: in, and first submitted on or before the deadline (Events hold each submission).
                OnTime = p.Reports.Count(r => !r.IsConsolidated && (r.Status == ReportStatus.Submitted || r.Status == ReportStatus.Accepted)
                    && r.Events.Where(e => e.Kind == ReportEventKind.Submitted).OrderBy(e => e.At).Select(e => e.DaysLate).FirstOrDefault() == 0),
            }).ToListAsync(ct);
        return rows.Select(p => new PeriodRow(p.Id, planId, p.Kind, ReportLabels.Kind(p.Kind), p.Year, p.Sequence, p.Title, p.DataFrom, p.DataTo,
            p.DueOn, p.ConsolidationDueOn, p.Questions, p.Version, p.Expected, p.Submitted, p.Accepted, p.OnTime)).ToList();
    }

    /// <summary>The reports of the user's agency (and the agencies above it) that are open, newest deadline first.</summary>
    public static async Task<List<ReportRow>> Mine(PcmdDbContext db, UserScope scope, DateOnly today, CancellationToken ct)
    {
        if (scope.AgencyId is not { } agency || !scope.Can(Permission.SubmitReports)) return [];
        var ancestors = await AgencyChain.SelfAndAbove(db, agency, ct);
        var q = db.Reports.AsNoTracking().Where(r => ancestors.Contains(r.AgencyId));
        return await Rows(q, today, ct);
    }

    public static async Task<List<ReportRow>> Rows(IQueryable<Report> q, DateOnly today, CancellationToken ct)
    {
        var rows = await q.OrderByDescending(r => r.Period!.DueOn).ThenBy(r => r.IsConsolidated).ThenBy(r => r.Agency!.Name)
            .Select(r => new
            {
                r.Id, r.PeriodId, PeriodTitle = r.Period!.Title, r.Period.PlanId, PlanTitle = r.Period.Plan!.Title, r.AgencyId, AgencyName = r.Agency!.Name,
                r.OrgUnitId, r.IsConsolidated, r.Status, r.Period.DueOn, r.Period.ConsolidationDueOn, r.SubmittedAt, r.Version,
                DaysLate = r.Events.Where(e => e.Kind == ReportEventKind.Submitted).OrderBy(e => e.At).Select(e => e.DaysLate).FirstOrDefault(),
            }).ToListAsync(ct);
        return rows.Select(r =>
        {
            var due = r.IsConsolidated ? r.ConsolidationDueOn ?? r.DueOn : r.DueOn;
            var open = r.Status is ReportStatus.Draft or ReportStatus.Returned;
            var late = r.SubmittedAt is null ? (today > due ? ReportCalendar.DaysLate(due, today) : (int?)null) : r.DaysLate;
            return new ReportRow(r.Id, r.PeriodId, r.PeriodTitle, r.PlanId, r.PlanTitle, r.AgencyId, r.AgencyName, r.OrgUnitId, r.IsConsolidated,
                r.Status, ReportLabels.Status(r.Status, r.SubmittedAt is not null), due, r.SubmittedAt, late, open && today > due, r.Version);
        }).ToList();
    }
}
