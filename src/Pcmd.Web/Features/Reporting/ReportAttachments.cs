using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Pcmd.Web.Data;
using Pcmd.Web.Security;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.Reporting;

/// <summary>Files attached to a draft (minutes, photos, the signed scan). Checked by extension and by their first bytes,
/// so a renamed executable is refused; at most <see cref="MaxBytes"/> each and <see cref="MaxFiles"/> per report (the checks
/// are <see cref="UploadCheck"/>'s: safe name, photos without metadata, Word and Excel files within <see cref="ArchiveLimits"/>).</summary>
public sealed class ReportAttachments(PcmdDbContext db, ReportFormService forms, ReportDraftService drafts, TimeProvider clock,
    IOptions<ArchiveLimits> limits)
{
    public const long MaxBytes = 10 * 1024 * 1024;
    public const int MaxFiles = 10;

    static readonly UploadRules Rules = new([UploadKind.Pdf, UploadKind.Docx, UploadKind.Xlsx, UploadKind.Doc, UploadKind.Xls, UploadKind.Jpeg, UploadKind.Png], MaxBytes)
    {
        WrongName = "Chỉ nhận tệp PDF, Word (.doc, .docx), Excel (.xls, .xlsx) hoặc ảnh (.jpg, .png).",
    };

    /// <summary>Whether the user may write the report at all, asked before the upload is read: a refusal must not depend
    /// on what was sent.</summary>
    public async Task CheckWriter(UserScope scope, int reportId, CancellationToken ct)
    {
        var (report, _, plan) = await forms.Load(scope, reportId, track: false, ct);
        await drafts.CheckWriter(scope, report, plan, ct);
    }

    public async Task<AttachmentRow> Add(UserScope scope, int reportId, int version, string fileName, Stream content, long? length, CancellationToken ct)
    {
        var (report, _, plan) = await forms.Load(scope, reportId, track: true, ct);
        await drafts.CheckWritable(scope, report, plan, version, ct);
        if (await db.ReportAttachments.CountAsync(a => a.ReportId == reportId, ct) >= MaxFiles)
            throw ValidationException.One("file", $"Mỗi báo cáo đính kèm tối đa {MaxFiles} tệp.");
        var file = await UploadCheck.Check(fileName, content, length, Rules, "file", ct, limits.Value);
        var a = new ReportAttachment
        {
            ReportId = reportId, FileName = file.FileName, ContentType = file.ContentType, Size = file.Content.Length, Content = file.Content,
            UploadedAt = clock.GetUtcNow().UtcDateTime, UploadedBy = scope.UserName,
        };
        db.Add(a);
        // Adding a file changes the report: its version moves, so a stale form cannot then submit unseen files.
        await drafts.SaveVersioned(report, version, ct);
        return new AttachmentRow(a.Id, a.FileName, a.ContentType, a.Size, a.UploadedAt, a.UploadedBy);
    }

    public async Task<ReportAttachment> Get(UserScope scope, int reportId, int attachmentId, CancellationToken ct)
    {
        await forms.Load(scope, reportId, track: false, ct);
        return await db.ReportAttachments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == attachmentId && a.ReportId == reportId, ct)
            ?? throw new NotFoundException();
    }

    public async Task<int> Delete(UserScope scope, int reportId, int attachmentId, int version, CancellationToken ct)
    {
        var (report, _, plan) = await forms.Load(scope, reportId, track: true, ct);
        await drafts.CheckWritable(scope, report, plan, version, ct);
        var a = await db.ReportAttachments.FirstOrDefaultAsync(x => x.Id == attachmentId && x.ReportId == reportId, ct) ?? throw new NotFoundException();
        db.Remove(a);
        await drafts.SaveVersioned(report, version, ct);
        return report.Version;
    }
}
