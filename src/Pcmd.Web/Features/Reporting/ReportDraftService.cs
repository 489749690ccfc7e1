using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Data;
using Pcmd.Web.Security;

namespace Pcmd.Web.Features.Reporting;

/// <summary>Saves a draft as the user types (the form saves itself every few seconds). Every save checks the version the
/// user started from, so two people on one draft never overwrite each other: the second one gets 409 and reloads.</summary>
public sealed class ReportDraftService(PcmdDbContext db, ReportFormService forms, ReportingUnits units, TimeProvider clock)
{
    public const int MaxText = 20000;

    public sealed record Saved(int Id, int Version, DateTime SavedAt);

    public async Task<Saved> Save(UserScope scope, int id, ReportDraft input, CancellationToken ct)
    {
        var (report, period, plan) = await forms.Load(scope, id, track: true, ct);
        await CheckWritable(scope, report, plan, input.Version, ct);
        var assigned = await units.Assigned(plan.Id, report.AgencyId, report.IsConsolidated, ct);
        var errors = new ErrorList();
        Text(input.Difficulties, "difficulties", "Khó khăn, vướng mắc", errors);
        Text(input.Proposals, "proposals", "Đề xuất, kiến nghị", errors);
        if (input.Answers is { } answers)
        {
            if (answers.Count > period.Questions.Count) errors.Add("answers", "Số câu trả lời nhiều hơn số câu hỏi của yêu cầu báo cáo.");
            for (var n = 0; n < answers.Count; n++) Text(answers[n], $"answers[{n}]", $"Câu trả lời {n + 1}", errors);
        }
        foreach (var (t, n) in (input.Tasks ?? []).Select((t, n) => (t, n)))
        {
            if (!assigned.TaskIds.Contains(t.TaskId)) errors.Add($"tasks[{n}].taskId", "Nhiệm vụ này không được giao cho đơn vị trong kế hoạch.");
            if (t.Progress is { } p && !Enum.IsDefined(p)) errors.Add($"tasks[{n}].progress", "Tình hình thực hiện không hợp lệ.");
            Text(t.Narrative, $"tasks[{n}].narrative", "Kết quả thực hiện", errors);
        }
        foreach (var (v, n) in (input.Values ?? []).Select((v, n) => (v, n)))
        {
            var indicator = plan.Indicators.FirstOrDefault(i => i.Id == v.IndicatorId && i.TargetKind != null);
            if (indicator is null || !assigned.IndicatorIds.Contains(v.IndicatorId))
            {
                errors.Add($"values[{n}].indicatorId", "Chỉ tiêu này không được giao cho đơn vị trong kế hoạch.");
                continue;
            }
            ReportRules.CheckValue(indicator, v.Value, v.Denominator, $"values[{n}]", errors, v.Percent);
            if (v.Note is { Length: > 2000 }) errors.Add($"values[{n}].note", "Ghi chú dài tối đa 2.000 ký tự.");
        }
        errors.ThrowIfAny();

        if (input.Difficulties is not null) report.Difficulties = Clean(input.Difficulties);
        if (input.Proposals is not null) report.Proposals = Clean(input.Proposals);
        if (input.Answers is not null) report.Answers = input.Answers.Select(a => Clean(a) ?? "").ToList();
        foreach (var t in input.Tasks ?? [])
        {
            var e = report.Tasks.FirstOrDefault(x => x.TaskId == t.TaskId);
            if (e is null) report.Tasks.Add(e = new ReportTaskEntry { TaskId = t.TaskId });
            (e.Progress, e.Narrative) = (t.Progress, Clean(t.Narrative));
        }
        foreach (var v in input.Values ?? [])
        {
            var e = report.Values.FirstOrDefault(x => x.IndicatorId == v.IndicatorId);
            if (e is null) report.Values.Add(e = new ReportIndicatorValue { IndicatorId = v.IndicatorId });
            (e.Value, e.Denominator, e.Percent, e.Note) = (v.Value, v.Denominator, v.Percent, Clean(v.Note));
        }
        report.SavedAt = clock.GetUtcNow().UtcDateTime;
        report.SavedBy = scope.UserName;
        await SaveVersioned(report, input.Version, ct);
        return new Saved(report.Id, report.Version, report.SavedAt.Value);
    }

    /// <summary>Locked (submitted or accepted) → 409; not the user's agency → 403; another version → 409.</summary>
    public async Task CheckWritable(UserScope scope, Report report, Plans.Plan plan, int version, CancellationToken ct)
    {
        await CheckWriter(scope, report, plan, ct);
        if (report.Status is ReportStatus.Submitted or ReportStatus.Accepted)
            throw new ConflictException(report.Status == ReportStatus.Accepted
                ? "Báo cáo đã được chấp nhận và đã khóa, không sửa được."
                : "Báo cáo đã nộp, đang chờ duyệt: không sửa được cho đến khi được trả lại.");
        if (report.Version != version) throw new ConflictException();
    }

    public async Task CheckWriter(UserScope scope, Report report, Plans.Plan plan, CancellationToken ct)
    {
        var writes = report.IsConsolidated ? ReportAccess.CanConsolidate(scope, plan)
            : await ReportAccess.WritesFor(db, scope, report.AgencyId, report.OrgUnitId, ct);
        if (!writes) throw new ForbiddenException("Bạn chỉ được lập và nộp báo cáo của đơn vị mình.");
    }

    /// <summary>Saves with the version the user saw as the original, so a concurrent save between our read and our write
    /// fails the UPDATE instead of overwriting.</summary>
    public async Task SaveVersioned(Report report, int version, CancellationToken ct)
    {
        db.Entry(report).Property(r => r.Version).OriginalValue = version;
        db.Entry(report).State = db.Entry(report).State == EntityState.Unchanged ? EntityState.Modified : db.Entry(report).State;
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { throw new ConflictException(); }
        // Two first saves of one draft both insert the same task row: the loser trips the unique index before its
        // version check runs. That is the same lost race, and the user gets the same answer.
        catch (DbUpdateException)
        {
            var now = await db.Reports.AsNoTracking().Where(r => r.Id == report.Id).Select(r => r.Version).FirstAsync(ct);
            if (now != version) throw new ConflictException();
            throw;
        }
    }

    static void Text(string? s, string path, string label, ErrorList errors)
    {
        if (s is { Length: > MaxText }) errors.Add(path, $"{label} dài tối đa {ReportLabels.Number(MaxText)} ký tự.");
    }

    /// <summary>Stored as typed; only an empty box becomes null.</summary>
    static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;
}
