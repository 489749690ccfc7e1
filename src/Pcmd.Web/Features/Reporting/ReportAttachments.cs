using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Pcmd.Web.Data;
using Pcmd.Web.Security;
using Pcmd.Web.Shared;

namespace Pcmd.Web.Features.Reporting;

/// <summary>Files attached to a draft (minutes, photos, the signed scan). Checked by extension and by their first bytes,
/// so a renamed executable is refused; at most <see cref="MaxBytes"/> each and <see cref="MaxFiles"/> per report. The name is
/// reduced to a safe base name (<see cref="SafeFileName"/>); Word and Excel files, which readers' machines will unzip, must
/// be within <see cref="ArchiveLimits"/>.</summary>
public sealed class ReportAttachments(PcmdDbContext db, ReportFormService forms, ReportDraftService drafts, TimeProvider clock,
    IOptions<ArchiveLimits> limits)
{
    public const long MaxBytes = 10 * 1024 * 1024;
    public const int MaxFiles = 10;

    static readonly Dictionary<string, (string Type, byte[][] Magic)> Allowed = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = ("application/pdf", [[0x25, 0x50, 0x44, 0x46]]),
        [".docx"] = ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", [[0x50, 0x4B, 0x03, 0x04]]),
        [".xlsx"] = ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", [[0x50, 0x4B, 0x03, 0x04]]),
        [".doc"] = ("application/msword", [[0xD0, 0xCF, 0x11, 0xE0]]),
        [".xls"] = ("application/vnd.ms-excel", [[0xD0, 0xCF, 0x11, 0xE0]]),
        [".jpg"] = ("image/jpeg", [[0xFF, 0xD8, 0xFF]]),
        [".jpeg"] = ("image/jpeg", [[0xFF, 0xD8, 0xFF]]),
        [".png"] = ("image/png", [[0x89, 0x50, 0x4E, 0x47]]),
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
        var name = SafeFileName.Of(fileName);
        var ext = Path.GetExtension(name);
        if (name.Length == 0 || !Allowed.TryGetValue(ext, out var kind))
            throw ValidationException.One("file", "Chỉ nhận tệp PDF, Word (.doc, .docx), Excel (.xls, .xlsx) hoặc ảnh (.jpg, .png).");
        if (length > MaxBytes) throw ValidationException.One("file", "Tệp lớn hơn 10 MB.");
        if (await db.ReportAttachments.CountAsync(a => a.ReportId == reportId, ct) >= MaxFiles)
            throw ValidationException.One("file", $"Mỗi báo cáo đính kèm tối đa {MaxFiles} tệp.");
        using var ms = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(buffer, ct)) > 0)
        {
            ms.Write(buffer, 0, read);
            if (ms.Length > MaxBytes) throw ValidationException.One("file", "Tệp lớn hơn 10 MB.");
        }
        var bytes = ms.ToArray();
        if (bytes.Length == 0) throw ValidationException.One("file", "Tệp rỗng.");
        if (!kind.Magic.Any(m => bytes.AsSpan().StartsWith(m)))
            throw ValidationException.One("file", "Nội dung tệp không đúng với định dạng của tên tệp.");
        if (ext.Equals(".docx", StringComparison.OrdinalIgnoreCase) || ext.Equals(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            try { SafeArchive.Check(ms, limits.Value, spreadsheet: false); }
            catch (ArchiveRefusedException e) { throw ValidationException.One("file", e.Message); }
            catch (Exception e) when (e is InvalidDataException or IOException or NotSupportedException)
            {
                throw ValidationException.One("file", "Nội dung tệp không đúng với định dạng của tên tệp.");
            }
        }
        var a = new ReportAttachment
        {
            ReportId = reportId, FileName = name, ContentType = kind.Type, Size = bytes.Length, Content = bytes,
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
