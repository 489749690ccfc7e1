using Pcmd.Web.Shared;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Plans;
using Pcmd.Web.Security;

namespace Pcmd.Web.Features.Reporting;

/// <summary>Builds a report's form: the tasks and indicators assigned to its agency, with what is saved or, where nothing
/// is, what PCMD's own records give; on the consolidated report, the units' accepted figures added up and their
/// narratives gathered per task.</summary>
public sealed class ReportFormService(PcmdDbContext db, ReportingUnits units, ReportFigures figures, TimeProvider clock)
{
    static readonly CultureInfo Vi = CultureInfo.GetCultureInfo("vi-VN");
    DateOnly Today => VietnamTime.Today(clock);

    public sealed record Loaded(Report Report, ReportPeriod Period, Plan Plan);

    /// <summary>The report with its period and plan, if the user may read it (else not found). <paramref name="forDocument"/>:
    /// also the plan's issuing and coordinating agencies and its report schedule with the recipients, which a document names.</summary>
    public async Task<Loaded> Load(UserScope scope, int id, bool track, CancellationToken ct, bool forDocument = false)
    {
        var q = db.Reports.Include(r => r.Tasks).Include(r => r.Values).Include(r => r.Events).Include(r => r.Agency).AsSplitQuery();
        var report = await (track ? q : q.AsNoTracking()).FirstOrDefaultAsync(r => r.Id == id, ct) ?? throw new NotFoundException();
        var period = await db.ReportPeriods.AsNoTracking().FirstAsync(p => p.Id == report.PeriodId, ct);
        IQueryable<Plan> plans = db.Plans.AsNoTracking().AsSplitQuery().Include(p => p.Indicators).ThenInclude(i => i.Targets).Include(p => p.Tasks);
        var plan = await (forDocument
                ? plans.Include(p => p.IssuingAgency).Include(p => p.CoordinatingAgency).Include(p => p.ReportSchedule).ThenInclude(s => s.RecipientAgency)
                : plans)
            .FirstAsync(p => p.Id == period.PlanId, ct);
        if (!await ReportAccess.CanRead(db, scope, report, plan, ct)) throw new NotFoundException();
        return new Loaded(report, period, plan);
    }

    /// <summary>What a report says, as its form and its documents show it: the tasks and indicators assigned to its
    /// agency with what is saved or the pre-fill, the answers, difficulties and proposals.</summary>
    public sealed record Content(List<TaskRow> Tasks, List<ValueRow> Values, List<QuestionRow> Questions, string? Difficulties, string? Proposals);

    /// <summary><paramref name="gathered"/>: on the consolidated report, what each unit wrote under each task.
    /// <paramref name="liveWhenLocked"/>: the records' figures of today beside a submitted report's (the form shows
    /// them; a document prints only the report's own).</summary>
    public async Task<Content> ContentOf(Loaded loaded, bool gathered, bool liveWhenLocked, CancellationToken ct, CultureInfo? culture = null)
    {
        var c = culture ?? Vi;
        var (report, period, plan) = loaded;
        var assigned = await units.Assigned(plan.Id, report.AgencyId, report.IsConsolidated, ct);
        var editable = report.Status is ReportStatus.Draft or ReportStatus.Returned;
        var locked = report.Status is ReportStatus.Submitted or ReportStatus.Accepted;
        var indicators = plan.Indicators.Where(i => assigned.IndicatorIds.Contains(i.Id) && i.TargetKind != null).OrderBy(i => i.Position).ToList();
        var live = locked && !liveWhenLocked ? [] : await figures.Compute(report, period, plan, indicators.Select(i => i.Id), ct, c);
        // The units' sums only pre-fill a draft.
        var sums = report.IsConsolidated && (!locked || liveWhenLocked) ? await UnitSums(period.Id, ct) : [];
        // The units' texts draft the consolidated one wherever the coordinator has written nothing; the texts themselves
        // are listed only where asked (the form, the annex).
        var texts = report.IsConsolidated ? await Gathered(period.Id, ct) : [];
        // The consolidated draft starts with the units' difficulties and proposals gathered, for the coordinator to edit.
        var (difficulties, proposals) = (report.Difficulties, report.Proposals);
        if (report.IsConsolidated && editable)
        {
            var sections = await GatheredSections(period.Id, ct);
            difficulties ??= sections.Difficulties;
            proposals ??= sections.Proposals;
        }

        var tasks = plan.Tasks.Where(t => assigned.TaskIds.Contains(t.Id)).OrderBy(t => t.Position).Select(t =>
        {
            var e = report.Tasks.FirstOrDefault(x => x.TaskId == t.Id);
            var narrative = Drafted(e?.Narrative, texts.GetValueOrDefault(t.Id));
            return new TaskRow(t.Id, t.Number, t.Text, t.Section, assigned.Roles.TryGetValue(t.Id, out var role) ? role : null, e?.Progress,
                ReportLabels.Progress(e?.Progress, c), narrative, gathered ? texts.GetValueOrDefault(t.Id) ?? [] : [],
                Drafted: narrative is not null && string.IsNullOrWhiteSpace(e?.Narrative));
        }).ToList();

        var values = indicators.Select(i => Row(report, period, plan, i, live.GetValueOrDefault(i.Id),
            sums.TryGetValue(i.Id, out var sum) ? sum : null, c)).ToList();
        var questions = period.Questions.Select((q, n) => new QuestionRow(n, q, n < report.Answers.Count ? report.Answers[n] : null)).ToList();
        return new Content(tasks, values, questions, difficulties, proposals);
    }

    /// <summary><paramref name="culture"/>: the words of the labels (status, progress, targets); Vietnamese unless a page
    /// asks for its reader's (<see cref="ReportLabels.Reading"/>).</summary>
    public async Task<ReportForm> Get(UserScope scope, int id, CancellationToken ct = default, CultureInfo? culture = null)
    {
        var c = culture ?? Vi;
        var loaded = await Load(scope, id, track: false, ct);
        var (report, period, plan) = loaded;
        var canConsolidate = ReportAccess.CanConsolidate(scope, plan);
        var writes = report.IsConsolidated ? canConsolidate : await ReportAccess.WritesFor(db, scope, report.AgencyId, report.OrgUnitId, ct);
        var editable = report.Status is ReportStatus.Draft or ReportStatus.Returned;
        var (tasks, values, questions, difficulties, proposals) = await ContentOf(loaded, gathered: true, liveWhenLocked: true, ct, c);
        var attachments = await db.ReportAttachments.AsNoTracking().Where(a => a.ReportId == id).OrderBy(a => a.Id)
            .Select(a => new AttachmentRow(a.Id, a.FileName, a.ContentType, a.Size, a.UploadedAt, a.UploadedBy)).ToListAsync(ct);
        var history = report.Events.OrderBy(e => e.At).ThenBy(e => e.Id)
            .Select(e => new EventRow(e.Kind, ReportLabels.Event(e.Kind, c), e.At, e.By, e.Comment, e.DaysLate)).ToList();
        var due = report.IsConsolidated ? period.ConsolidationDueOn ?? period.DueOn : period.DueOn;
        var firstLate = report.Events.Where(e => e.Kind == ReportEventKind.Submitted).OrderBy(e => e.At).Select(e => e.DaysLate).FirstOrDefault();
        int? late = report.SubmittedAt is null ? (Today > due ? ReportCalendar.DaysLate(due, Today) : null) : firstLate;

        return new ReportForm(report.Id, report.Version, period.Id, period.Title, period.Kind, period.DataFrom, period.DataTo, due, plan.Id, plan.Title,
            report.AgencyId, report.Agency!.Name, report.IsConsolidated, report.Status, ReportLabels.Status(report.Status, report.SubmittedAt is not null, c),
            writes && editable, canConsolidate && !report.IsConsolidated && report.Status == ReportStatus.Submitted, canConsolidate,
            report.SubmittedAt, late, report.SavedAt, report.SavedBy, report.ReturnComment, difficulties, proposals,
            tasks, values, questions, attachments, history);
    }

    ValueRow Row(Report report, ReportPeriod period, Plan plan, Indicator i, ComputedFigure? live, (decimal Value, decimal? Den, int Count)? sum,
        CultureInfo c)
    {
        var saved = report.Values.FirstOrDefault(v => v.IndicatorId == i.Id);
        var locked = report.Status is ReportStatus.Submitted or ReportStatus.Accepted;
        // A draft shows what is saved, else the units' sum (consolidated) or the records' figure: the pre-fill.
        decimal? value = saved?.Value, den = saved?.Denominator, percent = saved?.Percent;
        var prefilled = false;
        if ((saved is null || (saved.Value is null && saved.Denominator is null && saved.Percent is null)) && !locked)
        {
            (value, den) = report.IsConsolidated && sum is { } s ? (s.Value, s.Den) : (live?.Value, live?.Denominator);
            prefilled = value is not null;
        }
        var computed = locked ? saved?.Computed : live?.Value;
        var computedDen = locked ? saved?.ComputedDenominator : live?.Denominator;
        var target = ReportFigures.TargetOf(report, plan, i, period.Year);
        var targetText = ReportFigures.TargetText(target, i, c);
        var (actual, percentText, status) = ReportFigures.Judge(target, i, value, den, percent, period.Year, Today, c);
        return new ValueRow(i.Id, i.Number, i.Text, i.UnitOfMeasure, ReportFigures.IsShare(i), targetText, value, den, percent, prefilled, computed, computedDen,
            locked ? saved?.Source : live?.Source, live?.Link, live?.Value, live?.Denominator, saved?.Note, actual, percentText, status,
            sum?.Value, sum?.Den, sum?.Count ?? 0);
    }

    static string? Drafted(string? narrative, List<UnitText>? texts) =>
        !string.IsNullOrWhiteSpace(narrative) || texts is null ? narrative : ReportSynthesis.Draft(texts.Select(t => (t.Unit, t.Text)));

    /// <summary>The units' accepted figures per indicator, added up: counts as counts, shares as numerators over denominators.</summary>
    public async Task<Dictionary<int, (decimal Value, decimal? Den, int Count)>> UnitSums(int periodId, CancellationToken ct)
    {
        var rows = await db.ReportIndicatorValues.AsNoTracking()
            .Where(v => v.Value != null && db.Reports.Any(r => r.Id == v.ReportId && r.PeriodId == periodId && !r.IsConsolidated
                && r.Status == ReportStatus.Accepted))
            .GroupBy(v => v.IndicatorId)
            .Select(g => new { g.Key, Value = g.Sum(v => v.Value), Den = g.Sum(v => v.Denominator), Count = g.Count() })
            .ToListAsync(ct);
        return rows.ToDictionary(r => r.Key, r => (r.Value ?? 0, r.Den, r.Count));
    }

    /// <summary>What each unit whose report is accepted wrote on each task, with the unit's name.</summary>
    async Task<Dictionary<int, List<UnitText>>> Gathered(int periodId, CancellationToken ct)
    {
        var rows = await db.ReportTaskEntries.AsNoTracking()
            .Where(t => t.Narrative != null && t.Narrative != "")
            .Join(db.Reports.Where(r => r.PeriodId == periodId && !r.IsConsolidated && r.Status == ReportStatus.Accepted),
                t => t.ReportId, r => r.Id, (t, r) => new { t.TaskId, r.Id, Unit = r.Agency!.Name, t.Narrative })
            .ToListAsync(ct);
        return rows.GroupBy(r => r.TaskId).ToDictionary(g => g.Key,
            g => g.OrderBy(r => r.Unit, Shared.VietnameseText.Comparer).Select(r => new UnitText(r.Id, r.Unit, r.Narrative!)).ToList());
    }

    async Task<(string? Difficulties, string? Proposals)> GatheredSections(int periodId, CancellationToken ct)
    {
        var rows = await db.Reports.AsNoTracking()
            .Where(r => r.PeriodId == periodId && !r.IsConsolidated && r.Status == ReportStatus.Accepted)
            .Select(r => new { Unit = r.Agency!.Name, r.Difficulties, r.Proposals }).ToListAsync(ct);
        rows = rows.OrderBy(r => r.Unit, Shared.VietnameseText.Comparer).ToList();
        static string? Join(IEnumerable<(string Unit, string? Text)> xs) =>
            ReportSynthesis.Draft(xs.Where(x => !string.IsNullOrWhiteSpace(x.Text)).Select(x => (x.Unit, x.Text!)));
        return (Join(rows.Select(r => (r.Unit, r.Difficulties))), Join(rows.Select(r => (r.Unit, r.Proposals))));
    }
}
