using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Agencies;
using Pcmd.Web.Features.Plans;
using Pcmd.Web.Security;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.Reporting;

/// <summary>Reports in the site-wide search, by the period's title or the plan's title: the reporting periods whose
/// matrix the user may open (those who consolidate the plan or read the area), then the user's own agency's reports —
/// the same rules as <see cref="ReportAccess"/>, so nothing is found that would not open.</summary>
public sealed class ReportSearch(PcmdDbContext db) : ISearchSource
{
    public string Kind => "reports";
    public int Order => 40;
    public bool AppliesTo(UserScope scope) => true;
    public string? MoreUrl(SearchText text) => null;

    public async Task<List<SearchHit>> Find(UserScope scope, SearchText text, int take, CancellationToken ct)
    {
        var hits = await Periods(scope, text, take, ct);
        if (hits.Count < take) hits.AddRange(await OwnReports(scope, text, take - hits.Count, ct));
        return hits;
    }

    async Task<List<SearchHit>> Periods(UserScope scope, SearchText text, int take, CancellationToken ct)
    {
        var plans = db.Plans.AsNoTracking().InReadableScope(db, scope, p => p.IssuingUnitId);
        var q = text.Filter(db.ReportPeriods.AsNoTracking().Where(p => plans.Any(x => x.Id == p.PlanId)), db,
            p => p.SearchText, p => p.Plan!.SearchText);
        // Read a few more than asked: the plan-level rule (who consolidates) is checked after the query.
        var rows = await q.OrderByDescending(p => p.DueOn).ThenBy(p => p.Id).Take(take * 4)
            .Select(p => new { p.Id, p.Title, p.DueOn, p.Plan }).ToListAsync(ct);
        return rows.Where(p => ReportAccess.ReadsArea(scope) || ReportAccess.CanConsolidate(scope, p.Plan!)).Take(take)
            .Select(p => new SearchHit(p.Title, $"{p.Plan!.Title} · {PageText.Date(p.DueOn)}", $"/report-periods/{p.Id}")).ToList();
    }

    async Task<List<SearchHit>> OwnReports(UserScope scope, SearchText text, int take, CancellationToken ct)
    {
        if (scope.AgencyId is not { } agency || !scope.Can(Permission.SubmitReports) || take <= 0) return [];
        var agencies = await AgencyChain.SelfAndAbove(db, agency, ct);
        var q = text.Filter(db.Reports.AsNoTracking().Where(r => agencies.Contains(r.AgencyId)), db,
            r => r.Period!.SearchText, r => r.Period!.Plan!.SearchText);
        var rows = await q.OrderByDescending(r => r.Period!.DueOn).ThenBy(r => r.Id).Take(take)
            .Select(r => new { r.Id, r.Period!.Title, PlanTitle = r.Period.Plan!.Title, Agency = r.Agency!.Name, r.Status, Submitted = r.SubmittedAt != null })
            .ToListAsync(ct);
        return rows.Select(r => new SearchHit(r.Title, $"{r.Agency} · {ReportLabels.Status(r.Status, r.Submitted)} · {r.PlanTitle}", $"/reports/{r.Id}")).ToList();
    }
}
