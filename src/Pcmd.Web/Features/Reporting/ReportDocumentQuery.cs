using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Agencies;
using Pcmd.Web.Features.OrgUnits;
using Pcmd.Web.Features.Reporting.Documents;
using Pcmd.Web.Security;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.Reporting;

/// <summary>Loads what a document says, once and by one path, into its model: a report's <see cref="ReportDocumentModel"/>
/// (the report, its period and plan with the agencies it names, read as the form reads them, with the same figures) and a
/// period's <see cref="PeriodWorkbookModel"/>. The writers then need nothing else.</summary>
public sealed class ReportDocumentQuery(PcmdDbContext db, ReportFormService forms, ConsolidationService consolidation, OrgUnitTree tree,
    TimeProvider clock, IEnumerable<IReportDocumentParts> parts)
{
    /// <summary><paramref name="withUnits"/>: on the consolidated report, what each unit wrote under each task (the city's
    /// runs to well over a hundred pages); without it, only the consolidated text.</summary>
    public async Task<ReportDocumentModel> Report(UserScope scope, int reportId, bool withUnits, CancellationToken ct)
    {
        var loaded = await forms.Load(scope, reportId, track: false, ct, forDocument: true);
        var (report, period, plan) = loaded;
        var content = await forms.ContentOf(loaded, gathered: withUnits, liveWhenLocked: false, ct);
        var agency = report.Agency!;
        var unit = await tree.Find(agency.OrgUnitId);

        // The appendix has the plan's shape: its heading rows above the indicators reported under them.
        var reported = content.Values.ToDictionary(v => v.IndicatorId);
        var indicators = new List<DocumentIndicator>();
        foreach (var i in plan.Indicators.OrderBy(i => i.Position))
        {
            if (reported.TryGetValue(i.Id, out var v))
                indicators.Add(new DocumentIndicator(v.Number, v.Text, false, v.TargetText, v.ActualText, v.PercentText, v.StatusText, v.Note));
            else if (i.TargetKind is null && content.Values.Any(x => x.Number.StartsWith(i.Number + ".", StringComparison.Ordinal)))
                indicators.Add(new DocumentIndicator(i.Number, i.Text, true, "", "", "", "", null));
        }

        // A consolidated report goes to every recipient the plan names (issue 16, item 3), else up to the issuer.
        var recipients = plan.ReportRecipientIds.Count == 0 ? null : string.Join("; ", (await db.Agencies.AsNoTracking()
            .Where(a => plan.ReportRecipientIds.Contains(a.Id)).Select(a => new { a.Id, a.Name }).ToListAsync(ct))
            .OrderBy(a => plan.ReportRecipientIds.IndexOf(a.Id)).Select(a => a.Name));
        var reportTo = report.IsConsolidated
            ? recipients ?? (plan.IssuingAgencyId != agency.Id ? plan.IssuingAgency?.Name : null)
            : plan.ReportSchedule.FirstOrDefault(e => e.Kind == period.Kind)?.RecipientAgency?.Name
              ?? (plan.CoordinatingAgency ?? plan.IssuingAgency)?.Name;
        var isCommittee = agency.Kind == AgencyKind.PeoplesCommittee;
        // The year's budget and commendations, as the report page shows them (the unit's own lines; the whole plan's when consolidated).
        var extra = await ReportDocumentParts.Collect(parts, scope,
            new ReportPartRequest(plan.Id, period.DataTo.Year, report.IsConsolidated ? null : report.AgencyId, period.Kind), ct);
        return new ReportDocumentModel(
            new DocumentIssuer(agency.Name, agency.ShortName, Symbol(agency), isCommittee, unit?.Name, await Province(tree, agency.OrgUnitId)),
            new DocumentPlan(plan.Title, plan.Number),
            new DocumentPeriod(period.Title, period.DataFrom, period.DataTo),
            report.IsConsolidated,
            report.SubmittedAt is { } s ? VietnamTime.Day(s) : VietnamTime.Today(clock),
            content.Tasks.Select(t => new DocumentTask(t.Number, t.Text, t.Progress, t.Narrative, t.Gathered.Select(g => (g.Unit, g.Text)).ToList())).ToList(),
            indicators,
            content.Questions.Select(q => new DocumentQuestion(q.Question, q.Answer)).ToList(),
            content.Difficulties, content.Proposals, reportTo,
            isCommittee ? new DocumentSigner("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", null)
            : agency.Kind == AgencyKind.Department ? new DocumentSigner("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", null)
            : new DocumentSigner("", "THỦ TRƯỞNG ĐƠN VỊ", null), extra);
    }

    /// <summary>The period's units (those the reader may see, as in the matrix) and their accepted figures.</summary>
    public async Task<PeriodWorkbookModel> Period(UserScope scope, int periodId, CancellationToken ct)
    {
        var period = await db.ReportPeriods.AsNoTracking().FirstOrDefaultAsync(p => p.Id == periodId, ct) ?? throw new NotFoundException();
        var matrix = await consolidation.Matrix(scope, period.PlanId, periodId, ct);
        var plan = await db.Plans.AsNoTracking().Include(p => p.Indicators).FirstAsync(p => p.Id == period.PlanId, ct);
        var units = matrix.Units.Where(u => u.Cells[0] is not null).ToList();
        var reportIds = units.Select(u => u.Cells[0]!.ReportId).ToList();
        var accepted = units.Where(u => u.Cells[0]!.Status == ReportStatus.Accepted).Select(u => u.Cells[0]!.ReportId).ToHashSet();
        var values = await db.ReportIndicatorValues.AsNoTracking().Where(v => reportIds.Contains(v.ReportId)).ToListAsync(ct);
        var byKey = values.Where(v => accepted.Contains(v.ReportId)).ToDictionary(v => (v.ReportId, v.IndicatorId));
        var indicators = plan.Indicators.Where(i => i.TargetKind != null).OrderBy(i => i.Position).Select(i =>
        {
            var share = ReportFigures.IsShare(i);
            var cells = reportIds.Select(r => byKey.TryGetValue((r, i.Id), out var v) ? Figure(share, v.Value, v.Denominator) ?? (share ? v.Percent : null) : null).ToList();
            var mine = values.Where(v => v.IndicatorId == i.Id && accepted.Contains(v.ReportId) && v.Value != null).ToList();
            decimal? total = mine.Count == 0 ? null : Figure(share, mine.Sum(v => v.Value), mine.Sum(v => v.Denominator));
            var target = i.TargetFor(Math.Clamp(period.Year, plan.PeriodFrom, plan.PeriodTo));
            return new WorkbookIndicator(i.Number, i.Text, share ? "%" : i.UnitOfMeasure, ReportFigures.TargetText(target, i), cells, total);
        }).ToList();
        var timeliness = units.Select(u => new TimelinessRow(u.Name, u.Cells[0]!.StatusText, period.DueOn, VietnamTime.ToOffset(u.Cells[0]!.SubmittedAt),
            u.Cells[0]!.SubmittedAt is null ? null : u.Cells[0]!.DaysLate)).ToList();
        var extra = await ReportDocumentParts.Collect(parts, scope, new ReportPartRequest(plan.Id, period.DataTo.Year, null, period.Kind), ct);
        return new PeriodWorkbookModel(plan.Title, period.Title, period.DataFrom, period.DataTo, period.DueOn, timeliness, indicators, extra);
    }

    /// <summary>A share is written as its per cent, so that a column of shares reads as the plan writes them.</summary>
    static decimal? Figure(bool share, decimal? value, decimal? den) =>
        value is not { } v ? null : !share ? v : den is { } d && d > 0 ? Math.Round(100m * v / d, 1) : null;

    /// <summary>The place of a document's date line: the province without its type word ("Hà Nội").</summary>
    public static async Task<string> Province(OrgUnits.OrgUnitTree tree, int unitId)
    {
        var node = await tree.Find(unitId);
        foreach (var a in await tree.Ancestors(unitId)) if (a.Level == OrgUnitLevel.Province) node = a;
        var name = node?.Name ?? "";
        foreach (var prefix in new[] { "Thành phố ", "Tỉnh " })
            if (name.StartsWith(prefix, StringComparison.Ordinal)) return name[prefix.Length..];
        return name;
    }

    /// <summary>The symbol after "/BC-": the agency's short name without spaces ("SYT", "UBND").</summary>
    static string Symbol(Agency a) => a.Kind == AgencyKind.PeoplesCommittee ? "UBND" : VietnameseText.Slug(a.ShortName ?? a.Code).Replace("-", "").ToUpperInvariant();
}
