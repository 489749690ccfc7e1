using Pcmd.Web.Shared;
using Microsoft.EntityFrameworkCore;
using Pcmd.Web.Data;
using Pcmd.Web.Features.Notifications;
using Pcmd.Web.Security;

namespace Pcmd.Web.Features.Reporting;

/// <summary>Draft → submitted → returned with a comment / accepted. Each step is one transaction: the status, the frozen
/// figures, the history entry and the notifications commit together or not at all (a server killed mid-submission
/// leaves the draft as it was saved).</summary>
public sealed class ReportWorkflow(PcmdDbContext db, ReportFormService forms, ReportDraftService drafts, Notifier notifier, TimeProvider clock)
{
    DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Submits the report as it stands (save the draft first). The figures are frozen as submitted, with the
    /// figure the records gave beside them; a value left as pre-filled is submitted as such.</summary>
    public async Task<ReportForm> Submit(UserScope scope, int id, int version, CancellationToken ct)
    {
        var (report, period, plan) = await forms.Load(scope, id, track: true, ct);
        await drafts.CheckWritable(scope, report, plan, version, ct);
        var form = await forms.Get(scope, id, ct);
        var missing = ReportRules.Missing(form);
        missing.ThrowIfAny("Báo cáo chưa đủ nội dung để nộp");
        ReportPlausibility.Check(form, await ReportPlausibility.Previous(db, report, period, ct))
            .ThrowIfAny("Có số liệu khác thường: hãy kiểm tra lại và ghi chú trước khi nộp");

        foreach (var row in form.Indicators)
        {
            var e = report.Values.FirstOrDefault(v => v.IndicatorId == row.IndicatorId);
            if (e is null) report.Values.Add(e = new ReportIndicatorValue { IndicatorId = row.IndicatorId });
            (e.Value, e.Denominator, e.Percent) = (row.Value, row.Denominator, row.Percent);
            (e.Computed, e.ComputedDenominator, e.Source) = (row.Computed, row.ComputedDenominator, row.Source);
        }
        var now = Now;
        var due = report.IsConsolidated ? period.ConsolidationDueOn ?? period.DueOn : period.DueOn;
        var late = ReportCalendar.DaysLate(due, VietnamTime.Day(now));
        report.Status = ReportStatus.Submitted;
        // The first submission is the one timeliness counts (a report returned and fixed was still sent on time).
        report.SubmittedAt ??= now;
        report.SubmittedBy = scope.UserName;
        report.Events.Add(new ReportEvent { Kind = ReportEventKind.Submitted, At = now, By = scope.UserName, DaysLate = late });
        if (!report.IsConsolidated && plan.ConsolidatorId is { } consolidator)
            foreach (var agency in await WithParts(consolidator, ct))
                await notifier.NotifyAgency(agency, $"{report.Agency!.Name} đã nộp {period.Title}",
                $"{report.Agency.Name} đã nộp {period.Title} của {plan.Title}" + (late > 0 ? $" (chậm {late} ngày)." : "."),
                $"/reports/{report.Id}", $"report-{report.Id}-submitted-{report.Events.Count}", ct);
        await drafts.SaveVersioned(report, version, ct);
        return await forms.Get(scope, id, ct);
    }

    /// <summary>The agency and the agencies that are part of it: the Sở coordinates, its Chi cục does the work.</summary>
    async Task<List<int>> WithParts(int agencyId, CancellationToken ct)
    {
        var all = new List<int> { agencyId };
        for (var i = 0; i < all.Count && all.Count < 50; i++)
        {
            var parent = all[i];
            all.AddRange(await db.Agencies.Where(a => a.ParentId == parent).Select(a => a.Id).ToListAsync(ct));
        }
        return all;
    }

    public Task<ReportForm> Accept(UserScope scope, int id, ReviewInput input, CancellationToken ct) =>
        Review(scope, id, input, ReportStatus.Accepted, ct);

    public Task<ReportForm> Return(UserScope scope, int id, ReviewInput input, CancellationToken ct)
        => Review(scope, id, input, ReportStatus.Returned, ct);

    static void CheckReturnComment(ReviewInput input)
    {
        if (string.IsNullOrWhiteSpace(input.Comment))
            throw ValidationException.One("comment", "Nhập ý kiến khi trả lại báo cáo, để đơn vị biết cần bổ sung gì.");
        if (input.Comment.Length > 4000) throw ValidationException.One("comment", "Ý kiến dài tối đa 4.000 ký tự.");
    }

    async Task<ReportForm> Review(UserScope scope, int id, ReviewInput input, ReportStatus to, CancellationToken ct)
    {
        var (report, period, plan) = await forms.Load(scope, id, track: true, ct);
        if (!ReportAccess.CanConsolidate(scope, plan))
            throw new ForbiddenException("Chỉ cơ quan thường trực tổng hợp được duyệt báo cáo của đơn vị.");
        // The comment is judged only for those who may return: a refusal must not depend on what was sent.
        if (to == ReportStatus.Returned) CheckReturnComment(input);
        // The consolidated report goes to the level above, outside this plan: its authors may take it back (return it
        // to themselves) to correct it, but nobody here accepts it.
        if (report.IsConsolidated && to == ReportStatus.Accepted)
            throw new ConflictException("Báo cáo tổng hợp được gửi lên cấp trên; cấp trên xác nhận, không duyệt tại đây.");
        if (report.Status != ReportStatus.Submitted)
            throw new ConflictException(report.Status == ReportStatus.Accepted ? "Báo cáo đã được chấp nhận và đã khóa."
                : "Báo cáo chưa được nộp nên chưa thể duyệt.");
        if (report.Version != input.Version) throw new ConflictException();
        var now = Now;
        report.Status = to;
        report.ReviewedAt = now;
        report.ReviewedBy = scope.UserName;
        report.ReturnComment = to == ReportStatus.Returned ? input.Comment!.Trim() : report.ReturnComment;
        var kind = to == ReportStatus.Accepted ? ReportEventKind.Accepted : ReportEventKind.Returned;
        report.Events.Add(new ReportEvent { Kind = kind, At = now, By = scope.UserName, Comment = input.Comment?.Trim() is { Length: > 0 } c ? c : null });
        var subject = to == ReportStatus.Accepted ? $"{period.Title} đã được chấp nhận" : $"{period.Title} bị trả lại để bổ sung";
        await notifier.NotifyAgency(report.AgencyId, subject,
            to == ReportStatus.Accepted ? $"{period.Title} của {report.Agency!.Name} đã được chấp nhận." : $"Ý kiến: {input.Comment}",
            $"/reports/{report.Id}", $"report-{report.Id}-{kind}-{report.Events.Count}", ct);
        await drafts.SaveVersioned(report, input.Version, ct);
        return await forms.Get(scope, id, ct);
    }
}
